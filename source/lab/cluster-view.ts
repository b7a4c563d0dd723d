import type {Host} from '../sim/host';
import type {Dest, Service} from '../sim/ipvs/types';
import {formatIp, type Ip} from '../sim/net/ipv4';
import type {World} from '../sim/world';

/**
 * Read-only questions about a world that both the screen's snapshots and the
 * rate history ask: which host is in which state, which address is the VIP,
 * which director is active, which real server a destination belongs to.
 * Pure and engine-only: it never changes the world.
 */

/** What a learner sees of a host at a glance. */
export type HostState = 'up' | 'unplugged' | 'down' | 'off';

export function hostState(host: Host): HostState {
	if (!host.powered) return 'off';
	const ether = [...host.interfaces.values()].filter((i) => i.kind === 'ether');
	if (ether.length === 0) return 'up';
	if (ether.every((i) => !i.plugged)) return 'unplugged';
	if (ether.every((i) => !i.up || !i.plugged)) return 'down';
	return 'up';
}

/** A device that faces the LAN (not lo, not an IP-in-IP tunnel). */
function isLanDevice(host: Host, dev: string): boolean {
	return host.interfaces.get(dev)?.kind === 'ether';
}

/**
 * Addresses that act as virtual IPs: every IPVS service address, every alias
 * (`eth0:0`) on a director's LAN device, and every non-loopback address a real
 * server keeps on lo or tunl0 (the VIP that DR and TUN need). The last rule finds
 * the VIP even while no director holds it (both directors down, mid-failover).
 */
export function virtualIps(world: World): Ip[] {
	const found = new Set<Ip>();
	for (const host of world.hosts.values()) {
		for (const svc of host.ipvs?.services ?? []) if (svc.fwmark === 0) found.add(svc.addr);
		for (const a of host.addresses) {
			if (a.ip >>> 24 === 127) continue;
			if (host.role === 'director' && isLanDevice(host, a.dev) && a.label.includes(':')) found.add(a.ip);
			if (host.role === 'realserver' && !isLanDevice(host, a.dev)) found.add(a.ip);
		}
	}
	return [...found].sort((a, b) => a - b);
}

/** Hosts that answer for `ip` on the LAN: it sits on a LAN device of a powered host. */
export function holdersOf(world: World, ip: Ip): Host[] {
	const holders: Host[] = [];
	for (const host of world.hosts.values()) {
		if (host.powered && host.addresses.some((a) => a.ip === ip && isLanDevice(host, a.dev))) holders.push(host);
	}
	return holders;
}

function directors(world: World): Host[] {
	return [...world.hosts.values()].filter((h) => h.role === 'director');
}

/**
 * The director whose IPVS table the screen shows: the one holding a VIP on a LAN
 * device; failing that, the first director with services; failing that, the first
 * director with IPVS at all.
 */
export function activeDirector(world: World, vips: readonly Ip[] = virtualIps(world)): Host | undefined {
	const all = directors(world);
	const holding = all.find((d) => d.powered && vips.some((ip) => d.addresses.some((a) => a.ip === ip && isLanDevice(d, a.dev))));
	return holding ?? all.find((d) => d.powered && (d.ipvs?.services.length ?? 0) > 0) ?? all.find((d) => d.ipvs) ?? all[0];
}

/** Host that owns `ip` as its own LAN address (real servers are found this way). */
export function hostByAddress(world: World, ip: Ip): Host | undefined {
	for (const host of world.hosts.values()) {
		if (host.addresses.some((a) => a.ip === ip && isLanDevice(host, a.dev) && !a.label.includes(':'))) return host;
	}
	return undefined;
}

/** Key under which a destination's numbers are gathered: its host's name, else its address. */
export function serverKey(world: World, dest: Pick<Dest, 'addr'>): string {
	return hostByAddress(world, dest.addr)?.name ?? formatIp(dest.addr);
}

/** Total connections scheduled to each real server by `director`, summed over its services. */
export function serverConnCounts(world: World, director: Host | undefined): Map<string, number> {
	const totals = new Map<string, number>();
	for (const svc of director?.ipvs?.services ?? []) {
		for (const dest of svc.dests) {
			const key = serverKey(world, dest);
			totals.set(key, (totals.get(key) ?? 0) + dest.stats.conns);
		}
	}
	return totals;
}

/** `TCP 10.0.0.100:80` or `FWM 3`, as ipvsadm -L -n names a service. */
export function serviceLabel(svc: Service): string {
	if (svc.fwmark > 0) return `FWM ${svc.fwmark}`;
	return `${svc.protocol.toUpperCase()} ${formatIp(svc.addr)}:${svc.port}`;
}

/**
 * Requests a host's web server has answered so far, when it keeps count (the
 * `apache2` daemon's `served` counter), else undefined.
 */
export function servedCount(host: Host): number | undefined {
	const daemon = host.daemons.get('apache2') as {served?: unknown} | undefined;
	return typeof daemon?.served === 'number' ? daemon.served : undefined;
}

/** `servedCount` of every real server of the scenario that keeps one. */
export function servedCounts(world: World): Map<string, number> {
	const counts = new Map<string, number>();
	for (const host of world.hosts.values()) {
		if (host.role !== 'realserver') continue;
		const served = servedCount(host);
		if (served !== undefined) counts.set(host.name, served);
	}
	return counts;
}
