import type {Host} from '../host';
import {httpServer, type HttpServer} from '../http/server';
import type {HttpResponse} from '../http/types';
import {isLoopback, LOCALHOST, type Ip} from '../net/ipv4';
import type {WalkOptions} from '../net/path';
import type {Rng} from '../rng';
import type {Micros} from '../time';
import type {World} from '../world';
import {sendSyn} from './client';
import {dispatch} from './dispatch';
import {EV_DEADLINE} from './event-kinds';
import {EventLoop, type Ticker} from './event-loop';
import {Flow, FS_DONE, type FlowOwner, type RequestSpec} from './flow';
import {inboundOptions, outboundOptions, Plan} from './paths';
import {EphemeralPorts} from './ports';
import {served, servedLater} from './server';

export type {Ticker} from './event-loop';
export {Plan} from './paths';

/*
 * The traffic engine is split by who acts on a flow:
 *   event-loop.ts  time order of every event, inside one world timer
 *   dispatch.ts    what each kind of event (event-kinds.ts) means
 *   client.ts      SYNs, retransmissions, the request, closing, failures
 *   director.ts    IPVS on a director: entries, scheduling, forwarding, NAT replies
 *   server.ts      the server's stack and Apache, and segments back to the client
 *   paths.ts       paths walked once per batch and cached (Plan, Leg)
 *   why.ts         the words for why a packet was lost
 * This file holds the state they share and the API commands use.
 */

export interface FlowSpec {
	readonly client: Host;
	/** Source address (default: the client's own address). */
	readonly cip?: Ip;
	readonly dst: Ip;
	readonly dport: number;
	readonly request: RequestSpec;
	readonly owner: FlowOwner;
	readonly tag?: number;
	readonly trace?: boolean;
	/** Absolute time limit for the whole request (curl -m). */
	readonly deadline?: Micros;
	/** Absolute time limit for the connection to be established (curl --connect-timeout). */
	readonly connectDeadline?: Micros;
	/** Keep the connection open this long after the response (load --hold). */
	readonly hold?: Micros;
	/** A plan the owner keeps between requests (saves a lookup per request). */
	readonly plan?: Plan;
}

/** Summary of the most recent connection, for `explain`. */
export interface LastConnection {
	readonly flow: Flow;
	readonly startedBy: string;
}

/**
 * Moves HTTP-over-TCP flows through the simulated network in virtual time.
 * Only the moments that change something a user can see are events (a packet
 * group reaching a director, a response reaching the client, a timer); what
 * happens in between on a real server or a client is computed on the spot.
 *
 * The handlers in client.ts, director.ts and server.ts are plain functions
 * taking this engine; the fields below marked "shared" are theirs to use.
 */
export class TrafficEngine {
	/** Shared: the event loop (queue events with loop.push, timers with loop.timer). */
	readonly loop: EventLoop;
	/** Shared: random choice among ARP responders, for path walks. */
	readonly pick: (n: number) => number;
	/** Shared: walk options for client-to-service and server-to-client packets. */
	readonly inOptions: WalkOptions;
	readonly outOptions: WalkOptions;
	/** Shared: callbacks for a web server's response (see server.ts). */
	readonly onServed = (flow: Flow, response: HttpResponse, at: Micros): void => served(this, flow, response, at);
	readonly onServedLater = (ctx: {flow: Flow; gen: number}, response: HttpResponse, at: Micros): void => servedLater(this, ctx, response, at);
	/** Told by connection tables when an entry now expires before every other one. */
	readonly timerEarlier: (due: number) => void;
	private readonly pool: Flow[] = [];
	private nextId = 1;
	private readonly plans = new Map<string, Plan>();
	private readonly ports: EphemeralPorts;
	private readonly arpRng: Rng;
	private readonly httpRng: Rng;
	/** The last connection curl or ab made, and the last one of the background load (for `explain`). */
	last?: LastConnection;
	lastBackground?: LastConnection;
	/** Flows still in progress. */
	active = 0;

