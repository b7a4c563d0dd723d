import type {Address} from '../../../sim/host';
import {networkOf, parseIp} from '../../../sim/net/ipv4';
import {addAddress, computedBroadcast, defaultScope, deleteAddress, isSecondary} from '../../../sim/net/netconfig';
import {incomplete, MINUS_ONE, globRe, matches, type IpRun} from './ip-common';
import {address6Lines, addressLine, linkLines, statsLines} from './ip-format';
import {interfacesInOrder} from '../link-facts';

/** Parses `A.B.C.D[/LEN]`; undefined when malformed. */
function prefixArg(text: string): {ip: number; prefix: number; given: boolean} | undefined {
	const [addr, len, extra] = text.split('/');
	if (addr === undefined || extra !== undefined) return undefined;
	const ip = parseIp(addr);
	if (ip === undefined) return undefined;
	if (len === undefined) return {ip, prefix: 32, given: false};
	if (!/^\d{1,2}$/.test(len) || Number(len) > 32) return undefined;
	return {ip, prefix: Number(len), given: true};
}

function badPrefix(r: IpRun, arg: string): number {
	r.ctx.err(r.old ? `Error: an inet prefix is expected rather than "${arg}".\n` : `Error: any valid prefix is expected rather than "${arg}".\n`);
	return 1;
}

export function ipAddr(r: IpRun, args: string[]): number {
	const sub = args[0];
	if (sub === undefined || matches(sub, 'show') || matches(sub, 'list') || matches(sub, 'lst')) return show(r, args.slice(1));
	if (matches(sub, 'add') || sub === 'replace' || sub === 'change') return modify(r, 'add', args.slice(1));
	if (matches(sub, 'delete')) return modify(r, 'del', args.slice(1));
	if (matches(sub, 'flush')) return flush(r, args.slice(1));
	if (matches(sub, 'help')) return usage(r);
	r.ctx.err(`Command "${sub}" is unknown, try "ip ${r.old ? 'addr' : 'address'} help".\n`);
	return 255;
}

function usage(r: IpRun): number {
	r.ctx.err(
		'Usage: ip addr {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n                                                      [ CONFFLAG-LIST ]\n       ip addr del IFADDR dev IFNAME [mngtmpaddr]\n       ip addr {show|save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]\n                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]\n       ip addr {showdump|restore}\nIFADDR := PREFIX | ADDR peer PREFIX\n          [ broadcast ADDR ] [ anycast ADDR ]\n          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]\nSCOPE-ID := [ host | link | global | NUMBER ]\n',
	);
	return 255;
}

interface Filter {
	dev?: string;
	to?: {ip: number; prefix: number};
	up: boolean;
	label?: RegExp;
	scope?: string;
	secondary?: boolean;
}

function parseFilter(r: IpRun, args: string[]): Filter | number {
	const f: Filter = {up: false};
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === 'up') f.up = true;
		else if (a === 'label') {
			const v = args[++i];
			if (v === undefined) return incomplete(r);
			f.label = globRe(v);
		} else if (a === 'scope') {
			const v = args[++i];
			if (v === undefined) return incomplete(r);
			f.scope = v;
		} else if (a === 'to') {
			const v = args[++i];
			if (v === undefined) return incomplete(r);
			const t = prefixArg(v);
			if (!t) return badPrefix(r, v);
			f.to = t;
		} else if (a === 'secondary' || a === 'primary') f.secondary = a === 'secondary';
		else if (a === 'permanent' || a === 'dynamic') continue;
		else {
			const name = a === 'dev' ? args[++i] : a;
			if (name === undefined) return incomplete(r);
			if (f.dev !== undefined) {
				r.ctx.err(`Error: either "dev" is duplicate, or "${name}" is a garbage.\n`);
				return 255;
			}
			f.dev = name;
		}
	}
	return f;
}

function selected(r: IpRun, a: Address, f: Filter): boolean {
	if (f.to && networkOf(a.ip, f.to.prefix) !== networkOf(f.to.ip, f.to.prefix)) return false;
	if (f.label && !f.label.test(a.label)) return false;
	if (f.scope && f.scope !== 'all' && a.scope !== f.scope) return false;
	if (f.secondary !== undefined && isSecondary(r.host, a) !== f.secondary) return false;
	return true;
}

function show(r: IpRun, args: string[]): number {
	const f = parseFilter(r, args);
	if (typeof f === 'number') return f;
	if (f.dev !== undefined && !r.host.interfaces.has(f.dev)) {
		r.ctx.err(`Device "${f.dev}" does not exist.\n`);
		return r.old ? MINUS_ONE : 1;
	}
	// A `to PREFIX` filter selects the IPv4 family, as iproute2 does.
	const opts = f.to && !r.opts.family ? {...r.opts, family: 'inet' as const} : r.opts;
	const onlyInet = opts.family === 'inet';
	const filtering = f.label !== undefined || f.scope !== undefined || f.secondary !== undefined || f.to !== undefined || onlyInet || opts.family === 'inet6';
	let out = '';
	for (const iface of interfacesInOrder(r.host)) {
		if (f.dev !== undefined && iface.name !== f.dev) continue;
		if (f.up && !iface.up) continue;
		const v4 = opts.family === 'inet6' ? [] : r.host.addresses.filter((a) => a.dev === iface.name && selected(r, a, f));
		const v6 = onlyInet || f.label !== undefined || f.to !== undefined || (f.scope && f.scope !== 'all') || f.secondary ? '' : address6Lines(r.host, iface, opts);
		if (filtering && v4.length === 0 && v6 === '') continue;
		if (!(opts.oneline && opts.family !== undefined)) {
			out += linkLines(r.host, iface, opts, false);
			if (opts.oneline) out += '\n';
			else out += '\n';
		}
		for (const a of v4) out += addressLine(r.host, a, opts);
		out += v6;
		if (opts.stats && !r.old && !opts.oneline) out += statsLines(r.host, iface, opts).slice(1) + '\n';
	}
	if (opts.oneline && opts.family === undefined && !r.old) {
		// iproute2 6.1 prints only addresses for `ip -o addr`; the 2004 one kept the link lines.
		out = '';
		for (const iface of interfacesInOrder(r.host)) {
			if (f.dev !== undefined && iface.name !== f.dev) continue;
			if (f.up && !iface.up) continue;
			for (const a of r.host.addresses.filter((x) => x.dev === iface.name && selected(r, x, f))) out += addressLine(r.host, a, opts);
			if (f.label === undefined && !f.scope && f.secondary === undefined) out += address6Lines(r.host, iface, opts);
		}
	}
	r.ctx.out(out);
	return 0;
}

