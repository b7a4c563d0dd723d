import {FWD_MASQ} from '../ipvs/conn-table';
import type {IpvsDataPlane} from '../ipvs/data-plane';
import {DIR_OUTPUT, F_ACK, F_FIN, F_RST, F_SYN, STATE_NAMES} from '../ipvs/tcp-states';
import type {Dest} from '../ipvs/types';
import {walk} from '../net/path';
import {ICMP_UNREACH, TCP_ACK, TCP_HEADER, TCP_MSS, TCP_SYN, WIRE_US_PER_BYTE} from '../net/timing';
import type {Micros} from '../time';
import {clientGets, failLater, lost} from './client';
import type {TrafficEngine} from './engine';
import {EV_CLIENT_RESP, EV_CLIENT_SYNACK, EV_OUT_LASTACK, EV_OUT_RESP, EV_OUT_RST, EV_OUT_SYNACK} from './event-kinds';
import type {Flow} from './flow';
import {latency, legFor, segments} from './paths';
import {replyFrom, serverRequest, serverSyn} from './server';
import {forwardDropDetail, why} from './why';

/*
 * The director's leg of a flow: IPVS looking up or creating the connection
 * entry (the scheduler's choice), counting packets and moving the entry's TCP
 * state, forwarding to the real server by NAT, DR or TUN, and rewriting the
 * replies that come back through it (NAT). What IPVS does not take goes on
 * to the director's own stack.
 */

/** Time a director needs to pass a packet on. */
const FORWARD_DELAY: Micros = 6;

/** The flow's packets now reach `plane` (another director after a failover: its entry index means nothing there). */
export function via(flow: Flow, plane: IpvsDataPlane): void {
	if (flow.director !== plane) flow.slot = -1;
	flow.director = plane;
}

/** The flow's connection entry on `plane`, or -1 (remembered on the flow while it stays alive). */
function entryOf(flow: Flow, plane: IpvsDataPlane): number {
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
function nodest(e: TrafficEngine, flow: Flow, plane: IpvsDataPlane, slot: number, t: Micros): boolean {
	if (plane.destUsable(slot, t)) return false;
	lost(e, flow, {reason: 'nodest', detail: why.deletedServer(plane.host.name, plane.host.sysctlNumber('net.ipv4.vs.expire_nodest_conn') === 1)});
	return true;
}

/** The client's SYN reached the director: an existing entry, or the scheduler picks a real server. */
export function directorSyn(e: TrafficEngine, flow: Flow, t: Micros): void {
	const plane = flow.director!;
	let slot = entryOf(flow, plane);
	let reused: {state: string; dest: Dest} | undefined;
	if (slot >= 0) {
		if (nodest(e, flow, plane, slot, t)) return;
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
			directorLocal(e, flow, plane, t, 'syn');
			return;
		}
		const made = plane.newConnection(svc, 'tcp', flow.cip, flow.cport, flow.dst, flow.dport, t, flow.trace);
		if (flow.trace || made < 0) flow.decision = plane.lastDecision && reused ? {...plane.lastDecision, reused: {...reused, replaced: true}} : plane.lastDecision;
		if (made < 0) {
			// ICMP port unreachable: the client's connect() fails with ECONNREFUSED.
			const back = walk(e.world, plane.host, {src: flow.dst, dst: flow.cip, proto: 'icmp', sport: 0, dport: 0, size: ICMP_UNREACH}, {pick: e.pick});
			const detail = plane.lastDecision?.failure === 'no-scheduler' ? why.noScheduler(plane.host.name, svc.scheduler) : why.noDestination(plane.host.name, svc.scheduler);
			lost(e, flow, {reason: 'nodest', detail});
			failLater(e, flow, t + back.latency, {kind: 'refused', errno: 'Connection refused', detail, connecting: true});
			return;
		}
		slot = made;
		flow.slot = slot;
		flow.slotGen = plane.table.gen[slot]!;
	}
	plane.inPackets(slot, F_SYN, -1, 1, TCP_SYN, t);
	flow.dest = plane.destAt(slot) ?? null;
	forward(e, flow, plane, slot, 'syn', TCP_SYN, t);
}

/**
 * A packet IPVS does not take (no entry, and not a SYN for a virtual service):
 * it goes on to the director's own stack. A SYN meets whatever listens there; a
 * later packet of a connection this stack never opened (a director that took
 * over without the sync daemon) gets a reset, as nothing has a socket for it.
 */
function directorLocal(e: TrafficEngine, flow: Flow, plane: IpvsDataPlane, t: Micros, what: 'syn' | 'req' | 'fin'): void {
	const host = plane.host;
	flow.director = null;
	if (what === 'syn') serverSyn(e, flow, host, flow.dst, flow.dport, t);
	else if (flow.server === host) {
		// The connection is the director's own (its stack answered the SYN).
		if (what === 'req') serverRequest(e, flow, host, t);
		else e.release(flow);
	} else {
		lost(e, flow, {reason: 'no-listener', detail: why.noEntry(host.name, flow.cip, flow.cport)});
		replyFrom(e, flow, host, flow.dst, flow.dport, EV_OUT_RST, t, TCP_ACK);
	}
}

