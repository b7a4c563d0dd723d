import type {Host} from '../host';
import {isLoopback, LOCALHOST, networkOf, type Ip} from '../net/ipv4';
import type {Rng} from '../rng';
import {SEC, type Micros} from '../time';
import type {World} from '../world';
import {trafficEngine} from './engine';
import type {FailureKind, Flow, FlowOwner, RequestSpec} from './flow';

export interface LoadSpec {
	readonly client: Host;
	readonly dst: Ip;
	readonly dport: number;
	readonly path: string;
	readonly hostHeader: string;
	/** New requests per second (Poisson arrivals). */
	readonly rate: number;
	/** Seconds each connection stays open after its response. */
	readonly hold: number;
	/** Distinct client addresses the requests come from. */
	readonly clients: number;
}

/** Counters of one run of background load. Conservation: sent = served + failed + reset + in flight. */
export interface LoadCounters {
	sent: number;
	served: number;
	failed: Map<Exclude<FailureKind, 'reset'>, number>;
	/** Requests whose connection was reset before the response came. */
	reset: number;
	/** Responses per real server host. */
	byServer: Map<string, number>;
	/**
	 * What became of the connections after their response (--hold keeps them open):
	 * still open, closed cleanly, or reset (a director that took over without their
	 * entries answers their next packet with a reset). served = open + closed + reset
	 * once every connection is done.
	 */
	held: {open: number; closed: number; reset: number};
}

/**
 * Background traffic from the client PC: requests arriving at random (Poisson)
 * at a given rate, from one or more client addresses, that keeps flowing as
 * virtual time advances. The client PC gets extra addresses for the extra
 * clients while the load needs them.
 */
export class LoadGenerator {
	spec?: LoadSpec;
	running = false;
	startedAt: Micros = 0;
	stoppedAt: Micros = 0;
	counters: LoadCounters = emptyCounters();
	/** The client addresses in use (the first is the PC's own). */
	addresses: Ip[] = [];
	private added: Ip[] = [];
	/** Bumped on start and stop: a pending arrival of an older run does nothing. */
	private run = 0;
	private next = 0;
	private readonly rng: Rng;
	private request?: RequestSpec;
	private readonly owner: FlowOwner;
	private open = 0;
	/** Bumped on each start: flows of an earlier run no longer count. */
	private generation = 0;

	constructor(private readonly world: World) {
		this.rng = world.rng.fork('load');
		this.owner = {
			finished: (flow) => this.finished(flow),
			closed: (flow) => {
				this.open--;
				if (flow.tag === this.generation) this.afterResponse(flow);
				if (!this.running && this.open === 0) this.removeAddresses();
			},
		};
	}

	get inFlight(): number {
		const c = this.counters;
		let failed = 0;
		for (const n of c.failed.values()) failed += n;
		return c.sent - c.served - failed - c.reset;
	}

	start(spec: LoadSpec): void {
		if (this.running) this.stop();
		this.removeAddresses();
		this.spec = spec;
		this.running = true;
		this.startedAt = this.world.now;
		this.counters = emptyCounters();
		this.generation++;
		// Load on a loopback address comes from 127.0.0.1 (and the next loopback addresses for more clients).
		this.addresses = isLoopback(spec.dst) ? Array.from({length: spec.clients}, (_, i) => LOCALHOST + i) : this.pickAddresses(spec.client, spec.clients);
		const bytes = `GET ${spec.path} HTTP/1.1\r\nHost: ${spec.hostHeader}\r\nUser-Agent: lab-load/1.0\r\nAccept: */*\r\nConnection: close\r\n\r\n`.length;
		this.request = {method: 'GET', path: spec.path, hostHeader: spec.hostHeader, userAgent: 'lab-load/1.0', version: 'HTTP/1.1', keepAlive: false, bytes};
		this.world.log('traffic', {
			en: `load started: ${spec.rate} requests/s from ${spec.clients} client${spec.clients === 1 ? '' : 's'}, hold ${spec.hold} s`,
			es: `carga iniciada: ${spec.rate} peticiones/s desde ${spec.clients} cliente${spec.clients === 1 ? '' : 's'}, hold ${spec.hold} s`,
		}, spec.client.name);
		this.schedule();
	}

