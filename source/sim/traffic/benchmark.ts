import type {Host} from '../host';
import type {Ip} from '../net/ipv4';
import {SEC, type Micros} from '../time';
import type {World} from '../world';
import {Plan, trafficEngine} from './engine';
import type {Flow, FlowOwner, RequestSpec} from './flow';

/** How ApacheBench is asked to run. */
export interface BenchmarkSpec {
	readonly client: Host;
	readonly dst: Ip;
	readonly dport: number;
	readonly request: RequestSpec;
	readonly requests: number;
	readonly concurrency: number;
	readonly keepAlive: boolean;
	/** -t: stop once this much time has passed (0: no limit). */
	readonly timeLimit: Micros;
	/** -s: give up when no socket has news for this long. */
	readonly timeout: Micros;
	/** -r: keep going after receive errors. */
	readonly recvErrOk: boolean;
	/** -l: accept variable document lengths. */
	readonly noLength: boolean;
	/** Called every `heartbeat` completed requests ("Completed N requests"). */
	readonly heartbeat: number;
	readonly onHeartbeat?: (done: number) => void;
}

/** Why a run ended before all requests were done. */
export interface BenchmarkAbort {
	/** The APR call that failed and its message, e.g. `apr_socket_recv` / `Connection refused (111)`. */
	readonly call: string;
	readonly message: string;
	readonly code: number;
}

/** What ab collects: per-request times (µs) and the counters of its report. */
export interface BenchmarkResult {
	readonly start: Micros;
	readonly lasttime: Micros;
	readonly done: number;
	readonly good: number;
	readonly bad: number;
	readonly errConn: number;
	readonly errRecv: number;
	readonly errLength: number;
	readonly errExcept: number;
	readonly errResponse: number;
	readonly doneKa: number;
	readonly totalRead: number;
	readonly totalBread: number;
	readonly doclen: number;
	readonly serverName: string;
	readonly ctime: Float64Array;
	readonly time: Float64Array;
	readonly wait: Float64Array;
	/** Requests served per real server host name (the lab's addition). */
	readonly perServer: ReadonlyMap<string, number>;
	readonly abort?: BenchmarkAbort;
}

const ERRNO: Record<string, number> = {
	'Connection refused': 111,
	'Connection reset by peer': 104,
	'Connection timed out': 110,
	'No route to host': 113,
	'Network is unreachable': 101,
};

/**
 * Runs an ApacheBench test in virtual time: `concurrency` connections, each
 * starting the next request as soon as its previous one closed, as ab does; the
 * first connection runs alone until its response header arrives.
 */
