import type {Host} from '../host';
import {segmentPorts, gratuitousArp} from '../net/arp';
import {parseIp, type Ip} from '../net/ipv4';
import {walk} from '../net/path';
import {hasCarrier} from '../net/routing';
import {hopDelay} from '../net/timing';
import type {World} from '../world';
import type {Medium} from './config';

/** What one heartbeat datagram carries (a subset of heartbeat's ha_msg). */
export interface HeartbeatPacket {
	/** Sender's node name (uname -n). */
	readonly from: string;
	readonly status: 'up' | 'active' | 'shutdown';
	/** Indexes of the resource groups the sender holds. */
	readonly holds: readonly number[];
	readonly seq: number;
	/** Authentication as the sender signed it: key number, method and secret. */
	readonly auth: {readonly key: number; readonly method: string; readonly secret: string};
	/** The medium it was sent on (its kind and the sender's device). */
	readonly medium: Medium;
}

/** Something that receives heartbeat datagrams (the heartbeat daemon on a host). */
export interface HeartbeatListener {
	readonly media: readonly Medium[];
	readonly udpport: number;
	receive(packet: HeartbeatPacket, dev: string): void;
}

/** A heartbeat status message is a UDP datagram of about this many bytes (IP length). */
const DATAGRAM = 240;

export function listenerOf(host: Host): HeartbeatListener | undefined {
	const d = host.daemons.get('heartbeat') as (HeartbeatListener & {listening?: boolean}) | undefined;
	return d && d.listening !== false ? d : undefined;
}

function deliver(world: World, host: Host, dev: string, packet: HeartbeatPacket): void {
	world.after(hopDelay(DATAGRAM), () => {
		const l = listenerOf(host);
		if (l && host.powered) l.receive(packet, dev);
	});
}

/** Whether a host's heartbeat listens for this datagram arriving on `dev`. */
function accepts(host: Host, listener: HeartbeatListener, dev: string, m: Medium): boolean {
	if (m.kind === 'bcast') return listener.udpport === m.port && listener.media.some((x) => x.kind === 'bcast' && x.dev === dev);
	if (m.kind === 'mcast') return listener.media.some((x) => x.kind === 'mcast' && x.dev === dev && x.group === m.group && x.port === m.port);
	if (m.kind === 'ucast') {
		const ip = parseIp(m.peer);
		return listener.udpport === m.port && ip !== undefined && host.addresses.some((a) => a.ip === ip);
	}
	return false;
}

/**
 * Sends one heartbeat datagram on a medium. Broadcast and multicast frames reach
 * every host with a live interface on the sender's segment (nobody routes them);
 * unicast follows routing and ARP like any packet, so an unanswered ARP loses it.
 */
export function sendHeartbeat(world: World, from: Host, packet: HeartbeatPacket): void {
	const m = packet.medium;
	if (m.kind === 'serial' || !from.powered) return;
	if (m.kind === 'ucast') {
		const dst = parseIp(m.peer);
		if (dst === undefined || from.hasAddress(dst)) return;
		const src = from.addresses.find((a) => a.dev === m.dev)?.ip ?? from.primaryIp() ?? 0;
		const rng = world.rng.fork(`heartbeat-ucast ${from.name}`);
		const path = walk(world, from, {src, dst, proto: 'udp', sport: m.port, dport: m.port, size: DATAGRAM}, {pick: (n) => rng.int(n)});
		if (path.end.kind !== 'local') return;
		const to = path.end.host;
		const dev = path.end.dev;
		const l = listenerOf(to);
		if (to !== from && l && accepts(to, l, dev, m)) world.after(path.latency, () => listenerOf(to)?.receive(packet, dev));
		return;
	}
	const out = from.interfaces.get(m.dev);
	if (!out || out.kind !== 'ether' || !out.segment || !hasCarrier(from, out)) return;
	for (const port of segmentPorts(world, out.segment)) {
		if (port.host === from) continue;
		const l = listenerOf(port.host);
		if (l && accepts(port.host, l, port.iface.name, m)) deliver(world, port.host, port.iface.name, packet);
	}
}

/** send_arp: one gratuitous ARP for `ip` on `dev`. */
export function announce(world: World, host: Host, ip: Ip, dev: string): void {
	gratuitousArp(world, host, dev, ip);
}
