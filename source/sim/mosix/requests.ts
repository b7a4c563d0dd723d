import type {Task} from '../cpu/task';
import {processLoad} from './balancer';
import type {MosixCluster} from './cluster';
import {migrate, refusal} from './migration';
import type {MosixNode} from './node';

/**
 * A migration someone asked for (`migrate`, /proc/PID/goto, openMosixview):
 * to a node number, back home, or wherever the balance is best. Returns the
 * error to report, or undefined when the request was accepted.
 */
export function requestMigration(cluster: MosixCluster, home: MosixNode, task: Task, where: number | 'home' | 'balance'): {errno: 'EINVAL' | 'EPERM' | 'ESRCH'; reason: string} | undefined {
	if (!task.alive) return {errno: 'ESRCH', reason: 'no such process'};
	if (!home.running) return {errno: 'EINVAL', reason: 'openMosix is not configured'};
	let target = task.home;
	if (where === 'balance') {
		target = bestNodeFor(cluster, home, task) ?? (task.node ?? task.home);
	} else if (where !== 'home' && where !== home.myId && where !== 0) {
		const host = cluster.hostById(home, where);
		if (!host) return {errno: 'EINVAL', reason: `no openMosix node #${where}`};
		target = host;
	}
	if (task.node === target) return undefined;
	if (task.state === 'transit') return {errno: 'EPERM', reason: 'already migrating'};
	const why = refusal(cluster, task, target);
	if (why) return {errno: 'EPERM', reason: why};
	migrate(cluster, task, target, target === task.home ? 'home' : 'request');
	return undefined;
}

/** The node where the process would add the least normalized load, counting where it is now. */
function bestNodeFor(cluster: MosixCluster, home: MosixNode, task: Task) {
	const p = processLoad(task) || 1;
	let best: {host: typeof task.home; value: number} | undefined;
	for (const id of home.ids()) {
		const info = cluster.infoOf(home, id);
		const host = cluster.hostById(home, id);
		if (!info || !host) continue;
		const here = host === task.node;
		const added = (p * home.yardstick) / (info.speed * info.cpus);
		const value = here ? info.rawLoad : info.rawLoad + added;
		if (!best || value < best.value - 1e-9) best = {host, value};
	}
	return best?.host;
}
