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

/** heartbeat, ldirectord and the IPVS sync daemon as init scripts a scenario can boot. */
export const ultramonkey: Feature = {
	name: 'ultramonkey',
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
