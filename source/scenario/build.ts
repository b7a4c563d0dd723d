import type {Feature} from '../sim/feature';
import {FEATURES} from '../sim/features';
import {Host, type Address, type NetInterface} from '../sim/host';
import {kernelEra} from '../sim/ipvs/era';
import {Ipvs} from '../sim/ipvs/ipvs';
import {createSchedulers} from '../sim/ipvs/schedulers';
import {broadcastOf, formatIp, networkOf, parseCidr, parseIp, type Ip} from '../sim/net/ipv4';
import {defaultSysctls} from '../sim/net/sysctl-defaults';
import {World} from '../sim/world';
import type {HostConfig, ScenarioConfig} from './schema';

/** Deterministic MAC for a host's n-th interface (Xen's 00:16:3e prefix). */
function generatedMac(hostIndex: number, ifaceIndex: number): string {
	const bytes = [0x00, 0x16, 0x3e, (hostIndex * 37 + 11) & 255, (hostIndex * 101 + ifaceIndex * 7 + 3) & 255, (hostIndex * 13 + ifaceIndex + 1) & 255];
	return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** Builds a running world from a validated scenario: hosts, network, files, then boot. */
export function buildWorld(config: ScenarioConfig, seed: number, features: readonly Feature[] = FEATURES): World {
	const world = new World(seed, {
		name: config.name,
		title: config.title,
		start: config.start,
		client: config.client,
		epoch: Date.parse(config.date),
		settings: config.settings,
	});
	for (const [name, seg] of Object.entries(config.segments)) world.segments.set(name, {name, kind: seg.kind});
	let hostIndex = 0;
	for (const [name, hc] of Object.entries(config.hosts)) world.addHost(buildHost(world, name, hc, hostIndex++));
	const hosts = hostsFile(world);
	for (const [name, hc] of Object.entries(config.hosts)) if (!('/etc/hosts' in hc.files)) world.host(name)!.fs.put('/etc/hosts', hosts);
	for (const f of features) f.setup?.(world);
	for (const host of world.hosts.values()) for (const f of features) f.setupHost?.(world, host);
	const scripts = new Map(features.flatMap((f) => Object.entries(f.initScripts ?? {})));
	for (const [name, hc] of Object.entries(config.hosts)) {
		const host = world.host(name)!;
		host.boot = [...hc.boot];
		for (const script of hc.boot) scripts.get(script)?.start(world, host);
	}
	return world;
}

function buildHost(world: World, name: string, hc: HostConfig, hostIndex: number): Host {
	const host = new Host(
		name,
		hc.role,
		{cpu: hc.hardware.cpu, mhz: hc.hardware.mhz, memoryMb: hc.hardware.memory, cpus: hc.hardware.cpus},
		hc.kernel,
		() => world.now,
	);
	host.settings = hc.settings;
	// Interfaces: lo first (index 1), then the scenario's in order.
	const ifaceNames = ['lo', ...Object.keys(hc.interfaces).filter((n) => n !== 'lo')];
	let nextIndex = 1;
	for (const ifname of ifaceNames) {
		const ic = hc.interfaces[ifname];
		const kind: NetInterface['kind'] = ifname === 'lo' ? 'loopback' : ifname.startsWith('tunl') ? 'ipip' : 'ether';
		const index = ic?.index ?? nextIndex;
		nextIndex = Math.max(nextIndex, index) + 1;
		host.interfaces.set(ifname, {
			name: ifname,
			index,
			kind,
			mac: kind === 'ether' ? (ic?.mac ?? generatedMac(hostIndex, index)) : '00:00:00:00:00:00',
			mtu: ic?.mtu ?? (kind === 'loopback' ? 16436 : kind === 'ipip' ? 1480 : 1500),
			up: ic?.up ?? true,
			plugged: kind === 'ether' ? (ic?.plugged ?? true) : false,
			segment: kind === 'ether' ? (ic?.segment ?? 'lan') : undefined,
		});
		if (ifname === 'lo') host.addresses.push({ip: parseIp('127.0.0.1')!, prefix: 8, dev: 'lo', label: 'lo', scope: 'host'});
		for (const a of ic?.addresses ?? []) {
			const spec = typeof a === 'string' ? {address: a} : a;
			const {ip, prefix} = parseCidr(spec.address)!;
			if (ifname === 'lo' && ip === parseIp('127.0.0.1')) continue;
			const addr: Address = {
				ip,
				prefix,
				dev: ifname,
				label: spec.label ?? ifname,
				scope: 'global',
				broadcast: 'broadcast' in spec && spec.broadcast ? parseIp(spec.broadcast) : prefix < 31 && kind === 'ether' ? broadcastOf(ip, prefix) : undefined,
			};
			host.addresses.push(addr);
		}
	}
	// Routes the kernel adds for each subnet, then the default gateway and static routes.
	for (const a of host.addresses) {
		if (a.dev === 'lo' || a.prefix >= 32) continue;
		const dest = networkOf(a.ip, a.prefix);
		if (host.routes.some((r) => r.dest === dest && r.prefix === a.prefix && r.dev === a.dev)) continue;
		host.routes.push({dest, prefix: a.prefix, dev: a.dev, src: a.ip, proto: 'kernel', scope: 'link'});
	}
	for (const r of hc.routes) {
		const to = r.to === 'default' ? {ip: 0, prefix: 0} : parseCidr(r.to)!;
		const via = r.via ? parseIp(r.via) : undefined;
		const route = {dest: networkOf(to.ip, to.prefix), prefix: to.prefix, via, dev: r.dev ?? devFor(host.addresses, via) ?? 'eth0', proto: 'boot' as const};
		if (r.table === undefined) host.routes.push(route);
		else {
			const table = host.tables.get(r.table) ?? [];
			table.push(route);
			host.tables.set(r.table, table);
		}
	}
	hc.rules.forEach((r, i) => {
		const from = parseCidr(r.from)!;
		host.rules.push({from: networkOf(from.ip, from.prefix), prefix: from.prefix, table: r.table, priority: r.priority ?? 32765 - i});
	});
	host.rules.sort((a, b) => a.priority - b.priority);
	if (hc.gateway) {
		const via = parseIp(hc.gateway)!;
		host.routes.push({dest: 0, prefix: 0, via, dev: devFor(host.addresses, via) ?? 'eth0', proto: 'boot'});
	}
	// sysctl: kernel defaults, then the scenario's settings.
	for (const [k, v] of defaultSysctls(ifaceNames)) host.sysctl.set(k, v);
	host.sysctl.set('kernel.hostname', name);
	for (const [k, v] of Object.entries(hc.sysctl)) host.sysctl.set(k, String(v));
	// Files every Debian box has, then the scenario's.
	for (const dir of ['/root', '/tmp', '/etc', '/var/log', '/var/run', '/var/www', '/usr/sbin', '/sbin', '/bin']) host.fs.mkdirp(dir);
	host.fs.put('/etc/hostname', name + '\n');
	for (const [path, f] of Object.entries(hc.files)) {
		if (typeof f === 'string') host.fs.put(path, f);
		else host.fs.put(path, f.content, f.mode ? parseInt(f.mode, 8) : 0o644);
	}
	if (hc.ipvs) {
		const era = kernelEra(hc.kernel);
		host.ipvs = new Ipvs(
			era,
			{
				isLocalAddress: (ip) => host.hasAddress(ip) || ip >>> 24 === 127,
				isBroadcastAddress: (ip) => host.addresses.some((a) => a.broadcast === ip) || ip === 0xffffffff,
			},
			createSchedulers({
				era,
				now: () => world.now,
				rng: world.rng.fork(`ipvs-scheduler:${name}`),
				sysctl: (key) => host.sysctl.get(key),
			}),
		);
	}
	return host;
}

function devFor(addresses: readonly Address[], via: Ip | undefined): string | undefined {
	if (via === undefined) return undefined;
	return addresses.find((a) => a.prefix < 32 && a.dev !== 'lo' && networkOf(a.ip, a.prefix) === networkOf(via, a.prefix))?.dev;
}

/** /etc/hosts shared by the lab's machines: localhost plus every host's own address. */
function hostsFile(world: World): string {
	let text = '127.0.0.1\tlocalhost\n';
	for (const host of world.hosts.values()) {
		const ip = host.primaryIp();
		if (ip !== undefined) text += `${formatIp(ip)}\t${host.name}\n`;
	}
	return text;
}
