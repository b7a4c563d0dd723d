import {describe, expect, it} from 'vitest';
import {parseIp} from '../../../../source/sim/net/ipv4';
import {LblcState} from '../../../../source/sim/ipvs/schedulers/lblc';
import {LblcrState} from '../../../../source/sim/ipvs/schedulers/lblcr';
import {MINUTE, SEC} from '../../../../source/sim/time';
import type {Dest} from '../../../../source/sim/ipvs/types';
import {lab, MODERN, nameOf, OLD, VIP, verdicts} from './helpers';

const HOUR = 60 * MINUTE;

function load(d: Dest, active: number, inactive = 0): void {
	d.activeConns = active;
	d.inactConns = inactive;
}

function three(scheduler: string, release = MODERN, sysctl: Record<string, string> = {}) {
	const t = lab(release, {sysctl});
	t.service(scheduler);
	t.add('A', 2);
	t.add('B', 2);
	t.add('C', 2);
	return t;
}

describe('lblc', () => {
	it('sticks to the cached server while it is not overloaded in lblc terms', () => {
		const t = three('lblc');
		expect(nameOf(t.pick())).toBe('C');
		load(t.dest('C')!, 2, 500);
		// Far busier than A and B, but active (2) is not above its weight (2).
		expect(t.picks(3)).toBe('C C C');
		load(t.dest('C')!, 3, 500);
		load(t.dest('A')!, 1);
		load(t.dest('B')!, 1);
		// active > weight, but nobody is under half its weight (1*2 < 2 is false).
		expect(nameOf(t.pick())).toBe('C');
		load(t.dest('A')!, 0);
		// Now A is under half: C is overloaded, wlc picks again and the cache follows.
		expect(t.picks(3)).toBe('A A A');
	});

	it('re-picks when the cached server is quiescent or deleted', () => {
		const t = three('lblc');
		expect(nameOf(t.pick())).toBe('C');
		t.edit('C', 0);
		expect(nameOf(t.pick())).toBe('B');
		t.del('B');
		// C is quiescent, so A.
		expect(nameOf(t.pick())).toBe('A');
	});

	it('finds its server again when it is re-added before the entry is used', () => {
		const t = three('lblc');
		expect(nameOf(t.pick())).toBe('C');
		t.del('C');
		t.add('C', 2);
		load(t.dest('C')!, 0, 5);
		// wlc alone would now pick B; the cache still holds C (the kernel keeps
		// the deleted server in the trash and re-adding revives that object).
		expect(nameOf(t.pick())).toBe('C');
	});

	it('keeps using a cached server whose OVERLOAD flag is set (only fresh picks skip it)', () => {
		const t = three('lblc');
		expect(nameOf(t.pick())).toBe('C');
		t.dest('C')!.overloaded = true;
		expect(nameOf(t.pick())).toBe('C');
		t.edit('C', 0);
		t.edit('C', 2);
		t.dest('C')!.overloaded = true;
		// A new destination address gets a fresh wlc pick, which skips C.
		expect(nameOf(t.pick({daddr: parseIp('192.168.6.241')!}))).toBe('B');
	});

	it('keeps one entry per destination address', () => {
		const t = three('lblc');
		const x = parseIp('10.1.0.1')!;
		const y = parseIp('10.1.0.2')!;
		expect(nameOf(t.pick({daddr: x}))).toBe('C');
		load(t.dest('C')!, 0, 10);
		expect(nameOf(t.pick({daddr: y}))).toBe('B');
		expect(nameOf(t.pick({daddr: x}))).toBe('C');
		expect([...(t.svc().schedState as LblcState).entries.keys()]).toEqual([x, y]);
	});

	it('forgets entries unused for lblc_expiration at the half-hourly full check', () => {
		const t = three('lblc', MODERN, {'net.ipv4.vs.lblc_expiration': '3600'});
		expect(nameOf(t.pick())).toBe('C');
		load(t.dest('C')!, 0, 10);
		t.clock.now = 59 * MINUTE;
		expect(nameOf(t.pick())).toBe('C');
		// Used at 59 min: the 60 and 90 min checks keep it, the 120 min one drops it.
		t.clock.now = 119 * MINUTE;
		expect((t.svc().schedState as LblcState).entries.size).toBe(1);
		t.clock.now = 120 * MINUTE;
		expect(nameOf(t.pick())).toBe('B');
	});

	it('keeps entries for a day by default', () => {
		const t = three('lblc');
		expect(nameOf(t.pick())).toBe('C');
		load(t.dest('C')!, 0, 10);
		const early = three('lblc');
		early.pick();
		load(early.dest('C')!, 0, 10);
		early.clock.now = 24 * HOUR - MINUTE;
		expect(nameOf(early.pick())).toBe('C');
		t.clock.now = 24 * HOUR;
		expect(nameOf(t.pick())).toBe('B');
	});

	it('weighs active connections 50:1 before 2.6.37 and 256:1 after', () => {
		for (const [release, expected] of [
			[OLD, 'A'],
			[MODERN, 'B'],
		] as const) {
			const t = lab(release);
			t.service('lblc');
			t.add('A', 1);
			t.add('B', 1);
			load(t.dest('A')!, 1, 0);
			load(t.dest('B')!, 0, 60);
			expect(nameOf(t.pick())).toBe(expected);
		}
	});

	it('fails when no server is usable', () => {
		const t = three('lblc');
		for (const n of ['A', 'B', 'C']) t.edit(n, 0);
		expect(t.pick()).toBeNull();
	});

	it('explains cache hits and misses', () => {
		const t = three('lblc');
		let {trace} = t.traced();
		expect(trace.notes[0]!.en).toBe('cache: no entry for 192.168.6.240');
		expect(trace.notes.map((n) => n.en)).toContain('cache: 192.168.6.240 -> 10.0.0.3:80 stored');
		t.clock.now = 42 * SEC;
		({trace} = t.traced());
		expect(trace.notes[0]!.en).toBe('cache: 192.168.6.240 -> 10.0.0.3:80, last used 42 s ago');
		expect(verdicts(trace)).toEqual(['C:chosen', 'B:not-reached', 'A:not-reached']);
	});
});

