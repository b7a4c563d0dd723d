import type {Feature} from '../feature';
import type {Host} from '../host';
import type {World} from '../world';
import {runLdirectord, runningDaemon} from '../ldirectord/cli';
import {heartbeatOf, startHeartbeat, stopHeartbeat} from './control';
import {startSyncDaemon, stopSyncDaemon} from './resource-scripts';

/** /etc/default/ipvsadm as Debian's ipvsadm package reads it. */
export function ipvsadmDefaults(host: Host): {auto: boolean; daemon: string; iface: string; syncid: number} {
	const text = host.fs.tryRead('/etc/default/ipvsadm') ?? '';
	const get = (key: string, fallback: string) => new RegExp(`^${key}="?([^"\\n]*)"?`, 'm').exec(text)?.[1] ?? fallback;
	return {auto: get('AUTO', 'false') === 'true', daemon: get('DAEMON', 'none'), iface: get('IFACE', 'eth0'), syncid: Number(get('SYNCID', '0')) || 0};
}

/** Debian's /etc/init.d/ipvsadm: restores saved rules (AUTO) and starts the sync daemon DAEMON names. */
export function ipvsadmInit(world: World, host: Host, action: 'start' | 'stop'): string {
	const d = ipvsadmDefaults(host);
	if (d.daemon !== 'master' && d.daemon !== 'backup') return '';
	if (action === 'start') {
		startSyncDaemon(world, host, d.daemon, d.iface, d.syncid);
		return `Starting IPVS Connection Synchronization Daemon: ${d.daemon}.\n`;
	}
	stopSyncDaemon(world, host, d.daemon);
	return `Stopping IPVS Connection Synchronization Daemon: ${d.daemon}.\n`;
}

/** Debian's /etc/init.d/ldirectord (no configuration argument: ldirectord.cf, pid file ldirectord.ldirectord.pid). */
export function ldirectordInit(world: World, host: Host, action: 'start' | 'stop'): string {
	const r = runLdirectord(world, host, [action]);
	return `${action === 'start' ? 'Starting' : 'Stopping'} ldirectord\n${r.stdout}${r.stderr}`;
}

/** The programs the heartbeat, ldirectord and ipvsadm packages install, with a line on how to use each. */
const PROGRAMS: Record<string, string> = {
	'/etc/init.d/heartbeat': 'heartbeat init script. Usage: /etc/init.d/heartbeat {start|stop|status|restart|reload|force-reload}',
	'/etc/init.d/ldirectord': 'ldirectord init script (configuration ldirectord.cf). Usage: /etc/init.d/ldirectord {start|stop|restart|status|reload}',
	'/etc/init.d/ipvsadm': 'ipvsadm init script: the sync daemon named in /etc/default/ipvsadm. Usage: /etc/init.d/ipvsadm {start|stop|restart}',
	'/etc/ha.d/resource.d/IPaddr2': 'heartbeat resource: IPaddr2 ip[/cidr[/iface[/broadcast]]] {start|stop|status|monitor}',
	'/etc/ha.d/resource.d/IPaddr': 'heartbeat resource: IPaddr ip[/cidr[/iface[/broadcast]]] {start|stop|status|monitor}',
	'/etc/ha.d/resource.d/LVSSyncDaemonSwap': 'heartbeat resource: LVSSyncDaemonSwap {master|backup} {start|stop|status}',
	'/etc/ha.d/resource.d/ldirectord': 'heartbeat resource: ldirectord [configfile] {start|stop|status} (the same program as /usr/sbin/ldirectord)',
	'/usr/sbin/ldirectord': 'ldirectord [-d|--debug] [--] [configfile] {start|stop|restart|try-restart|reload|force-reload|status}',
	'/usr/lib/heartbeat/heartbeat': 'the heartbeat daemon; started by /etc/init.d/heartbeat',
	'/usr/lib/heartbeat/hb_standby': 'hb_standby: give this node\'s resources to the other node',
	'/usr/lib/heartbeat/hb_takeover': 'hb_takeover: take the resources from the other node',
};

/** heartbeat, ldirectord and the IPVS sync daemon as init scripts a scenario can boot. */
export const ultramonkey: Feature = {
	name: 'ultramonkey',
	setupHost(_world, host) {
		// The UltraMonkey packages are installed on the directors (hosts whose kernel has IPVS).
		if (!host.ipvs) return;
		for (const dir of ['/etc/ha.d/resource.d', '/etc/ha.d/conf', '/var/lib/heartbeat/rsctmp', '/var/run/heartbeat', '/usr/lib/heartbeat']) host.fs.mkdirp(dir);
		for (const [path, what] of Object.entries(PROGRAMS)) {
			if (!host.fs.exists(path)) host.fs.put(path, `#!/bin/sh\n# ${what}\n`, 0o755);
		}
	},
	initScripts: {
		heartbeat: {
			start: (world, host) => {
				const r = startHeartbeat(world, host);
				return r.stdout + r.stderr;
			},
			stop: (world, host) => stopHeartbeat(world, host).stdout,
			running: (_world, host) => heartbeatOf(host) !== undefined,
		},
		ldirectord: {
			start: (world, host) => ldirectordInit(world, host, 'start'),
			stop: (world, host) => ldirectordInit(world, host, 'stop'),
			running: (_world, host) => runningDaemon(host, 'ldirectord') !== undefined,
		},
		ipvsadm: {
			start: (world, host) => ipvsadmInit(world, host, 'start'),
			stop: (world, host) => ipvsadmInit(world, host, 'stop'),
			running: (_world, host) => (host.ipvs?.daemons.length ?? 0) > 0,
		},
	},
};
