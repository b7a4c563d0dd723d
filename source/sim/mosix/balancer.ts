import {cpuOf} from '../cpu/scheduler';
import type {Task} from '../cpu/task';
import {seconds} from '../time';
import type {MosixCluster} from './cluster';
import {migrate} from './migration';
import type {MosixNode} from './node';
import {cantMove, mosixProcess} from './process-state';

/** CPUs' worth of work a process asks for on its current node. */
export function processLoad(task: Task): number {
	if (!task.node) return 0;
	return task.threads * task.computeFraction(cpuRate(task));
}

function cpuRate(task: Task): number {
	return cpuOf(task.world, task.node!).perCpuRate;
}

/** I/O-bound processes stay home: away from it every system call is a round trip (iojob). */
function ioBound(task: Task): boolean {
	const hint = mosixProcess(task).hint;
	if (hint === 'io') return true;
	if (hint === 'cpu') return false;
	return task.computeFraction(cpuRate(task)) < 0.5 && task.io > 0;
}

/** Processes the balancer may move away from `node` now. */
export function candidates(cluster: MosixCluster, node: MosixNode): Task[] {
	const minResidency = seconds(cluster.settings.minResidency);
	const now = cluster.world.now;
	return cpuOf(cluster.world, node.host)
		.tasks()
		.filter((t) => {
			const s = mosixProcess(t);
			if (t.state !== 'run' || t.burst <= 0 || s.migrating || s.lock) return false;
			if (cantMove(t, cluster.settings.migshm) !== '') return false;
			if (node.lstay && t.home === node.host) return false;
			return now - t.arrived >= minResidency;
		});
}

/**
 * One balancing round (the MOSIX rule as Kerrighed's simplified MOSIX policy
 * codes it): take the process with the second-highest load (or the only one);
 * for every other node compute its load (as gossip reported it) plus
 * `stabFactor` times what the process would add there; pick the lowest such
 * node, but only if that is still below this node's load. The stab factor is a
 * fictive extra process that stops processes from ping-ponging between nodes
 * of similar load. Before moving, the two nodes negotiate: the target answers
 * with its load right now, counting processes already on their way to it, and
 * refuses when the move would no longer pay off (several nodes working from
 * the same stale news would otherwise pile onto one idle node, which would
 * then push processes back). One process moves per round.
 */
export function balance(cluster: MosixCluster, node: MosixNode): void {
	if (node.stay) return;
	const list = candidates(cluster, node);
	if (list.length === 0) return;
	const loads = new Map(list.map((t) => [t, processLoad(t)]));
	list.sort((a, b) => loads.get(b)! - loads.get(a)! || a.pid - b.pid);
	const task = list.length > 1 ? list[1]! : list[0]!;
	const p = loads.get(task)!;
	if (p <= 0) return;
	let best: {id: number; value: number; added: number} | undefined;
	for (const id of node.ids()) {
		if (id === node.myId) continue;
		const info = cluster.infoOf(node, id);
		const host = cluster.hostById(node, id);
		if (!info || !host) continue;
		if (info.block && host !== task.home) continue;
		if (info.mem < task.rssKb * 1024) continue;
		if (host !== task.home && ioBound(task)) continue;
		const added = (p * node.yardstick) / (info.speed * info.cpus);
		const value = info.rawLoad + cluster.settings.stabFactor * added;
		if (!best || value < best.value) best = {id, value, added};
	}
	const local = node.currentLoad();
	if (!best || best.value >= local) return;
	const target = cluster.hostById(node, best.id)!;
	const targetNode = cluster.node(target);
	const info = node.view.get(best.id);
	if (targetNode) {
		const answer = targetNode.currentLoad();
		if (info) node.view.set(best.id, {...info, rawLoad: answer});
		if (answer + cluster.settings.stabFactor * best.added >= local) return;
	}
	if (!migrate(cluster, task, target, 'balance')) return;
	const updated = node.view.get(best.id);
	if (updated) node.view.set(best.id, {...updated, rawLoad: updated.rawLoad + best.added, load: updated.load + best.added});
}

/**
 * Memory ushering: when free memory runs short, the largest movable process
 * goes to the node with the most free memory, whatever the loads say.
 */
export function usherMemory(cluster: MosixCluster, node: MosixNode): void {
	const mem = node.memory();
	if (mem.mem >= mem.tmem * 0.1) return;
	const list = candidates(cluster, node).sort((a, b) => b.rssKb - a.rssKb || a.pid - b.pid);
	const task = list[0];
	if (!task) return;
	let best: {id: number; free: number} | undefined;
	for (const id of node.ids()) {
		if (id === node.myId) continue;
		const info = cluster.infoOf(node, id);
		const host = cluster.hostById(node, id);
		if (!info || !host || (info.block && host !== task.home)) continue;
		if (info.mem < task.rssKb * 1024 + info.tmem * 0.1) continue;
		if (!best || info.mem > best.free) best = {id, free: info.mem};
	}
	if (best) migrate(cluster, task, cluster.hostById(node, best.id)!, 'memory');
}
