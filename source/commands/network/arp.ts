import {formatIp, parseIp} from '../../sim/net/ipv4';
import {lookupRoute} from '../../sim/net/routing';
import type {CommandContext, CommandSpec} from '../context';
import {hostNames} from './route';

/** net-tools arp: the ARP cache (-n numeric, -a BSD style, HOST filter), -d to delete an entry, -s to set one. */
export const arp: CommandSpec = {
	name: 'arp',
	paths: ['/usr/sbin/arp'],
	group: 'network',
	summary: {en: 'the ARP cache: arp -n, arp -d HOST, arp -s HOST MAC', es: 'la caché ARP: arp -n, arp -d HOST, arp -s HOST MAC'},
	run(ctx) {
		const host = ctx.host;
		const first = ctx.argv[1];
		if (first === '-d' || first === '--delete') return remove(ctx, ctx.argv.slice(2));
		if (first === '-s' || first === '--set') return set(ctx, ctx.argv.slice(2));
		let numeric = false;
		let bsd = false;
		let filter: string | undefined;
		for (const a of ctx.argv.slice(1)) {
			if (/^-[naev]+$/.test(a)) {
				numeric ||= a.includes('n');
				bsd ||= a.includes('a');
			} else if (a.startsWith('-')) {
				ctx.err(`arp: invalid option -- '${a.replace(/^-+/, '').slice(0, 1)}'\nUsage:\n  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache\n`);
				return 255;
			} else filter = a;
		}
		const names = numeric ? new Map<number, string>() : hostNames(host);
		const want = filter === undefined ? undefined : numeric ? parseIp(filter) : hostIp(ctx, filter);
		if (filter !== undefined && want === undefined) {
			ctx.err(`${filter}: Unknown host\n`);
			return 255;
		}
		const entries = [...host.neighbors].reverse().filter(([ip]) => want === undefined || ip === want);
		if (want !== undefined && entries.length === 0) {
			ctx.out(`${filter} (${formatIp(want)}) -- no entry\n`);
			return 0;
		}
		let out = '';
		if (bsd) {
			for (const [ip, n] of entries) {
				const name = names.get(ip) ?? '?';
				const complete = n.state !== 'INCOMPLETE' && n.state !== 'FAILED';
				out += `${name} (${formatIp(ip)}) at ${complete ? `${n.mac} [ether]${n.state === 'PERMANENT' ? ' PERM' : ''}` : '<incomplete>'} on ${n.dev}\n`;
			}
		} else if (entries.length > 0) {
			out += 'Address                  HWtype  HWaddress           Flags Mask            Iface\n';
			for (const [ip, n] of entries) {
				const complete = n.state !== 'INCOMPLETE' && n.state !== 'FAILED';
				const flags = complete ? (n.state === 'PERMANENT' ? 'CM' : 'C') : '';
				out += `${(names.get(ip) ?? formatIp(ip)).slice(0, 23).padEnd(23)}  ${(complete ? 'ether' : '').padEnd(8)}${(complete ? n.mac : '(incomplete)').padEnd(20)}${flags.padEnd(6)}${''.padEnd(15)} ${n.dev}\n`;
			}
		}
		ctx.out(out);
		return 0;
	},
};

/** HOST as arp reads it: a dotted quad, or a name the host's /etc/hosts knows. */
function hostIp(ctx: CommandContext, name: string): number | undefined {
	return parseIp(name) ?? [...hostNames(ctx.host)].find(([, n]) => n === name)?.[0];
}

/** Where the kernel puts a neighbour for `ip`: the interface its route leaves by (`-i` overrides). */
function deviceFor(ctx: CommandContext, ip: number, iface: string | undefined): string | undefined {
	if (iface !== undefined) return ctx.host.interfaces.has(iface) ? iface : undefined;
	const route = lookupRoute(ctx.host, ip);
	return route.kind === 'unicast' ? route.dev : undefined;
}

/** Splits `[-i IF] HOST [more]` and resolves HOST as arp does (an address or a name in /etc/hosts). */
function target(ctx: CommandContext, args: readonly string[]): {ip: number; name: string; iface?: string; rest: string[]} | number {
	const rest = [...args];
	let iface: string | undefined;
	const at = rest.indexOf('-i');
	if (at >= 0) {
		iface = rest[at + 1];
		rest.splice(at, 2);
	}
	const name = rest.shift();
	if (name === undefined) {
		ctx.err('arp: need host name\n');
		return 255;
	}
	const ip = hostIp(ctx, name);
	if (ip === undefined) {
		ctx.err(`${name}: Unknown host\n`);
		return 255;
	}
	return {ip, name, iface, rest};
}

/** `arp -d HOST`: forgets the entry, as the kernel's SIOCDARP does. */
function remove(ctx: CommandContext, args: readonly string[]): number {
	const t = target(ctx, args);
	if (typeof t === 'number') return t;
	const dev = deviceFor(ctx, t.ip, t.iface);
	if (dev === undefined) {
		ctx.err(t.iface !== undefined ? `SIOCDARP(dontpub): No such device\n` : 'SIOCDARP(dontpub): Network is unreachable\n');
		return 255;
	}
	const entry = ctx.host.neighbors.get(t.ip);
	if (!entry || entry.dev !== dev) {
		ctx.err(`No ARP entry for ${t.name}\n`);
		return 255;
	}
	ctx.host.neighbors.delete(t.ip);
	return 0;
}

/** `arp -s HOST MAC`: a permanent entry (flags CM), as the kernel's SIOCSARP makes. */
function set(ctx: CommandContext, args: readonly string[]): number {
	const t = target(ctx, args);
	if (typeof t === 'number') return t;
	const mac = t.rest[0]?.toLowerCase();
	if (mac === undefined) {
		ctx.err('arp: need hardware address\n');
		return 255;
	}
	if (!/^([0-9a-f]{1,2}:){5}[0-9a-f]{1,2}$/.test(mac)) {
		ctx.err('arp: invalid hardware address\n');
		return 255;
	}
	const dev = deviceFor(ctx, t.ip, t.iface);
	if (dev === undefined) {
		ctx.err(t.iface !== undefined ? 'SIOCSARP: No such device\n' : 'SIOCSARP: Network is unreachable\n');
		return 255;
	}
	const padded = mac.split(':').map((b) => b.padStart(2, '0')).join(':');
	ctx.host.neighbors.delete(t.ip);
	ctx.host.neighbors.set(t.ip, {mac: padded, dev, state: 'PERMANENT', updated: ctx.world.now});
	return 0;
}
