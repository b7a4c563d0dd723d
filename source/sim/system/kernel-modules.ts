import type {Daemon, Host} from '../host';
import {kernelEra} from '../ipvs/era';
import {userlandEra} from '../net/userland-era';
import type {Micros} from '../time';
import {printk} from './kernel-log';

/** A module the host's kernel ships: size in bytes (as lsmod shows it) and dependencies. */
export interface ModuleInfo {
	readonly name: string;
	readonly size: number;
	readonly deps: readonly string[];
	/** Kernel messages printed when it loads. */
	readonly messages?: readonly string[];
}

const KEY = 'kernel-modules';

/** Sizes from a 2.6.8 i386 Debian kernel and a 6.1 i686 one. */
const OLD_SIZES: Record<string, number> = {ip_vs: 84448, ip_vs_ftp: 6272, ipip: 7044, '8139too': 21568, mii: 4896, af_packet: 19464, unix: 24148, ipv6: 236736};
const NEW_SIZES: Record<string, number> = {ip_vs: 180224, ip_vs_ftp: 16384, ipip: 20480, tunnel4: 16384, ip_tunnel: 28672, nf_conntrack: 163840, nf_defrag_ipv4: 16384, nf_defrag_ipv6: 24576, libcrc32c: 16384, nf_nat: 49152, e1000: 143360, af_packet: 53248};

/** Every module the host could load. */
export function moduleCatalog(host: Host): Map<string, ModuleInfo> {
	const old = userlandEra(host.kernel) === 'sarge';
	const sizes = old ? OLD_SIZES : NEW_SIZES;
	const map = new Map<string, ModuleInfo>();
	const add = (name: string, deps: string[] = [], messages?: string[]) => map.set(name, {name, size: sizes[name] ?? (old ? 3000 : 16384), deps, messages});
	if (host.ipvs) {
		add(
			'ip_vs',
			old ? [] : ['nf_conntrack', 'libcrc32c'],
			old
				? ['IPVS: Registered protocols (TCP, UDP, AH, ESP)', 'IPVS: Connection hash table configured (size=4096, memory=32Kbytes)', 'IPVS: ipvs loaded.']
				: ['IPVS: Registered protocols (TCP, UDP, SCTP, AH, ESP)', 'IPVS: Connection hash table configured (size=4096, memory=32Kbytes)', 'IPVS: ipvs loaded.'],
		);
		for (const s of kernelEra(host.kernel).schedulers) {
			map.set(`ip_vs_${s}`, {name: `ip_vs_${s}`, size: old ? 2432 + s.length * 640 : 16384, deps: ['ip_vs'], messages: [`IPVS: [${s}] scheduler registered.`]});
		}
		add('ip_vs_ftp', old ? ['ip_vs'] : ['ip_vs', 'nf_nat', 'nf_conntrack']);
		if (!old) {
			add('nf_conntrack', ['nf_defrag_ipv6', 'nf_defrag_ipv4', 'libcrc32c']);
			add('nf_nat', ['nf_conntrack', 'libcrc32c']);
			add('nf_defrag_ipv4');
			add('nf_defrag_ipv6');
			add('libcrc32c');
		}
	}
	add('ipip', old ? [] : ['ip_tunnel', 'tunnel4']);
	if (!old) {
		add('ip_tunnel');
		add('tunnel4');
		add('e1000');
	} else {
		add('8139too', ['mii']);
		add('mii');
		add('ipv6');
	}
	add('af_packet');
	return map;
}

/** Modules loaded on a host, in load order (lsmod lists the newest first). */
export class LoadedModules implements Daemon {
	readonly name = KEY;
	readonly loaded: string[] = [];

	onPowerOff(): void {
		this.loaded.length = 0;
	}
}

export function loadedModules(host: Host): LoadedModules {
	let m = host.daemon<LoadedModules>(KEY);
	if (!m) {
		m = new LoadedModules();
		host.daemons.set(KEY, m);
	}
	return m;
}

