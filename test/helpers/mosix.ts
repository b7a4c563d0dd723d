import {cpuOf} from '../../source/sim/cpu/scheduler';
import {spawnTask, type Task} from '../../source/sim/cpu/task';
import type {Host} from '../../source/sim/host';
import type {HttpHandler, HttpResponse} from '../../source/sim/http/types';
import {mosixCluster} from '../../source/sim/mosix/cluster';
import {SEC, type Micros} from '../../source/sim/time';
import type {World} from '../../source/sim/world';

/** A CPU-bound process of `seconds` yardstick seconds (Infinity: never ends). */
export function cpuJob(world: World, host: Host, seconds: number, command = 'job'): Task {
	return spawnTask(world, host, {command, work: seconds * SEC, vszKb: 1372, rssKb: 312});
}


/** Runs until every task has ended (or the limit); returns the virtual time when the last ended. */
export function runUntilAllDone(world: World, tasks: readonly Task[], limit = 3600 * SEC): Micros {
	const deadline = world.now + limit;
	while (tasks.some((t) => t.alive) && world.now < deadline) {
		const next = world.nextEventTime();
		if (next === undefined) break;
		world.runUntil(Math.min(next, deadline));
	}
	return world.now;
}

/** Where every task runs now, by host name. */
export function placement(tasks: readonly Task[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const t of tasks) if (t.node) out[t.node.name] = (out[t.node.name] ?? 0) + 1;
	return out;
}

/** Every migration of the run, from the timeline: pid, from, to, time. */
export function migrations(world: World): Array<{pid: number; from: string; to: string; at: Micros}> {
	const out: Array<{pid: number; from: string; to: string; at: Micros}> = [];
	for (const e of world.timeline.list()) {
		const m = /^process (\d+) \(.*\) migrated from (\S+) to (\S+)/.exec(e.text);
		if (m && e.source === 'mosix') out.push({pid: Number(m[1]), from: m[2]!, to: m[3]!, at: e.at});
	}
	return out;
}

/**
 * A closed-loop load generator like `ab -c C -n N`: C clients, each sending
 * its next request when the previous one is answered (or times out).
 */
export function loadTest(world: World, handler: HttpHandler, options: {concurrency: number; requests: number; path: string; timeout?: Micros}): {done: () => boolean; answered: number; timedOut: number; statuses: Map<number, number>; finishedAt: Micros} {
	const result = {answered: 0, timedOut: 0, statuses: new Map<number, number>(), finishedAt: 0, done: () => result.answered + result.timedOut >= options.requests};
	let sent = 0;
	const timeout = options.timeout ?? 30 * SEC;
	const send = () => {
		if (sent >= options.requests) return;
		const n = sent++;
		let settled = false;
		const timer = world.after(timeout, () => {
			if (settled) return;
			settled = true;
			result.timedOut++;
			if (result.done()) result.finishedAt = world.now;
			send();
		});
		handler.handle({method: 'GET', path: options.path, host: '192.168.10.1', client: 0xc0a80a64, clientPort: 32768 + n, keepAlive: false, userAgent: 'ApacheBench/2.0.40-dev'}, (response: HttpResponse) => {
			if (settled) return;
			settled = true;
			timer.cancel();
			result.answered++;
			result.statuses.set(response.status, (result.statuses.get(response.status) ?? 0) + 1);
			if (result.done()) result.finishedAt = world.now;
			send();
		});
	};
	for (let i = 0; i < options.concurrency; i++) send();
	return result;
}

export function cluster(world: World) {
	return mosixCluster(world)!;
}

export {cpuOf};
