import {describe, expect, it} from 'vitest';
import {lab, MODERN, OLD} from './helpers';

function built(release: string, weights: Record<string, number>) {
	const t = lab(release);
	t.service('wrr');
	for (const [name, w] of Object.entries(weights)) t.add(name, w);
	return t;
}

/** The same servers, but wrr starts (init_service) with all of them in place. */
function switched(release: string, weights: Record<string, number>) {
	const t = lab(release);
	t.service('rr');
	for (const [name, w] of Object.entries(weights)) t.add(name, w);
	t.reschedule('wrr');
	return t;
}

describe('wrr', () => {
	describe('2.6 (cw starts at 0 and drops to the maximum at the list head)', () => {
		it('gives the reference sequences from the first pick', () => {
			expect(built(OLD, {A: 4, B: 3, C: 2}).picks(18)).toBe('A B A C B A C B A A B A C B A C B A');
			expect(built(OLD, {A: 4, B: 2}).picks(6)).toBe('A B A A B A');
			expect(built(OLD, {A: 5, B: 1}).picks(12)).toBe('A A A A B A A A A A B A');
			expect(built(OLD, {A: 1, B: 1, C: 0}).picks(4)).toBe('B A B A');
		});
	});

	describe('3.10+ (mw = max - (gcd - 1), cw kept across changes)', () => {
		it('gives the reference sequences when the scheduler starts with all servers present', () => {
			expect(switched(MODERN, {A: 4, B: 3, C: 2}).picks(18)).toBe('A B A C B A C B A A B A C B A C B A');
			expect(switched(MODERN, {A: 4, B: 2}).picks(6)).toBe('A B A A B A');
			expect(switched(MODERN, {A: 5, B: 1}).picks(12)).toBe('A A A A B A A A A A B A');
			expect(switched(MODERN, {A: 1, B: 1, C: 0}).picks(4)).toBe('B A B A');
		});

		it('starts with a cw = 1 pass when the servers were added one by one to an empty service', () => {
			// -A leaves cw = mw = 0; -a A -w 4 sets cw = mw = 1, and the later adds keep it.
			// The first pass takes everyone with weight >= 1, then the usual cycle follows.
			expect(built(MODERN, {A: 4, B: 3, C: 2}).picks(12)).toBe('C B A A B A C B A C B A');
			expect(built(MODERN, {A: 4, B: 2}).picks(6)).toBe('B A A B A A');
			expect(built(MODERN, {A: 5, B: 1}).picks(8)).toBe('B A A A A A B A');
		});
	});

	for (const release of [MODERN, OLD]) {
		it(`never picks weight 0 and fails when every weight is 0 (${release})`, () => {
			const t = built(release, {A: 0, B: 2, C: 0});
			expect(t.picks(5)).toBe('B B B B B');
			t.edit('B', 0);
			expect(t.pick()).toBeNull();
			t.edit('C', 3);
			expect(t.picks(2)).toBe('C C');
		});

		it(`skips overloaded servers and fails when all are overloaded (${release})`, () => {
			const t = built(release, {A: 2, B: 1});
			t.dest('A')!.overloaded = true;
			expect(t.picks(4)).toBe('B B B B');
			t.dest('B')!.overloaded = true;
			expect(t.picks(2)).toBe('- -');
			t.dest('A')!.overloaded = false;
			expect(t.picks(3)).toBe('A A A');
		});

		it(`has nothing to give an empty service (${release})`, () => {
			const t = lab(release);
			t.service('wrr');
			expect(t.pick()).toBeNull();
		});
	}

	it('on 2.6 can give up one round early when its last pick became overloaded', () => {
		// The 2.6 loop stops when it is back at its starting entry with cw == gcd,
		// even if an entry after it was only checked at a higher cw in this call.
		for (const [release, first, second] of [
			[OLD, 'A', '-'],
			[MODERN, 'A', 'C'],
		] as const) {
			const t = built(release, {C: 1, A: 2});
			expect(t.picks(1)).toBe(first);
			t.dest('A')!.overloaded = true;
			expect(t.picks(1)).toBe(second);
			expect(t.picks(1)).toBe('C');
		}
	});

	it('continues differently after a delete on 2.6 and on modern kernels', () => {
		const old = built(OLD, {A: 4, B: 3, C: 2});
		expect(old.picks(4)).toBe('A B A C');
		old.del('C');
		// cw = 2 is kept and the walk restarts at the head with cw - 1.
		expect(old.picks(10)).toBe('B A A B A B A B A A');

		const modern = built(MODERN, {A: 4, B: 3, C: 2});
		expect(modern.picks(4)).toBe('C B A A');
		modern.del('C');
		// cw = 4 is kept; the walk restarts at the head.
		expect(modern.picks(10)).toBe('A B A B A B A A B A');
	});

	it('rounds cw onto the new gcd grid after an edit on modern kernels', () => {
		const t = switched(MODERN, {A: 4, B: 3, C: 2});
		expect(t.picks(5)).toBe('A B A C B');
		t.edit('B', 2);
		// gcd 2, mw = 4 - 1 = 3; cw 3 stays (3/2)*2 + 1 = 3.
		expect(t.picks(10)).toBe('A C B A A C B A A C');
	});

	it('explains the current weight, its maximum and the gcd step', () => {
		const t = switched(MODERN, {A: 4, B: 3, C: 2});
		t.pick();
		const trace = t.traced().trace;
		expect(trace.scheduler).toBe('wrr');
		expect(trace.notes[0]!.en).toBe('start: cw=4 mw=4 gcd=1, after 10.0.0.1:80');
		expect(trace.notes[1]!.en).toBe('end of list: cw=3 mw=4 gcd=1');
		expect(trace.steps.map((s) => s.detail?.en ?? '')).toEqual(['weight 2 < cw 3', 'weight 3 >= cw 3', '']);
	});
});
