import {cpuOf} from '../cpu/scheduler';
import {SEC} from '../time';
import type {MosixCluster} from './cluster';
import {kernelMessage} from './config';
import type {MosixNode} from './node';

/** Shared pages a remote process dirties per yardstick second of work (Apache's scoreboard, PHP's state). */
const PAGES_PER_WORK_SECOND = 1000;
/** CPU the owner spends per page: fault, copy, invalidations (yardstick µs). */
const PAGE_COST_US = 600;
/** Kernel memory a queued write-back pins at the owner: the page, its twin, the diff and the request, KiB. */
export const PINNED_KB_PER_PAGE = 16;

/**
 * MigShm (the MAASK DSM patch) as a model. The home node owns every shared page
 * (eager release consistency): each remote process writing shared memory sends
 * its dirty pages home, where `mig_shm_daemon` applies them and invalidates the
 * other copies. That costs the owner CPU, competing with its own processes.
 * Write-backs the owner cannot keep up with queue in kernel memory; when the
 * queue has eaten the free memory the node collapses (hangs), as the thesis
 * saw its root node do under `ab -c 50`. Light use stays below the owner's
 * capacity and works.
 */
export function serveSharedMemory(cluster: MosixCluster, node: MosixNode): void {
	const world = cluster.world;
	const cpu = cpuOf(world, node.host);
	let offered = 0;
	for (const t of cpu.homed.values()) if (t.shm && t.remote && t.state === 'run') offered += t.rate * PAGES_PER_WORK_SECOND;
	const interval = cluster.settings.infoInterval;
	// Served last interval: what the daemon's CPU share allowed.
	const demand = cpu.kernelDemand('mig_shm_daemon');
	const capacityPages = demand > 0 ? (demand * cpu.scale() * cpu.perCpuRate * SEC) / PAGE_COST_US : 0;
	const wanted = offered + node.dsmBacklogPages / interval;
	node.dsmBacklogPages = Math.max(0, node.dsmBacklogPages + (offered - Math.min(wanted, capacityPages)) * interval);
	if (offered === 0 && node.dsmBacklogPages < 1) node.dsmBacklogPages = 0;
	cpu.setKernelDemand('mig_shm_daemon', (wanted * PAGE_COST_US) / (cpu.perCpuRate * SEC));
	if (node.dsmBacklogPages > 0 && node.memory().mem <= 0) collapse(cluster, node);
}

/** The node's kernel runs out of memory under the DSM queue and hangs. */
export function collapse(cluster: MosixCluster, node: MosixNode): void {
	if (node.hung) return;
	const world = cluster.world;
	node.hung = true;
	cpuOf(world, node.host).setHung(true);
	const mb = Math.round((node.dsmBacklogPages * PINNED_KB_PER_PAGE) / 1024);
	kernelMessage(cluster, node.host, `mig_shm_daemon: ${Math.round(node.dsmBacklogPages)} shared-memory pages waiting (${mb} MB): out of memory`);
	world.log('mosix', {
		en: `${node.host.name} has collapsed: the kernel no longer answers (power it off and boot it again)`,
		es: `${node.host.name} se ha colgado: el kernel ya no responde (apágalo y vuelve a encenderlo)`,
	}, node.host.name);
}