/** The client's ACK and request reached the director. */
export function directorReq(e: TrafficEngine, flow: Flow, t: Micros): void {
	const plane = flow.director!;
	const slot = entryOf(flow, plane);
	if (slot < 0) {
		directorLocal(e, flow, plane, t, 'req');
		return;
	}
	if (nodest(e, flow, plane, slot, t)) return;
	plane.inPackets(slot, F_ACK, -1, 2, TCP_ACK + TCP_HEADER + flow.request.bytes, t);
	flow.dest = plane.destAt(slot) ?? null;
	forward(e, flow, plane, slot, 'req', TCP_HEADER + flow.request.bytes, t);
}

/** The client's ACKs of the response and its FIN reached the director. */
export function directorFin(e: TrafficEngine, flow: Flow, t: Micros): void {
	const plane = flow.director!;
	const slot = entryOf(flow, plane);
	if (slot < 0) {
		directorLocal(e, flow, plane, t, 'fin');
		return;
	}
	if (!plane.destUsable(slot, t)) {
		e.release(flow);
		return;
	}
	const acks = Math.max(1, Math.ceil(segments(flow.respBytes) / 2));
	plane.inPackets(slot, F_ACK, F_FIN, acks + 1, (acks + 1) * TCP_ACK, t);
	// NAT: the server's last ACK comes back through the director.
	if (plane.table.fwd[slot] === FWD_MASQ && flow.server) {
		const leg = legFor(e, flow, plane, slot);
		if (leg.reply && leg.reply.end.kind === 'intercepted') {
			e.loop.push(t + latency(leg.fwd, TCP_ACK) + latency(leg.reply, TCP_ACK), EV_OUT_LASTACK, flow);
			return;
		}
	}
	e.release(flow);
}

/** Sends the client's packet on to the real server by the entry's forwarding method. */
function forward(e: TrafficEngine, flow: Flow, plane: IpvsDataPlane, slot: number, what: 'syn' | 'req', size: number, t: Micros): void {
	const leg = legFor(e, flow, plane, slot);
	const end = leg.fwd.end;
	flow.info.forwardHops ??= leg.fwd.result.hops;
	if (end.kind !== 'local') {
		const detail = end.kind === 'dropped' ? forwardDropDetail(plane, slot, end) : why.otherService(end.host.name);
		lost(e, flow, {reason: end.kind === 'dropped' ? end.reason : 'loop', detail});
		return;
	}
	const arrive = t + FORWARD_DELAY + latency(leg.fwd, size);
	const tbl = plane.table;
	const fwd = tbl.fwd[slot]!;
	const localIp = fwd === FWD_MASQ ? tbl.daddr[slot]! : flow.dst;
	const localPort = fwd === FWD_MASQ ? tbl.dport[slot]! : flow.dport;
	if (what === 'syn') serverSyn(e, flow, end.host, localIp, localPort, arrive);
	else serverRequest(e, flow, end.host, arrive, localIp, localPort);
}

/** A reply group reached the director on its way out (NAT): state, counters, source rewritten. */
export function directorOut(e: TrafficEngine, flow: Flow, kind: number, t: Micros): void {
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
			e.release(flow);
			return;
		} else if (kind === EV_OUT_RST) {
			plane.tcpPacket(slot, DIR_OUTPUT, F_RST, t);
			plane.countOut(slot, 1, TCP_ACK);
		}
		src = plane.table.vaddr[slot]!;
		sport = plane.table.vport[slot]!;
	} else if (kind === EV_OUT_LASTACK) {
		e.release(flow);
		return;
	}
	const size = kind === EV_OUT_RESP ? Math.min(flow.respBytes, TCP_MSS) + TCP_HEADER : TCP_SYN;
	const r = walk(e.world, plane.host, {src, dst: flow.cip, proto: 'tcp', sport, dport: flow.cport, size}, {pick: e.pick});
	if (r.end.kind !== 'local' || r.end.host !== flow.client) {
		lost(e, flow, {reason: r.end.kind === 'dropped' ? r.end.reason : 'loop', detail: r.end.kind === 'dropped' ? r.end.detail : why.replyLost()});
		return;
	}
	const extra = kind === EV_OUT_RESP ? Math.max(0, segments(flow.respBytes) - 1) * Math.round(1500 * WIRE_US_PER_BYTE) : 0;
	if (kind === EV_OUT_RESP) flow.firstByteAt = t + FORWARD_DELAY + r.latency;
	clientGets(e, flow, kind === EV_OUT_SYNACK ? EV_CLIENT_SYNACK : kind === EV_OUT_RESP ? EV_CLIENT_RESP : EV_OUT_RST, src, sport, t + FORWARD_DELAY + r.latency + extra, size);
}
