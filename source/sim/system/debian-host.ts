import type {Feature} from '../feature';
import type {Daemon, Host} from '../host';
import {formatIp, networkOf, prefixToMask} from '../net/ipv4';
import {writeIfstate} from '../net/ifstate';
import {defaultSysctls} from '../net/sysctl-defaults';
import {userlandEra} from '../net/userland-era';
import {kernelLog} from './kernel-log';
import {loadModule} from './kernel-modules';
import {MODERN_SYSCTL_CONF, SARGE_SYSCTL_CONF} from './sysctl-conf';

/**
 * What a freshly installed Debian host has that the file and network tools read:
 * /etc/network/interfaces written from the scenario's addresses (as the installer
 * would have), /etc/sysctl.conf, ifupdown's state, /etc/modules, the extra /proc/sys
 * keys, the modules loaded at boot and the first kernel messages.
 * A file the scenario provides is never overwritten.
 */
export const debianHost: Feature = {
	name: 'debian-host',
	setupHost(_world, host) {
		const old = userlandEra(host.kernel) === 'sarge';
		// Loopback MTU grew from 16436 to 65536 in Linux 3.6.
		const lo = host.interfaces.get('lo');
		if (lo && !old && lo.mtu === 16436) lo.mtu = 65536;
		addKernelSysctls(host);
		if (!host.fs.exists('/etc/network/interfaces')) host.fs.put('/etc/network/interfaces', interfacesFile(host));
		if (!host.fs.exists('/etc/sysctl.conf')) host.fs.put('/etc/sysctl.conf', sysctlConf(host));
		if (!host.fs.exists('/etc/modules')) host.fs.put('/etc/modules', MODULES_FILE);
		if (!host.fs.exists('/etc/networks')) host.fs.put('/etc/networks', networksFile(host));
		for (const dir of ['/etc/init.d', '/proc', '/home', '/lib/modules', '/usr/bin', '/usr/lib', '/usr/share', '/var/lib/dpkg', '/var/cache/apt', '/boot', '/mnt', '/opt', '/srv']) host.fs.mkdirp(dir);
		writeIfstate(host, configuredAtBoot(host));
		bootKernel(host, host.bootedAt);
		host.daemons.set('debian-boot', new DebianBoot(host));
	},
};

/** The modules and first kernel messages of a boot. */
function bootKernel(host: Host, at: number): void {
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
 * What Debian's boot does that these tools see: the kernel log and modules start
 * afresh, /run (ifupdown's state) is empty until networking comes up, and the
 * procps init script applies /etc/sysctl.conf.
 */
class DebianBoot implements Daemon {
	readonly name = 'debian-boot';

	constructor(private readonly host: Host) {}

	onBoot(): void {
		const host = this.host;
		bootKernel(host, host.bootedAt);
		writeIfstate(host, configuredAtBoot(host));
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
}

/** /proc/sys keys a Debian kernel has beyond the few the network model reads. */
function addKernelSysctls(host: Host): void {
	const set = (key: string, value: string) => {
		if (!host.sysctl.has(key)) host.sysctl.set(key, value);
	};
	set('kernel.ostype', 'Linux');
	set('kernel.osrelease', host.kernel);
	set('kernel.domainname', '(none)');
	set('kernel.printk', '4\t4\t1\t7');
	set('kernel.sysrq', userlandEra(host.kernel) === 'sarge' ? '0' : '438');
	set('net.ipv4.tcp_syncookies', userlandEra(host.kernel) === 'sarge' ? '0' : '1');
	set('net.ipv4.icmp_echo_ignore_all', '0');
	for (const dev of ['all', 'default', ...host.interfaces.keys()]) {
		set(`net.ipv4.conf.${dev}.accept_source_route`, dev === 'all' ? '0' : '1');
		set(`net.ipv4.conf.${dev}.log_martians`, '0');
		set(`net.ipv4.conf.${dev}.proxy_arp`, '0');
		set(`net.ipv4.conf.${dev}.secure_redirects`, '1');
	}
}

/** The installer's interfaces file: lo, the primary NIC with its gateway, then aliases. */
function interfacesFile(host: Host): string {
	let text = '# This file describes the network interfaces available on your system\n# and how to activate them. For more information, see interfaces(5).\n\n';
	text += '# The loopback network interface\nauto lo\niface lo inet loopback\n';
	const gateway = host.routes.find((r) => r.prefix === 0 && r.via !== undefined);
	let first = true;
	for (const iface of host.interfaces.values()) {
		if (iface.kind !== 'ether') continue;
		const primary = host.addresses.find((a) => a.dev === iface.name && a.label === iface.name);
		if (!primary) continue;
		text += `\n${first ? '# The primary network interface\n' : ''}auto ${iface.name}\niface ${iface.name} inet static\n`;
		text += `\taddress ${formatIp(primary.ip)}\n\tnetmask ${formatIp(prefixToMask(primary.prefix))}\n`;
		text += `\tnetwork ${formatIp(networkOf(primary.ip, primary.prefix))}\n`;
		if (primary.broadcast !== undefined) text += `\tbroadcast ${formatIp(primary.broadcast)}\n`;
		if (gateway && gateway.dev === iface.name) text += `\tgateway ${formatIp(gateway.via!)}\n`;
		first = false;
	}
	for (const a of host.addresses) {
		if (a.label === a.dev || !a.label.includes(':')) continue;
		text += `\nauto ${a.label}\niface ${a.label} inet static\n\taddress ${formatIp(a.ip)}\n\tnetmask ${formatIp(prefixToMask(a.prefix))}\n`;
		if (a.broadcast !== undefined) text += `\tbroadcast ${formatIp(a.broadcast)}\n`;
	}
	return text;
}

/** netbase's /etc/networks; Sarge's installer also named the local network `localnet`. */
function networksFile(host: Host): string {
	let text = 'default\t\t0.0.0.0\nloopback\t127.0.0.0\nlink-local\t169.254.0.0\n';
	if (userlandEra(host.kernel) === 'sarge') {
		const primary = host.addresses.find((a) => a.scope === 'global' && host.interfaces.get(a.dev)?.kind === 'ether');
		if (primary) text += `localnet ${formatIp(networkOf(primary.ip, primary.prefix))}\n`;
	}
	return text;
}

/** Interfaces ifupdown brought up at boot: lo, NICs with an address, aliases. */
function configuredAtBoot(host: Host): Map<string, string> {
	const state = new Map<string, string>([['lo', 'lo']]);
	for (const a of host.addresses) {
		if (a.dev === 'lo' && a.label === 'lo') continue;
		if (host.interfaces.get(a.dev)?.kind === 'ipip') continue;
		if (a.label === a.dev || a.label.includes(':')) state.set(a.label, a.label);
	}
	return state;
}

/** Debian's sysctl.conf, followed by the settings the scenario gave this host. */
function sysctlConf(host: Host): string {
	let text = userlandEra(host.kernel) === 'sarge' ? SARGE_SYSCTL_CONF : MODERN_SYSCTL_CONF;
	const defaults = new Map(defaultSysctls([...host.interfaces.keys()]));
	const own = [...host.sysctl].filter(([k, v]) => defaults.has(k) && k !== 'kernel.hostname' && defaults.get(k) !== v);
	if (own.length > 0) {
		text += '\n';
		for (const [k, v] of own) text += `${k} = ${v}\n`;
	}
	return text;
}

const MODULES_FILE = '# /etc/modules: kernel modules to load at boot time.\n#\n# This file contains the names of kernel modules that should be loaded\n# at boot time, one per line. Lines beginning with "#" are ignored.\n\n';
