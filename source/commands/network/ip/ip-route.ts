import type {Route} from '../../../sim/host';
import {networkOf, prefixToMask} from '../../../sim/net/ipv4';
import {addRoute, connectedDevice, deleteRoute} from '../../../sim/net/netconfig';
import {LOCAL_TABLE, MAIN_TABLE} from '../../../sim/net/routing';
import {tableExists, tableInKernelOrder, tablesInDumpOrder, type TableRoute} from '../../../sim/net/tables';
import {badPrefix, cNumber, incomplete, invarg, matches, MINUS_ONE, noDevice, parsePrefix, tableId, type IpRun, type Prefix} from './ip-common';
import {routeGet} from './ip-route-get';
import {formatRoute, ipv6RouteLines, type Hidden} from './ip-route-format';

const PROTOS: Record<string, Route['proto']> = {kernel: 'kernel', boot: 'boot', static: 'static'};
const SCOPES: Record<string, NonNullable<Route['scope']>> = {host: 'host', link: 'link', global: 'global', universe: 'global'};
/** Route types the lab's tables hold; the others (blackhole, unreachable…) are not simulated. */
const SHOWN_TYPES = new Set(['unicast', 'local', 'broadcast']);
const ROUTE_TYPES = new Set([...SHOWN_TYPES, 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'nat', 'xresolve']);
/** Route options that take a value and do not change where packets go in the lab. */
const VALUE_OPTIONS = new Set(['metric', 'priority', 'preference', 'mtu', 'advmss', 'hoplimit', 'reordering', 'rtt', 'rttvar', 'window', 'cwnd', 'ssthresh', 'initcwnd', 'initrwnd', 'realms', 'tos', 'dsfield', 'expires', 'pref', 'quickack', 'congctl', 'features', 'fastopen_no_cookie']);

export function ipRoute(r: IpRun, args: string[]): number {
	const sub = args[0];
	if (sub === undefined || matches(sub, 'show') || matches(sub, 'list')) return show(r, args.slice(1), false);
	if (matches(sub, 'add') || sub === 'replace' || sub === 'change' || sub === 'append' || sub === 'prepend') return modify(r, sub === 'replace' || sub === 'change' ? 'replace' : 'add', args.slice(1));
	if (matches(sub, 'delete')) return modify(r, 'del', args.slice(1));
	if (matches(sub, 'flush')) return show(r, args.slice(1), true);
	if (matches(sub, 'get')) return routeGet(r, args.slice(1));
	if (matches(sub, 'help')) return usage(r);
	r.ctx.err(`Command "${sub}" is unknown, try "ip route help".\n`);
	return 255;
}

function usage(r: IpRun): number {
	r.ctx.err('Usage: ip route { list | flush } SELECTOR\n       ip route get ADDRESS\n       ip route { add | del | change | append | replace } ROUTE\n');
	return 255;
}

/** What `ip route show|flush` selects. `tables` undefined means every table. */
interface Selector {
	tables: number[] | undefined;
	cache: boolean;
	dev?: string;
	proto?: Route['proto'];
	scope?: Route['scope'];
	type?: string;
	via?: Prefix;
	src?: Prefix;
	/** `root P`: routes inside P; `match P`: routes containing P; both for `exact P` and a bare prefix. */
	root?: Prefix;
	match?: Prefix;
}

