import type {Address, Host} from '../host';
import type {SyncState} from '../ipvs/types';
import {broadcastOf, formatIp, parseIp, type Ip} from '../net/ipv4';
import {initScripts} from '../features';
import type {World} from '../world';
import {runLdirectord, type ToolResult} from '../ldirectord/cli';
import {HA_CF, parseHaCf} from './config';
import {haLog, haLogLine, type HaLevel, type HaLogTargets} from './log';
import {announce} from './media';

/** The resource scripts heartbeat finds in /etc/ha.d/resource.d/. */
export const RESOURCE_SCRIPTS = ['IPaddr2', 'IPaddr', 'LVSSyncDaemonSwap', 'ldirectord'] as const;

export const RESOURCE_DIR = '/etc/ha.d/resource.d';

/** How a script was started: by heartbeat (logs only) or by hand (logs echoed on stderr too). */
export interface ScriptEnv {
	readonly targets: HaLogTargets;
	readonly interactive: boolean;
}

/** Log targets from ha.cf, for scripts run by hand. */
export function scriptEnvFor(host: Host, interactive: boolean): ScriptEnv {
	const text = host.fs.tryRead(HA_CF);
	if (text === undefined) return {targets: {}, interactive};
	const {config} = parseHaCf(text, host.name);
	return {targets: {logfacility: config.logfacility, logfile: config.logfile, debugfile: config.debugfile}, interactive};
}

/** Runs `/etc/ha.d/resource.d/SCRIPT ARGS… ACTION`. */
export function runResourceScript(world: World, host: Host, script: string, argv: readonly string[], env: ScriptEnv): ToolResult {
	switch (script) {
		case 'IPaddr2':
		case 'IPaddr':
			return ipaddr(world, host, script, argv, env);
		case 'LVSSyncDaemonSwap':
			return syncDaemonSwap(world, host, argv);
		case 'ldirectord':
			return runLdirectord(world, host, argv, '/etc/ha.d');
		default: {
			// Not in resource.d: heartbeat falls back to /etc/init.d/SCRIPT.
			const init = initScripts().get(script);
			const action = argv[argv.length - 1];
			if (!init) return {stdout: '', stderr: `${script}: not found\n`, status: 127};
			if (action === 'start') return {stdout: init.start(world, host), stderr: '', status: 0};
			if (action === 'stop') return {stdout: init.stop(world, host), stderr: '', status: 0};
			const running = init.running(world, host);
			return {stdout: running ? 'running\n' : 'stopped\n', stderr: '', status: running ? 0 : 3};
		}
	}
}

// ---- IPaddr2 ------------------------------------------------------------------

interface IpSpec {
	ip: Ip;
	prefix: number;
	dev: string;
	label?: string;
	broadcast: Ip;
}

/** `ip[/cidr[/iface[:label][/broadcast]]]`, with the interface found from the routes when omitted. */
export function parseIpSpec(host: Host, text: string): IpSpec | string {
	const [ipText = '', cidr, ifspec, bcast] = text.split('/');
	const ip = parseIp(ipText);
	if (ip === undefined) return `Invalid IP address [${ipText}]`;
	let prefix: number | undefined = cidr === undefined || cidr === '' ? undefined : Number(cidr);
	if (prefix !== undefined && (!Number.isInteger(prefix) || prefix < 0 || prefix > 32)) return `Invalid netmask specification [${cidr}]`;
	let dev = ifspec?.split(':')[0];
	const label = ifspec?.includes(':') ? ifspec : undefined;
	if (!dev) {
		const match = host.addresses.find((a) => a.dev !== 'lo' && a.prefix < 32 && (a.ip >>> (32 - a.prefix)) === (ip >>> (32 - a.prefix)));
		if (!match) return `Unable to find nic or netmask.`;
		dev = match.dev;
		prefix ??= match.prefix;
	}
	if (!host.interfaces.has(dev)) return `Unable to find nic, or netmask mismatch.`;
	prefix ??= 24;
	const broadcast = bcast ? parseIp(bcast) : broadcastOf(ip, prefix);
	if (broadcast === undefined) return `Invalid broadcast address [${bcast}]`;
	return {ip, prefix, dev, label, broadcast};
}

