import type {Host} from '../host';
import type {World} from '../world';
import {segmentPorts} from './arp';
import type {Ip} from './ipv4';
import {walk, type DropReason, type Hop, type Packet, type Proto} from './path';
import {hasCarrier, lookupRoute} from './routing';
import type {Micros} from '../time';
import type {Localized} from '../../i18n/lang';

/**
 * Delivery of single datagrams for subsystems that talk over the simulated LAN
 * (heartbeat's UDP heartbeats, ldirectord's checks, openMosix gossip): where a
 * packet ends and why it did not get there, computed when it is sent.
 */
export type Delivery =
	| {readonly ok: true; readonly to: Host; readonly latency: Micros; readonly hops: readonly Hop[]}
	| {readonly ok: false; readonly reason: DropReason; readonly at: Host; readonly detail: Localized; readonly hops: readonly Hop[]};

/**
 * Sends one datagram from `from` to dst:dport (source address chosen by the
 * routing table unless given) and reports whose stack gets it. Directors' IPVS
 * does not take it: use the traffic engine for connections to a virtual service.
 */
export function sendDatagram(world: World, from: Host, dst: Ip, dport: number, options: {proto?: Proto; sport?: number; src?: Ip; size?: number} = {}): Delivery {
	let src = options.src;
	if (src === undefined) {
		const r = lookupRoute(from, dst);
		src = r.kind === 'unicast' ? r.src : (from.primaryIp() ?? 0);
	}
	const packet: Packet = {src, dst, proto: options.proto ?? 'udp', sport: options.sport ?? 0, dport, size: options.size ?? 60};
	const rng = world.feature('net-deliver-rng', () => world.rng.fork('deliver'));
	const r = walk(world, from, packet, {pick: (n) => rng.int(n)});
	if (r.end.kind === 'dropped') return {ok: false, reason: r.end.reason, at: r.end.host, detail: r.end.detail, hops: r.hops};
	return {ok: true, to: r.end.host, latency: r.latency, hops: r.hops};
}

/**
 * A link-layer broadcast (heartbeat's `bcast eth1`, ARP): every other host that
 * is powered and has a live interface on the same segment as `dev` hears it.
 * Nothing at all when the sender's own interface has no link.
 */
export function broadcastOn(world: World, from: Host, dev: string): Host[] {
	const iface = from.interfaces.get(dev);
	if (!iface || !iface.segment || !hasCarrier(from, iface)) return [];
	const heard: Host[] = [];
	for (const port of segmentPorts(world, iface.segment)) if (port.host !== from && !heard.includes(port.host)) heard.push(port.host);
	return heard;
}