export function runBenchmark(world: World, spec: BenchmarkSpec): BenchmarkResult {
	const engine = trafficEngine(world);
	const n = spec.requests;
	const ctime = new Float64Array(n);
	const time = new Float64Array(n);
	const wait = new Float64Array(n);
	const perServer = new Map<Host, {n: number}>();
	const start = world.now;
	const stoptime = spec.timeLimit > 0 ? start + spec.timeLimit : Infinity;
	let started = 0;
	let done = 0;
	let good = 0;
	let bad = 0;
	let errConn = 0;
	let errRecv = 0;
	let errLength = 0;
	let errExcept = 0;
	let errResponse = 0;
	let doneKa = 0;
	let totalRead = 0;
	let totalBread = 0;
	let doclen = -1;
	let serverName = '';
	let lasttime = start;
	let lastEvent = start;
	let initialized = false;
	let finished = false;
	let abort: BenchmarkAbort | undefined;
	/** Connections open, and the flows ab still waits on (slots of the concurrency array). */
	let open = 0;
	const slots: (Flow | undefined)[] = [];
	const freeSlots: number[] = [];
	const plan = engine.planFor(spec.client, spec.client.primaryIp() ?? 0, spec.dst, spec.dport);
	void Plan;

	const end = () => {
		finished = true;
		world.stop();
	};

	const record = (flow: Flow, t: Micros, s: number) => {
		ctime[s] = flow.connectedAt - flow.start;
		time[s] = t - flow.start;
		wait[s] = flow.firstByteAt > flow.sentAt ? flow.firstByteAt - flow.sentAt : 0;
	};

	const owner: FlowOwner = {
		finished(flow) {
			const t = world.now;
			lastEvent = t;
			if (finished) return false;
			const f = flow.failure;
			if (f) {
				if (!spec.recvErrOk) {
					const message = f.deadline ? 'The timeout specified has expired' : f.errno;
					abort = f.deadline
						? {call: 'apr_pollset_poll', message: `${message} (70007)`, code: 70007}
						: {call: 'apr_socket_recv', message: `${message} (${ERRNO[f.errno] ?? 111})`, code: ERRNO[f.errno] ?? 111};
					end();
					return false;
				}
				// -r: the failed request still counts as done, with its errors.
				if (f.connecting) {
					errExcept++;
					bad++;
				}
				errRecv++;
				bad++;
				if (done < n) {
					record(flow, t, done);
					done++;
					lasttime = t;
					beat();
				}
				next();
				return false;
			}
			const resp = flow.response!;
			good++;
			if (!initialized) {
				const server = resp.headers.find(([k]) => k.toLowerCase() === 'server')?.[1] ?? '';
				serverName = server.split(/[\s]/)[0]!;
			}
			if (resp.status < 200 || resp.status > 299) errResponse++;
			totalRead += flow.respBytes;
			totalBread += flow.bodyBytes;
			if (good === 1) doclen = flow.bodyBytes;
			else if (flow.bodyBytes !== doclen && !spec.noLength) {
				bad++;
				errLength++;
			}
			if (done < n) {
				record(flow, t, done);
				done++;
				lasttime = t;
				// Apache keeps a connection for 100 requests; the 100th answer says Connection: close.
				if (spec.keepAlive && flow.requests < 100) doneKa++;
				const server = flow.server;
				if (server) {
					const box = perServer.get(server);
					if (box) box.n++;
					else perServer.set(server, {n: 1});
				}
				beat();
			}
			if (!initialized) {
				initialized = true;
				for (let i = 1; i < spec.concurrency && started < n; i++) launch();
			}
			if (done >= n || t >= stoptime) {
				end();
				return false;
			}
			// Keep-alive: the next request on this connection (Apache allows 100 per connection).
			if (spec.keepAlive && flow.requests < 100 && started < n) {
				started++;
				flow.start = t;
				flow.connectedAt = t;
				return true;
			}
			next();
			return false;
		},
		closed(flow) {
			open--;
			slots[flow.tag] = undefined;
			freeSlots.push(flow.tag);
			if (finished && open === 0) world.stop();
		},
	};

	const beat = () => {
		if (spec.heartbeat && done % spec.heartbeat === 0) spec.onHeartbeat?.(done);
	};

	const plain = {client: spec.client, cip: spec.client.primaryIp() ?? 0, dst: spec.dst, dport: spec.dport, request: spec.request, owner, plan, trace: false};
	const traced = {...plain, trace: true};
	const launch = () => {
		started++;
		const last = started === n;
		const flow = engine.start(last ? traced : plain, last || started === 1 ? 'ab' : undefined);
		const slot = freeSlots.length ? freeSlots.pop()! : slots.length;
		slots[slot] = flow;
		flow.tag = slot;
		open++;
	};

	const next = () => {
		if (started < n && world.now < stoptime) launch();
		else if (open <= 1 && done >= started) end();
	};

	// ab's poll() gives up when nothing at all happens for -s seconds.
	let watchdog = world.at(start + spec.timeout, function check() {
		if (finished) return;
		if (world.now - lastEvent >= spec.timeout) {
			abort = {call: 'apr_pollset_poll', message: 'The timeout specified has expired (70007)', code: 70007};
			end();
			return;
		}
		watchdog = world.at(lastEvent + spec.timeout, check);
	});

	launch();
	const limit = 7 * 24 * 3600 * SEC;
	while (!finished && world.now < start + limit) world.runUntil(start + limit);
	watchdog.cancel();
	// ab exits: connections it still had open are closed (their FINs reach the director).
	for (const flow of slots) if (flow && (flow.state === 0 || flow.state === 2)) engine.abandon(flow);
	const closeBy = world.now + 2 * SEC;
	while (open > 0 && world.now < closeBy) {
		if (world.runUntil(closeBy)) break;
	}
	const names = new Map<string, number>();
	for (const [host, count] of perServer) names.set(host.name, count.n);
	return {
		start,
		lasttime,
		done,
		good,
		bad,
		errConn,
		errRecv,
		errLength,
		errExcept,
		errResponse,
		doneKa,
		totalRead,
		totalBread,
		doclen: Math.max(0, doclen),
		serverName,
		ctime,
		time,
		wait,
		perServer: names,
		abort,
	};
}