function modify(r: IpRun, cmd: 'add' | 'del', args: string[]): number {
	let dev: string | undefined;
	let label: string | undefined;
	let local: string | undefined;
	let brd: string | undefined;
	let scope: Address['scope'] | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const value = () => {
			const v = args[++i];
			return v;
		};
		if (a === 'dev') dev = value();
		else if (a === 'label') label = value();
		else if (matches(a, 'broadcast') || a === 'brd') brd = value();
		else if (a === 'scope') {
			const v = value();
			if (v !== 'host' && v !== 'link' && v !== 'global') {
				if (v === undefined) return incomplete(r);
				r.ctx.err(`Error: argument "${v}" is wrong: invalid scope value.\n`);
				return 255;
			}
			scope = v;
		} else if (a === 'valid_lft' || a === 'preferred_lft' || a === 'peer' || a === 'anycast' || a === 'metric') value();
		else if (a === 'home' || a === 'nodad' || a === 'noprefixroute') continue;
		else {
			const v = a === 'local' ? value() : a;
			if (v === undefined) return incomplete(r);
			if (matches(v, 'help')) return usage(r);
			if (local !== undefined) {
				r.ctx.err(`Error: either "local" is duplicate, or "${v}" is a garbage.\n`);
				return 255;
			}
			local = v;
		}
		if (args[i] === undefined) return incomplete(r);
	}
	const parsed = local === undefined ? undefined : prefixArg(local);
	if (local !== undefined && !parsed) return badPrefix(r, local);
	if (dev === undefined) {
		r.ctx.err('Not enough information: "dev" argument is required.\n');
		return r.old ? MINUS_ONE : 1;
	}
	if (label !== undefined && !label.startsWith(dev)) {
		if (r.old) {
			r.ctx.err(`"dev" (${dev}) must match "label" (${label}).\n`);
			return MINUS_ONE;
		}
	}
	let broadcast: number | undefined;
	if (brd !== undefined && cmd === 'add') {
		if (brd === '+' || brd === '-') {
			if (parsed && parsed.prefix <= 30) broadcast = brd === '+' ? computedBroadcast(parsed.ip, parsed.prefix) : (parsed.ip & ~((1 << (32 - parsed.prefix)) - 1)) >>> 0;
		} else {
			broadcast = parseIp(brd);
			if (broadcast === undefined) {
				r.ctx.err(`Error: inet address is expected rather than "${brd}".\n`);
				return 1;
			}
		}
	}
	if (!r.host.interfaces.has(dev)) {
		r.ctx.err(`Cannot find device "${dev}"\n`);
		return r.old ? MINUS_ONE : 1;
	}
	if (!parsed) {
		r.ctx.err(r.old ? 'RTNETLINK answers: Invalid argument\n' : 'RTNETLINK answers: Operation not supported\n');
		return 2;
	}
	if (cmd === 'add') {
		const err = addAddress(r.host, {ip: parsed.ip, prefix: parsed.prefix, dev, label: label ?? dev, broadcast, scope: scope ?? defaultScope(parsed.ip)});
		if (err === 'EEXIST') {
			r.ctx.err(r.old ? 'RTNETLINK answers: File exists\n' : 'Error: ipv4: Address already assigned.\n');
			return 2;
		}
		return 0;
	}
	if (!parsed.given && !r.old) {
		r.ctx.err(
			`Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${local}/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n`,
		);
	}
	const err = deleteAddress(r.host, {ip: parsed.ip, prefix: parsed.given ? parsed.prefix : undefined, dev, label});
	if (err) {
		r.ctx.err(r.old ? 'RTNETLINK answers: Cannot assign requested address\n' : 'Error: ipv4: Address not found.\n');
		return 2;
	}
	return 0;
}

function flush(r: IpRun, args: string[]): number {
	if (args.length === 0) {
		r.ctx.err('Flush requires arguments.\n');
		return r.old ? MINUS_ONE : 1;
	}
	const f = parseFilter(r, args);
	if (typeof f === 'number') return f;
	if (f.dev !== undefined && !r.host.interfaces.has(f.dev)) {
		r.ctx.err(`Device "${f.dev}" does not exist.\n`);
		return r.old ? MINUS_ONE : 1;
	}
	const victims = r.host.addresses.filter((a) => (f.dev === undefined || a.dev === f.dev) && selected(r, a, f) && !(a.dev === 'lo' && a.ip === 0x7f000001 && f.dev === undefined));
	// Secondaries first, as the kernel would otherwise drop them with their primary.
	for (const a of [...victims].sort((x, y) => Number(isSecondary(r.host, y)) - Number(isSecondary(r.host, x)))) {
		deleteAddress(r.host, {ip: a.ip, prefix: a.prefix, dev: a.dev, label: a.label});
	}
	return 0;
}