	constructor(readonly world: World) {
		this.loop = new EventLoop(world, (kind, stamp, flow, t) => dispatch(this, kind, stamp, flow, t));
		this.timerEarlier = this.loop.timerEarlier;
		this.ports = new EphemeralPorts(world.rng.fork('traffic'));
		this.arpRng = world.rng.fork('arp');
		this.httpRng = world.rng.fork('http');
		this.pick = (n) => this.arpRng.int(n);
		this.inOptions = inboundOptions(this.pick);
		this.outOptions = outboundOptions(this.pick);
	}

	/** The web server of a host. */
	server(host: Host): HttpServer {
		return httpServer(this.world, host, () => this.httpRng);
	}

	/**
	 * Calls `ticker.tick(t)` at time `t`, in order with the flows' events: a
	 * traffic source (the background load) starts its requests this way, without
	 * a world timer each.
	 */
	tickAt(t: Micros, ticker: Ticker): void {
		this.loop.tickAt(t, ticker);
	}

	/** Makes sure a world timer fires at the next engine event. */
	arm(): void {
		this.loop.arm();
	}

	/** Runs everything due up to now (used before reading state mid-command). */
	settle(): void {
		this.loop.settle();
	}

	/** The cached paths of a client address towards a destination (owners may keep it between requests). */
	planFor(client: Host, cip: Ip, dst: Ip, dport: number): Plan {
		const key = `${client.name} ${cip} ${dst} ${dport}`;
		let plan = this.plans.get(key);
		if (!plan) {
			if (this.plans.size > 4096) this.plans.clear();
			plan = new Plan();
			this.plans.set(key, plan);
		}
		return plan;
	}

	/** Starts a TCP connection and its first request at the current time. */
	start(spec: FlowSpec, startedBy?: string): Flow {
		// Outside the engine's own run, anything may have changed since paths were cached
		// (ip neigh flush, sysctl, addresses): plan afresh.
		if (!this.loop.running) this.loop.epoch++;
		const flow = this.pool.pop() ?? new Flow();
		flow.reset();
		flow.id = this.nextId++;
		flow.client = spec.client;
		// To a loopback address the kernel picks 127.0.0.1 as the source (the `local 127.0.0.0/8 … src 127.0.0.1` route).
		flow.cip = spec.cip ?? (isLoopback(spec.dst) ? LOCALHOST : (spec.client.primaryIp() ?? 0));
		flow.cport = this.ports.take(flow.cip);
		flow.dst = spec.dst;
		flow.dport = spec.dport;
		flow.owner = spec.owner;
		flow.tag = spec.tag ?? 0;
		flow.request = spec.request;
		flow.trace = spec.trace ?? false;
		flow.deadline = spec.deadline ?? Infinity;
		flow.hold = spec.hold ?? 0;
		flow.start = this.world.now;
		this.active++;
		if (startedBy === 'load') this.lastBackground = {flow, startedBy};
		else if (startedBy) this.last = {flow, startedBy};
		const plan = spec.plan ?? this.planFor(spec.client, flow.cip, spec.dst, spec.dport);
		flow.plan = plan;
		flow.connectDeadline = spec.connectDeadline ?? Infinity;
		if (flow.deadline !== Infinity) this.loop.push(flow.deadline, EV_DEADLINE, flow);
		if (flow.connectDeadline < flow.deadline) this.loop.push(flow.connectDeadline, EV_DEADLINE, flow);
		sendSyn(this, flow, this.world.now);
		return flow;
	}

	/** Shared: the flow is over (closed, failed or abandoned); its object goes back to the pool. */
	release(flow: Flow): void {
		this.active--;
		flow.state = FS_DONE;
		flow.owner.closed?.(flow);
		flow.gen++;
		flow.timerGen++;
		// Keep the object for `explain` while it is the last connection.
		if (this.last?.flow !== flow && this.lastBackground?.flow !== flow) this.pool.push(flow);
	}

	/** Ends a flow early (ab was interrupted, load stopped): no more events for it. */
	abandon(flow: Flow): void {
		if (flow.state === FS_DONE) return;
		this.release(flow);
	}
}

/** The world's traffic engine (one per world). */
export function trafficEngine(world: World): TrafficEngine {
	return world.feature('traffic-engine', () => new TrafficEngine(world));
}
