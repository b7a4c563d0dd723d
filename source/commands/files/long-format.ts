import type {Entry} from '../../sim/fs/filesystem';
import type {Micros} from '../../sim/time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = (365.2425 / 2) * 86400 * 1000;

/** Bytes a file's text takes on disk (UTF-8). */
export function byteLength(text: string): number {
	return new TextEncoder().encode(text).length;
}

/** `drwxr-xr-x`, `-rw-------` with setuid/setgid/sticky letters. */
export function modeString(entry: Entry): string {
	const m = entry.mode;
	const rwx = (bits: number, special: boolean, letter: string) =>
		(bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? letter : letter.toUpperCase()) : bits & 1 ? 'x' : '-');
	return (
		(entry.kind === 'dir' ? 'd' : '-') +
		rwx((m >> 6) & 7, (m & 0o4000) !== 0, 's') +
		rwx((m >> 3) & 7, (m & 0o2000) !== 0, 's') +
		rwx(m & 7, (m & 0o1000) !== 0, 't')
	);
}

/** Apparent size as ls -l prints it: 4096 for directories. */
export function entrySize(entry: Entry, virtual: boolean): number {
	if (entry.kind === 'dir') return 4096;
	return virtual ? 0 : byteLength(entry.content);
}

/** 1 KiB blocks allocated (4 KiB file-system blocks). */
export function entryBlocks(entry: Entry, virtual: boolean): number {
	if (virtual) return 0;
	return Math.ceil(entrySize(entry, false) / 4096) * 4;
}

/** ls's date column: `Nov 26 10:00` for the last six months, else `Nov 26  2006`. */
export function lsDate(epochMs: number, mtime: Micros, now: Micros): string {
	const t = epochMs + Math.floor(mtime / 1000);
	const nowMs = epochMs + Math.floor(now / 1000);
	const d = new Date(t);
	const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}`;
	const recent = t <= nowMs + 60_000 && nowMs - t < SIX_MONTHS_MS;
	if (recent) return `${head} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
	return `${head}  ${d.getUTCFullYear()}`;
}

/** GNU human-readable size (powers of 1024, rounded up): 28, 4.0K, 148K, 1.2M. */
export function humanSize(bytes: number): string {
	const units = ['K', 'M', 'G', 'T'];
	if (bytes < 1024) return String(bytes);
	let value = bytes;
	let unit = -1;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	if (value < 10) {
		const tenth = Math.ceil(value * 10) / 10;
		if (tenth < 10) return tenth.toFixed(1) + units[unit];
		return '10' + units[unit];
	}
	const whole = Math.ceil(value);
	if (whole >= 1024 && unit < units.length - 1) return '1.0' + units[unit + 1];
	return whole + units[unit]!;
}
