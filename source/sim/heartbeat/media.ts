import type {Host, NetInterface} from '../host';
import {formatIp, parseIp, type Ip} from '../net/ipv4';
import {USEC} from '../time';
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

/**
 * The network as heartbeat needs it: send one UDP datagram on a medium and
 * deliver it to every host that would receive it.
 */
export interface HeartbeatTransport {
	send(world: World, from: Host, packet: HeartbeatPacket): void;
}

const TRANSPORT_KEY = 'heartbeat.transport';
const LISTENER_KEY = 'heartbeat';

export function setHeartbeatTransport(world: World, transport: HeartbeatTransport): void {
	world.features.set(TRANSPORT_KEY, transport);
}

export function heartbeatTransport(world: World): HeartbeatTransport {
	return (world.features.get(TRANSPORT_KEY) as HeartbeatTransport | undefined) ?? standInTransport;
}

export function listenerOf(host: Host): HeartbeatListener | undefined {
	const d = host.daemons.get(LISTENER_KEY) as (HeartbeatListener & {listening?: boolean}) | undefined;
	return d && d.listening !== false ? d : undefined;
}

function usable(i: NetInterface | undefined): i is NetInterface {
	return i !== undefined && i.kind === 'ether' && i.up && i.plugged;
}

/** Wire latency of one datagram on the LAN in the stand-in model. */
const LATENCY = 200 * USEC;

/**
 * Stand-in until the network model provides delivery: a datagram sent on a
 * device reaches the hosts with a cabled, up interface on the same segment
 * (broadcast: every such host on the same UDP port; multicast: hosts that
 * joined the group on that interface; unicast: the host owning the address).
 */
const standInTransport: HeartbeatTransport = {
	send(world, from, packet) {
		const m = packet.medium;
		if (m.kind === 'serial' || !from.powered) return;
		const out = from.interfaces.get(m.dev);
		if (!usable(out) || !out.segment) return;
		for (const host of world.hosts.values()) {
			if (host === from || !host.powered) continue;
			const listener = listenerOf(host);
			if (!listener) continue;
			for (const iface of host.interfaces.values()) {
				if (!usable(iface) || iface.segment !== out.segment) continue;
				if (!accepts(host, listener, iface.name, m)) continue;
				const dev = iface.name;
				world.after(LATENCY, () => {
					const l = listenerOf(host);
					if (l && host.powered) l.receive(packet, dev);
				});
			}
		}
	},
};

function accepts(host: Host, listener: HeartbeatListener, dev: string, m: Medium): boolean {
	if (m.kind === 'bcast') return listener.udpport === m.port && listener.media.some((x) => x.kind === 'bcast' && x.dev === dev);
	if (m.kind === 'mcast') return listener.media.some((x) => x.kind === 'mcast' && x.dev === dev && x.group === m.group && x.port === m.port);
	if (m.kind === 'ucast') {
		const ip = parseIp(m.peer);
		return listener.udpport === m.port && ip !== undefined && host.addresses.some((a) => a.ip === ip && a.dev === dev);
	}
	return false;
}

/** Gratuitous ARP as IPaddr2's send_arp does it: neighbours on the segment learn ip → our MAC. */
export interface ArpAnnouncer {
	announce(world: World, host: Host, ip: Ip, dev: string): void;
}

const ARP_KEY = 'heartbeat.arp';

export function setArpAnnouncer(world: World, announcer: ArpAnnouncer): void {
	world.features.set(ARP_KEY, announcer);
}

export function arpAnnouncer(world: World): ArpAnnouncer {
	return (world.features.get(ARP_KEY) as ArpAnnouncer | undefined) ?? standInArp;
}

const standInArp: ArpAnnouncer = {
	announce(world, host, ip, dev) {
		const out = host.interfaces.get(dev);
		if (!usable(out) || !out.segment) return;
		for (const other of world.hosts.values()) {
			if (other === host || !other.powered) continue;
			for (const iface of other.interfaces.values()) {
				if (!usable(iface) || iface.segment !== out.segment) continue;
				other.neighbors.set(ip, {mac: out.mac, dev: iface.name, state: 'REACHABLE', updated: world.now});
			}
		}
		world.log('net', `gratuitous ARP: ${formatIp(ip)} is-at ${out.mac} (${host.name} ${dev})`, host.name);
	},
};
