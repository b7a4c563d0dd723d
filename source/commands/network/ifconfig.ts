import type {Address, Host, NetInterface} from '../../sim/host';
import {formatIp, maskToPrefix, parseIp, prefixToMask} from '../../sim/net/ipv4';
import {addAddress, computedBroadcast, defaultScope, deleteAddress, deviceOf, replaceAddress, setLink} from '../../sim/net/netconfig';
import {userlandEra} from '../../sim/net/userland-era';
import type {CommandContext, CommandSpec} from '../context';
import {interfaceCounters} from '../../sim/net/counters';
import {ipv6Addresses, linkFacts} from './link-facts';

const FLAG_BITS: Array<[string, number]> = [
	['UP', 0x1],
	['BROADCAST', 0x2],
	['LOOPBACK', 0x8],
	['RUNNING', 0x40],
	['NOARP', 0x80],
	['MULTICAST', 0x1000],
];

/** A row ifconfig prints: a device, or one of its alias labels. */
interface Row {
	name: string;
	iface: NetInterface;
	addr?: Address;
	alias: boolean;
}

/** net-tools orders interfaces by name, numbers compared as numbers (eth0:2 before eth0:10). */
function natural(a: string, b: string): number {
	return a.localeCompare(b, 'en', {numeric: true});
}

function rows(host: Host): Row[] {
	const out: Row[] = [];
	for (const iface of host.interfaces.values()) {
		out.push({name: iface.name, iface, addr: host.addresses.find((a) => a.dev === iface.name && a.label === iface.name), alias: false});
		for (const a of host.addresses) if (a.dev === iface.name && a.label !== iface.name && a.label.startsWith(iface.name + ':')) out.push({name: a.label, iface, addr: a, alias: true});
	}
	return out.sort((a, b) => natural(a.name, b.name));
}

function flagsOf(host: Host, iface: NetInterface): string[] {
	const f = linkFacts(host, iface);
	const names: string[] = [];
	if (iface.up) names.push('UP');
	if (iface.kind === 'ether') names.push('BROADCAST');
	if (iface.kind === 'loopback') names.push('LOOPBACK');
	if (f.running) names.push('RUNNING');
	if (iface.kind === 'ipip') names.push('NOARP');
	if (iface.kind === 'ether') names.push('MULTICAST');
	return names;
}

