import type {Host, NetInterface, Neighbor} from '../host';
import {SEC, type Micros} from '../time';
import type {World} from '../world';
import {formatIp, isLoopback, isMulticast, networkOf, type Ip} from './ipv4';
import {confMax, hasCarrier, isAddressOn, isLocalAddress, primaryOn} from './routing';
import {hopDelay, ARP_FRAME} from './timing';

/** How long an unanswered ARP request waits: 3 probes one second apart (mcast_solicit, retrans_time). */
export const ARP_GIVE_UP: Micros = 3 * SEC;
/** base_reachable_time: a confirmed entry stays REACHABLE this long, then turns STALE. */
export const REACHABLE_TIME: Micros = 30 * SEC;

/** An interface on a network segment, with its host. */
export interface Port {
	readonly host: Host;
	readonly iface: NetInterface;
}

/** The outcome of finding the link-layer destination for a next hop. */
export type Resolution =
	| {readonly ok: true; readonly to: Port; readonly delay: Micros; readonly learned: boolean}
	| {readonly ok: false; readonly reason: 'arp-failed' | 'host-down'; readonly delay: Micros; readonly mac?: string};

/** Every live interface on a segment, in world host order. */
export function segmentPorts(world: World, segment: string): Port[] {
	const ports: Port[] = [];
	for (const host of world.hosts.values()) {
		for (const iface of host.interfaces.values()) {
			if (iface.kind === 'ether' && iface.segment === segment && hasCarrier(host, iface)) ports.push({host, iface});
		}
	}
	return ports;
}

/** The live interface that owns a MAC on a segment, if any. */
export function portByMac(world: World, segment: string, mac: string): Port | undefined {
	for (const host of world.hosts.values()) {
		for (const iface of host.interfaces.values()) {
			if (iface.mac === mac && iface.kind === 'ether' && iface.segment === segment && hasCarrier(host, iface)) return {host, iface};
		}
	}
	return undefined;
}

/**
 * Whether host X answers "who-has target" arriving on `iface` from `sender`,
 * following arp_ignore (the larger of conf/all and conf/IFACE):
 * 0 any local address, 1 only addresses on the incoming interface,
 * 2 as 1 and the sender in the same subnet, 3 as 1 for global addresses, 8 never.
 */
export function answersArp(host: Host, iface: NetInterface, target: Ip, sender: Ip): boolean {
	if (isLoopback(target) || isMulticast(target)) return false;
	if (!isLocalAddress(host, target)) return false;
	const level = confMax(host, iface.name, 'arp_ignore');
	if (level === 0) return true;
	if (level >= 4) return false;
	const on = host.addresses.find((a) => a.dev === iface.name && a.ip === target);
	if (!on) return false;
	if (level === 2) return sender !== 0 && networkOf(sender, on.prefix) === networkOf(on.ip, on.prefix);
	if (level === 3) return on.scope !== 'host';
	return true;
}

/**
 * The sender address a host writes into its own ARP request (arp_announce,
 * the larger of conf/all and conf/DEV): 0 the packet's source whatever it is,
 * 1 the packet's source only when it is in the target's subnet on this
 * interface, 2 always the interface's own address. Level 0/1 with the VIP on lo
 * is how a DR real server poisons caches with the VIP.
 */
export function arpSender(host: Host, dev: string, target: Ip, packetSrc: Ip | undefined): Ip {
	const level = confMax(host, dev, 'arp_announce');
	const own = () => {
		for (const a of host.addresses) if (a.dev === dev && a.scope === 'global' && a.prefix < 32 && networkOf(a.ip, a.prefix) === networkOf(target, a.prefix)) return a.ip;
		return primaryOn(host, dev) ?? 0;
	};
	if (packetSrc === undefined || !isLocalAddress(host, packetSrc) || level >= 2) return own();
	if (level === 0) return packetSrc;
	// Level 1: only when an address on this device holds both the source and the target.
	for (const a of host.addresses) {
		if (a.dev !== dev || a.prefix >= 32) continue;
		if (networkOf(a.ip, a.prefix) === networkOf(target, a.prefix) && networkOf(packetSrc, a.prefix) === networkOf(a.ip, a.prefix)) return packetSrc;
	}
	return own();
}

function setNeighbor(host: Host, ip: Ip, mac: string, dev: string, now: Micros, state: Neighbor['state'] = 'REACHABLE'): void {
	const entry = host.neighbors.get(ip);
	if (entry && entry.state === 'PERMANENT') return;
	if (entry) {
		entry.mac = mac;
		entry.dev = dev;
		entry.state = state;
		entry.updated = now;
	} else host.neighbors.set(ip, {mac, dev, state, updated: now});
}

/** Whether a cache entry may be used to send: anything but FAILED/INCOMPLETE. */
export function usable(entry: Neighbor | undefined, dev: string): entry is Neighbor {
	return entry !== undefined && entry.dev === dev && entry.state !== 'FAILED' && entry.state !== 'INCOMPLETE' && entry.mac !== '';
}

/** Who saw the broadcast and what they did (for the timeline and `explain`). */
export interface ArpExchange {
	readonly requester: string;
	readonly target: Ip;
	readonly sender: Ip;
	readonly responders: readonly string[];
	readonly winner?: string;
}

/**
 * Resolves `nextHop` on `dev` of `host` at the current time: uses the cache,
 * or broadcasts a request. Every live host on the segment that already has an
 * entry for the sender address updates it (so a request sent with the VIP as
 * sender rewrites the others' idea of the VIP); the host that answers learns the
 * requester. When several hosts answer (the ARP problem), the last reply wins.
 */
