import type {Host} from '../../sim/host';
import {isLoopback, parseIp, type Ip} from '../../sim/net/ipv4';
import type {Micros} from '../../sim/time';
import type {World} from '../../sim/world';

/**
 * The host traffic tools act from: the scenario's client PC, whichever host the
 * shell is on (as the thesis' client PC did), else the shell's own host.
 */
export function clientHost(world: World, fallback: Host): Host {
	const name = world.scenario.client;
	return (name && world.host(name)) || fallback;
}

/**
 * Where a request to `name` starts and the address it goes to. Traffic comes
 * from the client PC, except a loopback address (`localhost`, 127.x.x.x), which
 * only makes sense on the host the shell is on: `curl localhost` on a real
 * server asks that server's own Apache, as it would on the real machine.
 */
export function requestSource(world: World, shellHost: Host, name: string): {client: Host; ip: Ip | undefined} {
	const client = clientHost(world, shellHost);
	const ip = resolveName(client, name);
	if (client !== shellHost && (ip === undefined || isLoopback(ip))) {
		const own = resolveName(shellHost, name);
		if (own !== undefined && isLoopback(own)) return {client: shellHost, ip: own};
	}
	return {client, ip};
}

/** Looks a name up the way the client's resolver would: a dotted quad, or /etc/hosts. */
export function resolveName(host: Host, name: string): Ip | undefined {
	const literal = parseIp(name);
	if (literal !== undefined) return literal;
	if (name === 'localhost') return parseIp('127.0.0.1');
	const hosts = host.fs.tryRead('/etc/hosts') ?? '';
	for (const line of hosts.split('\n')) {
		const fields = line.replace(/#.*/, '').trim().split(/\s+/);
		if (fields.length < 2) continue;
		if (fields.slice(1).includes(name)) {
			const ip = parseIp(fields[0]!);
			if (ip !== undefined) return ip;
		}
	}
	return undefined;
}

export interface Url {
	readonly scheme: string;
	readonly host: string;
	readonly port: number;
	/** Whether the port was written in the URL. */
	readonly explicitPort: boolean;
	readonly path: string;
}

/** Splits `[http://]host[:port][/path]`; undefined when malformed. */
export function parseUrl(text: string, defaultScheme = 'http'): Url | {error: 'scheme'; scheme: string} | undefined {
	const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::([^/?#]*))?([/?][^#]*)?(?:#.*)?$/.exec(text);
	if (!m) return undefined;
	const scheme = (m[1] ?? defaultScheme).toLowerCase();
	if (scheme !== 'http' && scheme !== 'https') return {error: 'scheme', scheme: m[1] ?? scheme};
	const host = m[2] ?? '';
	if (host === '') return undefined;
	let port = scheme === 'https' ? 443 : 80;
	const explicitPort = m[3] !== undefined;
	if (explicitPort) {
		if (!/^\d{1,5}$/.test(m[3]!) || Number(m[3]) > 65535) return undefined;
		port = Number(m[3]);
	}
	let path = m[4] ?? '/';
	if (path.startsWith('?')) path = '/' + path;
	return {scheme, host, port, explicitPort, path};
}

/**
 * Runs the world until `done()` or until `limit` of virtual time passed.
 * The tool's completion callback calls world.stop() so the clock stops where
 * the tool finished.
 */
export function runUntilDone(world: World, done: () => boolean, limit: Micros): void {
	const end = world.now + limit;
	while (!done() && world.now < end) {
		if (world.runUntil(end)) break;
	}
}

/** Milliseconds as curl prints them (whole, rounded down). */
export function ms(t: Micros): number {
	return Math.floor(t / 1000);
}
