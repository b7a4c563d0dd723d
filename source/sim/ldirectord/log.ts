import {ctime} from '../calendar';
import type {Host} from '../host';
import {appendLog, syslog} from '../logging/syslog';
import type {World} from '../world';

/**
 * ld_log: a log file gets `[Thu Jun 14 10:00:05 2007|ldirectord.cf|1455] message`;
 * a target without a leading `/` is a syslog facility (`ldirectord[1455]: message`).
 */
export function ldLog(world: World, host: Host, target: string, cfgname: string, pid: number, message: string): void {
	const text = message.replace(/\n$/, '');
	if (target.startsWith('/')) appendLog(host, target, `[${ctime(world.scenario.epoch, world.now)}|${cfgname}|${pid}] ${text}\n`);
	else syslog(world, host, target, 'info', `ldirectord[${pid}]`, text);
}
