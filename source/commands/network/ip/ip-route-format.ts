import type {Host, Route} from '../../../sim/host';
import {formatIp} from '../../../sim/net/ipv4';
import {LOCAL_TABLE, MAIN_TABLE} from '../../../sim/net/routing';
import type {TableRoute} from '../../../sim/net/tables';
import {interfacesInOrder, ipv6Addresses} from '../link-facts';
import {tableName, type IpRun} from './ip-common';

/** `default`, `10.0.0.0/24` or a host address. */
export function routeDest(r: Route): string {
	if (r.prefix === 0 && r.dest === 0) return 'default';
	return r.prefix === 32 ? formatIp(r.dest) : `${formatIp(r.dest)}/${r.prefix}`;
}

/** Which fields a selector already fixes, so that print_route leaves them out. */
export interface Hidden {
	table?: boolean;
	type?: boolean;
	dev?: boolean;
	proto?: boolean;
	scope?: boolean;
}

/**
 * One line of `ip route`. The 2004 ip wrote ` table X `, ` proto X `, ` scope X `
 * and ` src X ` with a space on each side; modern ones one space after, and add
 * `linkdown` for a route through a device without carrier.
 */
export function formatRoute(r: IpRun, route: TableRoute, hide: Hidden = {}): string {
	let s = route.type && !hide.type ? `${route.type} ` : '';
	s += routeDest(route) + ' ';
	if (route.via !== undefined) s += `via ${formatIp(route.via)} `;
	if (!hide.dev) s += `dev ${route.dev} `;
	const table = route.table !== MAIN_TABLE && !hide.table ? tableName(r, route.table) : undefined;
	const proto = route.proto === 'boot' || hide.proto ? undefined : route.proto;
	const scope = route.scope && route.scope !== 'global' && !hide.scope ? route.scope : undefined;
	const fields: Array<[string, string | undefined]> = [
		['table', table],
		['proto', proto],
		['scope', scope],
		['src', route.src === undefined ? undefined : formatIp(route.src)],
	];
	for (const [name, value] of fields) if (value !== undefined) s += r.old ? ` ${name} ${value} ` : `${name} ${value} `;
	if (!r.old && linkDown(r.host, route.dev)) s += 'linkdown ';
	return s + '\n';
}

/** An Ethernet device that is up but has no cable: the kernel flags its routes RTNH_F_LINKDOWN. */
function linkDown(host: Host, dev: string): boolean {
	const iface = host.interfaces.get(dev);
	return iface !== undefined && iface.kind === 'ether' && iface.up && !iface.plugged;
}

/**
 * The IPv6 routes a modern host has for its link-local addresses: fe80::/64 per
 * link in main; in local each address and ff00::/8 multicast per link.
 */
export function ipv6RouteLines(r: IpRun, table: number, showTable: boolean): string {
	const ifaces = interfacesInOrder(r.host).map((iface) => ({iface, addrs: ipv6Addresses(r.host, iface)})).filter((x) => x.addrs.length > 0);
	const tag = showTable ? 'table local ' : '';
	if (table === MAIN_TABLE) {
		let out = '';
		for (const {iface, addrs} of ifaces) if (addrs.some((a) => a.scope === 'link')) out += `fe80::/64 dev ${iface.name} proto kernel metric 256 pref medium\n`;
		return out;
	}
	if (table !== LOCAL_TABLE) return '';
	const locals = ifaces.flatMap(({iface, addrs}) => addrs.map((a) => ({dev: iface.name, addr: a.addr, order: a.addr === '::1' ? 0 : 1})));
	locals.sort((a, b) => a.order - b.order || (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
	let out = '';
	for (const l of locals) out += `local ${l.addr} dev ${l.dev} ${tag}proto kernel metric 0 pref medium\n`;
	for (const {iface} of ifaces) if (iface.kind !== 'loopback') out += `multicast ff00::/8 dev ${iface.name} ${tag}proto kernel metric 256 pref medium\n`;
	return out;
}
