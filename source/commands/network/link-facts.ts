import type {Address, Host, NetInterface} from '../../sim/host';
import {userlandEra} from '../../sim/net/userland-era';

/** Everything the link-level tools print about a device, derived from host state. */
export interface LinkFacts {
	readonly flags: string[];
	/** Kernel IFF_RUNNING: up with a carrier. */
	readonly running: boolean;
	readonly state: 'UP' | 'DOWN' | 'UNKNOWN';
	readonly qdisc: string;
	readonly qlen: number;
	readonly linkType: 'ether' | 'loopback' | 'ipip';
	readonly brd: string;
}

export function linkFacts(host: Host, iface: NetInterface): LinkFacts {
	const old = userlandEra(host.kernel) === 'sarge';
	const flags: string[] = [];
	const carrier = iface.kind !== 'ether' || iface.plugged;
	const running = iface.up && carrier;
	if (iface.kind === 'loopback') flags.push('LOOPBACK');
	if (iface.kind === 'ether') flags.push('BROADCAST', 'MULTICAST');
	if (iface.kind === 'ipip') flags.push('NOARP');
	if (iface.up) flags.push('UP');
	if (running && !old) flags.push('LOWER_UP');
	if (iface.up && !carrier) flags.unshift('NO-CARRIER');
	const state = !iface.up ? 'DOWN' : iface.kind === 'ether' ? (carrier ? 'UP' : 'DOWN') : 'UNKNOWN';
	const qdisc = iface.kind === 'ether' ? (old ? 'pfifo_fast' : 'fq_codel') : 'noqueue';
	const qlen = iface.kind === 'loopback' ? (old ? 0 : 1000) : iface.kind === 'ipip' ? (old ? 0 : 1000) : 1000;
	return {
		flags,
		running,
		state,
		qdisc,
		qlen,
		linkType: iface.kind,
		brd: iface.kind === 'ether' ? 'ff:ff:ff:ff:ff:ff' : iface.kind === 'ipip' ? '0.0.0.0' : '00:00:00:00:00:00',
	};
}

/** Interfaces in ifindex order. */
export function interfacesInOrder(host: Host): NetInterface[] {
	return [...host.interfaces.values()].sort((a, b) => a.index - b.index);
}

/** IPv6 link-local address (EUI-64 from the MAC) the kernel gives an ethernet link once it is up. */
export function linkLocal6(mac: string): string {
	const b = mac.split(':').map((x) => parseInt(x, 16));
	const bytes = [b[0]! ^ 2, b[1]!, b[2]!, 0xff, 0xfe, b[3]!, b[4]!, b[5]!];
	const groups = [0xfe80, 0, 0, 0];
	for (let i = 0; i < 8; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
	return formatIpv6(groups);
}

/** RFC 5952 text form: longest run of zero groups (two or more) becomes `::`. */
export function formatIpv6(groups: number[]): string {
	let bestStart = -1;
	let bestLen = 0;
	for (let i = 0; i < groups.length; ) {
		if (groups[i] !== 0) {
			i++;
			continue;
		}
		let j = i;
		while (j < groups.length && groups[j] === 0) j++;
		if (j - i > bestLen && j - i >= 2) {
			bestStart = i;
			bestLen = j - i;
		}
		i = j;
	}
	const hex = groups.map((g) => g.toString(16));
	if (bestStart < 0) return hex.join(':');
	return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}

/** IPv6 addresses a device shows on a modern kernel (none on Sarge, where ipv6 was not loaded). */
export function ipv6Addresses(host: Host, iface: NetInterface): Array<{addr: string; prefix: number; scope: 'host' | 'link'}> {
	if (userlandEra(host.kernel) === 'sarge' || !iface.up) return [];
	if (iface.kind === 'loopback') return [{addr: '::1', prefix: 128, scope: 'host'}];
	if (iface.kind === 'ether' && iface.plugged) return [{addr: linkLocal6(iface.mac), prefix: 64, scope: 'link'}];
	return [];
}

/** IPv4 addresses on a device in kernel order. */
export function ipv4On(host: Host, dev: string): Address[] {
	return host.addresses.filter((a) => a.dev === dev);
}

