import type {Host, Route} from '../host';
import {networkOf, prefixToMask, type Ip} from './ipv4';
import {inKernelOrder} from './kernel-order';
import {isSecondary} from './netconfig';
import {ifaceUp, LOCAL_TABLE, MAIN_TABLE, tableRoutes} from './routing';
import {userlandEra} from './userland-era';

/**
 * The routing tables as `ip route show table …` and `route -n` list them: the
 * kernel's own local table derived from the addresses, the order each kernel
 * generation walks a table in, and the order tables are dumped in.
 */

/** A route as a table lists it; `type` is absent for ordinary (unicast) routes. */
export interface TableRoute extends Route {
	readonly type?: 'local' | 'broadcast';
	readonly table: number;
}

/** Whether the table exists: main and local always do, others once a route was added. */
export function tableExists(host: Host, table: number): boolean {
	return table === MAIN_TABLE || table === LOCAL_TABLE || host.tables.has(table);
}

/**
 * The routes the kernel puts in the local table for the addresses of interfaces
 * that are up (fib_add_ifaddr): each address as `local`, its broadcast, and for a
 * primary address the broadcast of its subnet (2.6-era kernels also the subnet's
 * own address) and, on loopback, the whole subnet as `local`. Secondary addresses
 * use their primary as source, as the kernel does.
 */
export function kernelLocalRoutes(host: Host): TableRoute[] {
	const old = userlandEra(host.kernel) === 'sarge';
	const out: TableRoute[] = [];
	const add = (r: TableRoute) => {
		if (!out.some((o) => o.type === r.type && o.dest === r.dest && o.prefix === r.prefix && o.dev === r.dev && o.src === r.src)) out.push(r);
	};
	for (const a of host.addresses) {
		if (!ifaceUp(host, a.dev)) continue;
		const secondary = isSecondary(host, a);
		const prim = secondary ? (primaryOf(host, a.dev, a.ip, a.prefix) ?? a.ip) : a.ip;
		const base = {dev: a.dev, src: prim, proto: 'kernel' as const, table: LOCAL_TABLE};
		add({...base, type: 'local', dest: a.ip, prefix: 32, scope: 'host'});
		if (a.broadcast !== undefined && a.broadcast !== 0 && a.broadcast !== 0xffffffff) add({...base, type: 'broadcast', dest: a.broadcast, prefix: 32, scope: 'link'});
		const net = networkOf(a.ip, a.prefix);
		if (secondary || net === 0 || (a.prefix === 32 && net === a.ip)) continue;
		if (host.interfaces.get(a.dev)?.kind === 'loopback') add({...base, type: 'local', dest: net, prefix: a.prefix, scope: 'host'});
		if (a.prefix < 31) {
			if (old) add({...base, type: 'broadcast', dest: net, prefix: 32, scope: 'link'});
			add({...base, type: 'broadcast', dest: (net | ~prefixToMask(a.prefix)) >>> 0, prefix: 32, scope: 'link'});
		}
	}
	return out;
}

function primaryOf(host: Host, dev: string, ip: Ip, prefix: number): Ip | undefined {
	return host.addresses.find((o) => o.dev === dev && o.prefix === prefix && networkOf(o.ip, prefix) === networkOf(ip, prefix))?.ip;
}

/** The routes of one table in the order the host's kernel lists them; undefined when it does not exist. */
export function tableInKernelOrder(host: Host, table: number): TableRoute[] | undefined {
	if (!tableExists(host, table)) return undefined;
	const own = (tableRoutes(host, table) ?? []).map((r) => ({...r, table}));
	const routes = table === LOCAL_TABLE ? [...kernelLocalRoutes(host), ...own] : own;
	return inKernelOrder(routes, userlandEra(host.kernel) === 'sarge');
}

/**
 * Every existing table in the order a dump walks them: 2.6-era kernels by
 * number; modern ones by hash bucket (number mod 256), newest first in a bucket.
 */
export function tablesInDumpOrder(host: Host): number[] {
	const ids = [...new Set([MAIN_TABLE, LOCAL_TABLE, ...host.tables.keys()])];
	if (userlandEra(host.kernel) === 'sarge') return ids.sort((a, b) => a - b);
	const created = [MAIN_TABLE, LOCAL_TABLE, ...[...host.tables.keys()].filter((t) => t !== MAIN_TABLE && t !== LOCAL_TABLE)];
	return created
		.map((id, order) => ({id, order}))
		.sort((a, b) => (a.id & 255) - (b.id & 255) || b.order - a.order)
		.map((x) => x.id);
}
