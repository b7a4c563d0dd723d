import type {Host} from '../host';
import {parseIp, type Ip} from '../net/ipv4';
import {walk} from '../net/path';
import type {Micros} from '../time';
import {trafficEngine} from '../traffic/engine';
import type {Flow} from '../traffic/flow';
import type {World} from '../world';

/** What a health check saw. */
export type ProbeOutcome =
	| {readonly kind: 'response'; readonly status: number; readonly reason: string; readonly body: string}
	| {readonly kind: 'connected'}
	| {readonly kind: 'refused'}
	| {readonly kind: 'timeout'};

/** libwww-perl as Debian Sarge shipped it: ldirectord's HTTP checks identify themselves with it. */
const USER_AGENT = 'libwww-perl/5.803';

/**
 * Runs `done` outside the traffic engine's event loop, so that what a check
 * changes (the IPVS table) happens between packets, never in the middle of one.
 */
function later(world: World, done: () => void): void {
	world.after(0, done);
}

function failed(flow: Flow): ProbeOutcome {
	// alarm() fired: ldirectord's own time limit (the flow's deadline).
	return flow.failure?.kind === 'timeout' ? {kind: 'timeout'} : {kind: 'refused'};
}

/**
 * An HTTP request from a director to a real server, through the lab's network
 * (routing, ARP, cables, the server's Apache), limited to `timeout` as
 * ldirectord's alarm() limits its LWP request.
 */
export function probeHttp(
	world: World,
	from: Host,
	request: {ip: Ip; port: number; method: 'GET' | 'HEAD'; path: string; hostHeader: string},
	timeout: Micros,
	done: (outcome: ProbeOutcome) => void,
): void {
	let settled = false;
	const finish = (o: ProbeOutcome) => {
		if (settled) return;
		settled = true;
		later(world, () => done(o));
	};
	const text = `${request.method} ${request.path} HTTP/1.1\r\nTE: deflate,gzip;q=0.3\r\nConnection: TE, close\r\nHost: ${request.hostHeader}\r\nUser-Agent: ${USER_AGENT}\r\n\r\n`;
	trafficEngine(world).start({
		client: from,
		dst: request.ip,
		dport: request.port,
		request: {method: request.method, path: request.path, hostHeader: request.hostHeader, userAgent: USER_AGENT, version: 'HTTP/1.1', keepAlive: false, bytes: text.length},
		owner: {
			finished(flow) {
				if (flow.failure || !flow.response) finish(failed(flow));
				else finish({kind: 'response', status: flow.response.status, reason: flow.response.reason, body: flow.response.body});
				return false;
			},
			closed(flow) {
				finish(failed(flow));
			},
		},
		deadline: world.now + timeout,
	});
}

/** A TCP connect check: the three-way handshake, then ldirectord closes the socket. */
export function probeConnect(world: World, from: Host, ip: Ip, port: number, timeout: Micros, done: (outcome: ProbeOutcome) => void): void {
	const engine = trafficEngine(world);
	let settled = false;
	const finish = (o: ProbeOutcome) => {
		if (settled) return;
		settled = true;
		later(world, () => done(o));
	};
	const flow = engine.start({
		client: from,
		dst: ip,
		dport: port,
		request: {method: 'HEAD', path: '/', hostHeader: '', userAgent: USER_AGENT, version: 'HTTP/1.0', keepAlive: false, bytes: 0},
		owner: {
			connected(f) {
				finish({kind: 'connected'});
				engine.abandon(f);
			},
			finished(f) {
				finish(f.failure ? failed(f) : {kind: 'connected'});
				return false;
			},
			closed(f) {
				finish(failed(f));
			},
		},
		deadline: world.now + timeout,
	});
	void flow;
}

/** ICMP echo: the request's path through the network, and the reply the same way back. */
export function probePing(world: World, from: Host, ip: Ip, timeout: Micros, done: (ok: boolean) => void): void {
	const rng = world.rng.fork(`ldirectord-ping ${from.name}`);
	const src = from.primaryIp() ?? 0;
	const there = walk(world, from, {src, dst: ip, proto: 'icmp', sport: 0, dport: 0, size: 84}, {pick: (n) => rng.int(n)});
	if (there.end.kind === 'local' && there.end.host.powered) {
		const back = walk(world, there.end.host, {src: ip, dst: src, proto: 'icmp', sport: 0, dport: 0, size: 84}, {pick: (n) => rng.int(n)});
		if (back.end.kind === 'local' && back.end.host === from) {
			const rtt = there.latency + back.latency;
			if (rtt <= timeout) {
				world.after(rtt, () => done(true));
				return;
			}
		}
	}
	world.after(timeout, () => done(false));
}

export function ipOf(text: string): Ip {
	return parseIp(text) ?? 0;
}
