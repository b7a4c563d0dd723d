import type {Localized} from '../../i18n/lang';
import type {Host} from '../host';
import {httpServer, type HttpServer} from '../http/server';
import {StaticFiles} from '../http/static-files';
import type {HttpRequest, HttpResponse} from '../http/types';
import {FWD_MASQ, FWD_ROUTE, FWD_TUNNEL} from '../ipvs/conn-table';
import type {IpvsDataPlane} from '../ipvs/data-plane';
import {DIR_INPUT, DIR_OUTPUT, F_ACK, F_FIN, F_RST, F_SYN, STATE_NAMES} from '../ipvs/tcp-states';
import type {Dest} from '../ipvs/types';
import {formatIp, type Ip} from '../net/ipv4';
import {walk, type PathEnd, type WalkOptions} from '../net/path';
import {lookupRoute} from '../net/routing';
import {ICMP_UNREACH, TCP_ACK, TCP_HEADER, TCP_MSS, TCP_SYN, WIRE_US_PER_BYTE} from '../net/timing';
import type {Rng} from '../rng';
import {SEC, type Micros} from '../time';
import type {World} from '../world';
import {
	EV_CLIENT_FAIL,
	EV_CLIENT_RESP,
	EV_CLIENT_SYNACK,
	EV_DEADLINE,
	EV_DIR_FIN,
	EV_DIR_REQ,
	EV_DIR_SYN,
	EV_HOLD_CLOSE,
	EV_NEXT_REQ,
	EV_OUT_LASTACK,
	EV_OUT_RESP,
	EV_OUT_RST,
	EV_OUT_SYNACK,
	EV_SYN_TIMER,
} from './event-kinds';
import {EventLoop, type Ticker} from './event-loop';
import {clientPath, inboundOptions, latency, legFor, legKey, outboundOptions, Plan, planeOf, replyPath, segments} from './paths';
import {EphemeralPorts} from './ports';
import {why} from './why';
import {Flow, FS_CLOSING, FS_CONNECTED, FS_CONNECTING, FS_DONE, FS_IDLE, FS_WAITING, type Failure, type FlowOwner, type RequestSpec} from './flow';

export type {Ticker} from './event-loop';
export {Plan} from './paths';

/** Linux client: initial SYN retransmission timeout, and tcp_syn_retries. */
const SYN_RTO: Micros = 1 * SEC;
const SYN_RETRIES = 6;
/** An established connection whose data is never acknowledged gives up after tcp_retries2 (about 15 minutes). */
const DATA_GIVE_UP: Micros = 924_600_000;
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
 * All events of all flows run in time order in the event loop (event-loop.ts).
 */
export class TrafficEngine {
	readonly loop: EventLoop;
	private readonly pool: Flow[] = [];
	private nextId = 1;
	private readonly plans = new Map<string, Plan>();
	private readonly ports: EphemeralPorts;
	private readonly arpRng: Rng;
	private readonly httpRng: Rng;
	/** Random choice among ARP responders, for path walks. */
	readonly pick: (n: number) => number;
	/** Walk options for client-to-service and server-to-client packets. */
	readonly inOptions: WalkOptions;
	readonly outOptions: WalkOptions;
	/** The last connection curl or ab made, and the last one of the background load (for `explain`). */
	last?: LastConnection;
	lastBackground?: LastConnection;
	/** Flows still in progress. */
	active = 0;

	/** Told by connection tables when an entry now expires before every other one. */
	readonly timerEarlier: (due: number) => void;

	constructor(readonly world: World) {
		this.loop = new EventLoop(world, (kind, stamp, flow, t) => this.dispatch(kind, stamp, flow, t));
		this.timerEarlier = this.loop.timerEarlier;
		this.ports = new EphemeralPorts(world.rng.fork('traffic'));
		this.arpRng = world.rng.fork('arp');
		this.httpRng = world.rng.fork('http');
		this.pick = (n) => this.arpRng.int(n);
		this.inOptions = inboundOptions(this.pick);
		this.outOptions = outboundOptions(this.pick);
	}

	// ---- directors and servers ---------------------------------------------------

	/** The web server of a host. */
	server(host: Host): HttpServer {
		return httpServer(this.world, host, () => this.httpRng);
	}

