import type {Address, Host, NetInterface} from '../../../sim/host';
import {formatIp} from '../../../sim/net/ipv4';
import {isSecondary} from '../../../sim/net/netconfig';
import {userlandEra} from '../../../sim/net/userland-era';
import {interfaceCounters} from '../../../sim/net/counters';
import {ipv6Addresses, linkFacts} from '../link-facts';

export interface IpOptions {
	family: 'inet' | 'inet6' | 'link' | undefined;
	oneline: boolean;
	stats: number;
}

/** The `N: dev: <FLAGS> mtu … ` header and `link/…` line of `ip link` / `ip addr`. */
export function linkLines(host: Host, iface: NetInterface, opts: IpOptions, isLinkCmd: boolean): string {
	const old = userlandEra(host.kernel) === 'sarge';
	const f = linkFacts(host, iface);
	const sl = opts.oneline ? '\\' : '\n';
	let head = `${iface.index}: ${iface.name}${iface.kind === 'ipip' ? '@NONE' : ''}: <${f.flags.join(',')}> mtu ${iface.mtu} qdisc ${f.qdisc} `;
	if (old) head += f.qlen ? `qlen ${f.qlen}` : '';
	else head += `state ${f.state} ${isLinkCmd ? 'mode DEFAULT ' : ''}group default ${f.qlen ? `qlen ${f.qlen}` : ''}`;
	let text = head;
	if (opts.family === undefined || opts.family === 'link') {
		text += `${sl}    link/${f.linkType} ${iface.kind === 'ipip' ? '0.0.0.0' : iface.mac} brd ${f.brd}`;
	}
	return text;
}

/** One `inet …` line (plus the lifetime line on modern kernels). */
export function addressLine(host: Host, a: Address, opts: IpOptions): string {
	const old = userlandEra(host.kernel) === 'sarge';
	const sl = opts.oneline ? '\\' : '\n';
	const iface = host.interfaces.get(a.dev);
	let text = opts.oneline ? `${iface?.index ?? 0}: ${a.dev}` : '';
	text += `    inet ${formatIp(a.ip)}/${a.prefix} `;
	if (a.broadcast !== undefined) text += `brd ${formatIp(a.broadcast)} `;
	text += `scope ${a.scope} `;
	if (isSecondary(host, a)) text += 'secondary ';
	text += a.label;
	if (!old) text += `${sl}       valid_lft forever preferred_lft forever`;
	return text + '\n';
}

export function address6Lines(host: Host, iface: NetInterface, opts: IpOptions): string {
	const sl = opts.oneline ? '\\' : '\n';
	let text = '';
	for (const a of ipv6Addresses(host, iface)) {
		text += `${opts.oneline ? `${iface.index}: ${iface.name}` : ''}    inet6 ${a.addr}/${a.prefix} scope ${a.scope} ${sl}       valid_lft forever preferred_lft forever\n`;
	}
	return text;
}

/** `ip -s` counters block. */
export function statsLines(host: Host, iface: NetInterface, opts: IpOptions): string {
	const c = interfaceCounters(host, iface.name);
	const sl = opts.oneline ? '\\' : '\n';
	if (userlandEra(host.kernel) === 'sarge') {
		const row = (vals: number[]) => '    ' + vals.map((v, i) => String(v).padEnd(i === 0 ? 10 : i === 1 ? 8 : 7)).join(' ');
		const more = opts.stats > 1;
		const errRow = (n: number) => '               ' + Array.from({length: n}, (_, i) => '0'.padEnd(7) + (i === 0 ? '  ' : ' ')).join('').trimEnd().padEnd(n === 5 ? 40 : 32);
		return (
			`${sl}    RX: bytes  packets  errors  dropped overrun mcast   ${sl}` +
			row([c.rxBytes, c.rxPackets, c.rxErrors, c.rxDropped, 0, 0]) +
			(more ? `${sl}    RX errors: length  crc     frame   fifo    missed${sl}${errRow(5)}` : '') +
			`${sl}    TX: bytes  packets  errors  dropped carrier collsns ${sl}` +
			row([c.txBytes, c.txPackets, c.txErrors, c.txDropped, 0, 0]) +
			(more ? `${sl}    TX errors: aborted fifo    window  heartbeat${sl}${errRow(4)}` : '')
		);
	}
	const rx = [c.rxBytes, c.rxPackets, c.rxErrors, c.rxDropped, 0, 0];
	const tx = [c.txBytes, c.txPackets, c.txErrors, c.txDropped, 0, 0];
	const cols = [10, 7, 6, 7, 7, 7].map((w, i) => Math.max(w, String(rx[i]).length, String(tx[i]).length));
	const header = (dir: string, names: string[]) => `    ${dir}: ${names.map((n, i) => n.padStart(i === 0 ? cols[0]! - 4 : cols[i]!)).join(' ')} ${''.padStart(10)}`;
	const row = (vals: number[]) => '    ' + vals.map((v, i) => String(v).padStart(cols[i]!) + ' ').join('');
	const more = opts.stats > 1;
	const errs = (names: string[]) => `    ${names[0]}` + names.slice(1).map((n, i) => n.padStart([8, 7, 8, 8, 8][i]!)).join('');
	const errRow = ' '.repeat(14) + [8, 7, 8, 8, 8].map((w) => '0'.padStart(w)).join('') + ' ';
	return (
		sl +
		header('RX', ['bytes', 'packets', 'errors', 'dropped', 'missed', 'mcast']) +
		sl +
		row(rx) +
		(more ? sl + errs(['RX errors:', 'length', 'crc', 'frame', 'fifo', 'overrun']) + sl + errRow : '') +
		sl +
		header('TX', ['bytes', 'packets', 'errors', 'dropped', 'carrier', 'collsns']) +
		sl +
		row(tx) +
		(more ? sl + errs(['TX errors:', 'aborted', 'fifo', 'window', 'heartbt', 'transns']) + sl + errRow : '')
	);
}
