import type {Route} from '../../../sim/host';
import {formatIp, networkOf, parseIp} from '../../../sim/net/ipv4';
import {addRoute, connectedDevice, deleteRoute, routesInKernelOrder} from '../../../sim/net/netconfig';
import {incomplete, MINUS_ONE, matches, type IpRun} from './ip-common';

/** `default`, `10.0.0.0/24` or a host address. */
export function routeDest(r: Route): string {
	if (r.prefix === 0 && r.dest === 0) return 'default';
	return r.prefix === 32 ? formatIp(r.dest) : `${formatIp(r.dest)}/${r.prefix}`;
}

export function formatRoute(route: Route, old: boolean, hideDev = false): string {
	let s = routeDest(route) + ' ';
	if (route.via !== undefined) s += `via ${formatIp(route.via)} `;
	if (!hideDev) s += `dev ${route.dev} `;
	const proto = route.proto === 'boot' ? undefined : route.proto;
	const scope = route.scope && route.scope !== 'global' ? route.scope : undefined;
	if (old) {
		if (proto) s += ` proto ${proto} `;
		if (scope) s += ` scope ${scope} `;
		if (route.src !== undefined) s += ` src ${formatIp(route.src)} `;
	} else {
		if (proto) s += `proto ${proto} `;
		if (scope) s += `scope ${scope} `;
		if (route.src !== undefined) s += `src ${formatIp(route.src)} `;
	}
	return s + '\n';
}

export function ipRoute(r: IpRun, args: string[]): number {
	const sub = args[0];
	if (sub === undefined || matches(sub, 'show') || matches(sub, 'list')) return show(r, args.slice(1));
	if (matches(sub, 'add') || sub === 'replace' || sub === 'change' || sub === 'append') return modify(r, sub === 'replace' ? 'replace' : 'add', args.slice(1));
	if (matches(sub, 'delete')) return modify(r, 'del', args.slice(1));
	if (matches(sub, 'flush')) return flush(r, args.slice(1));
	if (matches(sub, 'get')) return get(r, args.slice(1));
	if (matches(sub, 'help')) {
		r.ctx.err('Usage: ip route { list | flush } SELECTOR\n       ip route get ADDRESS\n       ip route { add | del | change | append | replace } ROUTE\n');
		return 255;
	}
	r.ctx.err(`Command "${sub}" is unknown, try "ip route help".\n`);
	return 255;
}

function show(r: IpRun, args: string[]): number {
	let dev: string | undefined;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === 'dev') dev = args[++i];
		else if (args[i] === 'table' || args[i] === 'proto' || args[i] === 'scope') i++;
	}
	if (dev !== undefined && !r.host.interfaces.has(dev)) {
		r.ctx.err(`Cannot find device "${dev}"\n`);
		return r.old ? MINUS_ONE : 1;
	}
	let out = '';
	for (const route of routesInKernelOrder(r.host)) {
		if (dev !== undefined && route.dev !== dev) continue;
		out += formatRoute(route, r.old, dev !== undefined);
	}
	r.ctx.out(out);
	return 0;
}

function parseDest(text: string): {dest: number; prefix: number} | undefined {
	if (text === 'default' || text === '0/0' || text === 'all') return {dest: 0, prefix: 0};
	const [addr, len, extra] = text.split('/');
	if (addr === undefined || extra !== undefined) return undefined;
	const ip = parseIp(addr);
	if (ip === undefined) return undefined;
	if (len === undefined) return {dest: ip, prefix: 32};
	if (!/^\d{1,2}$/.test(len) || Number(len) > 32) return undefined;
	return {dest: networkOf(ip, Number(len)), prefix: Number(len)};
}

