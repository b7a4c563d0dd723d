import {syslogTime} from '../calendar';
import type {Host} from '../host';
import type {World} from '../world';

export type Severity = 'emerg' | 'alert' | 'crit' | 'err' | 'warning' | 'notice' | 'info' | 'debug';

/** Facilities a daemon may name in its configuration (`logfacility local0`, `logfile="local0"`). */
export const FACILITIES = [
	'auth', 'authpriv', 'cron', 'daemon', 'ftp', 'kern', 'lpr', 'mail', 'news', 'syslog', 'user', 'uucp',
	'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
] as const;

export function isFacility(name: string): boolean {
	return (FACILITIES as readonly string[]).includes(name);
}

/**
 * Debian Sarge's sysklogd routes messages with this /etc/syslog.conf:
 *   *.*;auth,authpriv.none                      -/var/log/syslog
 *   daemon.*                                    -/var/log/daemon.log
 *   *.=debug;auth,authpriv.none;news.none;mail.none   -/var/log/debug
 *   *.=info;*.=notice;*.=warn;auth,authpriv.none;cron,daemon.none;mail,news.none  -/var/log/messages
 * So a `local0` daemon's info lines land in both /var/log/syslog and /var/log/messages,
 * its debug lines in syslog and debug, and its errors only in syslog.
 */
export function syslogFiles(facility: string, severity: Severity): string[] {
	const files: string[] = [];
	const authish = facility === 'auth' || facility === 'authpriv';
	if (!authish) files.push('/var/log/syslog');
	if (facility === 'daemon') files.push('/var/log/daemon.log');
	if (severity === 'debug' && !authish && facility !== 'news' && facility !== 'mail') files.push('/var/log/debug');
	if ((severity === 'info' || severity === 'notice' || severity === 'warning') && !authish && !['cron', 'daemon', 'mail', 'news'].includes(facility)) {
		files.push('/var/log/messages');
	}
	return files;
}

/** Appends `text` to a log file, creating it (and /var/log) if needed. Never throws. */
export function appendLog(host: Host, path: string, text: string): void {
	if (!host.powered) return;
	try {
		if (!host.fs.exists(path)) host.fs.put(path, '', 0o640);
		host.fs.write(path, text, {append: true});
	} catch {
		// A learner may have replaced the log path with a directory; logging just stops, as it would.
	}
}

/**
 * syslog(3) as sysklogd writes it: `Jun 14 10:00:05 debian1 TAG: message`.
 * `tag` is what the program passed to openlog, already with `[pid]` when it asked for LOG_PID.
 */
export function syslog(world: World, host: Host, facility: string, severity: Severity, tag: string, message: string): void {
	const line = `${syslogTime(world.scenario.epoch, world.now)} ${host.name} ${tag}: ${message}\n`;
	for (const file of syslogFiles(facility, severity)) appendLog(host, file, line);
}