/** `(266.0 B)` / `(1.2 KiB)` as net-tools 2.10 scales byte counts. */
function scaledModern(n: number): string {
	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
	let i = 0;
	let v = n;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${n} (${(Math.floor(v * 10) / 10).toFixed(1)} ${units[i]})`;
}

/** `(0.0 b)` / `(1.2 Kb)` as net-tools 1.60 printed them. */
function scaledOld(n: number): string {
	let short = n * 10;
	let ext = 'b';
	if (n > 1048576) {
		short = Math.floor(short / 1048576);
		ext = 'Mb';
	} else if (n > 1024) {
		short = Math.floor(short / 1024);
		ext = 'Kb';
	}
	return `${n} (${Math.floor(short / 10)}.${short % 10} ${ext})`;
}

function printModern(host: Host, row: Row): string {
	const {iface, addr} = row;
	const flags = flagsOf(host, iface);
	const value = FLAG_BITS.reduce((v, [name, bit]) => (flags.includes(name) ? v | bit : v), 0);
	let s = `${row.name}: flags=${value}<${flags.join(',')}>  mtu ${iface.mtu}\n`;
	if (addr) {
		s += `        inet ${formatIp(addr.ip)}  netmask ${formatIp(prefixToMask(addr.prefix))}`;
		if (iface.kind === 'ether') s += `  broadcast ${formatIp(addr.broadcast ?? 0)}`;
		s += '\n';
	}
	if (!row.alias) {
		for (const a6 of ipv6Addresses(host, iface)) s += `        inet6 ${a6.addr}  prefixlen ${a6.prefix}  scopeid ${a6.scope === 'host' ? '0x10<host>' : '0x20<link>'}\n`;
	}
	const f = linkFacts(host, iface);
	if (iface.kind === 'ether') s += `        ether ${iface.mac}  txqueuelen ${f.qlen}  (Ethernet)\n`;
	else if (iface.kind === 'loopback') s += `        loop  txqueuelen ${f.qlen}  (Local Loopback)\n`;
	else s += `        tunnel   txqueuelen ${f.qlen}  (IPIP Tunnel)\n`;
	if (!row.alias) {
		const c = interfaceCounters(host, iface.name);
		s += `        RX packets ${c.rxPackets}  bytes ${scaledModern(c.rxBytes)}\n`;
		s += `        RX errors ${c.rxErrors}  dropped ${c.rxDropped}  overruns 0  frame 0\n`;
		s += `        TX packets ${c.txPackets}  bytes ${scaledModern(c.txBytes)}\n`;
		s += `        TX errors ${c.txErrors}  dropped ${c.txDropped} overruns 0  carrier 0  collisions 0\n`;
	}
	return s + '\n';
}

function printOld(host: Host, row: Row): string {
	const {iface, addr} = row;
	const encap = iface.kind === 'ether' ? 'Ethernet' : iface.kind === 'loopback' ? 'Local Loopback' : 'IPIP Tunnel';
	let s = `${row.name.padEnd(9).slice(0, 9)} Link encap:${encap}  `;
	if (iface.kind === 'ether') s += `HWaddr ${iface.mac.toUpperCase()}  `;
	else if (iface.kind === 'ipip') s += 'HWaddr   ';
	s += '\n';
	if (addr) {
		s += `          inet addr:${formatIp(addr.ip)} `;
		if (iface.kind === 'ether') s += ` Bcast:${formatIp(addr.broadcast ?? 0)} `;
		s += ` Mask:${formatIp(prefixToMask(addr.prefix))}\n`;
	}
	const flags = flagsOf(host, iface);
	s += `          ${flags.length ? flags.map((f) => f + ' ').join('') : '[NO FLAGS] '} MTU:${iface.mtu}  Metric:1\n`;
	if (!row.alias) {
		const c = interfaceCounters(host, iface.name);
		const qlen = linkFacts(host, iface).qlen;
		s += `          RX packets:${c.rxPackets} errors:${c.rxErrors} dropped:${c.rxDropped} overruns:0 frame:0\n`;
		s += `          TX packets:${c.txPackets} errors:${c.txErrors} dropped:${c.txDropped} overruns:0 carrier:0\n`;
		s += `          collisions:0 txqueuelen:${qlen} \n`;
		s += `          RX bytes:${scaledOld(c.rxBytes)}  TX bytes:${scaledOld(c.txBytes)}\n`;
	}
	return s + '\n';
}

const USAGE_HINT = "ifconfig: `--help' gives usage information.\n";

/** net-tools ifconfig: show (-a), set address/netmask/broadcast, up/down, aliases such as lo:0. */
export const ifconfig: CommandSpec = {
	name: 'ifconfig',
	paths: ['/sbin/ifconfig'],
	group: 'network',
	summary: {en: 'show or set interfaces the old way: ifconfig lo:0 VIP netmask 255.255.255.255 up', es: 'muestra o configura interfaces al estilo antiguo: ifconfig lo:0 VIP netmask 255.255.255.255 up'},
	run(ctx) {
		const host = ctx.host;
		const old = userlandEra(host.kernel) === 'sarge';
		const print = (row: Row) => (old ? printOld(host, row) : printModern(host, row));
		let args = ctx.argv.slice(1);
		let all = false;
		while (args[0]?.startsWith('-')) {
			const a = args.shift()!;
			if (a === '-a') all = true;
			else if (a === '-s' || a === '-v') continue;
			else {
				ctx.err(USAGE_HINT);
				return 1;
			}
		}
		if (args.length === 0) {
			let out = '';
			for (const row of rows(host)) if (all || row.iface.up) out += print(row);
			ctx.out(out);
			return 0;
		}
		const name = args[0]!;
		const dev = deviceOf(name);
		const iface = host.interfaces.get(dev);
		args = args.slice(1);
		if (args.length === 0) {
			const row = iface ? rows(host).find((r) => r.name === name) : undefined;
			if (!row) {
				ctx.err(`${name}: error fetching interface information: Device not found\n`);
				return 1;
			}
			ctx.out(print(row));
			return 0;
		}
		return configure(ctx, host, name, dev, iface, args);
	},
};

function configure(ctx: CommandContext, host: Host, name: string, dev: string, iface: NetInterface | undefined, args: string[]): number {
	let address: number | undefined;
	let prefix: number | undefined;
	let broadcast: number | undefined;
	let state: boolean | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === 'up' || a === 'down') state = a === 'up';
		else if (a === 'netmask' || a === 'broadcast' || a === 'mtu') {
			const v = args[++i];
			if (v === undefined) {
				ctx.err(USAGE_HINT);
				return 1;
			}
			if (a === 'mtu') {
				if (!iface) break;
				// net-tools passes atoi(value) to SIOCSIFMTU; the kernel refuses what the device cannot carry.
				const m = /^\s*[+-]?\d+/.exec(v);
				const mtu = m ? Number(m[0]) : 0;
				if (mtu < 68 || mtu > 65535) {
					ctx.err('SIOCSIFMTU: Invalid argument\n');
					return 1;
				}
				iface.mtu = mtu;
				continue;
			}
			const ip = parseIp(v);
			if (ip === undefined) {
				ctx.err(`${v}: Unknown host\n${USAGE_HINT}`);
				return 1;
			}
			if (a === 'netmask') {
				const p = maskToPrefix(ip);
				if (p === undefined) {
					ctx.err('SIOCSIFNETMASK: Invalid argument\n');
					return 1;
				}
				prefix = p;
			} else broadcast = ip;
		} else if (a === 'arp' || a === '-arp' || a === 'promisc' || a === '-promisc' || a === 'multicast' || a === 'allmulti') continue;
		else {
			const ip = parseIp(a);
			if (ip === undefined) {
				ctx.err(/^[\d.]+$/.test(a) ? `${a}: Unknown host\n${USAGE_HINT}` : `${a}: Host name lookup failure\n${USAGE_HINT}`);
				return 1;
			}
			address = ip;
		}
	}
	if (!iface) {
		let msg = '';
		if (address !== undefined) msg += 'SIOCSIFADDR: No such device\n';
		if (broadcast !== undefined) msg += 'SIOCSIFBRDADDR: No such device\n';
		if (prefix !== undefined) msg += 'SIOCSIFNETMASK: No such device\n';
		msg += `${name}: ERROR while getting interface flags: No such device\n`;
		ctx.err(msg);
		return 255;
	}
	const existing = host.addresses.find((a) => a.dev === dev && a.label === name);
	if (state === false && name !== dev) {
		// Taking an alias down removes its address.
		if (existing) deleteAddress(host, {ip: existing.ip, prefix: existing.prefix, dev, label: name});
		return 0;
	}
	if (address !== undefined) {
		const p = prefix ?? existing?.prefix ?? classfulPrefix(address);
		const brd = iface.kind === 'ether' ? (broadcast ?? computedBroadcast(address, p)) : broadcast;
		const next = {ip: address, prefix: p, dev, label: name, broadcast: brd, scope: defaultScope(address)};
		if (existing) replaceAddress(host, existing, next);
		const err = existing ? undefined : addAddress(host, next);
		if (err === 'EEXIST') {
			ctx.err('SIOCSIFADDR: File exists\n');
			return 255;
		}
	} else if ((prefix !== undefined || broadcast !== undefined) && existing) {
		const p = prefix ?? existing.prefix;
		const brd = broadcast ?? (iface.kind === 'ether' ? computedBroadcast(existing.ip, p) : existing.broadcast);
		replaceAddress(host, existing, {...existing, prefix: p, broadcast: brd});
	} else if ((prefix !== undefined || broadcast !== undefined) && !existing) {
		ctx.err(`SIOCSIF${prefix !== undefined ? 'NETMASK' : 'BRDADDR'}: Cannot assign requested address\n`);
		return 255;
	}
	if (name === dev && state !== undefined) setLink(host, dev, state);
	else if (name !== dev && state === true && !iface.up) setLink(host, dev, true);
	return 0;
}

/** The netmask the kernel gives an address set without one (class A/B/C). */
function classfulPrefix(ip: number): number {
	const first = ip >>> 24;
	if (first < 128) return 8;
	if (first < 192) return 16;
	return 24;
}