export type LoadResult = {ok: true; loaded: string[]} | {ok: false; missing: string};

/** Loads a module and its dependencies (modprobe); already loaded ones are left alone. */
export function loadModule(host: Host, name: string, at: Micros): LoadResult {
	const catalog = moduleCatalog(host);
	const state = loadedModules(host);
	const info = catalog.get(name.replace(/-/g, '_'));
	if (!info) return {ok: false, missing: name};
	const newly: string[] = [];
	const visit = (m: ModuleInfo) => {
		if (state.loaded.includes(m.name)) return;
		for (const d of m.deps) {
			const dep = catalog.get(d);
			if (dep) visit(dep);
		}
		state.loaded.push(m.name);
		newly.push(m.name);
		if (m.name === 'ip_vs') addIpvsSysctls(host);
		if (m.name === 'ip_vs_lblc' || m.name === 'ip_vs_lblcr') setDefault(host, `net.ipv4.vs.${m.name.slice(6)}_expiration`, '86400');
		for (const line of m.messages ?? []) printk(host, at, line);
	};
	visit(info);
	return {ok: true, loaded: newly};
}

/** Modules that use `name` (they must go first). */
export function holders(host: Host, name: string): string[] {
	const catalog = moduleCatalog(host);
	const state = loadedModules(host);
	return state.loaded.filter((m) => catalog.get(m)?.deps.includes(name));
}

/**
 * Use count as lsmod shows it: modules depending on it, plus one per IPVS
 * service using a scheduler (and one per service for ip_vs itself).
 */
export function useCount(host: Host, name: string): number {
	let n = holders(host, name).length;
	const services = host.ipvs?.services ?? [];
	if (name.startsWith('ip_vs_')) n += services.filter((s) => `ip_vs_${s.scheduler}` === name).length;
	return n;
}

/** Unloads a module; fails with the names of its users when in use. */
export function unloadModule(host: Host, name: string): {ok: true} | {ok: false; reason: 'not-loaded'} | {ok: false; reason: 'in-use'; users: string[]} {
	const state = loadedModules(host);
	const i = state.loaded.indexOf(name);
	if (i < 0) return {ok: false, reason: 'not-loaded'};
	const users = holders(host, name);
	if (users.length > 0 || useCount(host, name) > 0) return {ok: false, reason: 'in-use', users};
	state.loaded.splice(i, 1);
	return {ok: true};
}

/**
 * Keeps the module list consistent with an IPVS table that ipvsadm filled
 * (ipvsadm loads ip_vs and each service's scheduler by itself).
 */
export function syncIpvsModules(host: Host, at: Micros): void {
	if (!host.ipvs || host.ipvs.services.length === 0) return;
	loadModule(host, 'ip_vs', at);
	for (const s of host.ipvs.services) loadModule(host, `ip_vs_${s.scheduler}`, at);
}

function setDefault(host: Host, key: string, value: string): void {
	if (!host.sysctl.has(key)) host.sysctl.set(key, value);
}

/** /proc/sys/net/ipv4/vs appears when ip_vs loads. */
function addIpvsSysctls(host: Host): void {
	const old = userlandEra(host.kernel) === 'sarge';
	const keys: Array<[string, string]> = [
		['am_droprate', '10'],
		['amemthresh', '1024'],
		['cache_bypass', '0'],
		['drop_entry', '0'],
		['drop_packet', '0'],
		['expire_nodest_conn', '0'],
		['expire_quiescent_template', '0'],
		['nat_icmp_send', '0'],
		['secure_tcp', '0'],
		['sync_threshold', '3\t50'],
	];
	if (!old) keys.push(['conntrack', '0'], ['sloppy_tcp', '0'], ['sync_version', '1'], ['backup_only', '0'], ['conn_reuse_mode', '1'], ['schedule_icmp', '0'], ['ignore_tunneled', '0']);
	for (const [k, v] of keys) setDefault(host, `net.ipv4.vs.${k}`, v);
}
