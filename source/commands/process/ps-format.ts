import {clockTime} from '../../sim/calendar';
import {SEC, type Micros} from '../../sim/time';
import type {World} from '../../sim/world';
import type {PsRow} from './process-list';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `TIME` of ps aux: minutes:seconds of CPU. */
export function cpuMinSec(us: number): string {
	const s = Math.floor(us / SEC);
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** `TIME` of ps and ps -ef: [DD-]HH:MM:SS of CPU. */
export function cpuHms(us: number): string {
	const s = Math.floor(us / SEC);
	const d = Math.floor(s / 86400);
	const hms = `${String(Math.floor((s % 86400) / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
	return d > 0 ? `${d}-${hms}` : hms;
}

/** `START`/`STIME`: HH:MM within the last day, else MonDD. */
export function startTime(world: World, started: Micros): string {
	if (world.now - started < 24 * 3600 * SEC) return clockTime(world.scenario.epoch, started).slice(0, 5);
	const d = new Date(world.scenario.epoch + Math.floor(started / 1000));
	return `${MONTHS[d.getUTCMonth()]}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** %CPU as procps computes it: CPU time over time since the process started. */
export function pcpu(world: World, row: PsRow): number {
	const elapsed = world.now - row.started;
	if (elapsed <= 0) return 0;
	return Math.floor((row.cpuUs * 1000) / elapsed) / 10;
}

export function formatPercent(value: number): string {
	return value >= 100 ? String(Math.floor(value)) : value.toFixed(1);
}

export function pmem(row: PsRow, totalKb: number): number {
	return totalKb > 0 ? Math.floor((row.rssKb * 1000) / totalKb) / 10 : 0;
}
