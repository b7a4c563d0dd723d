/**
 * The few C library routines whose exact quirks decide what ipvsadm accepts:
 * strtol, inet_aton, inet_pton and atoi, as glibc implements them.
 */

const SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r']);
const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

export interface StrtolResult {
	/** The value, clamped to the 64-bit long range on overflow. */
	value: bigint;
	/** Characters consumed; 0 when no digits were found. */
	end: number;
	/** errno was set to ERANGE. */
	overflow: boolean;
}

/** strtol(s, &end, base) for base 10 or 16, on a 64-bit long. */
export function strtol(s: string, base: 10 | 16 = 10): StrtolResult {
	let i = 0;
	while (i < s.length && SPACE.has(s[i]!)) i++;
	let negative = false;
	if (s[i] === '+' || s[i] === '-') {
		negative = s[i] === '-';
		i++;
	}
	if (base === 16 && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && isHexDigit(s[i + 2])) i += 2;
	const start = i;
	let value = 0n;
	while (i < s.length && (base === 10 ? isDigit(s[i]) : isHexDigit(s[i]))) {
		value = value * BigInt(base) + BigInt(Number.parseInt(s[i]!, base));
		i++;
	}
	if (i === start) return {value: 0n, end: 0, overflow: false};
	if (negative) value = -value;
	if (value > LONG_MAX) return {value: LONG_MAX, end: i, overflow: true};
	if (value < LONG_MIN) return {value: LONG_MIN, end: i, overflow: true};
	return {value, end: i, overflow: false};
}

function isDigit(c: string | undefined): boolean {
	return c !== undefined && c >= '0' && c <= '9';
}

function isHexDigit(c: string | undefined): boolean {
	return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/**
 * ipvsadm's string_to_number(): the whole string must be a decimal long in [min, max],
 * else -1. Leading blanks and a sign are accepted, as strtol does.
 */
export function stringToNumber(s: string, min: number, max: number): number {
	const r = strtol(s);
	if (r.end === s.length && r.end !== 0 && !r.overflow && r.value >= BigInt(min) && r.value <= BigInt(max)) return Number(r.value);
	return -1;
}

/** atoi(): leading blanks, a sign and digits; anything else stops it. Wraps like a C int. */
export function atoi(s: string): number {
	const r = strtol(s);
	return Number(BigInt.asIntN(32, r.value));
}

/**
 * inet_aton(): one to four parts in decimal, octal (leading 0) or hex (0x); the last
 * part fills the remaining bytes. Trailing blanks end the address.
 */
export function inetAton(s: string): number | undefined {
	const parts: bigint[] = [];
	let i = 0;
	for (;;) {
		if (!isDigit(s[i])) return undefined;
		let base = 10n;
		if (s[i] === '0') {
			if ((s[i + 1] === 'x' || s[i + 1] === 'X') && isHexDigit(s[i + 2])) {
				base = 16n;
				i += 2;
			} else base = 8n;
		}
		let value = 0n;
		while (i < s.length) {
			const c = s[i]!;
			const digit = /^[0-9a-fA-F]$/.test(c) ? BigInt(Number.parseInt(c, 16)) : -1n;
			if (digit < 0n || digit >= base) break;
			value = value * base + digit;
			i++;
		}
		// strtoul reports ERANGE past 64 bits; the range checks below reject far less anyway.
		if (value >= 2n ** 64n) return undefined;
		if (s[i] === '.') {
			if (parts.length > 2 || value > 255n) return undefined;
			parts.push(value);
			i++;
		} else {
			parts.push(value);
			break;
		}
	}
	if (i < s.length && !SPACE.has(s[i]!)) return undefined;
	const last = parts[parts.length - 1]!;
	const limits = [0xffffffffn, 0xffffffn, 0xffffn, 0xffn];
	if (last > limits[parts.length - 1]!) return undefined;
	let word = 0n;
	for (let p = 0; p < parts.length - 1; p++) word |= parts[p]! << BigInt(24 - 8 * p);
	return Number(word | last);
}

/** inet_pton(AF_INET): exactly four decimal parts, no leading zeros. */
export function inetPton4(s: string): number | undefined {
	const parts = s.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0;
	for (const p of parts) {
		if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
		value = value * 256 + Number(p);
	}
	return value;
}

/** inet_pton(AF_INET6) as a validity test (the lab's kernels carry no IPv6 virtual services). */
export function isInet6(s: string): boolean {
	let groups = s;
	let v4Groups = 0;
	const lastColon = s.lastIndexOf(':');
	if (lastColon >= 0 && s.slice(lastColon + 1).includes('.')) {
		if (inetPton4(s.slice(lastColon + 1)) === undefined) return false;
		groups = s.slice(0, lastColon + 1) + '0';
		v4Groups = 1;
	}
	const halves = groups.split('::');
	if (halves.length > 2) return false;
	const count = (half: string) => (half === '' ? [] : half.split(':'));
	const head = count(halves[0]!);
	const tail = halves.length === 2 ? count(halves[1]!) : [];
	if (![...head, ...tail].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
	const total = head.length + tail.length + v4Groups;
	return halves.length === 2 ? total <= 7 : total === 8;
}
