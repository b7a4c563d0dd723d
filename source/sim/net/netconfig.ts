import type {Address, Host, Route} from '../host';
import {broadcastOf, isLoopback, networkOf, type Ip} from './ipv4';
import {userlandEra} from './userland-era';

/**
 * What the kernel does when a tool (ip, ifconfig, route, ifup, heartbeat's IPaddr2)
 * changes a host's addresses, links and routes. Tools only parse and print; the
 * side effects the network model reads live in `host.addresses`, `host.routes`,
 * `host.interfaces` and `host.neighbors` are made here.
 */

/** errno names a request can fail with. */
export type NetErrno = 'EEXIST' | 'ENODEV' | 'EADDRNOTAVAIL' | 'ESRCH' | 'ENETUNREACH' | 'EINVAL';

/** Physical device of a label (`eth0:0` → `eth0`). */
export function deviceOf(label: string): string {
	const i = label.indexOf(':');
	return i < 0 ? label : label.slice(0, i);
}

/** Whether an address is a secondary one: an earlier address on the device already covers its subnet. */
export function isSecondary(host: Host, addr: Address): boolean {
	for (const other of host.addresses) {
		if (other === addr) return false;
		if (other.dev === addr.dev && other.prefix === addr.prefix && networkOf(other.ip, other.prefix) === networkOf(addr.ip, addr.prefix)) return true;
	}
	return false;
}

/** Scope the kernel gives a new address when none is asked for: host for 127/8, else global. */
export function defaultScope(ip: Ip): Address['scope'] {
	return isLoopback(ip) ? 'host' : 'global';
}

/** Adds an address the way `ip addr add` does (kernel side). */
export function addAddress(host: Host, addr: Address): NetErrno | undefined {
	const iface = host.interfaces.get(addr.dev);
	if (!iface) return 'ENODEV';
	if (host.addresses.some((a) => a.dev === addr.dev && a.ip === addr.ip && a.prefix === addr.prefix)) return 'EEXIST';
	host.addresses.push(addr);
	if (iface.up) addSubnetRoute(host, addr);
	return undefined;
}

/**
 * Removes an address (`ip addr del`). Removing a primary address takes its secondaries
 * with it on Sarge-era kernels; modern Debian promotes the next one instead.
 */
export function deleteAddress(host: Host, match: {ip: Ip; prefix?: number; dev: string; label?: string}): NetErrno | undefined {
	const victim = host.addresses.find(
		(a) => a.dev === match.dev && a.ip === match.ip && (match.prefix === undefined || a.prefix === match.prefix) && (match.label === undefined || a.label === match.label),
	);
	if (!victim) return 'EADDRNOTAVAIL';
	const gone = new Set<Address>([victim]);
	if (!isSecondary(host, victim) && userlandEra(host.kernel) === 'sarge') {
		for (const a of host.addresses) {
			if (a !== victim && a.dev === victim.dev && a.prefix === victim.prefix && networkOf(a.ip, a.prefix) === networkOf(victim.ip, victim.prefix)) gone.add(a);
		}
	}
	host.addresses = host.addresses.filter((a) => !gone.has(a));
	for (const a of gone) dropSubnetRoute(host, a);
	return undefined;
}

/** Changes an address in place (ifconfig on an existing label): same position, so it stays primary. */
export function replaceAddress(host: Host, current: Address, next: Address): void {
	const i = host.addresses.indexOf(current);
	if (i < 0) {
		addAddress(host, next);
		return;
	}
	host.addresses[i] = next;
	dropSubnetRoute(host, current);
	if (host.interfaces.get(next.dev)?.up && !isSecondary(host, next)) addSubnetRoute(host, next);
}

/** Brings a link up or down; down flushes its routes and ARP entries as the kernel does. */
export function setLink(host: Host, dev: string, up: boolean): NetErrno | undefined {
	const iface = host.interfaces.get(dev);
	if (!iface) return 'ENODEV';
	if (iface.up === up) return undefined;
	iface.up = up;
	if (up) {
		for (const a of host.addresses) if (a.dev === dev && !isSecondary(host, a)) addSubnetRoute(host, a);
	} else {
		host.routes = host.routes.filter((r) => r.dev !== dev);
		for (const [ip, n] of host.neighbors) if (n.dev === dev) host.neighbors.delete(ip);
	}
	return undefined;
}

/** The connected route an address brings (none for /32 and for 127/8). */
function addSubnetRoute(host: Host, a: Address): void {
	if (a.prefix >= 32 || isLoopback(a.ip)) return;
	const dest = networkOf(a.ip, a.prefix);
	if (host.routes.some((r) => r.dest === dest && r.prefix === a.prefix && r.dev === a.dev)) return;
	host.routes.push({dest, prefix: a.prefix, dev: a.dev, src: a.ip, proto: 'kernel', scope: 'link'});
}

function dropSubnetRoute(host: Host, a: Address): void {
	const dest = networkOf(a.ip, a.prefix);
	const still = host.addresses.find((o) => o.dev === a.dev && o.prefix === a.prefix && networkOf(o.ip, o.prefix) === dest);
	const i = host.routes.findIndex((r) => r.proto === 'kernel' && r.dest === dest && r.prefix === a.prefix && r.dev === a.dev);
	if (i < 0) return;
	if (still) host.routes[i]!.src = still.ip;
	else host.routes.splice(i, 1);
}

/** Device through which `gateway` is directly reachable (a connected route covers it). */
export function connectedDevice(host: Host, gateway: Ip): string | undefined {
	let best: Route | undefined;
	for (const r of host.routes) {
		if (r.via !== undefined) continue;
		if (networkOf(gateway, r.prefix) !== r.dest) continue;
		if (!best || r.prefix > best.prefix) best = r;
	}
	return best?.dev;
}

/** Adds a route (`ip route add`, `route add`). */
export function addRoute(host: Host, route: Route): NetErrno | undefined {
	if (!host.interfaces.has(route.dev)) return 'ENODEV';
	if (host.routes.some((r) => r.dest === route.dest && r.prefix === route.prefix)) return 'EEXIST';
	host.routes.push(route);
	return undefined;
}

/** Deletes the first route matching destination (and gateway/device when given). */
export function deleteRoute(host: Host, match: {dest: Ip; prefix: number; via?: Ip; dev?: string}): NetErrno | undefined {
	const i = host.routes.findIndex(
		(r) => r.dest === match.dest && r.prefix === match.prefix && (match.via === undefined || r.via === match.via) && (match.dev === undefined || r.dev === match.dev),
	);
	if (i < 0) return 'ESRCH';
	host.routes.splice(i, 1);
	return undefined;
}

/**
 * Routes in the order the kernel lists them: modern kernels walk a trie (default
 * first, then by address); 2.6-era fib_hash walks zones from the longest prefix down.
 */
export function routesInKernelOrder(host: Host): Route[] {
	const old = userlandEra(host.kernel) === 'sarge';
	return [...host.routes].sort((a, b) => {
		if (old && a.prefix !== b.prefix) return b.prefix - a.prefix;
		if (a.dest !== b.dest) return a.dest - b.dest;
		return a.prefix - b.prefix;
	});
}

/** The broadcast address ifconfig and ifupdown compute for an address. */
export function computedBroadcast(ip: Ip, prefix: number): Ip {
	return prefix >= 31 ? ip : broadcastOf(ip, prefix);
}

