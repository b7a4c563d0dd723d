import {describe, expect, it} from 'vitest';
import {parseIp} from '../../../../source/sim/net/ipv4';
import {BucketTable} from '../../../../source/sim/ipvs/schedulers/buckets';
import {SH_FALLBACK, SH_PORT} from '../../../../source/sim/ipvs/schedulers/sh';
import {lab, MODERN, nameOf, OLD, verdicts} from './helpers';

/** The old hash by hand: only the low byte survives, times 2654435761 mod 256 = 177. */
function oldHash(x: number, offset = 0): number {
	return (offset + (x & 255) * 177) & 255;
}

/** hash_32(x, 8) by hand, in 64-bit arithmetic. */
function newHash(x: number, offset = 0): number {
	return (offset + Number(((BigInt(x >>> 0) * 0x61c88647n) & 0xffffffffn) >> 24n)) & 255;
}

function table(t: ReturnType<typeof lab>): string {
	const st = t.svc().schedState as BucketTable;
	return st.buckets.map(nameOf).join('');
}

function cba(release: string, scheduler: string, weights: [number, number, number] = [1, 2, 1], flags = 0) {
	const t = lab(release);
	t.service(scheduler, flags);
	t.add('A', weights[0]);
	t.add('B', weights[1]);
	t.add('C', weights[2]);
	return t;
}

const client = (text: string, sport = 40000) => ({saddr: parseIp(text)!, sport});

describe('sh bucket table', () => {
	it('gives each server `weight` consecutive buckets, walking the list (3.3+)', () => {
		const t = cba(MODERN, 'sh', [1, 2, 1]);
		expect(table(t)).toBe('CBBA'.repeat(64));
	});

	it('gives a quiescent server one bucket', () => {
		const t = cba(MODERN, 'sh', [1, 0, 3]);
		expect(table(t).slice(0, 10)).toBe('CCCBACCCBA');
	});

	it('ignores weights on 2.6 kernels (one bucket per server per round)', () => {
		const t = cba(OLD, 'sh', [1, 2, 1]);
		expect(table(t)).toBe('CBA'.repeat(86).slice(0, 256));
	});

	it('is rebuilt on every add, edit and delete', () => {
		const t = cba(MODERN, 'sh', [1, 1, 1]);
		t.edit('B', 2);
		expect(table(t).slice(0, 8)).toBe('CBBACBBA');
		t.del('C');
		expect(table(t).slice(0, 6)).toBe('BBABBA');
		t.add('D', 1);
		expect(table(t).slice(0, 8)).toBe('DBBADBBA');
	});
});

