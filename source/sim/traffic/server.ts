import type {Host} from '../host';
import {StaticFiles} from '../http/static-files';
import type {HttpRequest, HttpResponse} from '../http/types';
import type {Ip} from '../net/ipv4';
import {walk} from '../net/path';
import {TCP_ACK, TCP_HEADER, TCP_MSS, TCP_SYN, WIRE_US_PER_BYTE} from '../net/timing';
import type {Micros} from '../time';
import {clientGets, expectTimeout, lost} from './client';
import type {TrafficEngine} from './engine';
import {EV_CLIENT_RESP, EV_CLIENT_SYNACK, EV_OUT_RESP, EV_OUT_RST, EV_OUT_SYNACK} from './event-kinds';
import {FS_DONE, FS_WAITING, type Flow, type RequestSpec} from './flow';
import {latency, planeOf, replyPath, segments} from './paths';
import {replyDropDetail, why} from './why';

/*
 * The server end of a flow, on whichever host's stack the packets reach (a
 * real server, or a director's own stack): the kernel answering the SYN or
 * resetting it, Apache accepting (or its backlog dropping the SYN) and serving
 * the request, and the segments it sends back towards the client.
 */

/** Time a server's kernel needs to answer a SYN. */
const SERVER_TCP_DELAY: Micros = 12;

/** A SYN reached `host`'s own stack, addressed to localIp:localPort. */
export function serverSyn(e: TrafficEngine, flow: Flow, host: Host, localIp: Ip, localPort: number, t: Micros): void {
	const leg = flow.leg;
	const srv = leg && leg.server === host ? leg.srv! : e.server(host);
	flow.server = host;
	flow.serverIp = localIp;
	flow.serverPort = localPort;
	if (!srv.listens(localPort)) {
		lost(e, flow, {reason: 'no-listener', detail: why.noListener(host.name, localPort, srv.running)});
		replyFrom(e, flow, host, localIp, localPort, EV_OUT_RST, t, TCP_ACK);
		return;
	}
	if (!srv.acceptsConnection(t)) {
		lost(e, flow, {reason: 'backlog', detail: why.backlogFull(host.name)});
		return;
	}
	replyFrom(e, flow, host, localIp, localPort, EV_OUT_SYNACK, t + SERVER_TCP_DELAY, TCP_SYN);
}

/** The request reached the server; the response leaves when the server has it. */
export function serverRequest(e: TrafficEngine, flow: Flow, host: Host, t: Micros, localIp = flow.serverIp, localPort = flow.serverPort): void {
	const leg = flow.leg;
	const srv = leg && leg.server === host ? leg.srv! : e.server(host);
	if (flow.server !== host || !srv.listens(localPort)) {
		flow.server = host;
		flow.serverIp = localIp;
		flow.serverPort = localPort;
		lost(e, flow, {reason: 'no-listener', detail: why.noConnection(host.name, srv.running)});
		replyFrom(e, flow, host, localIp, localPort, EV_OUT_RST, t, TCP_ACK);
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
		srv.serve(request, t, e.onServed, flow);
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
	srv.serve(request, t, e.onServedLater, {flow, gen: flow.gen});
	if (flow.state === FS_WAITING && !flow.response) expectTimeout(e, flow);
}

/** The server has the response for a flow, right away (static pages). */
export function served(e: TrafficEngine, flow: Flow, response: HttpResponse, at: Micros): void {
	if (flow.state === FS_DONE || !flow.server) return;
	serverRespond(e, flow, flow.server, response, at);
}

/** A handler answered, possibly much later: the flow object may have moved on since. */
export function servedLater(e: TrafficEngine, ctx: {flow: Flow; gen: number}, response: HttpResponse, at: Micros): void {
	const flow = ctx.flow;
	if (flow.gen !== ctx.gen || flow.state === FS_DONE || !flow.server) return;
	serverRespond(e, flow, flow.server, response, at);
	if (!e.loop.running) e.loop.arm();
}

function serverRespond(e: TrafficEngine, flow: Flow, host: Host, response: HttpResponse, at: Micros): void {
	flow.response = response;
	flow.bodyBytes = response.body.length;
	flow.respBytes = headerBytes(response) + response.body.length;
	replyFrom(e, flow, host, flow.serverIp, flow.serverPort, EV_CLIENT_RESP, at, Math.min(flow.respBytes, TCP_MSS) + TCP_HEADER);
}

/**
 * A segment group from the server end (SYN-ACK, RST or response) towards the
 * client: straight to it, or through a director that rewrites it (NAT).
 */
export function replyFrom(e: TrafficEngine, flow: Flow, host: Host, src: Ip, sport: number, what: number, t: Micros, size: number): void {
	const p = replyPath(e, flow, host, src, sport, size);
	flow.info.replyHops ??= p.result.hops;
	const end = p.end;
	const lat = latency(p, size);
	const n = what === EV_CLIENT_RESP ? segments(flow.respBytes) : 1;
	const extra = (n - 1) * Math.round(1500 * WIRE_US_PER_BYTE);
	if (end.kind === 'dropped') {
		lost(e, flow, {reason: end.reason, detail: replyDropDetail(host, src, end)});
		return;
	}
	if (end.kind === 'intercepted') {
		const plane = planeOf(end.host)!;
		if (plane.findOut('tcp', src, sport, flow.cip, flow.cport) >= 0) {
			flow.outDirector = plane;
			e.loop.push(t + lat + extra, what === EV_CLIENT_RESP ? EV_OUT_RESP : what, flow);
			return;
		}
		// The director forwards it unchanged.
		const r = walk(e.world, end.host, {src, dst: flow.cip, proto: 'tcp', sport, dport: flow.cport, size}, {pick: e.pick});
		if (r.end.kind !== 'local' || r.end.host !== flow.client) {
			lost(e, flow, {reason: r.end.kind === 'dropped' ? r.end.reason : 'loop', detail: r.end.kind === 'dropped' ? r.end.detail : why.replyAstray()});
			return;
		}
		if (what === EV_CLIENT_RESP) flow.firstByteAt = t + lat + r.latency;
		clientGets(e, flow, what === EV_OUT_SYNACK ? EV_CLIENT_SYNACK : what, src, sport, t + lat + r.latency + extra, size);
		return;
	}
	if (end.host !== flow.client) {
		lost(e, flow, {reason: 'loop', detail: why.replyElsewhere(host.name, end.host.name)});
		return;
	}
	if (what === EV_CLIENT_RESP) flow.firstByteAt = t + lat;
	clientGets(e, flow, what === EV_OUT_SYNACK ? EV_CLIENT_SYNACK : what, src, sport, t + lat + extra, size);
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
