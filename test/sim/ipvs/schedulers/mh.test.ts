import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseIp} from '../../../../source/sim/net/ipv4';
import {hsiphash32} from '../../../../source/sim/ipvs/schedulers/hash';
import {MH_FALLBACK, MH_PORT, MH_TAB_SIZE, MhState} from '../../../../source/sim/ipvs/schedulers/mh';
import {ipOf, lab, nameOf, OLD} from './helpers';
import {hsiphashRef, siphash} from './siphash-reference';

const KEY1 = 2654435761n;
const KEY2 = 2654446892n;

function counts(t: ReturnType<typeof lab>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const d of (t.svc().schedState as MhState).lookup) out[nameOf(d)] = (out[nameOf(d)] ?? 0) + 1;
	return out;
}

function service(weights: Record<string, number>, flags = 0) {
	const t = lab();
	t.service('mh', flags);
	for (const [name, w] of Object.entries(weights)) t.add(name, w);
	return t;
}

describe('hsiphash', () => {
	it('the reference SipHash gives the published SipHash-2-4 vectors', () => {
		const k0 = 0x0706050403020100n;
		const k1 = 0x0f0e0d0c0b0a0908n;
		expect(siphash(2, 4, k0, k1, new Uint8Array([]))).toBe(0x726fdb47dd0e0e31n);
		expect(siphash(2, 4, k0, k1, new Uint8Array([0]))).toBe(0x74f839c593dc67fdn);
	});

	it('the 32-bit-halves SipHash-1-3 matches the reference for any value and key', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 0xffffffff}), fc.bigInt({min: 0n, max: (1n << 64n) - 1n}), (v, k) => {
				const key = {hi: Number(k >> 32n), lo: Number(k & 0xffffffffn)};
				expect(hsiphash32(v, key, key)).toBe(hsiphashRef(v, k));
			}),
		);
	});
});

describe('mh', () => {
	it('fills all 4093 slots, one turn per server and round', () => {
		const t = service({A: 1, B: 1, C: 1});
		// 4093 = 3*1364 + 1: the first server in the list (C) gets the extra slot.
		expect(counts(t)).toEqual({C: 1365, B: 1364, A: 1364});
		expect((t.svc().schedState as MhState).lookup.length).toBe(MH_TAB_SIZE);
	});

	it('gives each server weight/gcd turns per round', () => {
		const t = service({A: 2, B: 4});
		// Turns B 2, A 1: 1364 rounds fill 4092 slots, B takes the last one.
		expect(counts(t)).toEqual({B: 2729, A: 1364});
	});

	it('shifts large weights down to 6 bits (fls(max/gcd) - 6)', () => {
		const t = service({A: 1000, B: 1});
		// 1000 >> 4 = 62 turns for A, B keeps 1 turn because its weight is not 0.
		// 64 rounds of B + 62 A fill 4032 slots; the 65th round gives B 1 and A 60.
		const st = t.svc().schedState as MhState;
		expect(st.rshift).toBe(4);
		expect(counts(t)).toEqual({A: 62 * 64 + 60, B: 65});
	});

	it('puts each server in its preferred slot first: hsiphash(port + addr) with the fixed keys', () => {
		const t = service({A: 1, B: 1});
		const st = t.svc().schedState as MhState;
		// B is first in the list, so it gets its offset slot for sure.
		const offsetB = hsiphashRef(ipOf('B') + 80, KEY1) % MH_TAB_SIZE;
		expect(nameOf(st.lookup[offsetB]!)).toBe('B');
		const offsetA = hsiphashRef(ipOf('A') + 80, KEY1) % MH_TAB_SIZE;
		// A's offset slot is its own unless B already took it; then A moved on by its skip.
		const skipA = (hsiphashRef(ipOf('A') + 80, KEY2) % (MH_TAB_SIZE - 1)) + 1;
		const slotA = offsetA !== offsetB ? offsetA : (offsetA + skipA) % MH_TAB_SIZE;
		expect(nameOf(st.lookup[slotA]!)).toBe('A');
	});

	it('looks clients up by hsiphash(source address) % 4093', () => {
		const t = service({A: 1, B: 1, C: 1});
		const st = t.svc().schedState as MhState;
		for (const ip of ['192.168.1.5', '192.168.1.6', '172.16.9.200', '10.20.30.40']) {
			const saddr = parseIp(ip)!;
			expect(t.pick({saddr})).toBe(st.lookup[hsiphashRef(saddr, KEY1) % MH_TAB_SIZE]);
		}
		const {trace} = t.traced({saddr: parseIp('192.168.1.5')!});
		expect(trace.notes[0]!.en).toBe(`hsiphash(192.168.1.5) % 4093 = slot ${hsiphashRef(parseIp('192.168.1.5')!, KEY1) % MH_TAB_SIZE}`);
	});

	it('adds the source port with mh-port', () => {
		const t = service({A: 1, B: 1, C: 1}, MH_PORT);
		const st = t.svc().schedState as MhState;
		const saddr = parseIp('192.168.1.5')!;
		const seen = new Set<string>();
		for (let sport = 5000; sport < 5030; sport++) {
			const d = t.pick({saddr, sport});
			expect(d).toBe(st.lookup[hsiphashRef(saddr + sport, KEY1) % MH_TAB_SIZE]);
			seen.add(nameOf(d));
		}
		expect(seen.size).toBe(3);
	});

	it('keeps a quiesced server in the table (last weight); only mh-fallback moves its clients', () => {
		for (const flags of [0, MH_FALLBACK]) {
			const t = service({A: 1, B: 1, C: 1}, flags);
			const before = counts(t);
			const saddr = parseIp('192.168.1.5')!;
			const owner = nameOf(t.pick({saddr}));
			t.edit(owner, 0);
			expect(counts(t)).toEqual(before);
			const after = t.pick({saddr});
			if (flags) {
				expect(after).not.toBeNull();
				expect(nameOf(after)).not.toBe(owner);
			} else expect(after).toBeNull();
		}
	});

	it('moves few clients when a server joins (consistent hashing)', () => {
		const t = service({A: 1, B: 1, C: 1});
		const before = [...(t.svc().schedState as MhState).lookup];
		t.add('D', 1);
		const after = (t.svc().schedState as MhState).lookup;
		let toD = 0;
		let reshuffled = 0;
		for (let i = 0; i < MH_TAB_SIZE; i++) {
			if (nameOf(after[i]!) === 'D') toD++;
			else if (after[i] !== before[i]) reshuffled++;
		}
		expect(toD).toBe(1024);
		expect(reshuffled / MH_TAB_SIZE).toBeLessThan(0.1);
	});

	it('has an empty table when every server was added with weight 0', () => {
		const t = service({A: 0, B: 0});
		expect(t.pick()).toBeNull();
		t.edit('A', 3);
		expect(nameOf(t.pick())).toBe('A');
	});

	it('does not exist on 2.6 kernels', () => {
		expect(() => lab(OLD).service('mh')).toThrow('ENOENT');
	});
});
