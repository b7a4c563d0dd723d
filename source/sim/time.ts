/**
 * Virtual time. The whole engine counts time in integer microseconds so that
 * timers such as "120 s in FIN_WAIT" never drift through floating-point sums.
 */
export type Micros = number;

export const USEC: Micros = 1;
export const MSEC: Micros = 1000;
export const SEC: Micros = 1_000_000;
export const MINUTE: Micros = 60 * SEC;

/** Converts seconds (possibly fractional, as typed by a user) to microseconds. */
export function seconds(value: number): Micros {
	return Math.round(value * SEC);
}

/** Whole seconds, rounded down. */
export function toSeconds(t: Micros): number {
	return Math.floor(t / SEC);
}

/** `HH:MM:SS.mmm` of virtual time since the scenario started, for timelines. */
export function formatClock(t: Micros): string {
	const totalMs = Math.floor(t / MSEC);
	const ms = totalMs % 1000;
	const totalS = Math.floor(totalMs / 1000);
	const s = totalS % 60;
	const m = Math.floor(totalS / 60) % 60;
	const h = Math.floor(totalS / 3600);
	return `${pad(h)}:${pad(m)}:${pad(s)}.${String(ms).padStart(3, '0')}`;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}