export function resolve(world: World, host: Host, dev: string, nextHop: Ip, packetSrc: Ip | undefined, pick: (n: number) => number, onExchange?: (x: ArpExchange) => void): Resolution {
	const iface = host.interfaces.get(dev);
	if (!iface || iface.kind !== 'ether' || !iface.segment) return {ok: false, reason: 'arp-failed', delay: ARP_GIVE_UP};
	const now = world.now;
	const entry = host.neighbors.get(nextHop);
	if (usable(entry, dev)) {
		const to = portByMac(world, iface.segment, entry.mac);
		if (to) {
			// Traffic that gets through confirms the neighbour (TCP progress keeps it REACHABLE).
			if (entry.state !== 'PERMANENT') {
				entry.state = 'REACHABLE';
				entry.updated = now;
			}
			return {ok: true, to, delay: 0, learned: false};
		}
		// Nobody owns that MAC any more: the frame is lost. Once the entry is
		// no longer fresh, the kernel's unicast probes fail and it turns FAILED.
		if (entry.state !== 'PERMANENT' && now - entry.updated >= REACHABLE_TIME) {
			entry.state = 'FAILED';
			entry.updated = now;
		}
		return {ok: false, reason: 'host-down', delay: 0, mac: entry.mac};
	}
	const sender = arpSender(host, dev, nextHop, packetSrc);
	const responders: Port[] = [];
	for (const port of segmentPorts(world, iface.segment)) {
		if (port.host === host) continue;
		// Everyone who already caches the sender address refreshes it from the request.
		if (sender !== 0) {
			const known = port.host.neighbors.get(sender);
			if (known && known.state !== 'PERMANENT' && known.dev === port.iface.name) setNeighbor(port.host, sender, iface.mac, port.iface.name, now);
		}
		if (answersArp(port.host, port.iface, nextHop, sender)) responders.push(port);
	}
	if (responders.length === 0) {
		setNeighbor(host, nextHop, '', dev, now, 'FAILED');
		onExchange?.({requester: host.name, target: nextHop, sender, responders: []});
		return {ok: false, reason: 'arp-failed', delay: ARP_GIVE_UP};
	}
	const winner = responders.length === 1 ? responders[0]! : responders[pick(responders.length)]!;
	if (responders.length > 1) {
		// The ARP problem: several hosts claim the address; whoever answers last wins the cache.
		const who = responders.map((r) => r.host.name).join(', ');
		world.log('net', {
			en: `ARP who-has ${formatIp(nextHop)} from ${host.name}: answered by ${who}; ${host.name} now sends ${formatIp(nextHop)} to ${winner.host.name}`,
			es: `ARP who-has ${formatIp(nextHop)} de ${host.name}: responden ${who}; ${host.name} envía ahora ${formatIp(nextHop)} a ${winner.host.name}`,
		}, host.name);
	}
	for (const r of responders) if (sender !== 0) setNeighbor(r.host, sender, iface.mac, r.iface.name, now);
	setNeighbor(host, nextHop, winner.iface.mac, dev, now);
	onExchange?.({requester: host.name, target: nextHop, sender, responders: responders.map((r) => r.host.name), winner: winner.host.name});
	return {ok: true, to: winner, delay: 2 * hopDelay(ARP_FRAME), learned: true};
}

/**
 * A gratuitous ARP (heartbeat's IPaddr2, send_arp): everyone on the segment
 * that caches `ip` now points it at this interface. Returns who updated.
 */
export function gratuitousArp(world: World, host: Host, dev: string, ip: Ip): string[] {
	const iface = host.interfaces.get(dev);
	if (!iface || !iface.segment || !hasCarrier(host, iface)) return [];
	const updated: string[] = [];
	for (const port of segmentPorts(world, iface.segment)) {
		if (port.host === host) continue;
		const known = port.host.neighbors.get(ip);
		if (known && known.state !== 'PERMANENT') {
			setNeighbor(port.host, ip, iface.mac, port.iface.name, world.now);
			updated.push(port.host.name);
		}
	}
	world.log('net', {
		en: `${host.name} sent gratuitous ARP for ${formatIp(ip)} on ${dev}${updated.length ? ` (updated: ${updated.join(', ')})` : ''}`,
		es: `${host.name} envió un ARP gratuito para ${formatIp(ip)} por ${dev}${updated.length ? ` (actualizados: ${updated.join(', ')})` : ''}`,
	}, host.name);
	return updated;
}

/** Marks a neighbour confirmed by traffic (TCP progress keeps entries REACHABLE). */
export function confirm(host: Host, ip: Ip, now: Micros): void {
	const entry = host.neighbors.get(ip);
	if (entry && entry.state !== 'PERMANENT' && entry.state !== 'FAILED') {
		entry.state = 'REACHABLE';
		entry.updated = now;
	}
}

/** REACHABLE entries older than the reachable time become STALE, as `ip neigh` then shows. */
export function ageNeighbors(host: Host, now: Micros): void {
	for (const entry of host.neighbors.values()) {
		if (entry.state === 'REACHABLE' && now - entry.updated >= REACHABLE_TIME) entry.state = 'STALE';
	}
}

/** Whether a host has an address on `dev` — used to tell "no such address" from other failures. */
export function ownsOn(host: Host, dev: string, ip: Ip): boolean {
	return isAddressOn(host, dev, ip);
}
