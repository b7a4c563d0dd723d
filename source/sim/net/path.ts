import type {Localized} from '../../i18n/lang';
import type {Host} from '../host';
import type {Micros} from '../time';
import type {World} from '../world';
import {resolve, type ArpExchange} from './arp';
import {formatIp, type Ip} from './ipv4';
import {confMax, hasCarrier, isLocalAddress, lookupRoute} from './routing';
import {FORWARD_COST, hopDelay, IPIP_OVERHEAD} from './timing';

export type Proto = 'tcp' | 'udp' | 'icmp';

/** The header fields the network model looks at. */
export interface Packet {
	readonly src: Ip;
	readonly dst: Ip;
	readonly proto: Proto;
	readonly sport: number;
	readonly dport: number;
	/** IP total length. */
	readonly size: number;
}

/** Why a packet never arrived, as plain codes that `explain` and `curl -v` turn into words. */
export type DropReason =
	/** The sender has no route (ENETUNREACH). */
	| 'no-route'
	/** The sender's interface has no link (cable out, interface down, host off). */
	| 'no-carrier'
	/** Nobody answered ARP for the next hop (EHOSTUNREACH after 3 s). */
	| 'arp-failed'
	/** The cached MAC belongs to a host that is off or unplugged: the frame is lost. */
	| 'host-down'
	/** Arrived at a host that does not own the address and does not forward. */
	| 'not-forwarding'
	/** A forwarding host got a packet whose source is one of its own addresses. */
	| 'martian-source'
	/** Reverse-path filter rejected the source on the incoming interface. */
	| 'rp-filter'
	/** IP-in-IP arrived but the host has no tunl0 device up to decapsulate it. */
	| 'no-tunnel'
	/** Bounced between routers until the TTL ran out. */
	| 'loop';

/** One frame of the journey. */
export interface Hop {
	readonly from: string;
	readonly dev: string;
	readonly to: string;
	/** The IP next hop that was resolved (router, real server or final host). */
	readonly nextHop: Ip;
}

/** Where the packet ended. */
export type PathEnd =
	/** Delivered to a host's own stack (`dev` is the interface it came in on, tunl0 after decapsulation). */
	| {readonly kind: 'local'; readonly host: Host; readonly dev: string}
	/** Taken by an interceptor (the director's IPVS) on `host`. */
	| {readonly kind: 'intercepted'; readonly host: Host; readonly dev: string}
	| {readonly kind: 'dropped'; readonly host: Host; readonly reason: DropReason; readonly detail: Localized};

export interface PathResult {
	readonly end: PathEnd;
	/** One-way time until the end point has the packet (or the sender learns it failed). */
	readonly latency: Micros;
	readonly hops: readonly Hop[];
	/** ARP exchanges that happened on the way. */
	readonly arp: readonly ArpExchange[];
	/** Part of `latency` spent waiting for ARP replies. */
	readonly arpDelay: Micros;
}

export interface WalkOptions {
	/**
	 * Called when a packet reaches a host (locally addressed or being forwarded):
	 * returning true stops the walk there as `intercepted` (IPVS in and out hooks).
	 */
	intercept?(host: Host, packet: Packet, local: boolean): boolean;
	/** Send the first frame towards this address instead of the destination (LVS-DR: the real server's MAC). */
	firstHop?: Ip;
	/** Encapsulate in IP-in-IP from `outerSrc` to `outerDst` for the first leg (LVS-TUN). */
	tunnel?: {readonly outerSrc: Ip; readonly outerDst: Ip};
	/** Random choice among several ARP responders. */
	pick(n: number): number;
}

const MAX_HOPS = 16;

/**
 * Follows a packet from `from` through routing, ARP and forwarding until some
 * host's stack takes it, an interceptor takes it, or it is dropped, and says why.
 * Pure apart from ARP caches, which it updates as the kernel would.
 */
