import type {Feature} from '../feature';
import type {Address, Daemon, Host, PolicyRule, Route} from '../host';
import {ipvsSysctls} from '../ipvs/sysctl';
import {kernelEra} from '../ipvs/era';
import {writeIfstate} from '../net/ifstate';
import {option, parseInterfaces} from '../net/interfaces-file';
import {LOCALHOST, maskToPrefix, parseIp} from '../net/ipv4';
import {addAddress, addRoute, deviceOf, setLink} from '../net/netconfig';
import {resetRules} from '../net/rules';
import {defaultSysctls} from '../net/sysctl-defaults';
import {userlandEra} from '../net/userland-era';
import type {World} from '../world';
import {kernelLog} from './kernel-log';
import {loadModule} from './kernel-modules';

/**
 * A Debian host's boot: the kernel starts with nothing configured, procps applies
 * /etc/sysctl.conf over the kernel's defaults, networking runs `ifup -a` on
 * /etc/network/interfaces, and whatever else the scenario configured (tunl0's
 * address, policy rules, routing tables) comes back as a boot script would put it.
 * Runtime changes that were not saved are gone; files stay.
 */

/** Runs a shell line on a host as a boot script would (the lab registers it: the engine has no shell). */
export type BootShell = (host: Host, line: string) => {readonly output: string; readonly status: number};

const SHELL = 'boot-shell';

export function setBootShell(world: World, shell: BootShell): void {
	world.features.set(SHELL, shell);
}

function bootShell(world: World): BootShell | undefined {
	return world.features.get(SHELL) as BootShell | undefined;
}

/** The network configuration the scenario built, and which part of it /etc/network/interfaces gave. */
interface BootNetwork {
	readonly up: ReadonlyMap<string, boolean>;
	readonly mtu: ReadonlyMap<string, number>;
	readonly addresses: readonly Address[];
	readonly routes: readonly Route[];
	readonly tables: ReadonlyMap<number, readonly Route[]>;
	readonly rules: readonly PolicyRule[];
	/** What `ifup -a` on the interfaces file of the first boot configured (indexes into the lists above). */
	readonly fromFile: {readonly links: ReadonlySet<string>; readonly addresses: ReadonlySet<number>; readonly routes: ReadonlySet<number>};
}

/** The kernel's 127.0.0.1 on lo, which is there as soon as lo exists. */
function kernelAddress(a: Address): boolean {
	return a.dev === 'lo' && a.label === 'lo' && a.ip === LOCALHOST && a.prefix === 8;
}

/** The modules and first kernel messages of a boot. */
export function bootKernel(host: Host, at: number): void {
	const old = userlandEra(host.kernel) === 'sarge';
	for (const m of old ? ['af_packet', '8139too'] : ['af_packet', 'e1000']) loadModule(host, m, at);
	const log = kernelLog(host);
	log.add(at, `Linux version ${host.kernel} (debian-kernel@lists.debian.org) (gcc version ${old ? '3.3.5 (Debian 1:3.3.5-12)' : '12.2.0 (Debian 12.2.0-14)'}) #1 SMP`);
	log.add(at, `Memory: ${host.hardware.memoryMb * 1024 - 4096}k/${host.hardware.memoryMb * 1024}k available`);
	for (const iface of host.interfaces.values()) {
		if (iface.kind !== 'ether' || !iface.plugged) continue;
		log.add(at, old ? `${iface.name}: link up, 100Mbps, full-duplex, lpa 0x45E1` : `e1000: ${iface.name} NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX`);
	}
}

/**
 * Debian's /etc/init.d/module-init-tools (modutils' /etc/init.d/modutils on 2.4): every
 * module named in /etc/modules is loaded at boot, with the words after it as parameters.
 * A name the kernel does not have is skipped, as `modprobe … || true` does.
 */