function parseSelector(r: IpRun, args: string[]): Selector | number {
	const sel: Selector = {tables: [MAIN_TABLE], cache: false};
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const next = () => args[++i];
		if (matches(a, 'table')) {
			const v = next();
			if (v === undefined) return incomplete(r);
			const t = tableId(r, v);
			if (t !== undefined) sel.tables = t === 0 ? undefined : [t];
			else if (v === 'all') sel.tables = undefined;
			else if (v === 'cache') sel.cache = true;
			else if (v === 'help') return usage(r);
			else return invarg(r, 'table id value is invalid\n', v);
		} else if (matches(a, 'cached') || matches(a, 'cloned')) sel.cache = true;
		else if (matches(a, 'protocol')) {
			const v = next();
			if (v === undefined) return incomplete(r);
			if (v !== 'all' && !(v in PROTOS) && cNumber(v) === undefined) return invarg(r, 'invalid "protocol"\n', v);
			sel.proto = v === 'all' ? undefined : (PROTOS[v] ?? ('other' as Route['proto']));
		} else if (matches(a, 'scope')) {
			const v = next();
			if (v === undefined) return incomplete(r);
			if (v !== 'all' && !(v in SCOPES) && v !== 'nowhere' && cNumber(v) === undefined) return invarg(r, 'invalid "scope"\n', v);
			sel.scope = v === 'all' ? undefined : (SCOPES[v] ?? ('nowhere' as Route['scope']));
		} else if (matches(a, 'type')) {
			const v = next();
			if (v === undefined) return incomplete(r);
			if (!ROUTE_TYPES.has(v)) return invarg(r, 'node type value is invalid\n', v);
			sel.type = v;
		} else if (a === 'dev' || a === 'oif') {
			const v = next();
			if (v === undefined) return incomplete(r);
			sel.dev = v;
		} else if (a === 'via' || a === 'src') {
			const v = next();
			if (v === undefined) return incomplete(r);
			const p = parsePrefix(v);
			if (!p) return badPrefix(r, v);
			sel[a] = p;
		} else if (a === 'iif' || a === 'mark' || a === 'vrf' || matches(a, 'realms') || a === 'tos' || matches(a, 'dsfield') || matches(a, 'metric') || matches(a, 'priority') || matches(a, 'preference')) {
			if (next() === undefined) return incomplete(r);
		} else if (matches(a, 'from')) {
			let v = next();
			if (v !== undefined && (matches(v, 'root') || matches(v, 'match') || matches(v, 'exact'))) v = next();
			if (v === undefined) return incomplete(r);
			if (!parsePrefix(v)) return badPrefix(r, v);
		} else {
			let word: string | undefined = a;
			if (matches(word, 'to')) word = next();
			let kind = 'exact';
			if (word !== undefined && (matches(word, 'root') || matches(word, 'match') || matches(word, 'exact'))) {
				kind = matches(word, 'root') ? 'root' : matches(word, 'match') ? 'match' : 'exact';
				word = next();
			}
			if (word === undefined) return incomplete(r);
			const p = parsePrefix(word);
			if (!p) return badPrefix(r, word);
			if (kind !== 'match') sel.root = p;
			if (kind !== 'root') sel.match = p;
		}
	}
	return sel;
}

function selected(route: TableRoute, sel: Selector): boolean {
	if (sel.dev !== undefined && route.dev !== sel.dev) return false;
	if (sel.proto !== undefined && route.proto !== sel.proto) return false;
	if (sel.scope !== undefined && (route.scope ?? 'global') !== sel.scope) return false;
	if (sel.type !== undefined && (route.type ?? 'unicast') !== sel.type) return false;
	if (sel.via && (route.via === undefined || networkOf(route.via, sel.via.prefix) !== networkOf(sel.via.ip, sel.via.prefix))) return false;
	if (sel.src && (route.src === undefined || networkOf(route.src, sel.src.prefix) !== networkOf(sel.src.ip, sel.src.prefix))) return false;
	if (sel.root && (route.prefix < sel.root.prefix || networkOf(route.dest, sel.root.prefix) !== networkOf(sel.root.ip, sel.root.prefix))) return false;
	if (sel.match && (route.prefix > sel.match.prefix || networkOf(sel.match.ip, route.prefix) !== route.dest)) return false;
	return true;
}

/** `ip route show|flush SELECTOR`, main table unless `table` says otherwise. */
function show(r: IpRun, args: string[], flush: boolean): number {
	if (flush && args.length === 0) {
		r.ctx.err('"ip route flush" requires arguments.\n');
		return r.old ? MINUS_ONE : 1;
	}
	const sel = parseSelector(r, args);
	if (typeof sel === 'number') return sel;
	if (sel.dev !== undefined && !r.host.interfaces.has(sel.dev)) return noDevice(r, sel.dev);
	// The lab keeps no route cache: listing or flushing it finds nothing.
	if (sel.cache) return 0;
	const missing = sel.tables?.find((t) => !tableExists(r.host, t));
	if (missing !== undefined && !r.old) {
		r.ctx.err(`Error: ipv4: FIB table does not exist.\n${flush ? 'Flush' : 'Dump'} terminated\n`);
		return 2;
	}
	const family = r.opts.family;
	const tables = sel.tables ?? tablesInDumpOrder(r.host);
	const hide: Hidden = {table: sel.tables !== undefined, dev: sel.dev !== undefined, proto: sel.proto !== undefined, scope: sel.scope !== undefined, type: sel.type !== undefined && r.old};
	let out = '';
	let flushed = 0;
	if (family !== 'inet6') {
		for (const table of tables) {
			for (const route of tableInKernelOrder(r.host, table) ?? []) {
				if (!selected(route, sel)) continue;
				if (flush) flushed += flushRoute(r, route);
				else out += formatRoute(r, route, hide);
			}
		}
	}
	// Modern kernels list IPv6 too when every table is asked for, or with -6.
	if (!r.old && !flush && family !== 'inet' && (family === 'inet6' || sel.tables === undefined) && !sel.dev && !sel.via && !sel.src && !sel.root && !sel.proto && !sel.scope && !sel.type) {
		for (const table of sel.tables ?? [MAIN_TABLE, LOCAL_TABLE]) out += ipv6RouteLines(r, table, sel.tables === undefined);
	}
	if (flush) {
		if (flushed === 0 && r.old) r.ctx.err('Nothing to flush.\n');
		return 0;
	}
	r.ctx.out(out);
	return 0;
}