function ipaddr(world: World, host: Host, script: string, argv: readonly string[], env: ScriptEnv): ToolResult {
	const out: ToolResult = {stdout: '', stderr: '', status: 0};
	const [spec, action] = argv;
	const pid = host.processes.spawn({user: 'root', command: `/bin/sh ${RESOURCE_DIR}/${script} ${argv.join(' ')}`, started: world.now}).pid;
	const log = (level: HaLevel, message: string) => {
		haLog(world, host, env.targets, script, pid, level, message);
		if (env.interactive) out.stderr += haLogLine(world, script, pid, level, message);
	};
	const done = (status: number) => {
		host.processes.reap(pid);
		out.status = status;
		return out;
	};
	if (argv.length !== 2 || !spec || !['start', 'stop', 'status', 'monitor'].includes(action ?? '')) {
		out.stderr += `usage: ${script} ip-address[/netmask[/interface[/broadcast]]] {start|stop|status|monitor}\n`;
		return done(1);
	}
	const parsed = parseIpSpec(host, spec);
	if (typeof parsed === 'string') {
		log('ERROR', parsed);
		return done(1);
	}
	const {ip, prefix, dev, label, broadcast} = parsed;
	const onDev = host.addresses.find((a) => a.ip === ip && a.dev === dev);
	const shown = `${formatIp(ip)}/${prefix}`;
	if (action === 'status' || action === 'monitor') {
		out.stdout += onDev ? 'INFO:  Running OK\n' : 'INFO:  Resource is stopped\n';
		return done(onDev ? 0 : 3);
	}
	if (action === 'start') {
		if (onDev) {
			log('INFO', ' Success');
			return done(0);
		}
		const onLo = host.addresses.findIndex((a) => a.ip === ip && a.dev === 'lo');
		if (onLo >= 0) {
			// lvs_support: the passive director may carry the VIP on lo as a DR real server.
			log('INFO', 'Removing conflicting loopback lo.');
			const [removed] = host.addresses.splice(onLo, 1);
			host.fs.put(`/var/lib/heartbeat/rsctmp/IPaddr2-lo-${formatIp(ip)}`, `${removed!.prefix} ${removed!.label}\n`);
		}
		log('INFO', `Adding inet address ${shown} with broadcast address ${formatIp(broadcast)} to device ${dev}`);
		const address: Address = {ip, prefix, dev, label: label ?? dev, broadcast, scope: 'global'};
		host.addresses.push(address);
		log('INFO', `Bringing device ${dev} up`);
		const iface = host.interfaces.get(dev);
		if (iface) iface.up = true;
		log('INFO', `/usr/lib/heartbeat/send_arp -i 200 -r 5 -p /var/lib/heartbeat/rsctmp/send_arp/send_arp-${formatIp(ip)} ${dev} ${formatIp(ip)} auto not_used not_used`);
		// send_arp: 5 gratuitous ARPs, 200 ms apart.
		for (let i = 0; i < 5; i++) world.after(i * 200_000, () => {
			if (host.powered && host.addresses.some((a) => a.ip === ip && a.dev === dev)) announce(world, host, ip, dev);
		});
		world.log('heartbeat', {en: `IPaddr2: ${formatIp(ip)} added to ${dev}; 5 gratuitous ARPs follow, 200 ms apart`, es: `IPaddr2: ${formatIp(ip)} añadida a ${dev}; siguen 5 ARP gratuitos, con 200 ms entre uno y otro`}, host.name);
		log('INFO', ' Success');
		return done(0);
	}
	// stop
	if (onDev) {
		log('INFO', `ip -f inet addr delete ${shown} dev ${dev}`);
		host.addresses.splice(host.addresses.indexOf(onDev), 1);
		log('INFO', `ip -o -f inet addr show ${dev}`);
		world.log('heartbeat', {en: `IPaddr2: ${formatIp(ip)} removed from ${dev}`, es: `IPaddr2: ${formatIp(ip)} quitada de ${dev}`}, host.name);
	}
	const saved = host.fs.tryRead(`/var/lib/heartbeat/rsctmp/IPaddr2-lo-${formatIp(ip)}`);
	if (saved !== undefined) {
		const [loPrefix, loLabel] = saved.trim().split(' ');
		host.addresses.push({ip, prefix: Number(loPrefix), dev: 'lo', label: loLabel ?? 'lo', scope: 'global'});
		try {
			host.fs.remove(`/var/lib/heartbeat/rsctmp/IPaddr2-lo-${formatIp(ip)}`);
		} catch {
			// gone
		}
	}
	log('INFO', ' Success');
	return done(0);
}

// ---- LVSSyncDaemonSwap ------------------------------------------------------

/** `ipvsadm --start-daemon STATE` (default mcast interface eth0, syncid 0): the kernel starts its thread. */
export function startSyncDaemon(world: World, host: Host, state: SyncState, mcastIfn = 'eth0', syncid = 0): string | undefined {
	const ipvs = host.ipvs;
	if (!ipvs) return 'Protocol not available';
	const result = ipvs.startDaemon({state, mcastIfn, syncid, maxlen: 0, port: 0, ttl: 0});
	if (result === 'EEXIST') return 'Daemon has already run';
	if (result) return result;
	const d = ipvs.daemons.find((x) => x.state === state);
	if (d) world.log('sync', {en: `${state} sync daemon started on ${mcastIfn} (thread pid ${d.pid})`, es: `demonio de sincronización ${state} arrancado en ${mcastIfn} (hilo con pid ${d.pid})`}, host.name);
	return undefined;
}

/** `ipvsadm --stop-daemon STATE`. */
export function stopSyncDaemon(world: World, host: Host, state: SyncState): string | undefined {
	const ipvs = host.ipvs;
	if (!ipvs) return 'Protocol not available';
	if (ipvs.stopDaemon(state)) return 'No daemon is running';
	world.log('sync', {en: `${state} sync daemon stopped`, es: `demonio de sincronización ${state} detenido`}, host.name);
	return undefined;
}

function syncDaemonSwap(world: World, host: Host, argv: readonly string[]): ToolResult {
	const [state, action] = argv;
	if (argv.length !== 2 || (state !== 'master' && state !== 'backup') || !['start', 'stop', 'status'].includes(action!)) {
		return {stdout: '', stderr: 'Usage: LVSSyncDaemonSwap {master|backup} {start|stop|status}\n', status: 1};
	}
	const other: SyncState = state === 'master' ? 'backup' : 'master';
	if (action === 'start') {
		stopSyncDaemon(world, host, other);
		startSyncDaemon(world, host, state);
		return {stdout: '', stderr: '', status: 0};
	}
	if (action === 'stop') {
		stopSyncDaemon(world, host, state);
		startSyncDaemon(world, host, other);
		return {stdout: '', stderr: '', status: 0};
	}
	const daemons = host.ipvs?.daemons ?? [];
	const mine = daemons.find((d) => d.state === state);
	const theirs = daemons.find((d) => d.state === other);
	if (mine) return {stdout: `${state} running\n(ipvs_sync${state} pid: ${mine.pid})\n`, stderr: '', status: 0};
	return {stdout: `${state} stopped\n${theirs ? `(ipvs_sync${other} pid: ${theirs.pid})\n` : ''}`, stderr: '', status: 3};
}
