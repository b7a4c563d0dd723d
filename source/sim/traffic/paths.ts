import type {Host} from '../host';
import type {HttpServer} from '../http/server';
import {FWD_LOCAL, FWD_MASQ, FWD_TUNNEL} from '../ipvs/conn-table';
import type {IpvsDataPlane} from '../ipvs/data-plane';
import type {Ip} from '../net/ipv4';
import {walk, type Packet, type PathEnd, type PathResult, type WalkOptions} from '../net/path';
import {lookupRoute, sourceFor} from '../net/routing';
import {TCP_MSS, TCP_SYN, WIRE_US_PER_BYTE} from '../net/timing';
import type {Micros} from '../time';
import type {TrafficEngine} from './engine';
import type {Flow} from './flow';

/*
 * Where a flow's packets go and how long that takes. Walking a path (routing,
 * ARP, forwarding) is the costly part of a packet, so each path is walked once
 * per batch of events and reused by every flow of the same client address and
 * destination: a Plan holds them, and a batch (EventLoop.epoch) invalidates it.
 */

/** A path computed once per batch and reused by every flow taking it. */
export interface CachedPath {
	readonly end: PathEnd;
	/** The data plane of the host that intercepted it, if any. */
	readonly plane?: IpvsDataPlane;
	readonly result: PathResult;
	/** Latency without the size-dependent part and without ARP. */
	readonly fixed: Micros;
	readonly nHops: number;
	/** ARP wait still to be paid by the first packet. */
	arp: Micros;
}

/** From a director to one real server and back to the client. */
export interface Leg {
	readonly fwd: CachedPath;
	/** The host whose stack the forwarded packets reach, and its web server. */
	readonly server?: Host;
	readonly srv?: HttpServer;
	/** The reply path, for replies from `replyKey` (source address and port). */
	reply?: CachedPath;
	replyKey: number;
}

/** Paths of one client address towards one destination, valid for one batch. */
export class Plan {
	epoch = -1;
	syn?: CachedPath;
	/** Per director and real server: forward leg and the reply. */
	readonly legs = new Map<number, Leg>();
	/** Replies of a server reached without a director. */
	direct?: CachedPath;
	directHost?: Host;
	directKey = -1;
}

/** The IPVS data plane of a host (directors have one). */
export function planeOf(host: Host): IpvsDataPlane | undefined {
	return host.daemon<IpvsDataPlane>('ipvs-data');
}

/**
 * Client to service: a director's IPVS takes packets addressed to it when a
 * virtual service matches, or when it has connection entries at all (synced
 * entries need no service); the director then looks the connection up and
 * hands what is not IPVS traffic to its own stack.
 */
export function inboundOptions(pick: (n: number) => number): WalkOptions {
	return {
		pick,
		intercept: (host, pkt, local) => {
			if (!local) return false;
			const p = planeOf(host);
			return p !== undefined && (p.findService(pkt.proto === 'udp' ? 'udp' : 'tcp', pkt.dst, pkt.dport) !== undefined || p.hasEntries());
		},
	};
}

/** Server to client: a director forwarding the reply may own it (NAT); the engine checks per connection. */
export function outboundOptions(pick: (n: number) => number): WalkOptions {
	return {
		pick,
		intercept: (host, _pkt, local) => !local && planeOf(host) !== undefined,
	};
}

/** A walked path, kept with its size-independent latency for reuse. */
function cachePath(r: PathResult, size: number): CachedPath {
	const nHops = r.hops.length;
	return {end: r.end, plane: r.end.kind === 'intercepted' ? planeOf(r.end.host) : undefined, result: r, fixed: r.latency - r.arpDelay - nHops * Math.round(size * WIRE_US_PER_BYTE), nHops, arp: r.arpDelay};
}

/** Time a packet of `size` bytes takes along a cached path; the first one pays the ARP wait. */
export function latency(p: CachedPath, size: number): Micros {
	const arp = p.arp;
	p.arp = 0;
	return p.fixed + arp + p.nHops * Math.round(size * WIRE_US_PER_BYTE);
}

/** TCP segments needed for `bytes` of data (at least one). */
export function segments(bytes: number): number {
	return bytes <= 0 ? 1 : Math.ceil(bytes / TCP_MSS);
}

