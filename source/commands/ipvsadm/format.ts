/** printf-style padding, as ipvsadm's format strings use it. */

/** `%-Ns`: left-aligned in at least N columns (longer text is never cut). */
export function left(value: string | number, width: number): string {
	return String(value).padEnd(width);
}

/** `%Ns` / `%Nd`: right-aligned in at least N columns. */
export function right(value: string | number, width: number): string {
	return String(value).padStart(width);
}

/** `%02d`. */
export function two(value: number): string {
	return String(value).padStart(2, '0');
}

/** A counter as C prints an unsigned 64-bit value (JS numbers are exact up to 2^53). */
export function u64(value: number): number {
	return Math.max(0, Math.trunc(value));
}

/**
 * print_largenum(): 9 columns, scaled to K/M/G/T once a number no longer fits,
 * or (with --exact) the whole number in at least 9 columns, one more than its length.
 */
export function largenum(value: number, exact: boolean): string {
	const i = u64(value);
	if (exact) {
		const digits = String(i);
		return right(digits, digits.length <= 8 ? 9 : digits.length + 1);
	}
	if (i < 1e8) return right(i, 9);
	if (i < 1e9) return right(Math.floor(i / 1e3), 8) + 'K';
	if (i < 1e11) return right(Math.floor(i / 1e6), 8) + 'M';
	if (i < 1e14) return right(Math.floor(i / 1e9), 8) + 'G';
	return right(Math.floor(i / 1e12), 8) + 'T';
}

/** inet_ntoa(). */
export function dotted(ip: number): string {
	return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}