export function walk(world: World, from: Host, packet: Packet, options: WalkOptions): PathResult {
	const hops: Hop[] = [];
	const arp: ArpExchange[] = [];
	const onExchange = (x: ArpExchange) => arp.push(x);
	let latency = 0;
	let arpDelay = 0;
	let host = from;
	let pkt = packet;
	let firstHop = options.firstHop;
	let tunnel = options.tunnel;
	const dropped = (at: Host, reason: DropReason, en: string, es: string): PathResult => ({end: {kind: 'dropped', host: at, reason, detail: {en, es}}, latency, hops, arp, arpDelay});

	for (let ttl = 0; ttl < MAX_HOPS; ttl++) {
		// Routing decision on the current host.
		const wireDst = tunnel ? tunnel.outerDst : pkt.dst;
		const wireSrc = tunnel ? tunnel.outerSrc : pkt.src;
		const route = lookupRoute(host, firstHop ?? wireDst, wireSrc);
		if (route.kind === 'local') {
			if (ttl === 0 && host === from) return {end: {kind: 'local', host, dev: 'lo'}, latency: latency + 10, hops, arp, arpDelay};
			return dropped(host, 'loop', `${host.name} routes ${formatIp(wireDst)} to itself`, `${host.name} enruta ${formatIp(wireDst)} hacia sí mismo`);
		}
		if (route.kind === 'unreachable') return dropped(host, 'no-route', `${host.name} has no route to ${formatIp(firstHop ?? wireDst)}`, `${host.name} no tiene ruta hacia ${formatIp(firstHop ?? wireDst)}`);
		const iface = host.interfaces.get(route.dev);
		if (!iface || !hasCarrier(host, iface) || iface.kind !== 'ether') {
			const why = !host.powered ? 'is powered off' : !iface?.up ? `has ${route.dev} down` : iface.kind !== 'ether' ? `cannot send on ${route.dev}` : `has no cable in ${route.dev}`;
			const porque = !host.powered ? 'está apagado' : !iface?.up ? `tiene ${route.dev} desactivada` : iface.kind !== 'ether' ? `no puede enviar por ${route.dev}` : `no tiene cable en ${route.dev}`;
			return dropped(host, 'no-carrier', `${host.name} ${why}`, `${host.name} ${porque}`);
		}
		const size = pkt.size + (tunnel ? IPIP_OVERHEAD : 0);
		const res = resolve(world, host, route.dev, route.nextHop, wireSrc, options.pick, onExchange);
		latency += res.delay;
		arpDelay += res.delay;
		if (!res.ok) {
			if (res.reason === 'arp-failed') return dropped(host, 'arp-failed', `nobody answered ARP for ${formatIp(route.nextHop)} on ${host.name}'s ${route.dev}`, `nadie respondió al ARP por ${formatIp(route.nextHop)} en ${route.dev} de ${host.name}`);
			const owner = ownerOfMac(world, res.mac ?? '');
			return dropped(
				host,
				'host-down',
				`${host.name} sent to ${formatIp(route.nextHop)} (MAC ${res.mac}${owner ? `, ${owner.en}` : ''}), which is not on the network`,
				`${host.name} envió a ${formatIp(route.nextHop)} (MAC ${res.mac}${owner ? `, ${owner.es}` : ''}), que no está en la red`,
			);
		}
		latency += hopDelay(size);
		hops.push({from: host.name, dev: route.dev, to: res.to.host.name, nextHop: route.nextHop});
		host = res.to.host;
		const inDev = res.to.iface.name;
		firstHop = undefined;

		// Reception on the next host.
		if (tunnel) {
			if (isLocalAddress(host, tunnel.outerDst)) {
				const tunl = [...host.interfaces.values()].find((i) => i.kind === 'ipip' && i.up);
				if (!tunl) return dropped(host, 'no-tunnel', `${host.name} has no tunl0 device up to unwrap IP-in-IP`, `${host.name} no tiene un dispositivo tunl0 activo para desencapsular IP-in-IP`);
				tunnel = undefined;
				const arrived = receive(host, tunl.name, pkt, options);
				if (arrived) return {...arrived, latency: latency + 5, hops, arp, arpDelay};
				return dropped(host, 'not-forwarding', `${host.name} unwrapped the tunnel but does not own ${formatIp(pkt.dst)}`, `${host.name} desencapsuló el túnel pero no tiene ${formatIp(pkt.dst)}`);
			}
			if (!forwards(host)) return dropped(host, 'not-forwarding', `${host.name} does not own ${formatIp(tunnel.outerDst)} and does not forward (ip_forward = 0)`, `${host.name} no tiene ${formatIp(tunnel.outerDst)} y no reenvía (ip_forward = 0)`);
			latency += FORWARD_COST;
			continue;
		}
		const arrived = receive(host, inDev, pkt, options);
		if (arrived) return {...arrived, latency, hops, arp, arpDelay};
		// Not for this host: forward or drop.
		if (!forwards(host)) return dropped(host, 'not-forwarding', `${host.name} does not own ${formatIp(pkt.dst)} and does not forward (net.ipv4.ip_forward = 0)`, `${host.name} no tiene ${formatIp(pkt.dst)} y no reenvía (net.ipv4.ip_forward = 0)`);
		if (isLocalAddress(host, pkt.src)) return dropped(host, 'martian-source', `${host.name} drops a packet to forward whose source ${formatIp(pkt.src)} is its own address (martian source)`, `${host.name} descarta un paquete a reenviar cuyo origen ${formatIp(pkt.src)} es una dirección suya (origen marciano)`);
		const rp = rpFilterDrop(host, inDev, pkt.src);
		if (rp) return dropped(host, 'rp-filter', rp.en, rp.es);
		if (options.intercept?.(host, pkt, false)) return {end: {kind: 'intercepted', host, dev: inDev}, latency, hops, arp, arpDelay};
		latency += FORWARD_COST;
	}
	return dropped(host, 'loop', `the packet to ${formatIp(pkt.dst)} went round in circles until its TTL ran out`, `el paquete hacia ${formatIp(pkt.dst)} dio vueltas hasta agotar su TTL`);
}