/** Forgets a plan's paths when they were cached in an earlier batch. */
function freshPlan(plan: Plan, epoch: number): void {
	if (plan.epoch !== epoch) {
		plan.epoch = epoch;
		plan.syn = undefined;
		plan.direct = undefined;
		plan.directHost = undefined;
		plan.legs.clear();
	}
}

/** The path of the client's packets towards the destination (walked with a packet of `size` bytes). */
export function clientPath(e: TrafficEngine, flow: Flow, size: number): CachedPath {
	const plan = flow.plan!;
	freshPlan(plan, e.loop.epoch);
	let p = plan.syn;
	if (!p) {
		const r = walk(e.world, flow.client, {src: flow.cip, dst: flow.dst, proto: 'tcp', sport: flow.cport, dport: flow.dport, size}, e.inOptions);
		p = cachePath(r, size);
		plan.syn = p;
		if (!flow.info.clientHops) flow.info.clientHops = r.hops;
	}
	return p;
}

function synPacket(flow: Flow): Packet {
	return {src: flow.cip, dst: flow.dst, proto: 'tcp', sport: flow.cport, dport: flow.dport, size: TCP_SYN};
}

/** Cache key of the leg an entry's packets take: the director and the entry's real server (or, unbound, its target). */
function legKey(plane: IpvsDataPlane, slot: number): number {
	return plane.targetOf(slot) * 1024 + plane.serial;
}

/** Forward leg and reply path for the flow's real server, cached per batch (and on the flow, as the leg in use). */
export function legFor(e: TrafficEngine, flow: Flow, plane: IpvsDataPlane, slot: number): Leg {
	const plan = flow.plan!;
	freshPlan(plan, e.loop.epoch);
	const t = plane.table;
	const key = legKey(plane, slot);
	const mine = flow.leg;
	if (mine && flow.legKey === key && flow.legEpoch === plan.epoch) return mine;
	let leg = plan.legs.get(key);
	if (!leg) {
		const daddr = t.daddr[slot]!;
		const dport = t.dport[slot]!;
		const fwd = t.fwd[slot]!;
		let r: PathResult;
		const size = TCP_SYN;
		if (fwd === FWD_MASQ) {
			r = walk(e.world, plane.host, {src: flow.cip, dst: daddr, proto: 'tcp', sport: flow.cport, dport, size}, {pick: e.pick});
		} else if (fwd === FWD_TUNNEL) {
			const route = lookupRoute(plane.host, daddr);
			const outer = route.kind === 'unicast' ? route.src : sourceFor(plane.host, 'eth0', daddr);
			r = walk(e.world, plane.host, synPacket(flow), {pick: e.pick, tunnel: {outerSrc: outer, outerDst: daddr}});
		} else if (fwd === FWD_LOCAL) {
			r = {end: {kind: 'local', host: plane.host, dev: 'lo'}, latency: 10, hops: [], arp: [], arpDelay: 0};
		} else {
			r = walk(e.world, plane.host, synPacket(flow), {pick: e.pick, firstHop: daddr});
		}
		const server = r.end.kind === 'local' ? r.end.host : undefined;
		leg = {fwd: cachePath(r, size), server, srv: server ? e.server(server) : undefined, replyKey: -1};
		plan.legs.set(key, leg);
	}
	flow.leg = leg;
	flow.legKey = key;
	flow.legEpoch = plan.epoch;
	return leg;
}

/**
 * The path of a segment from `host` (answering from src:sport) back to the
 * client: cached on the flow's leg when `host` is its real server, else on
 * the plan as a direct reply.
 */
export function replyPath(e: TrafficEngine, flow: Flow, host: Host, src: Ip, sport: number, size: number): CachedPath {
	const plan = flow.plan!;
	freshPlan(plan, e.loop.epoch);
	let p: CachedPath | undefined;
	const key = (src >>> 0) * 65536 + sport;
	const leg = flow.leg;
	const viaLeg = leg !== null && leg.server === host;
	if (viaLeg) {
		if (leg.replyKey === key) p = leg.reply;
	} else if (plan.directHost === host && plan.directKey === key) p = plan.direct;
	if (!p) {
		const r = walk(e.world, host, {src, dst: flow.cip, proto: 'tcp', sport, dport: flow.cport, size}, e.outOptions);
		p = cachePath(r, size);
		if (viaLeg) {
			leg.reply = p;
			leg.replyKey = key;
		} else {
			plan.direct = p;
			plan.directHost = host;
			plan.directKey = key;
		}
	}
	return p;
}
