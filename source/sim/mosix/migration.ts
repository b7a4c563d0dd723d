import {cpuOf} from '../cpu/scheduler';
import {LOCAL_SYSCALL_US, SIGKILL, type Task} from '../cpu/task';
import type {Host} from '../host';
import {MSEC, type Micros} from '../time';
import type {MosixCluster} from './cluster';
import {cantMove, mosixProcess} from './process-state';

/** The thesis' nodes share a 10/100 hub: about 100 Mbit/s, 12.5 bytes per µs. */
const NET_BYTES_PER_US = 12.5;
/** Fixed cost of a migration (negotiation, freezing, page tables), µs. */
const MIGRATION_BASE_US = 40 * MSEC;
/** Round trip of a system call forwarded to the deputy at home over the hub, µs. */
export const DEPUTY_RTT_US = 300;

export type MigrationReason = 'balance' | 'request' | 'home' | 'expel' | 'bring' | 'memory' | 'start';

/** Time a process is frozen while its memory crosses the network: ~0.1-0.6 s here. */
export function migrationCost(task: Task): Micros {
	return Math.round(MIGRATION_BASE_US + (task.rssKb * 1024) / NET_BYTES_PER_US);
}

/** Why `target` would refuse this process now ('' when it accepts). */
export function refusal(cluster: MosixCluster, task: Task, target: Host): string {
	if (target === task.home) return target.powered ? '' : 'home node is down';
	const node = cluster.node(target);
	if (!node?.running) return 'target node is not running openMosix';
	if (node.block) return 'target node blocks guest processes';
	const from = task.node ?? task.home;
	if (!cluster.reachable(from, target) || !cluster.reachable(task.home, target)) return 'target node is unreachable';
	const reason = cantMove(task, cluster.settings.migshm);
	if (reason) return reason;
	if (node.memory().mem < task.rssKb * 1024) return 'not enough free memory on the target';
	return '';
}

/** Why a process moved, as the Spanish timeline says it (balancing needs no word). */
const REASON_ES: Record<Exclude<MigrationReason, 'balance'>, string> = {
	request: 'a petición',
	home: 'vuelta a su nodo raíz',
	expel: 'expulsado',
	bring: 'traído de vuelta',
	memory: 'por memoria',
	start: 'al arrancar',
};

/**
 * Moves a process: it leaves its node at once, spends migrationCost() in
 * transit (no progress anywhere), then runs on `target`. Its deputy stays home:
 * away from home each system call costs a network round trip.
 */
export function migrate(cluster: MosixCluster, task: Task, target: Host, reason: MigrationReason): boolean {
	const source = task.node;
	const state = mosixProcess(task);
	if (!task.alive || !source || source === target || state.migrating) return false;
	if (refusal(cluster, task, target)) return false;
	const world = cluster.world;
	const cpu = cpuOf(world, source);
	const demand = task.threads * task.computeFraction(cpu.perCpuRate);
	cpu.detach(task);
	// Its work may have just ended as it left: then it exited instead of moving.
	if (!task.alive || task.node !== source || cpu.tasks().includes(task)) return false;
	task.node = undefined;
	task.setState('transit');
	state.migrating = true;
	// The target reserves the load it agreed to take until the process lands.
	const targetNode = cluster.node(target);
	const reserved = targetNode ? targetNode.normalize(demand) : 0;
	if (targetNode) targetNode.incoming += reserved;
	world.after(migrationCost(task), () => {
		state.migrating = false;
		if (targetNode) targetNode.incoming = Math.max(0, targetNode.incoming - reserved);
		if (!task.alive) return;
		let landing = target;
		if (landing !== task.home && refusal(cluster, task, landing)) landing = task.home;
		if (!landing.powered || (landing !== task.home && !cluster.reachable(task.home, landing))) {
			world.log('mosix', {en: `process ${task.pid} (${task.command}) lost in transit to ${target.name}`, es: `proceso ${task.pid} (${task.command}) perdido mientras migraba a ${target.name}`}, task.home.name);
			task.exit({kind: 'signal', signal: SIGKILL});
			return;
		}
		task.ioLatency = landing === task.home ? LOCAL_SYSCALL_US : LOCAL_SYSCALL_US + DEPUTY_RTT_US;
		cpuOf(world, landing).attach(task);
		state.nmigs++;
		const why = reason === 'balance' ? '' : ` (${reason})`;
		const porque = reason === 'balance' ? '' : ` (${REASON_ES[reason]})`;
		world.log('mosix', {
			en: `process ${task.pid} (${task.command}) migrated from ${source.name} to ${landing.name}${why}`,
			es: `proceso ${task.pid} (${task.command}) migrado de ${source.name} a ${landing.name}${porque}`,
		}, task.home.name);
	});
	return true;
}