/** Local delivery checks on `host` for a packet that came in on `dev`; undefined when the address is not local. */
function receive(host: Host, dev: string, pkt: Packet, options: WalkOptions): Pick<PathResult, 'end'> | undefined {
	if (!isLocalAddress(host, pkt.dst)) return undefined;
	if (isLocalAddress(host, pkt.src)) return {end: {kind: 'dropped', host, reason: 'martian-source', detail: {en: `${host.name} got a packet from ${formatIp(pkt.src)}, one of its own addresses (martian source)`, es: `${host.name} recibió un paquete desde ${formatIp(pkt.src)}, una dirección suya (origen marciano)`}}};
	const rp = rpFilterDrop(host, dev, pkt.src);
	if (rp) return {end: {kind: 'dropped', host, reason: 'rp-filter', detail: rp}};
	if (options.intercept?.(host, pkt, true)) return {end: {kind: 'intercepted', host, dev}};
	return {end: {kind: 'local', host, dev}};
}

function forwards(host: Host): boolean {
	return host.sysctlNumber('net.ipv4.ip_forward') === 1;
}

/** rp_filter (the larger of conf/all and conf/DEV): 1 strict, 2 loose. */
function rpFilterDrop(host: Host, dev: string, src: Ip): Localized | undefined {
	const mode = confMax(host, dev, 'rp_filter');
	if (mode === 0) return undefined;
	const back = lookupRoute(host, src);
	if (back.kind === 'unreachable') {
		return {en: `${host.name}'s rp_filter drops the packet from ${formatIp(src)}: no route back`, es: `el rp_filter de ${host.name} descarta el paquete de ${formatIp(src)}: no hay ruta de vuelta`};
	}
	if (mode === 1 && back.kind === 'unicast' && back.dev !== dev) {
		return {
			en: `${host.name}'s rp_filter (strict) drops the packet from ${formatIp(src)} that came in on ${dev}: the way back is via ${back.dev}`,
			es: `el rp_filter (estricto) de ${host.name} descarta el paquete de ${formatIp(src)} que entró por ${dev}: la vuelta es por ${back.dev}`,
		};
	}
	return undefined;
}

function ownerOfMac(world: World, mac: string): Localized | undefined {
	for (const host of world.hosts.values()) {
		for (const iface of host.interfaces.values()) {
			if (iface.mac !== mac) continue;
			const en = host.powered ? (iface.plugged ? (iface.up ? '' : ' is down') : ' is unplugged') : ' (powered off)';
			const es = host.powered ? (iface.plugged ? (iface.up ? '' : ' desactivada') : ' sin cable') : ' (apagado)';
			return {en: `${host.name}'s ${iface.name}${en}`, es: `${iface.name} de ${host.name}${es}`};
		}
	}
	return undefined;
}
