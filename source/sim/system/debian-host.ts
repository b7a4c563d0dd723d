import type {Feature} from '../feature';
import type {Host} from '../host';
import {formatIp, networkOf, prefixToMask} from '../net/ipv4';
import {writeIfstate} from '../net/ifstate';
import {userlandEra} from '../net/userland-era';
import {bootKernel, configuredAtBoot, DebianBoot, extraKernelSysctls, kernelSysctls, loadBootModules} from './host-boot';
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
	setupHost(world, host) {
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
		loadBootModules(host, host.bootedAt);
		host.daemons.set('debian-boot', new DebianBoot(world, host));
	},
};

/** /proc/sys keys a Debian kernel has beyond the few the network model reads. */
function addKernelSysctls(host: Host): void {
	for (const [key, value] of extraKernelSysctls(host)) if (!host.sysctl.has(key)) host.sysctl.set(key, value);
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

/** Debian's sysctl.conf, followed by the settings the scenario gave this host. */
function sysctlConf(host: Host): string {
	let text = userlandEra(host.kernel) === 'sarge' ? SARGE_SYSCTL_CONF : MODERN_SYSCTL_CONF;
	// Whatever the scenario set that differs from the kernel's default is saved here, so a boot sets it again.
	const defaults = kernelSysctls(host);
	const own = [...host.sysctl].filter(([k, v]) => k !== 'kernel.hostname' && defaults.get(k) !== v);
	if (own.length > 0) {
		text += '\n';
		for (const [k, v] of own) text += `${k} = ${v}\n`;
	}
	return text;
}

const MODULES_FILE = '# /etc/modules: kernel modules to load at boot time.\n#\n# This file contains the names of kernel modules that should be loaded\n# at boot time, one per line. Lines beginning with "#" are ignored.\n\n';