	stop(): boolean {
		if (!this.running) return false;
		this.running = false;
		this.stoppedAt = this.world.now;
		this.run++;
		this.world.log('traffic', {en: `load stopped after ${this.counters.sent} requests`, es: `carga detenida tras ${this.counters.sent} peticiones`}, this.spec?.client.name);
		if (this.open === 0) this.removeAddresses();
		return true;
	}

	private schedule(): void {
		const run = ++this.run;
		const ticker = {
			tick: (t: Micros) => {
				if (!this.running || run !== this.run) return;
				this.send();
				engine.tickAt(t + this.gap(), ticker);
			},
		};
		const engine = trafficEngine(this.world);
		engine.tickAt(this.world.now + this.gap(), ticker);
	}

	/** Exponential gaps between arrivals (a Poisson process of the given rate). */
	private gap(): Micros {
		return Math.max(1, Math.round((-Math.log(1 - this.rng.next()) / this.spec!.rate) * SEC));
	}

	private send(): void {
		const spec = this.spec!;
		const cip = this.addresses[this.next++ % this.addresses.length]!;
		this.counters.sent++;
		this.open++;
		// `explain` needs the scheduler's account of a recent connection; at high rates one in a few is enough.
		const trace = this.counters.sent % Math.max(1, Math.floor(spec.rate / 50)) === 0;
		trafficEngine(this.world).start(
			{client: spec.client, cip, dst: spec.dst, dport: spec.dport, request: this.request!, owner: this.owner, tag: this.generation, trace, hold: Math.round(spec.hold * SEC)},
			trace ? 'load' : undefined,
		);
	}

	private finished(flow: Flow): boolean {
		if (flow.tag !== this.generation) return false;
		const c = this.counters;
		const f = flow.failure;
		if (!f) {
			c.served++;
			const name = flow.server?.name ?? '?';
			c.byServer.set(name, (c.byServer.get(name) ?? 0) + 1);
			if (flow.hold > 0) c.held.open++;
		} else if (f.kind === 'reset') c.reset++;
		else c.failed.set(f.kind, (c.failed.get(f.kind) ?? 0) + 1);
		return false;
	}

	/** A connection that had its response is done: closed cleanly, or reset on its way out. */
	private afterResponse(flow: Flow): void {
		if (flow.requests === 0) return;
		const held = this.counters.held;
		if (flow.hold > 0) held.open--;
		if (flow.failure) {
			held.reset++;
			// Only the first reset is logged: this path runs once per connection.
			if (held.reset === 1) this.world.log('traffic', {en: `a connection held open was reset after its response: ${flow.failure.errno}`, es: `una conexión mantenida abierta recibió un reset tras su respuesta: ${flow.failure.errno}`}, flow.client.name);
		} else if (flow.hold > 0) held.closed++;
	}

	/** The PC's own address plus free addresses after it in its subnet. */
	private pickAddresses(client: Host, n: number): Ip[] {
		const own = client.primaryIp() ?? 0;
		const out = [own];
		if (n <= 1) return out;
		const addr = client.addresses.find((a) => a.ip === own)!;
		const used = new Set<number>();
		for (const h of this.world.hosts.values()) for (const a of h.addresses) used.add(a.ip);
		const net = networkOf(own, addr.prefix);
		const size = 2 ** (32 - addr.prefix);
		for (let k = 1; out.length < n && k < size; k++) {
			const ip = (net + (((own - net + k) % size) >>> 0)) >>> 0;
			if (ip === net || ip === net + size - 1 || used.has(ip)) continue;
			out.push(ip);
			client.addresses.push({ip, prefix: addr.prefix, dev: addr.dev, label: addr.dev, scope: 'global', broadcast: addr.broadcast});
			this.added.push(ip);
		}
		return out;
	}

	private removeAddresses(): void {
		const client = this.spec?.client;
		if (!client || this.added.length === 0) return;
		const gone = new Set(this.added);
		client.addresses = client.addresses.filter((a) => !gone.has(a.ip));
		this.added = [];
	}
}

function emptyCounters(): LoadCounters {
	return {sent: 0, served: 0, failed: new Map(), reset: 0, byServer: new Map(), held: {open: 0, closed: 0, reset: 0}};
}

/** The world's background load generator. */
export function loadGenerator(world: World): LoadGenerator {
	return world.feature('traffic-load', () => new LoadGenerator(world));
}
