import {haLogTime} from '../calendar';
import type {Host} from '../host';
import {appendLog, syslog, type Severity} from '../logging/syslog';
import type {World} from '../world';

/** Level words as heartbeat prints them (OCF scripts use the upper-case INFO). */
export type HaLevel = 'info' | 'WARN' | 'ERROR' | 'CRIT' | 'debug' | 'INFO';

const SEVERITY: Record<HaLevel, Severity> = {info: 'info', INFO: 'info', WARN: 'warning', ERROR: 'err', CRIT: 'crit', debug: 'debug'};

/** Where heartbeat's cl_log writes, from ha.cf. */
export interface HaLogTargets {
	logfacility?: string;
	logfile?: string;
	debugfile?: string;
}

/** With none of logfile, debugfile and logfacility, heartbeat falls back to /var/log/ha-log. */
export function effectiveTargets(t: HaLogTargets): HaLogTargets {
	if (!t.logfacility && !t.logfile && !t.debugfile) return {logfile: '/var/log/ha-log'};
	return t;
}

/** The ha-log line: `heartbeat[1234]: 2007/06/14_10:00:05 info: message`. */
export function haLogLine(world: World, entity: string, pid: number, level: HaLevel, message: string): string {
	return `${entity}[${pid}]: ${haLogTime(world.scenario.epoch, world.now)} ${level}: ${message}\n`;
}

/**
 * Writes one heartbeat-family log line (heartbeat, ResourceManager, IPaddr2,
 * mach_down…) to the files ha.cf names and to syslog (`heartbeat: [1234]: info: …`).
 */
export function haLog(world: World, host: Host, targets: HaLogTargets, entity: string, pid: number, level: HaLevel, message: string): void {
	const t = effectiveTargets(targets);
	const line = haLogLine(world, entity, pid, level, message);
	if (t.logfile && level !== 'debug') appendLog(host, t.logfile, line);
	if (t.debugfile) appendLog(host, t.debugfile, line);
	if (t.logfacility) syslog(world, host, t.logfacility, SEVERITY[level], `${entity}: [${pid}]`, `${level}: ${message}`);
}