/** Deletes one listed route; the kernel's own local routes go with their addresses, not by flush. */
function flushRoute(r: IpRun, route: TableRoute): number {
	if (route.type) return 0;
	return deleteRoute(r.host, {dest: route.dest, prefix: route.prefix, via: route.via, dev: route.dev}, route.table) ? 0 : 1;
}

/** `ip route add|del|replace ROUTE [table N]`. */
function modify(r: IpRun, cmd: 'add' | 'del' | 'replace', args: string[]): number {
	let dest: Prefix | undefined;
	let via: number | undefined;
	let dev: string | undefined;
	let src: number | undefined;
	let table = MAIN_TABLE;
	let proto: Route['proto'] = 'boot';
	let scope: Route['scope'] | undefined;
	let type: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const next = () => args[++i];
		if (a === 'via' || a === 'src') {
			const v = next();
			if (v === undefined) return incomplete(r);
			const p = parsePrefix(v);
			if (!p || p.any || p.prefix !== 32) {
				r.ctx.err(`Error: inet address is expected rather than "${v}".\n`);
				return 1;
			}
			if (a === 'via') via = p.ip;
			else src = p.ip;
		} else if (a === 'dev' || a === 'oif') {
			dev = next();
			if (dev === undefined) return incomplete(r);
		} else if (matches(a, 'table')) {
			const v = next();
			if (v === undefined) return incomplete(r);
			const t = tableId(r, v);
			if (t === undefined) return invarg(r, '"table" value is invalid\n', v);
			table = t === 0 ? MAIN_TABLE : t;
		} else if (matches(a, 'protocol')) {
			const v = next();
			if (v === undefined) return incomplete(r);
			if (!(v in PROTOS) && cNumber(v) === undefined) return invarg(r, '"protocol" value is invalid\n', v);
			proto = PROTOS[v] ?? 'static';
		} else if (a === 'scope') {
			const v = next();
			if (v === undefined) return incomplete(r);
			if (!(v in SCOPES)) return invarg(r, 'invalid "scope" value\n', v);
			scope = SCOPES[v];
		} else if (VALUE_OPTIONS.has(a) || a === 'from') {
			if (next() === undefined) return incomplete(r);
		} else if (a === 'onlink' || a === 'equalize' || a === 'eql' || a === 'ttl-propagate') {
			if (a === 'ttl-propagate') next();
		} else {
			let word: string | undefined = a;
			if (word === 'to') word = next();
			if (word !== undefined && ROUTE_TYPES.has(word)) {
				type = word;
				word = next();
			}
			if (word === undefined) return incomplete(r);
			if (!r.old && matches(word, 'help')) return usage(r);
			if (dest) {
				r.ctx.err(`Error: either "to" is duplicate, or "${word}" is a garbage.\n`);
				return r.old ? MINUS_ONE : 255;
			}
			dest = parsePrefix(word);
			if (!dest) return badPrefix(r, word);
		}
	}
	if (type !== undefined && type !== 'unicast') {
		r.ctx.err(`ip route: "${type}" routes are not simulated in the lab (only ordinary unicast routes are)\n`);
		return 2;
	}
	if (!dest) {
		r.ctx.err(cmd === 'del' ? 'RTNETLINK answers: No such process\n' : 'RTNETLINK answers: No such device\n');
		return 2;
	}
	if (dev !== undefined && !r.host.interfaces.has(dev)) return noDevice(r, dev);
	if ((dest.ip & ~prefixToMask(dest.prefix)) >>> 0 !== 0) {
		r.ctx.err(r.old ? 'RTNETLINK answers: Invalid argument\n' : 'Error: Invalid prefix for given prefix length.\n');
		return 2;
	}
	if (cmd === 'del') {
		const err = deleteRoute(r.host, {dest: dest.ip, prefix: dest.prefix, via, dev}, table);
		if (!err) return 0;
		r.ctx.err(err === 'NOTABLE' && !r.old ? 'Error: FIB table does not exist.\n' : 'RTNETLINK answers: No such process\n');
		return 2;
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
	if (cmd === 'replace') deleteRoute(r.host, {dest: dest.ip, prefix: dest.prefix}, table);
	const route: Route = {dest: dest.ip, prefix: dest.prefix, via, dev: outDev, proto, scope: scope ?? (via === undefined ? 'link' : undefined), src};
	if (addRoute(r.host, route, table) === 'EEXIST') {
		r.ctx.err('RTNETLINK answers: File exists\n');
		return 2;
	}
	return 0;
}
