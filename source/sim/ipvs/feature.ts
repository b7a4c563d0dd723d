import type {Feature} from '../feature';
import {ipvsConnProc, ipvsProc, ipvsStatsProc} from './proc';
import {ipvsSysctls} from './sysctl';

/**
 * The kernel side of IP Virtual Server on hosts that have it: the /proc/net/ip_vs*
 * files, the net.ipv4.vs sysctls, the sync daemons' kernel threads, and a table that
 * is forgotten when the host powers off.
 */
export const ipvsKernel: Feature = {
	name: 'ipvs',
	setupHost(world, host) {
		const ipvs = host.ipvs;
		if (!ipvs) return;
		ipvs.kernel = {
			interfaceMtu: (name) => host.interfaces.get(name)?.mtu,
			// Modern kernel threads are children of kthreadd (pid 2); 2.6 ones were reparented to init.
			spawnThread: (name) => host.processes.spawn({user: 'root', command: `[${name}]`, started: world.now, ppid: ipvs.era.netlink ? 2 : 1}).pid,
			endThread: (pid) => host.processes.reap(pid),
		};
		for (const [key, value] of ipvsSysctls(ipvs.era, host.hardware.memoryMb)) if (!host.sysctl.has(key)) host.sysctl.set(key, value);
		host.fs.mkdirp('/proc/net');
		const file = (path: string, render: () => string) => host.fs.mount(path, {read: (p) => (p === path ? render() : undefined)});
		file('/proc/net/ip_vs', () => ipvsProc(ipvs));
		file('/proc/net/ip_vs_conn', () => ipvsConnProc(ipvs, world.now));
		file('/proc/net/ip_vs_stats', () => ipvsStatsProc(ipvs));
		host.daemons.set('ip_vs', {name: 'ip_vs', onPowerOff: () => ipvs.reset()});
	},
};
