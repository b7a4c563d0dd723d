import type {Host, NetInterface, Route} from '../host';
import {isLoopback, networkOf, prefixToMask, type Ip} from './ipv4';

/** Where the kernel sends a packet: delivered locally, out of a device, or nowhere. */
export type RouteResult =
	| {readonly kind: 'local'}
	| {readonly kind: 'unicast'; readonly dev: string; readonly nextHop: Ip; readonly src: Ip; readonly route: Route; readonly table: number}
	| {readonly kind: 'unreachable'};

/** The main table's number, as `ip rule` shows it. */
export const MAIN_TABLE = 254;

/** An interface that exists and is administratively up. */
export function ifaceUp(host: Host, dev: string): NetInterface | undefined {
	const iface = host.interfaces.get(dev);
	return iface && iface.up ? iface : undefined;
}

/** Whether the interface can put frames on the wire: powered, up, cable in. */
export function hasCarrier(host: Host, iface: NetInterface): boolean {
	return host.powered && iface.up && (iface.kind !== 'ether' || iface.plugged);
}

/**
 * Whether `ip` is one of the host's own addresses (the kernel's local table):
 * any address on an interface that is up, on any interface (Linux's weak host
 * model, which is why a DR real server accepts the VIP held on lo), plus 127/8.
 */
export function isLocalAddress(host: Host, ip: Ip): boolean {
	if (isLoopback(ip)) return host.interfaces.get('lo')?.up ?? false;
	for (const a of host.addresses) if (a.ip === ip && ifaceUp(host, a.dev)) return true;
	return false;
}

/** Whether `ip` is configured on this particular device. */
export function isAddressOn(host: Host, dev: string, ip: Ip): boolean {
	for (const a of host.addresses) if (a.dev === dev && a.ip === ip) return true;
	return false;
}

/** Longest prefix match over one table; routes through devices that are down do not exist. */
export function matchRoute(host: Host, routes: readonly Route[], dst: Ip): Route | undefined {
	let best: Route | undefined;
	for (const r of routes) {
		if (networkOf(dst, r.prefix) !== r.dest) continue;
		if (!ifaceUp(host, r.dev)) continue;
		if (!best || r.prefix > best.prefix) best = r;
	}
	return best;
}

/**
 * The kernel's routing decision for a packet to `dst` (optionally from `src`):
 * the local table first, then policy rules by priority, then the main table.
 */
export function lookupRoute(host: Host, dst: Ip, src?: Ip): RouteResult {
	if (isLocalAddress(host, dst)) return {kind: 'local'};
	if (src !== undefined) {
		for (const rule of host.rules) {
			if ((src & prefixToMask(rule.prefix)) >>> 0 !== rule.from) continue;
			const table = host.tables.get(rule.table);
			const route = table && matchRoute(host, table, dst);
			if (route) return unicast(host, route, dst, src, rule.table);
		}
	}
	const route = matchRoute(host, host.routes, dst);
	return route ? unicast(host, route, dst, src, MAIN_TABLE) : {kind: 'unreachable'};
}

function unicast(host: Host, route: Route, dst: Ip, src: Ip | undefined, table: number): RouteResult {
	const nextHop = route.via ?? dst;
	return {kind: 'unicast', dev: route.dev, nextHop, src: src ?? route.src ?? sourceFor(host, route.dev, nextHop), route, table};
}

/**
 * Source address the kernel picks for traffic out of `dev` towards `target`:
 * an address of that device in the target's subnet, else its first global one,
 * else any global address of the host.
 */
export function sourceFor(host: Host, dev: string, target: Ip): Ip {
	let first: Ip | undefined;
	for (const a of host.addresses) {
		if (a.dev !== dev || a.scope !== 'global') continue;
		if (a.prefix < 32 && networkOf(a.ip, a.prefix) === networkOf(target, a.prefix)) return a.ip;
		first ??= a.ip;
	}
	return first ?? host.primaryIp() ?? 0;
}

/** The address an interface answers for in its own subnet (the "primary" address). */
export function primaryOn(host: Host, dev: string): Ip | undefined {
	return host.addresses.find((a) => a.dev === dev && a.scope === 'global')?.ip;
}

/** A sysctl of the conf/all + conf/DEV kind where the kernel uses the larger value (arp_ignore, arp_announce, rp_filter). */
export function confMax(host: Host, dev: string, key: string): number {
	return Math.max(host.sysctlNumber(`net.ipv4.conf.all.${key}`), host.sysctlNumber(`net.ipv4.conf.${dev}.${key}`));
}
