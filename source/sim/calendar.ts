import type {Micros} from './time';

/**
 * Virtual wall-clock dates. A scenario fixes the date its clock starts at;
 * everything is formatted in UTC so output never depends on the machine.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(epochMs: number, t: Micros) {
	const d = new Date(epochMs + Math.floor(t / 1000));
	return {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth(),
		day: d.getUTCDate(),
		weekday: d.getUTCDay(),
		hour: d.getUTCHours(),
		minute: d.getUTCMinutes(),
		second: d.getUTCSeconds(),
	};
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** `Thu Nov 26 15:00:54 2026` (ctime, as ldirectord logs it). */
export function ctime(epochMs: number, t: Micros): string {
	const x = parts(epochMs, t);
	return `${DAYS[x.weekday]} ${MONTHS[x.month]} ${String(x.day).padStart(2, ' ')} ${p2(x.hour)}:${p2(x.minute)}:${p2(x.second)} ${x.year}`;
}

/** `2006/03/15_10:02:43` (heartbeat's ha-log). */
export function haLogTime(epochMs: number, t: Micros): string {
	const x = parts(epochMs, t);
	return `${x.year}/${p2(x.month + 1)}/${p2(x.day)}_${p2(x.hour)}:${p2(x.minute)}:${p2(x.second)}`;
}

/** `Nov 26 15:00:54` (syslog). */
export function syslogTime(epochMs: number, t: Micros): string {
	const x = parts(epochMs, t);
	return `${MONTHS[x.month]} ${String(x.day).padStart(2, ' ')} ${p2(x.hour)}:${p2(x.minute)}:${p2(x.second)}`;
}

/** `Thu Nov 26 15:00:54 UTC 2026` (date(1)). */
export function dateCommand(epochMs: number, t: Micros): string {
	const x = parts(epochMs, t);
	return `${DAYS[x.weekday]} ${MONTHS[x.month]} ${String(x.day).padStart(2, ' ')} ${p2(x.hour)}:${p2(x.minute)}:${p2(x.second)} UTC ${x.year}`;
}

/** `HH:MM:SS` of the virtual wall clock. */
export function clockTime(epochMs: number, t: Micros): string {
	const x = parts(epochMs, t);
	return `${p2(x.hour)}:${p2(x.minute)}:${p2(x.second)}`;
}

/** `Thu 2026-11-26 15:00:54 UTC` (systemd's FORMAT_TIMESTAMP, as shutdown and wall print it). */
export function systemdTimestamp(epochMs: number, t: Micros): string {
	const x = parts(epochMs, t);
	return `${DAYS[x.weekday]} ${x.year}-${p2(x.month + 1)}-${p2(x.day)} ${p2(x.hour)}:${p2(x.minute)}:${p2(x.second)} UTC`;
}