export function loadBootModules(host: Host, at: number): void {
	for (const line of (host.fs.tryRead('/etc/modules') ?? '').split('\n')) {
		const name = line.replace(/#.*/, '').trim().split(/\s+/)[0];
		if (name) loadModule(host, name, at);
	}
}

/** Interfaces ifupdown brought up at boot: lo, NICs with an address, aliases. */
export function configuredAtBoot(host: Host): Map<string, string> {
	const state = new Map<string, string>([['lo', 'lo']]);
	for (const a of host.addresses) {
		if (a.dev === 'lo' && a.label === 'lo') continue;
		if (host.interfaces.get(a.dev)?.kind === 'ipip') continue;
		if (a.label === a.dev || a.label.includes(':')) state.set(a.label, a.label);
	}
	return state;
}

/** /proc/sys keys a Debian kernel has beyond the few the network model reads, with their defaults. */
export function extraKernelSysctls(host: Host): Array<[string, string]> {
	const old = userlandEra(host.kernel) === 'sarge';
	const out: Array<[string, string]> = [
		['kernel.ostype', 'Linux'],
		['kernel.osrelease', host.kernel],
		['kernel.domainname', '(none)'],
		['kernel.printk', '4\t4\t1\t7'],
		['kernel.sysrq', old ? '0' : '438'],
		['net.ipv4.tcp_syncookies', old ? '0' : '1'],
		['net.ipv4.icmp_echo_ignore_all', '0'],
	];
	for (const dev of ['all', 'default', ...host.interfaces.keys()]) {
		out.push(
			[`net.ipv4.conf.${dev}.accept_source_route`, dev === 'all' ? '0' : '1'],
			[`net.ipv4.conf.${dev}.log_martians`, '0'],
			[`net.ipv4.conf.${dev}.proxy_arp`, '0'],
			[`net.ipv4.conf.${dev}.secure_redirects`, '1'],
		);
	}
	return out;
}

/** Every sysctl as the host's kernel sets it when it boots, before /etc/sysctl.conf. */
export function kernelSysctls(host: Host): Map<string, string> {
	const map = new Map(defaultSysctls([...host.interfaces.keys()]));
	map.set('kernel.hostname', host.name);
	for (const [k, v] of extraKernelSysctls(host)) map.set(k, v);
	if (host.ipvs) for (const [k, v] of ipvsSysctls(kernelEra(host.kernel), host.hardware.memoryMb)) map.set(k, v);
	return map;
}

/** procps at boot (`sysctl -p`): each `key = value` of /etc/sysctl.conf the kernel knows. */
function applySysctlConf(host: Host): void {
	for (const line of (host.fs.tryRead('/etc/sysctl.conf') ?? '').split('\n')) {
		const t = line.trim().replace(/^-/, '');
		if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
		const eq = t.indexOf('=');
		if (eq <= 0) continue;
		const key = t.slice(0, eq).trim().replace(/\//g, '.');
		const value = t.slice(eq + 1).trim();
		if (host.sysctl.has(key) && value !== '') host.sysctl.set(key, value);
	}
}

/**
 * What Debian empties at every boot: /tmp (bootclean, or systemd-tmpfiles' `D /tmp`)
 * and the run-time state under /var/run and /run (pid files, sockets), keeping the
 * directories of /var/run as Sarge's bootclean did.
 */
function bootClean(host: Host): void {
	const paths = host.fs.allPaths().reverse();
	for (const path of paths) {
		const inTmp = path.startsWith('/tmp/');
		const inRun = path.startsWith('/var/run/') || path.startsWith('/run/');
		if (!inTmp && !inRun) continue;
		const dir = host.fs.isDir(path);
		if (dir && !inTmp && !path.startsWith('/run/')) continue;
		if (dir && host.fs.list(path).length > 0) continue;
		host.fs.remove(path);
	}
}

/** What the interfaces file of the first boot configured, matched against the built host. */
function fileProvided(host: Host): BootNetwork['fromFile'] {
	const links = new Set<string>();
	const addresses = new Set<number>();
	const routes = new Set<number>();
	const parsed = parseInterfaces(host.fs.tryRead('/etc/network/interfaces') ?? '');
	if (!parsed.ok) return {links, addresses, routes};
	for (const name of parsed.file.auto) {
		const dev = deviceOf(name);
		for (const s of parsed.file.stanzas) {
			if (s.name !== name || s.family !== 'inet') continue;
			links.add(dev);
			if (s.method !== 'static') continue;
			const [addrText = '', lenText] = (option(s, 'address') ?? '').split('/');
			const ip = parseIp(addrText);
			const mask = option(s, 'netmask');
			const prefix = mask !== undefined ? maskToPrefix(parseIp(mask) ?? 0) : lenText !== undefined ? Number(lenText) : 32;
			const addr = host.addresses.findIndex((a) => a.ip === ip && a.prefix === prefix && a.label === name);
			if (addr >= 0) addresses.add(addr);
			const gw = parseIp(option(s, 'gateway') ?? '');
			const route = gw === undefined ? -1 : host.routes.findIndex((r) => r.prefix === 0 && r.via === gw && r.dev === dev);
			if (route >= 0) routes.add(route);
		}
	}
	return {links, addresses, routes};
}

function record(host: Host): BootNetwork {
	const ifaces = [...host.interfaces.values()];
	return {
		up: new Map(ifaces.map((i) => [i.name, i.up])),
		mtu: new Map(ifaces.map((i) => [i.name, i.mtu])),
		addresses: host.addresses.map((a) => ({...a})),
		routes: host.routes.map((r) => ({...r})),
		tables: new Map([...host.tables].map(([t, routes]) => [t, routes.map((r) => ({...r}))])),
		rules: host.rules.map((r) => ({...r})),
		fromFile: fileProvided(host),
	};
}

/**
 * Debian's boot sequence on a host that powers on. Registered by debian-host;
 * `remember` stores the scenario's configuration once every feature has set the host up.
 */
export class DebianBoot implements Daemon {
	readonly name = 'debian-boot';
	private net?: BootNetwork;

	constructor(
		private readonly world: World,
		private readonly host: Host,
	) {}

	remember(): void {
		this.net = record(this.host);
	}

	onBoot(): string {
		const host = this.host;
		bootClean(host);
		bootKernel(host, host.bootedAt);
		host.sysctl.clear();
		for (const [k, v] of kernelSysctls(host)) host.sysctl.set(k, v);
		// rcS runs module-init-tools before procps: modules' own /proc/sys keys exist when sysctl.conf is applied.
		loadBootModules(host, host.bootedAt);
		applySysctlConf(host);
		return this.net ? this.network(this.net) : '';
	}

	/** The kernel's blank slate, ifupdown on the current interfaces file, then the scenario's own extras. */
	private network(net: BootNetwork): string {
		const host = this.host;
		for (const iface of host.interfaces.values()) {
			iface.up = false;
			iface.mtu = net.mtu.get(iface.name) ?? iface.mtu;
		}
		host.addresses = net.addresses.filter(kernelAddress).map((a) => ({...a}));
		host.routes = [];
		host.tables.clear();
		resetRules(host);
		writeIfstate(host, new Map());
		const fromFile = net.fromFile;
		const shell = bootShell(this.world);
		let out = '';
		if (shell) out += shell(host, 'ifup -a').output;
		// After networking, what the scenario set up besides the interfaces file (tunl0, rules,
		// tables), as a boot script would. Without a shell (the engine alone) the interfaces
		// file is taken as it was at the first boot, so everything comes from the record.
		for (const [name, up] of net.up) if (up && (!shell || !fromFile.links.has(name))) setLink(host, name, true);
		net.addresses.forEach((a, i) => {
			if (!kernelAddress(a) && (!shell || !fromFile.addresses.has(i))) addAddress(host, {...a});
		});
		if (!shell) writeIfstate(host, configuredAtBoot(host));
		net.routes.forEach((r, i) => {
			if (r.proto !== 'kernel' && (!shell || !fromFile.routes.has(i))) addRoute(host, {...r});
		});
		for (const [table, routes] of net.tables) host.tables.set(table, routes.map((r) => ({...r})));
		host.rules = net.rules.map((r) => ({...r}));
		return out;
	}
}

/**
 * Runs last: the host as every feature built it is what it comes back to at boot
 * (minus what its interfaces file configures, which ifup does again).
 */
export const bootRecord: Feature = {
	name: 'boot-record',
	setupHost(_world, host) {
		host.daemon<DebianBoot>('debian-boot')?.remember();
	},
};
