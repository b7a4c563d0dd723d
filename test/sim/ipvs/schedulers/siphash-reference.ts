/**
 * A straightforward BigInt SipHash-c-d, written from the SipHash paper, to
 * check the hi/lo 32-bit implementation the mh scheduler uses.
 */
const M = (1n << 64n) - 1n;

function rotl(x: bigint, b: bigint): bigint {
	return ((x << b) | (x >> (64n - b))) & M;
}

export function siphash(c: number, d: number, k0: bigint, k1: bigint, msg: Uint8Array): bigint {
	let v0 = 0x736f6d6570736575n ^ k0;
	let v1 = 0x646f72616e646f6dn ^ k1;
	let v2 = 0x6c7967656e657261n ^ k0;
	let v3 = 0x7465646279746573n ^ k1;
	const round = () => {
		v0 = (v0 + v1) & M;
		v1 = rotl(v1, 13n) ^ v0;
		v0 = rotl(v0, 32n);
		v2 = (v2 + v3) & M;
		v3 = rotl(v3, 16n) ^ v2;
		v0 = (v0 + v3) & M;
		v3 = rotl(v3, 21n) ^ v0;
		v2 = (v2 + v1) & M;
		v1 = rotl(v1, 17n) ^ v2;
		v2 = rotl(v2, 32n);
	};
	const full = msg.length - (msg.length % 8);
	for (let i = 0; i < full; i += 8) {
		let m = 0n;
		for (let j = 7; j >= 0; j--) m = (m << 8n) | BigInt(msg[i + j]!);
		v3 ^= m;
		for (let r = 0; r < c; r++) round();
		v0 ^= m;
	}
	let b = BigInt(msg.length & 255) << 56n;
	for (let j = msg.length - 1; j >= full; j--) b |= BigInt(msg[j]!) << BigInt(8 * (j - full));
	v3 ^= b;
	for (let r = 0; r < c; r++) round();
	v0 ^= b;
	v2 ^= 0xffn;
	for (let r = 0; r < d; r++) round();
	return v0 ^ v1 ^ v2 ^ v3;
}

/** hsiphash(&u32, 4, key) on a 64-bit kernel: SipHash-1-3, low 32 bits. */
export function hsiphashRef(value: number, key: bigint): number {
	const v = value >>> 0;
	const bytes = new Uint8Array([v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24]);
	return Number(siphash(1, 3, key, key, bytes) & 0xffffffffn);
}
