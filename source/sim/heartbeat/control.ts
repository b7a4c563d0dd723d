import {initScripts} from '../features';
import type {Host} from '../host';
import type {World} from '../world';
import type {ToolResult} from '../ldirectord/cli';
import {AUTHKEYS, HA_CF, HARESOURCES, parseAuthkeys, parseHaCf, parseHaresources, type HaProblem} from './config';
import {HeartbeatDaemon} from './heartbeat';
import {haLog, haLogLine} from './log';
import {RESOURCE_DIR, RESOURCE_SCRIPTS} from './resource-scripts';

export function heartbeatOf(host: Host): HeartbeatDaemon | undefined {
	const d = host.daemon<HeartbeatDaemon>('heartbeat');
	return d?.running ? d : undefined;
}

/** Whether `name` resolves to a resource script (resource.d first, then init.d). */
export function scriptExists(host: Host, name: string): boolean {
	return (RESOURCE_SCRIPTS as readonly string[]).includes(name) || host.fs.exists(`${RESOURCE_DIR}/${name}`) || host.fs.exists(`/etc/init.d/${name}`) || initScripts().has(name);
}

const STARTING = 'Starting High-Availability services: ';

/**
 * `/etc/init.d/heartbeat start`: validates ha.cf, authkeys and haresources
 * (heartbeat refuses to start on any error, exit 6) and starts the daemon.
 */
export function startHeartbeat(world: World, host: Host): ToolResult {
	const out: ToolResult = {stdout: STARTING, stderr: '', status: 0};
	const running = heartbeatOf(host);
	const fail = (rc: number) => {
		out.stdout += ` Heartbeat failure [rc=${rc}]. Failed.\n`;
		out.status = 1;
		return out;
	};
	const pid = host.processes.spawn({user: 'root', command: '/usr/lib/heartbeat/heartbeat', started: world.now}).pid;
	const say = (level: 'ERROR' | 'WARN' | 'info', message: string, targets = {}) => {
		haLog(world, host, targets, 'heartbeat', pid, level, message);
		out.stderr += haLogLine(world, 'heartbeat', pid, level, message);
	};
	try {
		if (running) {
			say('ERROR', `heartbeat: already running [pid ${running.pid}].`);
			return fail(1);
		}
		const cf = host.fs.tryRead(HA_CF);
		if (cf === undefined) {
			out.stdout += `Heartbeat not configured: ${HA_CF} not found.\n`;
			return fail(6);
		}
		const {config, problems} = parseHaCf(cf, host.name);
		const targets = {logfacility: config.logfacility, logfile: config.logfile, debugfile: config.debugfile};
		const all: HaProblem[] = [...problems];
		const authEntry = host.fs.stat(AUTHKEYS);
		const auth = parseAuthkeys(authEntry?.kind === 'file' ? authEntry.content : undefined, authEntry?.mode);
		all.push(...auth.problems);
		const hr = host.fs.tryRead(HARESOURCES);
		let groups: ReturnType<typeof parseHaresources>['groups'] = [];
		if (hr === undefined) all.push({level: 'ERROR', message: `Cannot open ${HARESOURCES}`});
		else {
			const parsed = parseHaresources(hr, config.nodes, (name) => scriptExists(host, name));
			groups = parsed.groups;
			all.push(...parsed.problems);
		}
		for (const p of all) say(p.level, p.message, targets);
		if (all.some((p) => p.level === 'ERROR') || !auth.keys) {
			say('ERROR', 'Configuration error, heartbeat not started.', targets);
			// heartbeat's own message is quoted as ha-log prints it.
			const why = all.find((p) => p.level === 'ERROR')?.message;
			world.log('heartbeat', {en: `heartbeat refused to start: ${why ?? 'configuration error'}`, es: `heartbeat se negó a arrancar: ${why ?? 'error de configuración'}`}, host.name);
			return fail(6);
		}
		const daemon = new HeartbeatDaemon(world, host, config, groups, auth.keys);
		host.daemons.set('heartbeat', daemon);
		daemon.start();
		out.stdout += 'Done.\n';
		return out;
	} finally {
		host.processes.reap(pid);
	}
}

export function stopHeartbeat(_world: World, host: Host): ToolResult {
	const out: ToolResult = {stdout: 'Stopping High-Availability services: ', stderr: '', status: 0};
	heartbeatOf(host)?.shutdown();
	out.stdout += 'Done.\n';
	return out;
}

export function statusHeartbeat(host: Host): ToolResult {
	const d = heartbeatOf(host);
	if (d) return {stdout: `heartbeat OK [pid ${d.pid} et al] is running on ${host.name} [${host.name}]...\n`, stderr: '', status: 0};
	return {stdout: 'heartbeat is stopped. No process\n', stderr: '', status: 3};
}