function modify(r: IpRun, cmd: 'add' | 'del' | 'replace', args: string[]): number {
	let dest: {dest: number; prefix: number} | undefined;
	let via: number | undefined;
	let dev: string | undefined;
	let src: number | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const v = args[i + 1];
		if (a === 'via' || a === 'dev' || a === 'src' || a === 'metric' || a === 'proto' || a === 'scope' || a === 'table') {
			if (v === undefined) return incomplete(r);
			i++;
			if (a === 'via') {
				via = parseIp(v);
				if (via === undefined) {
					r.ctx.err(`Error: inet address is expected rather than "${v}".\n`);
					return 1;
				}
			} else if (a === 'dev') dev = v;
			else if (a === 'src') src = parseIp(v);
			continue;
		}
		if (a === 'onlink') continue;
		const text = a === 'to' ? args[++i] : a;
		if (text === undefined) return incomplete(r);
		const d = parseDest(text);
		if (!d) {
			r.ctx.err(r.old ? `Error: an inet prefix is expected rather than "${text}".\n` : `Error: any valid prefix is expected rather than "${text}".\n`);
			return 1;
		}
		dest = d;
	}
	if (!dest) {
		r.ctx.err(cmd === 'del' ? 'RTNETLINK answers: No such process\n' : 'RTNETLINK answers: No such device\n');
		return 2;
	}
	if (dev !== undefined && !r.host.interfaces.has(dev)) {
		r.ctx.err(`Cannot find device "${dev}"\n`);
		return r.old ? MINUS_ONE : 1;
	}
	if (cmd === 'del') {
		if (deleteRoute(r.host, {dest: dest.dest, prefix: dest.prefix, via, dev})) {
			r.ctx.err('RTNETLINK answers: No such process\n');
			return 2;
		}
		return 0;
	}
	let outDev = dev;
	if (via !== undefined) {
		const through = connectedDevice(r.host, via);
		if (!through || (dev !== undefined && through !== dev)) {
			r.ctx.err(r.old ? 'RTNETLINK answers: Network is unreachable\n' : 'Error: Nexthop has invalid gateway.\n');
			return 2;
		}
		outDev = through;
	}
	if (outDev === undefined) {
		r.ctx.err('RTNETLINK answers: No such device\n');
		return 2;
	}
	if (cmd === 'replace') deleteRoute(r.host, {dest: dest.dest, prefix: dest.prefix});
	const route: Route = {dest: dest.dest, prefix: dest.prefix, via, dev: outDev, proto: 'boot', scope: via === undefined ? 'link' : undefined, src};
	if (addRoute(r.host, route) === 'EEXIST') {
		r.ctx.err('RTNETLINK answers: File exists\n');
		return 2;
	}
	return 0;
}

function flush(r: IpRun, args: string[]): number {
	if (args.length === 0) {
		r.ctx.err('"ip route flush" requires arguments.\n');
		return r.old ? MINUS_ONE : 1;
	}
	let dev: string | undefined;
	for (let i = 0; i < args.length; i++) if (args[i] === 'dev') dev = args[++i];
	r.host.routes = r.host.routes.filter((x) => dev !== undefined && x.dev !== dev);
	return 0;
}

/** `ip route get ADDR`: the route the kernel would use. */
function get(r: IpRun, args: string[]): number {
	const target = args.find((a) => a !== 'to');
	const ip = target === undefined ? undefined : parseIp(target);
	if (ip === undefined) {
		r.ctx.err(target === undefined ? 'need at least a destination address\n' : `Error: inet address is expected rather than "${target}".\n`);
		return 1;
	}
	const local = r.host.addresses.find((a) => a.ip === ip);
	if (local || ip >>> 24 === 127) {
		const src = local?.ip ?? 0x7f000001;
		r.ctx.out(`local ${formatIp(ip)} dev lo ${r.old ? ' ' : ''}src ${formatIp(src)} ${r.old ? '\n    cache <local>  mtu 16436 advmss 16396 metric 10 64\n' : 'uid 0 \n    cache <local> \n'}`);
		return 0;
	}
	let best: Route | undefined;
	for (const route of r.host.routes) if (networkOf(ip, route.prefix) === route.dest && (!best || route.prefix > best.prefix)) best = route;
	if (!best) {
		r.ctx.err('RTNETLINK answers: Network is unreachable\n');
		return 2;
	}
	const src = r.host.addresses.find((a) => a.dev === best!.dev)?.ip;
	let line = `${formatIp(ip)} ${best.via !== undefined ? `via ${formatIp(best.via)} ` : ''}dev ${best.dev} `;
	line += r.old ? ` src ${src !== undefined ? formatIp(src) : '0.0.0.0'} \n    cache  mtu 1500 advmss 1460 metric 10 64\n` : `src ${src !== undefined ? formatIp(src) : '0.0.0.0'} uid 0 \n    cache \n`;
	r.ctx.out(line);
	return 0;
}