	// ---- scheduling ----------------------------------------------------------------

	private push(t: Micros, kind: number, flow: Flow, stamp = flow.gen): void {
		this.loop.push(t, kind, flow, stamp);
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

	// ---- paths ----------------------------------------------------------------------

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

	// ---- starting flows ----------------------------------------------------------------

	/** Starts a TCP connection and its first request at the current time. */
	start(spec: FlowSpec, startedBy?: string): Flow {
		// Outside the engine's own run, anything may have changed since paths were cached
		// (ip neigh flush, sysctl, addresses): plan afresh.
		if (!this.loop.running) this.loop.epoch++;
		const flow = this.pool.pop() ?? new Flow();
		flow.reset();
		flow.id = this.nextId++;
		flow.client = spec.client;
		flow.cip = spec.cip ?? spec.client.primaryIp() ?? 0;
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
		if (flow.deadline !== Infinity) this.push(flow.deadline, EV_DEADLINE, flow);
		if (flow.connectDeadline < flow.deadline) this.push(flow.connectDeadline, EV_DEADLINE, flow);
		this.sendSyn(flow, this.world.now);
		return flow;
	}

	private release(flow: Flow): void {
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

	// ---- the client ----------------------------------------------------------------

	private sendSyn(flow: Flow, t: Micros): void {
		flow.timerGen++;
		flow.synAt = t;
		const {path, lat} = clientPath(this, flow, TCP_SYN);
		flow.info.clientHops ??= path.result.hops;
		const end = path.end;
		if (end.kind === 'dropped') {
			if (end.host === flow.client && (end.reason === 'no-route' || end.reason === 'arp-failed' || end.reason === 'no-carrier')) {
				const unreach = end.reason === 'no-route' && flow.client.interfaces.size > 0 && lookupRoute(flow.client, flow.dst).kind === 'unreachable';
				this.failLater(flow, t + (unreach ? 0 : lat), {
					kind: 'unreachable',
					errno: unreach ? 'Network is unreachable' : 'No route to host',
					detail: end.detail,
					connecting: true,
				});
				return;
			}
			this.lost(flow, {reason: end.reason, detail: end.detail});
			return;
		}
		if (end.kind === 'intercepted') {
			this.via(flow, path.plane!);
			this.push(t + lat, EV_DIR_SYN, flow);
			return;
		}
		// Straight to a host's own stack (no virtual service on the way).
		flow.director = null;
		this.serverSyn(flow, end.host, flow.dst, flow.dport, t + lat);
	}

	/**
	 * A packet of the flow was lost: remember why, and make sure the client's
	 * retransmission (or give-up) timer runs. Flows whose packets all arrive
	 * never need one, which keeps the common case cheap.
	 */
	private lost(flow: Flow, drop: NonNullable<Flow['info']['lastDrop']>): void {
		flow.info.lastDrop = drop;
		this.expectTimeout(flow);
	}

	private expectTimeout(flow: Flow): void {
		if (flow.armedGen === flow.timerGen) return;
		flow.armedGen = flow.timerGen;
		if (flow.state === FS_CONNECTING) this.loop.timer(flow.synAt, SYN_RTO * 2 ** flow.synTries, flow);
		else if (flow.state === FS_WAITING) this.loop.timer(flow.sentAt, DATA_GIVE_UP, flow);
	}

	private failLater(flow: Flow, t: Micros, failure: Failure): void {
		if (flow.failure) return;
		flow.failure = failure;
		this.push(t, EV_CLIENT_FAIL, flow);
	}

	/** The client got a segment from src:sport at time t. */
	private clientGets(flow: Flow, what: number, src: Ip, sport: number, t: Micros, size: number): void {
		if (flow.state === FS_DONE) return;
		if (src !== flow.dst || sport !== flow.dport) {
			// Not the peer it is talking to: the client's stack answers with a reset and ignores it.
			this.lost(flow, {
				reason: 'wrong-source',
				detail: why.wrongSource(src, sport, flow.dst, flow.dport),
			});
			return;
		}
		if (what === EV_CLIENT_SYNACK) {
			// Only the client's own stack is involved: handled on the spot, with its arrival time.
			if (flow.state === FS_CONNECTING) this.connected(flow, t);
			return;
		}
		if (what === EV_OUT_RST) {
			if (flow.state === FS_CONNECTING) {
				this.failLater(flow, t, {kind: 'refused', errno: 'Connection refused', detail: flow.info.lastDrop?.detail ?? why.resetBy(src, sport), connecting: true});
			} else {
				this.failLater(flow, t, {kind: 'reset', errno: 'Connection reset by peer', detail: flow.info.lastDrop?.detail ?? why.serverReset(), connecting: false});
			}
			return;
		}
		if (what === EV_CLIENT_RESP) {
			void size;
			this.push(t, EV_CLIENT_RESP, flow);
		}
	}

	private connected(flow: Flow, t: Micros): void {
		if (flow.state !== FS_CONNECTING) return;
		flow.state = FS_CONNECTED;
		flow.connectedAt = t;
		flow.timerGen++;
		flow.owner.connected?.(flow);
		this.sendRequest(flow, t);
	}

	/** ACK (on a new connection) and the request. */
	private sendRequest(flow: Flow, t: Micros): void {
		flow.state = FS_WAITING;
		flow.sentAt = t;
		const size = TCP_HEADER + flow.request.bytes;
		flow.timerGen++;
		const {path, lat} = clientPath(this, flow, size);
		const end = path.end;
		if (end.kind === 'dropped') {
			this.lost(flow, {reason: end.reason, detail: end.detail});
			return;
		}
		if (end.kind === 'intercepted') {
			this.via(flow, path.plane!);
			this.push(t + lat, EV_DIR_REQ, flow);
			return;
		}
		this.serverRequest(flow, end.host, t + lat);
	}

	/** The client has the whole response: record it, then close or ask again. */
	private clientDone(flow: Flow, t: Micros): void {
		if (flow.state === FS_DONE) return;
		flow.doneAt = t;
		flow.requests++;
		flow.timerGen++;
		const again = flow.owner.finished(flow);
		if (flow.state === FS_DONE) return;
		if (typeof again === 'number' && again > 0) {
			flow.response = undefined;
			flow.state = FS_IDLE;
			this.push(t + again, EV_NEXT_REQ, flow);
			return;
		}
		if (again) {
			flow.response = undefined;
			this.sendRequest(flow, t);
			return;
		}
		if (flow.hold > 0) {
			flow.state = FS_CLOSING;
			this.push(t + flow.hold, EV_HOLD_CLOSE, flow);
			return;
		}
		this.clientClose(flow, t);
	}

	/** ACKs and FIN from the client; the flow ends once the director has seen them. */
	private clientClose(flow: Flow, t: Micros): void {
		flow.state = FS_CLOSING;
		const {path, lat} = clientPath(this, flow, TCP_ACK);
		if (path.end.kind === 'intercepted') {
			// Whichever director holds the address now (another one after a failover).
			this.via(flow, path.plane!);
			this.push(t + lat, EV_DIR_FIN, flow);
			return;
		}
		const end = path.end;
		if (end.kind === 'local' && flow.server && end.host !== flow.server) {
			// The address moved to a host whose stack never had this connection (a director
			// whose IPVS is not in the path): it answers the FIN with a reset.
			const detail = planeOf(end.host) ? why.noEntry(end.host.name, flow.cip, flow.cport) : why.noConnection(end.host.name, this.server(end.host).running);
			this.lost(flow, {reason: 'no-listener', detail});
			this.replyFrom(flow, end.host, flow.dst, flow.dport, EV_OUT_RST, t + lat, TCP_ACK);
			return;
		}
		this.finish(flow);
	}

	private finish(flow: Flow): void {
		this.release(flow);
	}

	private clientFailed(flow: Flow): void {
		if (flow.state === FS_DONE) return;
		flow.doneAt = this.world.now;
		// A connection reset while closing had its response already: the owner hears of it when it is closed.
		if (flow.state !== FS_CLOSING) flow.owner.finished(flow);
		this.release(flow);
	}

	// ---- the director ----------------------------------------------------------------

	private entryOf(flow: Flow, plane: IpvsDataPlane): number {
		const t = plane.table;
		if (flow.slot >= 0 && flow.director === plane && t.alive(flow.slot, flow.slotGen)) return flow.slot;
		const s = plane.findIn('tcp', flow.cip, flow.cport, flow.dst, flow.dport);
		if (s >= 0) {
			flow.slot = s;
			flow.slotGen = t.gen[s]!;
		}
		return s;
	}

	/** The packet's entry belongs to a deleted real server: the director drops it. */
	private nodest(flow: Flow, plane: IpvsDataPlane, slot: number, t: Micros): boolean {
		if (plane.destUsable(slot, t)) return false;
		this.lost(flow, {reason: 'nodest', detail: why.deletedServer(plane.host.name, plane.host.sysctlNumber('net.ipv4.vs.expire_nodest_conn') === 1)});
		return true;
	}

	private directorSyn(flow: Flow, t: Micros): void {
		const plane = flow.director!;
		let slot = this.entryOf(flow, plane);
		let reused: {state: string; dest: Dest} | undefined;
		if (slot >= 0) {
			if (this.nodest(flow, plane, slot, t)) return;
			// A retransmitted SYN finds this flow's own entry; only a first SYN can find an older connection's.
			const old = plane.destAt(slot);
			if (flow.trace && flow.synTries === 0 && !flow.decision && old) reused = {state: STATE_NAMES[plane.table.state[slot]!]!, dest: old};
			slot = plane.reuseOrExpire(slot, t);
			if (slot >= 0 && reused && flow.trace) {
				const svc = plane.serviceAt(slot)!;
				flow.decision = {at: t, director: plane.host.name, service: svc, client: flow.cip, cport: flow.cport, dest: reused.dest, reused: {...reused, replaced: false}};
			}
		}
		if (slot < 0) {
			const svc = plane.findService('tcp', flow.dst, flow.dport);
			if (!svc) {
				this.directorLocal(flow, plane, t, 'syn');
				return;
			}
			const made = plane.newConnection(svc, 'tcp', flow.cip, flow.cport, flow.dst, flow.dport, t, flow.trace);
			if (flow.trace || made < 0) flow.decision = plane.lastDecision && reused ? {...plane.lastDecision, reused: {...reused, replaced: true}} : plane.lastDecision;
			if (made < 0) {
				const r = {decision: plane.lastDecision!};
				// ICMP port unreachable: the client's connect() fails with ECONNREFUSED.
				const back = walk(this.world, plane.host, {src: flow.dst, dst: flow.cip, proto: 'icmp', sport: 0, dport: 0, size: ICMP_UNREACH}, {pick: this.pick});
				const detail = r.decision.failure === 'no-scheduler' ? why.noScheduler(plane.host.name, svc.scheduler) : why.noDestination(plane.host.name, svc.scheduler);
				this.lost(flow, {reason: 'nodest', detail});
				this.failLater(flow, t + back.latency, {kind: 'refused', errno: 'Connection refused', detail, connecting: true});
				return;
			}
			slot = made;
			flow.slot = slot;
			flow.slotGen = plane.table.gen[slot]!;
		}
		plane.inPackets(slot, F_SYN, -1, 1, TCP_SYN, t);
		flow.dest = plane.destAt(slot) ?? null;
		this.forward(flow, plane, slot, 'syn', TCP_SYN, t);
	}

	/** The flow's packets now reach `plane` (another director after a failover: its entry index means nothing there). */
	private via(flow: Flow, plane: IpvsDataPlane): void {
		if (flow.director !== plane) flow.slot = -1;
		flow.director = plane;
	}

	/**
	 * A packet IPVS does not take (no entry, and not a SYN for a virtual service):
	 * it goes on to the director's own stack. A SYN meets whatever listens there; a
	 * later packet of a connection this stack never opened (a director that took
	 * over without the sync daemon) gets a reset, as nothing has a socket for it.
	 */
	private directorLocal(flow: Flow, plane: IpvsDataPlane, t: Micros, what: 'syn' | 'req' | 'fin'): void {
		const host = plane.host;
		flow.director = null;
		if (what === 'syn') this.serverSyn(flow, host, flow.dst, flow.dport, t);
		else if (flow.server === host) {
			// The connection is the director's own (its stack answered the SYN).
			if (what === 'req') this.serverRequest(flow, host, t);
			else this.finish(flow);
		} else {
			this.lost(flow, {reason: 'no-listener', detail: why.noEntry(host.name, flow.cip, flow.cport)});
			this.replyFrom(flow, host, flow.dst, flow.dport, EV_OUT_RST, t, TCP_ACK);
		}
	}

	private directorReq(flow: Flow, t: Micros): void {
		const plane = flow.director!;
		const slot = this.entryOf(flow, plane);
		if (slot < 0) {
			this.directorLocal(flow, plane, t, 'req');
			return;
		}
		if (this.nodest(flow, plane, slot, t)) return;
		plane.inPackets(slot, F_ACK, -1, 2, TCP_ACK + TCP_HEADER + flow.request.bytes, t);
		flow.dest = plane.destAt(slot) ?? null;
		this.forward(flow, plane, slot, 'req', TCP_HEADER + flow.request.bytes, t);
	}

	private directorFin(flow: Flow, t: Micros): void {
		const plane = flow.director!;
		const slot = this.entryOf(flow, plane);
		if (slot < 0) {
			this.directorLocal(flow, plane, t, 'fin');
			return;
		}
		if (!plane.destUsable(slot, t)) {
			this.finish(flow);
			return;
		}
		const acks = Math.max(1, Math.ceil(segments(flow.respBytes) / 2));
		plane.inPackets(slot, F_ACK, F_FIN, acks + 1, (acks + 1) * TCP_ACK, t);
		// NAT: the server's last ACK comes back through the director.
		if (plane.table.fwd[slot] === FWD_MASQ && flow.server) {
			const leg = legFor(this, flow, plane, slot);
			if (leg.reply && leg.reply.end.kind === 'intercepted') {
				this.push(t + latency(leg.fwd, TCP_ACK) + latency(leg.reply, TCP_ACK), EV_OUT_LASTACK, flow);
				return;
			}
		}
		this.finish(flow);
	}

	/** Sends the client's packet on to the real server by the entry's forwarding method. */
	private forward(flow: Flow, plane: IpvsDataPlane, slot: number, what: 'syn' | 'req', size: number, t: Micros): void {
		const leg = legFor(this, flow, plane, slot);
		flow.leg = leg;
		flow.legKey = legKey(plane, slot);
		flow.legEpoch = flow.plan!.epoch;
		const end = leg.fwd.end;
		flow.info.forwardHops ??= leg.fwd.result.hops;
		if (end.kind !== 'local') {
			const detail = end.kind === 'dropped' ? this.explainForwardDrop(plane, slot, end) : why.otherService(end.host.name);
			this.lost(flow, {reason: end.kind === 'dropped' ? end.reason : 'loop', detail});
			return;
		}
		const arrive = t + FORWARD_DELAY + latency(leg.fwd, size);
		const tbl = plane.table;
		const fwd = tbl.fwd[slot]!;
		const localIp = fwd === FWD_MASQ ? tbl.daddr[slot]! : flow.dst;
		const localPort = fwd === FWD_MASQ ? tbl.dport[slot]! : flow.dport;
		if (what === 'syn') this.serverSyn(flow, end.host, localIp, localPort, arrive);
		else this.serverRequest(flow, end.host, arrive, localIp, localPort);
	}

	private explainForwardDrop(plane: IpvsDataPlane, slot: number, end: Extract<PathEnd, {kind: 'dropped'}>): Localized {
		const tbl = plane.table;
		const fwd = tbl.fwd[slot]!;
		if (end.reason === 'not-forwarding' && (fwd === FWD_ROUTE || fwd === FWD_TUNNEL)) {
			return why.noVip(plane.host.name, end.host.name, tbl.vaddr[slot]!, tbl.daddr[slot]!, fwd === FWD_ROUTE ? 'DR' : 'TUN');
		}
		return end.detail;
	}

	/** A reply group reached the director on its way out (NAT): state, counters, source rewritten. */
	private directorOut(flow: Flow, kind: number, t: Micros): void {
		const plane = flow.outDirector!;
		const slot = plane.findOut('tcp', flow.serverIp, flow.serverPort, flow.cip, flow.cport);
		let src = flow.serverIp;
		let sport = flow.serverPort;
		if (slot >= 0) {
			if (kind === EV_OUT_SYNACK) {
				plane.tcpPacket(slot, DIR_OUTPUT, F_SYN, t);
				plane.countOut(slot, 1, TCP_SYN);
			} else if (kind === EV_OUT_RESP) {
				const n = segments(flow.respBytes);
				plane.tcpPackets(slot, DIR_OUTPUT, F_ACK, n, t);
				plane.tcpPacket(slot, DIR_OUTPUT, F_FIN, t);
				plane.countOut(slot, n + 1, flow.respBytes + (n + 1) * TCP_HEADER);
			} else if (kind === EV_OUT_LASTACK) {
				plane.tcpPacket(slot, DIR_OUTPUT, F_ACK, t);
				plane.countOut(slot, 1, TCP_ACK);
				this.finish(flow);
				return;
			} else if (kind === EV_OUT_RST) {
				plane.tcpPacket(slot, DIR_OUTPUT, F_RST, t);
				plane.countOut(slot, 1, TCP_ACK);
			}
			src = plane.table.vaddr[slot]!;
			sport = plane.table.vport[slot]!;
		} else if (kind === EV_OUT_LASTACK) {
			this.finish(flow);
			return;
		}
		const size = kind === EV_OUT_RESP ? Math.min(flow.respBytes, TCP_MSS) + TCP_HEADER : TCP_SYN;
		const r = walk(this.world, plane.host, {src, dst: flow.cip, proto: 'tcp', sport, dport: flow.cport, size}, {pick: this.pick});
		if (r.end.kind !== 'local' || r.end.host !== flow.client) {
			this.lost(flow, {reason: r.end.kind === 'dropped' ? r.end.reason : 'loop', detail: r.end.kind === 'dropped' ? r.end.detail : why.replyLost()});
			return;
		}
		const extra = kind === EV_OUT_RESP ? Math.max(0, segments(flow.respBytes) - 1) * Math.round(1500 * WIRE_US_PER_BYTE) : 0;
		if (kind === EV_OUT_RESP) flow.firstByteAt = t + FORWARD_DELAY + r.latency;
		this.clientGets(flow, kind === EV_OUT_SYNACK ? EV_CLIENT_SYNACK : kind === EV_OUT_RESP ? EV_CLIENT_RESP : EV_OUT_RST, src, sport, t + FORWARD_DELAY + r.latency + extra, size);
	}

	// ---- the server ------------------------------------------------------------------

	/** A SYN reached `host`'s own stack, addressed to localIp:localPort. */
	private serverSyn(flow: Flow, host: Host, localIp: Ip, localPort: number, t: Micros): void {
		const leg = flow.leg;
		const srv = leg && leg.server === host ? leg.srv! : this.server(host);
		flow.server = host;
		flow.serverIp = localIp;
		flow.serverPort = localPort;
		if (!srv.listens(localPort)) {
			this.lost(flow, {reason: 'no-listener', detail: why.noListener(host.name, localPort, srv.running)});
			this.replyFrom(flow, host, localIp, localPort, EV_OUT_RST, t, TCP_ACK);
			return;
		}
		if (!srv.acceptsConnection(t)) {
			this.lost(flow, {reason: 'backlog', detail: why.backlogFull(host.name)});
			return;
		}
		this.replyFrom(flow, host, localIp, localPort, EV_OUT_SYNACK, t + SERVER_TCP_DELAY, TCP_SYN);
	}

	/** The request reached the server; the response leaves when the server has it. */
	private serverRequest(flow: Flow, host: Host, t: Micros, localIp = flow.serverIp, localPort = flow.serverPort): void {
		const leg = flow.leg;
		const srv = leg && leg.server === host ? leg.srv! : this.server(host);
		if (flow.server !== host || !srv.listens(localPort)) {
			flow.server = host;
			flow.serverIp = localIp;
			flow.serverPort = localPort;
			this.lost(flow, {reason: 'no-listener', detail: why.noConnection(host.name, srv.running)});
			this.replyFrom(flow, host, localIp, localPort, EV_OUT_RST, t, TCP_ACK);
			return;
		}
		const req = flow.request;
		if (srv.handler instanceof StaticFiles) {
			// Static pages do not depend on who asks: one request object per kind of request.
			let request = staticRequests.get(req);
			if (!request) {
				request = {method: req.method, path: req.path, host: req.hostHeader, client: flow.cip, clientPort: flow.cport, keepAlive: req.keepAlive, userAgent: req.userAgent, version: req.version};
				staticRequests.set(req, request);
			}
			srv.serve(request, t, this.onServed, flow);
			return;
		}
		const request: HttpRequest = {
			method: req.method,
			path: req.path,
			host: req.hostHeader,
			client: flow.cip,
			clientPort: flow.cport,
			keepAlive: req.keepAlive,
			userAgent: req.userAgent,
			version: req.version,
		};
		srv.serve(request, t, this.onServedLater, {flow, gen: flow.gen});
		if (flow.state === FS_WAITING && !flow.response) this.expectTimeout(flow);
	}

	/** The server has the response for a flow, right away. */
	private readonly onServed = (flow: Flow, response: HttpResponse, at: Micros): void => {
		if (flow.state === FS_DONE || !flow.server) return;
		this.serverRespond(flow, flow.server, response, at);
	};

	/** A handler answered, possibly much later: the flow object may have moved on since. */
	private readonly onServedLater = (ctx: {flow: Flow; gen: number}, response: HttpResponse, at: Micros): void => {
		const flow = ctx.flow;
		if (flow.gen !== ctx.gen || flow.state === FS_DONE || !flow.server) return;
		this.serverRespond(flow, flow.server, response, at);
		if (!this.loop.running) this.loop.arm();
	};

	private serverRespond(flow: Flow, host: Host, response: HttpResponse, at: Micros): void {
		flow.response = response;
		flow.bodyBytes = response.body.length;
		flow.respBytes = headerBytes(response) + response.body.length;
		this.replyFrom(flow, host, flow.serverIp, flow.serverPort, EV_CLIENT_RESP, at, Math.min(flow.respBytes, TCP_MSS) + TCP_HEADER);
	}

	/**
	 * A segment group from the server end (SYN-ACK, RST or response) towards the
	 * client: straight to it, or through a director that rewrites it (NAT).
	 */
	private replyFrom(flow: Flow, host: Host, src: Ip, sport: number, what: number, t: Micros, size: number): void {
		const p = replyPath(this, flow, host, src, sport, size);
		flow.info.replyHops ??= p.result.hops;
		const end = p.end;
		const lat = latency(p, size);
		const n = what === EV_CLIENT_RESP ? segments(flow.respBytes) : 1;
		const extra = (n - 1) * Math.round(1500 * WIRE_US_PER_BYTE);
		if (end.kind === 'dropped') {
			this.lost(flow, {reason: end.reason, detail: this.explainReplyDrop(flow, host, src, end)});
			return;
		}
		if (end.kind === 'intercepted') {
			const plane = planeOf(end.host)!;
			if (plane.findOut('tcp', src, sport, flow.cip, flow.cport) >= 0) {
				flow.outDirector = plane;
				this.push(t + lat + extra, what === EV_CLIENT_RESP ? EV_OUT_RESP : what, flow);
				return;
			}
			// The director forwards it unchanged.
			const r = walk(this.world, end.host, {src, dst: flow.cip, proto: 'tcp', sport, dport: flow.cport, size}, {pick: this.pick});
			if (r.end.kind !== 'local' || r.end.host !== flow.client) {
				this.lost(flow, {reason: r.end.kind === 'dropped' ? r.end.reason : 'loop', detail: r.end.kind === 'dropped' ? r.end.detail : why.replyAstray()});
				return;
			}
			if (what === EV_CLIENT_RESP) flow.firstByteAt = t + lat + r.latency;
			this.clientGets(flow, what === EV_OUT_SYNACK ? EV_CLIENT_SYNACK : what, src, sport, t + lat + r.latency + extra, size);
			return;
		}
		if (end.host !== flow.client) {
			this.lost(flow, {reason: 'loop', detail: why.replyElsewhere(host.name, end.host.name)});
			return;
		}
		if (what === EV_CLIENT_RESP) flow.firstByteAt = t + lat;
		this.clientGets(flow, what === EV_OUT_SYNACK ? EV_CLIENT_SYNACK : what, src, sport, t + lat + extra, size);
	}

	private explainReplyDrop(flow: Flow, host: Host, src: Ip, end: Extract<PathEnd, {kind: 'dropped'}>): Localized {
		if (end.reason === 'martian-source') return why.martianReply(host.name, src, end.host.name);
		void flow;
		return end.detail;
	}

	// ---- dispatch ------------------------------------------------------------------------

	private dispatch(kind: number, stamp: number, flow: Flow, t: Micros): void {
		if (kind === EV_SYN_TIMER || kind === EV_HOLD_CLOSE) {
			if (kind === EV_SYN_TIMER && stamp !== flow.timerGen) return;
			if (kind === EV_HOLD_CLOSE && stamp !== flow.gen) return;
		} else if (stamp !== flow.gen) return;
		switch (kind) {
			case EV_DIR_SYN:
				this.directorSyn(flow, t);
				break;
			case EV_DIR_REQ:
				this.directorReq(flow, t);
				break;
			case EV_DIR_FIN:
				this.directorFin(flow, t);
				break;
			case EV_OUT_SYNACK:
			case EV_OUT_RESP:
			case EV_OUT_LASTACK:
			case EV_OUT_RST:
				this.directorOut(flow, kind, t);
				break;
			case EV_CLIENT_SYNACK:
				this.connected(flow, t);
				break;
			case EV_CLIENT_RESP:
				if (flow.state === FS_WAITING) this.clientDone(flow, t);
				break;
			case EV_CLIENT_FAIL:
				this.clientFailed(flow);
				break;
			case EV_SYN_TIMER:
				this.synTimer(flow, t);
				break;
			case EV_DEADLINE:
				if (t < flow.deadline && flow.state !== FS_CONNECTING) break;
				if (flow.state !== FS_DONE && flow.state !== FS_CLOSING) {
					flow.failure ??= {kind: 'timeout', errno: 'Connection timed out', detail: flow.info.lastDrop?.detail ?? why.noAnswerInTime(), deadline: true, connecting: flow.state === FS_CONNECTING};
					this.clientFailed(flow);
				}
				break;
			case EV_HOLD_CLOSE:
				if (flow.state === FS_CLOSING) this.clientClose(flow, t);
				break;
			case EV_NEXT_REQ:
				if (flow.state === FS_IDLE) this.sendRequest(flow, t);
				break;
		}
	}

	private synTimer(flow: Flow, t: Micros): void {
		if (flow.state === FS_CONNECTING) {
			if (flow.synTries >= SYN_RETRIES) {
				this.failLater(flow, t, {kind: 'timeout', errno: 'Connection timed out', detail: flow.info.lastDrop?.detail ?? why.synsUnanswered(), connecting: true});
				return;
			}
			flow.synTries++;
			this.sendSyn(flow, t);
			return;
		}
		if (flow.state === FS_WAITING) {
			this.failLater(flow, t, {kind: 'timeout', errno: 'Connection timed out', detail: flow.info.lastDrop?.detail ?? why.responseNeverCame(), connecting: false});
		}
	}
}

/** The request object a static page server sees, per kind of request. */
const staticRequests = new WeakMap<RequestSpec, HttpRequest>();

/** Header bytes of each (cached) response object. */
const headerSizes = new WeakMap<HttpResponse, number>();

function headerBytes(response: HttpResponse): number {
	let n = headerSizes.get(response);
	if (n === undefined) {
		n = `HTTP/1.1 ${response.status} ${response.reason}\r\n`.length + 2;
		for (const [k, v] of response.headers) n += k.length + v.length + 4;
		headerSizes.set(response, n);
	}
	return n;
}

/** Time a director needs to pass a packet on. */
const FORWARD_DELAY: Micros = 6;
/** Time a server's kernel needs to answer a SYN. */
const SERVER_TCP_DELAY: Micros = 12;

/** The world's traffic engine (one per world). */
export function trafficEngine(world: World): TrafficEngine {
	return world.feature('traffic-engine', () => new TrafficEngine(world));
}
