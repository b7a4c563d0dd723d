import type {Host} from '../host';
import {parseIp, type Ip} from '../net/ipv4';
import {MSEC, type Micros} from '../time';
import type {World} from '../world';

/** What a health check saw. */
export type ProbeOutcome =
	| {readonly kind: 'response'; readonly status: number; readonly reason: string; readonly body: string}
	| {readonly kind: 'connected'}
	| {readonly kind: 'refused'}
	| {readonly kind: 'timeout'};

/**
 * The network as ldirectord's checks need it: open a TCP connection, send an
 * HTTP request, or ping, from one host to an address, with a timeout. The
 * callback runs later in virtual time (never synchronously).
 */
export interface NetworkProbe {
	connect(world: World, from: Host, ip: Ip, port: number, timeout: Micros, done: (outcome: ProbeOutcome) => void): void;
	http(
		world: World,
		from: Host,
		request: {ip: Ip; port: number; method: 'GET' | 'HEAD'; path: string; hostHeader: string},
		timeout: Micros,
		done: (outcome: ProbeOutcome) => void,
	): void;
	ping(world: World, from: Host, ip: Ip, timeout: Micros, done: (ok: boolean) => void): void;
}

const PROBE_KEY = 'ldirectord.probe';

/** Lets the network model replace the stand-in below. */
export function setNetworkProbe(world: World, probe: NetworkProbe): void {
	world.features.set(PROBE_KEY, probe);
}

export function networkProbe(world: World): NetworkProbe {
	return (world.features.get(PROBE_KEY) as NetworkProbe | undefined) ?? standInProbe;
}

/** One LAN round trip in the stand-in model. */
const RTT = MSEC;

/** Interfaces of `a` and `b` that share a segment, both cabled and up. */
function linked(a: Host, b: Host): boolean {
	if (!a.powered || !b.powered) return false;
	for (const ia of a.interfaces.values()) {
		if (ia.kind !== 'ether' || !ia.plugged || !ia.up) continue;
		for (const ib of b.interfaces.values()) {
			if (ib.kind === 'ether' && ib.plugged && ib.up && ib.segment === ia.segment) return true;
		}
	}
	return false;
}

/** The host an address leads to from `from`: itself for local and loopback addresses. */
function target(world: World, from: Host, ip: Ip): Host | undefined {
	if (ip >>> 24 === 127 || from.hasAddress(ip)) return from;
	for (const h of world.hosts.values()) {
		if (h !== from && h.addresses.some((a) => a.ip === ip && a.dev !== 'lo') && linked(from, h)) return h;
	}
	return undefined;
}

/** Whether a web server listens on the host (the traffic model's apache2 registers itself as a daemon). */
function webServer(host: Host): boolean {
	const d = host.daemons.get('apache2') as {listens?(port: number): boolean} | undefined;
	return d !== undefined && host.powered && (d.listens ? d.listens(80) : true);
}

/**
 * Stand-in used until the network model provides the real path: reachability
 * is "both ends cabled to the same segment", a web server is a host with an
 * `apache2` daemon serving files under /var/www.
 */
const standInProbe: NetworkProbe = {
	connect(world, from, ip, port, timeout, done) {
		const h = target(world, from, ip);
		if (!h) world.after(timeout, () => done({kind: 'timeout'}));
		else if (port === 80 && webServer(h)) world.after(RTT, () => done({kind: 'connected'}));
		else world.after(RTT, () => done({kind: 'refused'}));
	},
	http(world, from, request, timeout, done) {
		const h = target(world, from, request.ip);
		if (!h) {
			world.after(timeout, () => done({kind: 'timeout'}));
			return;
		}
		if (request.port !== 80 || !webServer(h)) {
			world.after(RTT, () => done({kind: 'refused'}));
			return;
		}
		const path = '/var/www' + (request.path.endsWith('/') ? request.path + 'index.html' : request.path);
		const body = h.fs.tryRead(path);
		world.after(RTT, () =>
			done(body === undefined ? {kind: 'response', status: 404, reason: 'Not Found', body: ''} : {kind: 'response', status: 200, reason: 'OK', body: request.method === 'HEAD' ? '' : body}),
		);
	},
	ping(world, from, ip, timeout, done) {
		const h = target(world, from, ip);
		if (h) world.after(RTT, () => done(true));
		else world.after(timeout, () => done(false));
	},
};

export function ipOf(text: string): Ip {
	return parseIp(text) ?? 0;
}
