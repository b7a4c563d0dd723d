import type {Ip} from '../net/ipv4';
import {lookupRoute} from '../net/routing';
import {TCP_ACK, TCP_HEADER, TCP_SYN} from '../net/timing';
import {SEC, type Micros} from '../time';
import {via} from './director';
import type {TrafficEngine} from './engine';
import {EV_CLIENT_FAIL, EV_CLIENT_RESP, EV_CLIENT_SYNACK, EV_DIR_FIN, EV_DIR_REQ, EV_DIR_SYN, EV_HOLD_CLOSE, EV_NEXT_REQ, EV_OUT_RST} from './event-kinds';
import {FS_CLOSING, FS_CONNECTED, FS_CONNECTING, FS_DONE, FS_IDLE, FS_WAITING, type Failure, type Flow} from './flow';
import {clientPath, latency, planeOf} from './paths';
import {replyFrom, serverRequest, serverSyn} from './server';
import {why} from './why';

/*
 * The client's side of a flow: its SYNs and their retransmissions, the
 * request, the response arriving, closing, and every way connect() or the
 * transfer can fail (and the errno the client's kernel reports).
 */

/** Linux client: initial SYN retransmission timeout, and tcp_syn_retries. */
const SYN_RTO: Micros = 1 * SEC;
const SYN_RETRIES = 6;
/** An established connection whose data is never acknowledged gives up after tcp_retries2 (about 15 minutes). */
const DATA_GIVE_UP: Micros = 924_600_000;

/** The client's SYN (a first one, or a retransmission) leaves at time t. */
export function sendSyn(e: TrafficEngine, flow: Flow, t: Micros): void {
	flow.timerGen++;
	flow.synAt = t;
	const path = clientPath(e, flow, TCP_SYN);
	const lat = latency(path, TCP_SYN);
	flow.info.clientHops ??= path.result.hops;
	const end = path.end;
	if (end.kind === 'dropped') {
		if (end.host === flow.client && (end.reason === 'no-route' || end.reason === 'arp-failed' || end.reason === 'no-carrier')) {
			const unreach = end.reason === 'no-route' && flow.client.interfaces.size > 0 && lookupRoute(flow.client, flow.dst).kind === 'unreachable';
			failLater(e, flow, t + (unreach ? 0 : lat), {
				kind: 'unreachable',
				errno: unreach ? 'Network is unreachable' : 'No route to host',
				detail: end.detail,
				connecting: true,
			});
			return;
		}
		lost(e, flow, {reason: end.reason, detail: end.detail});
		return;
	}
	if (end.kind === 'intercepted') {
		via(flow, path.plane!);
		e.loop.push(t + lat, EV_DIR_SYN, flow);
		return;
	}
	// Straight to a host's own stack (no virtual service on the way).
	flow.director = null;
	serverSyn(e, flow, end.host, flow.dst, flow.dport, t + lat);
}

/**
 * A packet of the flow was lost: remember why, and make sure the client's
 * retransmission (or give-up) timer runs. Flows whose packets all arrive
 * never need one, which keeps the common case cheap.
 */
export function lost(e: TrafficEngine, flow: Flow, drop: NonNullable<Flow['info']['lastDrop']>): void {
	flow.info.lastDrop = drop;
	expectTimeout(e, flow);
}

export function expectTimeout(e: TrafficEngine, flow: Flow): void {
	if (flow.armedGen === flow.timerGen) return;
	flow.armedGen = flow.timerGen;
	if (flow.state === FS_CONNECTING) e.loop.timer(flow.synAt, SYN_RTO * 2 ** flow.synTries, flow);
	else if (flow.state === FS_WAITING) e.loop.timer(flow.sentAt, DATA_GIVE_UP, flow);
}

/** The client's call fails at time t (the first failure found is the one it reports). */
export function failLater(e: TrafficEngine, flow: Flow, t: Micros, failure: Failure): void {
	if (flow.failure) return;
	flow.failure = failure;
	e.loop.push(t, EV_CLIENT_FAIL, flow);
}

/** The client got a segment from src:sport at time t. */
export function clientGets(e: TrafficEngine, flow: Flow, what: number, src: Ip, sport: number, t: Micros, size: number): void {
	if (flow.state === FS_DONE) return;
	if (src !== flow.dst || sport !== flow.dport) {
		// Not the peer it is talking to: the client's stack answers with a reset and ignores it.
		lost(e, flow, {
			reason: 'wrong-source',
			detail: why.wrongSource(src, sport, flow.dst, flow.dport),
		});
		return;
	}
	if (what === EV_CLIENT_SYNACK) {
		// Only the client's own stack is involved: handled on the spot, with its arrival time.
		if (flow.state === FS_CONNECTING) connected(e, flow, t);
		return;
	}
	if (what === EV_OUT_RST) {
		if (flow.state === FS_CONNECTING) {
			failLater(e, flow, t, {kind: 'refused', errno: 'Connection refused', detail: flow.info.lastDrop?.detail ?? why.resetBy(src, sport), connecting: true});
		} else {
			failLater(e, flow, t, {kind: 'reset', errno: 'Connection reset by peer', detail: flow.info.lastDrop?.detail ?? why.serverReset(), connecting: false});
		}
		return;
	}
	if (what === EV_CLIENT_RESP) {
		void size;
		e.loop.push(t, EV_CLIENT_RESP, flow);
	}
}

