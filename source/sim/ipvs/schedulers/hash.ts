/**
 * The hash functions the hashing schedulers use, bit for bit. Addresses and
 * ports are host-order numbers (what the kernel gets from ntohl/ntohs).
 */

/** 2654435761, the golden-ratio prime the old sh/dh/lblc hashes multiply by. */
const GOLDEN_PRIME = 0x9e3779b1;
/** GOLDEN_RATIO_32 from include/linux/hash.h (4.7+). */
const GOLDEN_RATIO_32 = 0x61c88647;

/**
 * `(x * 2654435761UL) & mask` for a power-of-two table. Only the low bits of
 * the product survive the mask, so 32-bit multiplication gives the same
 * answer as the kernel's 64-bit `unsigned long` one.
 */
export function multiplicativeHash(x: number, mask: number): number {
	return Math.imul(x, GOLDEN_PRIME) & mask;
}

/** hash_32(val, bits): the top `bits` bits of val * GOLDEN_RATIO_32 (mod 2^32). */
export function hash32(val: number, bits: number): number {
	return Math.imul(val, GOLDEN_RATIO_32) >>> (32 - bits);
}

/** A 64-bit hsiphash key word, as the kernel's `unsigned long` on x86_64. */
export interface KeyWord {
	readonly hi: number;
	readonly lo: number;
}

/**
 * hsiphash() of one 32-bit value on a 64-bit kernel: SipHash-1-3 with two
 * 64-bit key words, truncated to 32 bits (lib/siphash.c makes "HalfSipHash"
 * real SipHash-1-3 when BITS_PER_LONG is 64). The 4-byte message is read as a
 * little-endian u32, i.e. the value itself. 64-bit lanes are kept as hi/lo
 * halves so lookups allocate nothing.
 */
export function hsiphash32(value: number, k0: KeyWord, k1: KeyWord): number {
	// v0..v3 = "somepseudorandomlygeneratedbytes" ^ key words.
	let v0h = 0x736f6d65 ^ k0.hi;
	let v0l = 0x70736575 ^ k0.lo;
	let v1h = 0x646f7261 ^ k1.hi;
	let v1l = 0x6e646f6d ^ k1.lo;
	let v2h = 0x6c796765 ^ k0.hi;
	let v2l = 0x6e657261 ^ k0.lo;
	let v3h = 0x74656462 ^ k1.hi;
	let v3l = 0x79746573 ^ k1.lo;
	// b = len << 56 | message (4 bytes).
	const bh = 0x04000000;
	const bl = value >>> 0;
	let t: number;
	let th: number;

	const rounds = (n: number): void => {
		for (let r = 0; r < n; r++) {
			// v0 += v1; v1 = rol(v1, 13); v1 ^= v0; v0 = rol(v0, 32)
			t = (v0l + v1l) >>> 0;
			v0h = (v0h + v1h + (t < v0l >>> 0 ? 1 : 0)) >>> 0;
			v0l = t;
			th = ((v1h << 13) | (v1l >>> 19)) >>> 0;
			v1l = ((v1l << 13) | (v1h >>> 19)) >>> 0;
			v1h = th;
			v1h = (v1h ^ v0h) >>> 0;
			v1l = (v1l ^ v0l) >>> 0;
			t = v0h;
			v0h = v0l;
			v0l = t;
			// v2 += v3; v3 = rol(v3, 16); v3 ^= v2
			t = (v2l + v3l) >>> 0;
			v2h = (v2h + v3h + (t < v2l >>> 0 ? 1 : 0)) >>> 0;
			v2l = t;
			th = ((v3h << 16) | (v3l >>> 16)) >>> 0;
			v3l = ((v3l << 16) | (v3h >>> 16)) >>> 0;
			v3h = th;
			v3h = (v3h ^ v2h) >>> 0;
			v3l = (v3l ^ v2l) >>> 0;
			// v0 += v3; v3 = rol(v3, 21); v3 ^= v0
			t = (v0l + v3l) >>> 0;
			v0h = (v0h + v3h + (t < v0l >>> 0 ? 1 : 0)) >>> 0;
			v0l = t;
			th = ((v3h << 21) | (v3l >>> 11)) >>> 0;
			v3l = ((v3l << 21) | (v3h >>> 11)) >>> 0;
			v3h = th;
			v3h = (v3h ^ v0h) >>> 0;
			v3l = (v3l ^ v0l) >>> 0;
			// v2 += v1; v1 = rol(v1, 17); v1 ^= v2; v2 = rol(v2, 32)
			t = (v2l + v1l) >>> 0;
			v2h = (v2h + v1h + (t < v2l >>> 0 ? 1 : 0)) >>> 0;
			v2l = t;
			th = ((v1h << 17) | (v1l >>> 15)) >>> 0;
			v1l = ((v1l << 17) | (v1h >>> 15)) >>> 0;
			v1h = th;
			v1h = (v1h ^ v2h) >>> 0;
			v1l = (v1l ^ v2l) >>> 0;
			t = v2h;
			v2h = v2l;
			v2l = t;
		}
	};

	v3h = (v3h ^ bh) >>> 0;
	v3l = (v3l ^ bl) >>> 0;
	rounds(1);
	v0h = (v0h ^ bh) >>> 0;
	v0l = (v0l ^ bl) >>> 0;
	v2l = (v2l ^ 0xff) >>> 0;
	rounds(3);
	// (v0 ^ v1) ^ (v2 ^ v3), truncated to the low 32 bits.
	return (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
}
