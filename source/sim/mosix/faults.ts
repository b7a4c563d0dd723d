import {cpuOf} from '../cpu/scheduler';
import {SIGKILL, type Task} from '../cpu/task';
import type {MosixCluster} from './cluster';
import type {MosixNode} from './node';
import {mosixProcess} from './process-state';

/** Rounds a migrated process may go without contact between its two halves before it is killed. */
const LOST_ROUNDS = 3;

/**
 * A migrated process lives in two halves: the remote part where it runs and the
 * deputy at home that owns its files, sockets and pid. When the two cannot
 * reach each other (cable pulled, node powered off or hung) neither half can
 * go on: after a few rounds without contact the process is killed, and the
 * shell at home reports it `Killed`. This is the model; openMosix 2.4 had no
 * checkpointing to save such processes. A clean shutdown (expel/bring, the
 * init script's stop) sends processes home first instead.
 */
export function checkPartitions(cluster: MosixCluster, node: MosixNode): void {
	const world = cluster.world;
	const cpu = cpuOf(world, node.host);
	const suspects: Task[] = [];
	for (const t of cpu.homed.values()) if (t.remote) suspects.push(t);
	for (const t of cpu.tasks()) if (t.home !== node.host) suspects.push(t);
	for (const t of suspects) {
		const other = t.home === node.host ? t.node! : t.home;
		const otherNode = cluster.node(other);
		const ok = cluster.reachable(node.host, other) && other.powered && !(otherNode?.hung ?? false);
		const state = mosixProcess(t);
		if (ok) {
			state.lostRounds = 0;
			continue;
		}
		if (++state.lostRounds < LOST_ROUNDS) continue;
		const away = t.node?.name ?? other.name;
		world.log('mosix', {
			en: `process ${t.pid} (${t.command}) of ${t.home.name} killed: lost contact between ${t.home.name} and ${away}`,
			es: `proceso ${t.pid} (${t.command}) de ${t.home.name} matado: se perdió el contacto entre ${t.home.name} y ${away}`,
		}, node.host.name);
		t.exit({kind: 'signal', signal: SIGKILL});
	}
}