/** The SYN-ACK arrived: the connection is up and the request leaves. */
export function connected(e: TrafficEngine, flow: Flow, t: Micros): void {
	if (flow.state !== FS_CONNECTING) return;
	flow.state = FS_CONNECTED;
	flow.connectedAt = t;
	flow.timerGen++;
	flow.owner.connected?.(flow);
	sendRequest(e, flow, t);
}

/** ACK (on a new connection) and the request. */
export function sendRequest(e: TrafficEngine, flow: Flow, t: Micros): void {
	flow.state = FS_WAITING;
	flow.sentAt = t;
	const size = TCP_HEADER + flow.request.bytes;
	flow.timerGen++;
	const path = clientPath(e, flow, size);
	const lat = latency(path, size);
	const end = path.end;
	if (end.kind === 'dropped') {
		lost(e, flow, {reason: end.reason, detail: end.detail});
		return;
	}
	if (end.kind === 'intercepted') {
		via(flow, path.plane!);
		e.loop.push(t + lat, EV_DIR_REQ, flow);
		return;
	}
	serverRequest(e, flow, end.host, t + lat);
}

/** The client has the whole response: record it, then close or ask again. */
export function clientDone(e: TrafficEngine, flow: Flow, t: Micros): void {
	if (flow.state === FS_DONE) return;
	flow.doneAt = t;
	flow.requests++;
	flow.timerGen++;
	const again = flow.owner.finished(flow);
	if (flow.state === FS_DONE) return;
	if (typeof again === 'number' && again > 0) {
		flow.response = undefined;
		flow.state = FS_IDLE;
		e.loop.push(t + again, EV_NEXT_REQ, flow);
		return;
	}
	if (again) {
		flow.response = undefined;
		sendRequest(e, flow, t);
		return;
	}
	if (flow.hold > 0) {
		flow.state = FS_CLOSING;
		e.loop.push(t + flow.hold, EV_HOLD_CLOSE, flow);
		return;
	}
	clientClose(e, flow, t);
}

/** ACKs and FIN from the client; the flow ends once the director has seen them. */
export function clientClose(e: TrafficEngine, flow: Flow, t: Micros): void {
	flow.state = FS_CLOSING;
	const path = clientPath(e, flow, TCP_ACK);
	const lat = latency(path, TCP_ACK);
	if (path.end.kind === 'intercepted') {
		// Whichever director holds the address now (another one after a failover).
		via(flow, path.plane!);
		e.loop.push(t + lat, EV_DIR_FIN, flow);
		return;
	}
	const end = path.end;
	if (end.kind === 'local' && flow.server && end.host !== flow.server) {
		// The address moved to a host whose stack never had this connection (a director
		// whose IPVS is not in the path): it answers the FIN with a reset.
		const detail = planeOf(end.host) ? why.noEntry(end.host.name, flow.cip, flow.cport) : why.noConnection(end.host.name, e.server(end.host).running);
		lost(e, flow, {reason: 'no-listener', detail});
		replyFrom(e, flow, end.host, flow.dst, flow.dport, EV_OUT_RST, t + lat, TCP_ACK);
		return;
	}
	e.release(flow);
}

/** The failure the client was told of takes effect: the owner hears of it and the flow ends. */
export function clientFailed(e: TrafficEngine, flow: Flow): void {
	if (flow.state === FS_DONE) return;
	flow.doneAt = e.world.now;
	// A connection reset while closing had its response already: the owner hears of it when it is closed.
	if (flow.state !== FS_CLOSING) flow.owner.finished(flow);
	e.release(flow);
}

/** The retransmission timer ran out: another SYN, or the client gives up. */
export function synTimer(e: TrafficEngine, flow: Flow, t: Micros): void {
	if (flow.state === FS_CONNECTING) {
		if (flow.synTries >= SYN_RETRIES) {
			failLater(e, flow, t, {kind: 'timeout', errno: 'Connection timed out', detail: flow.info.lastDrop?.detail ?? why.synsUnanswered(), connecting: true});
			return;
		}
		flow.synTries++;
		sendSyn(e, flow, t);
		return;
	}
	if (flow.state === FS_WAITING) {
		failLater(e, flow, t, {kind: 'timeout', errno: 'Connection timed out', detail: flow.info.lastDrop?.detail ?? why.responseNeverCame(), connecting: false});
	}
}

/** The client's own time limit (curl -m, --connect-timeout) came. */
export function deadlineReached(e: TrafficEngine, flow: Flow, t: Micros): void {
	if (t < flow.deadline && flow.state !== FS_CONNECTING) return;
	if (flow.state !== FS_DONE && flow.state !== FS_CLOSING) {
		flow.failure ??= {kind: 'timeout', errno: 'Connection timed out', detail: flow.info.lastDrop?.detail ?? why.noAnswerInTime(), deadline: true, connecting: flow.state === FS_CONNECTING};
		clientFailed(e, flow);
	}
}