function setOf(t: ReturnType<typeof lab>): string {
	const en = (t.svc().schedState as LblcrState).entries.get(VIP);
	return en ? en.set.map(nameOf).join('') : '';
}

describe('lblcr', () => {
	it('starts a set with the wlc pick and stays within it', () => {
		const t = three('lblcr');
		expect(nameOf(t.pick())).toBe('C');
		expect(setOf(t)).toBe('C');
		load(t.dest('C')!, 1, 100);
		expect(t.picks(2)).toBe('C C');
	});

	it('grows the set when its least loaded member is overloaded', () => {
		const t = three('lblcr');
		t.pick();
		load(t.dest('C')!, 3);
		expect(nameOf(t.pick())).toBe('B');
		expect(setOf(t)).toBe('BC');
		// Inside the set the weighted least loaded member wins.
		load(t.dest('B')!, 2, 0);
		load(t.dest('C')!, 1, 0);
		expect(nameOf(t.pick())).toBe('C');
		expect(setOf(t)).toBe('BC');
	});

	it('drops its most loaded member once the set went unchanged for lblcr_expiration', () => {
		const t = three('lblcr', MODERN, {'net.ipv4.vs.lblcr_expiration': '600'});
		t.pick();
		load(t.dest('C')!, 3);
		t.clock.now = 10 * SEC;
		expect(nameOf(t.pick())).toBe('B');
		load(t.dest('C')!, 1, 0);
		load(t.dest('B')!, 0, 9);
		t.clock.now = 610 * SEC;
		expect(setOf(t)).toBe('BC');
		expect(nameOf(t.pick())).toBe('B');
		expect(setOf(t)).toBe('BC');
		t.clock.now = 611 * SEC;
		expect(nameOf(t.pick())).toBe('B');
		// C (256 vs 9) was the most loaded.
		expect(setOf(t)).toBe('B');
	});

	it('forgets a set unused for lblcr_expiration at the half-hourly full check', () => {
		const t = three('lblcr', MODERN, {'net.ipv4.vs.lblcr_expiration': '600'});
		t.pick();
		load(t.dest('C')!, 0, 10);
		t.clock.now = 29 * MINUTE;
		expect(setOf(t)).toBe('C');
		expect(nameOf(t.pick())).toBe('C');
		t.clock.now = 60 * MINUTE;
		expect(nameOf(t.pick())).toBe('B');
		expect(setOf(t)).toBe('B');
	});

	it('shrinks before it grows on modern kernels, grows then keeps on 2.6', () => {
		for (const [release, set] of [
			[MODERN, 'AB'],
			[OLD, 'ABC'],
		] as const) {
			const t = three('lblcr', release, {'net.ipv4.vs.lblcr_expiration': '600'});
			t.pick();
			load(t.dest('C')!, 3);
			expect(nameOf(t.pick())).toBe('B');
			// Eleven minutes later (past lblcr_expiration, before the first full
			// check at 30 min) B, the least loaded member, is overloaded too.
			load(t.dest('B')!, 3, 0);
			load(t.dest('C')!, 4, 0);
			t.clock.now = 11 * MINUTE;
			expect(nameOf(t.pick())).toBe('A');
			expect(setOf(t)).toBe(set);
		}
	});

	it('skips deleted, quiescent and overloaded members', () => {
		const t = three('lblcr');
		t.pick();
		load(t.dest('C')!, 3);
		t.pick();
		load(t.dest('C')!, 0);
		expect(setOf(t)).toBe('BC');
		t.dest('B')!.overloaded = true;
		expect(nameOf(t.pick())).toBe('C');
		t.edit('C', 0);
		// No usable member left: wlc over the service (B is overloaded, C quiescent).
		expect(nameOf(t.pick())).toBe('A');
		expect(setOf(t)).toBe('ABC');
		t.del('A');
		t.dest('B')!.overloaded = false;
		expect(nameOf(t.pick())).toBe('B');
	});

	it('explains the set', () => {
		const t = three('lblcr');
		t.pick();
		load(t.dest('C')!, 3);
		const {dest, trace} = t.traced();
		expect(nameOf(dest)).toBe('B');
		expect(trace.notes[0]!.en).toBe('cache: set for 192.168.6.240 = [10.0.0.3:80], changed 0 s ago');
		expect(trace.notes[1]!.en).toBe('10.0.0.3:80 is overloaded (active 3 > weight 2): pick from all servers');
		expect(trace.notes[2]!.en).toBe('set now [10.0.0.2:80, 10.0.0.3:80]');
	});
});