describe('sh lookup', () => {
	it('uses (last octet * 177) & 255 on old kernels', () => {
		const t = cba(OLD, 'sh', [1, 1, 1]);
		for (const ip of ['192.168.1.5', '192.168.1.77', '10.9.8.250']) {
			const h = oldHash(parseIp(ip)!);
			expect(nameOf(t.pick(client(ip)))).toBe('CBA'[h % 3]);
		}
		expect(oldHash(parseIp('192.168.1.5')!)).toBe(117);
		const {trace} = t.traced(client('192.168.1.5'));
		expect(trace.notes[0]!.en).toBe('hash(192.168.1.5) = (5*177) & 255 = 117');
		// Bucket 117 of C B A C B A …: 117 % 3 = 0, C.
		expect(verdicts(trace)).toEqual(['C:chosen', 'B:not-reached', 'A:not-reached']);
	});

	it('uses hash_32(address, 8) on modern kernels', () => {
		const t = cba(MODERN, 'sh', [1, 2, 1]);
		for (const ip of ['192.168.1.5', '192.168.1.77', '10.9.8.250', '172.16.0.1']) {
			const h = newHash(parseIp(ip)!);
			expect(nameOf(t.pick(client(ip)))).toBe('CBBA'[h % 4]);
		}
		const x = parseIp('192.168.1.5')!;
		expect(t.traced(client('192.168.1.5')).trace.notes[0]!.en).toBe(`hash(192.168.1.5) = (hash_32(${x}, 8)) & 255 = ${newHash(x)}`);
	});

	it('keeps a client on one server, and different ports do not matter without sh-port', () => {
		const t = cba(MODERN, 'sh');
		const first = nameOf(t.pick(client('192.168.1.50', 1000)));
		for (let p = 1001; p < 1020; p++) expect(nameOf(t.pick(client('192.168.1.50', p)))).toBe(first);
	});

	it('adds the source port to the key with sh-port', () => {
		const t = cba(MODERN, 'sh', [1, 2, 1], SH_PORT);
		const ip = parseIp('192.168.1.50')!;
		const seen = new Set<string>();
		for (let p = 1000; p < 1020; p++) {
			const d = nameOf(t.pick({saddr: ip, sport: p}));
			expect(d).toBe('CBBA'[newHash(ip + p) % 4]);
			seen.add(d);
		}
		expect(seen.size).toBe(3);
	});

	it('fails for a client whose server is quiescent or overloaded, without sh-fallback', () => {
		const t = cba(MODERN, 'sh', [1, 1, 1]);
		const ip = '192.168.1.5';
		const owner = nameOf(t.pick(client(ip)));
		t.dest(owner)!.overloaded = true;
		expect(t.pick(client(ip))).toBeNull();
		t.dest(owner)!.overloaded = false;
		t.edit(owner, 0);
		// The table was rebuilt with the quiescent server still holding a bucket per round.
		expect(t.pick(client(ip))).toBeNull();
	});

	it('walks the table from the original bucket with sh-fallback (3.13+)', () => {
		const t = cba(MODERN, 'sh', [1, 1, 1], SH_FALLBACK);
		const ip = parseIp('192.168.1.5')!;
		const ihash = newHash(ip);
		const owner = 'CBA'[ihash % 3]!;
		t.dest(owner)!.overloaded = true;
		// Expected by hand: offsets ihash, ihash+1, … mod 256 added to the hash.
		let expected = '';
		for (let off = 0; off < 256 && !expected; off++) {
			const who = 'CBA'[newHash(ip, (off + ihash) % 256) % 3]!;
			if (who !== owner) expected = who;
		}
		expect(nameOf(t.pick({saddr: ip}))).toBe(expected);
		for (const name of ['A', 'B', 'C']) t.dest(name)!.overloaded = true;
		expect(t.pick({saddr: ip})).toBeNull();
	});

	it('adds plain offsets 0, 1, 2… with sh-fallback on 3.11 and 3.12', () => {
		const t = cba('3.12.0', 'sh', [1, 1, 1], SH_FALLBACK);
		const ip = parseIp('192.168.1.5')!;
		const owner = 'CBA'[oldHash(ip) % 3]!;
		t.dest(owner)!.overloaded = true;
		let expected = '';
		for (let off = 0; off < 256 && !expected; off++) {
			const who = 'CBA'[oldHash(ip, off) % 3]!;
			if (who !== owner) expected = who;
		}
		expect(nameOf(t.pick({saddr: ip}))).toBe(expected);
	});

	it('ignores the flags before 3.11', () => {
		const t = cba(OLD, 'sh', [1, 1, 1], SH_FALLBACK | SH_PORT);
		const ip = parseIp('192.168.1.5')!;
		const owner = nameOf(t.pick({saddr: ip, sport: 1}));
		expect(nameOf(t.pick({saddr: ip, sport: 2}))).toBe(owner);
		t.dest(owner)!.overloaded = true;
		expect(t.pick({saddr: ip})).toBeNull();
	});

	it('also requires the server to be AVAILABLE on old kernels', () => {
		// A table entry left behind by a deleted server: the kernel rebuilds the
		// table on delete, so only a stale table shows the difference.
		const ip = parseIp('192.168.1.5')!;
		const old = cba(OLD, 'sh', [1, 1, 1]);
		const oldOwner = old.pick({saddr: ip})!;
		oldOwner.available = false;
		expect(old.pick({saddr: ip})).toBeNull();
		const modern = cba(MODERN, 'sh', [1, 1, 1]);
		const modernOwner = modern.pick({saddr: ip})!;
		modernOwner.available = false;
		expect(modern.pick({saddr: ip})).toBe(modernOwner);
	});

	it('has nothing to give an empty service', () => {
		const t = lab();
		t.service('sh');
		expect(t.pick()).toBeNull();
	});
});

describe('dh', () => {
	it('hashes the destination address; a plain VIP service sends everything to one server', () => {
		const t = cba(OLD, 'dh', [5, 1, 1]);
		// One bucket per server per round, whatever the weights.
		expect(table(t).slice(0, 6)).toBe('CBACBA');
		const h = oldHash(parseIp('192.168.6.240')!);
		expect(h).toBe((240 * 177) & 255);
		const owner = 'CBA'[h % 3];
		const seen = new Set<string>();
		for (let i = 0; i < 20; i++) seen.add(nameOf(t.pick(client(`192.168.1.${i + 1}`, 1000 + i))));
		expect([...seen]).toEqual([owner]);
	});

	it('uses hash_32 on modern kernels and keys on daddr', () => {
		const t = cba(MODERN, 'dh', [1, 1, 1]);
		for (const ip of ['10.1.1.1', '10.1.1.2', '203.0.113.9']) {
			const daddr = parseIp(ip)!;
			expect(nameOf(t.pick({daddr}))).toBe('CBA'[newHash(daddr) % 3]);
		}
	});

	it('has no fallback: an unusable owner means no destination', () => {
		const t = cba(MODERN, 'dh', [1, 1, 1]);
		const owner = t.pick()!;
		owner.overloaded = true;
		expect(t.pick()).toBeNull();
		owner.overloaded = false;
		t.edit(nameOf(owner), 0);
		expect(t.pick()).toBeNull();
		const {trace} = t.traced();
		expect(trace.steps[0]!.verdict).toBe('skipped-weight');
		expect(trace.notes.map((n) => n.en)).toContain('no destination available');
	});
});
