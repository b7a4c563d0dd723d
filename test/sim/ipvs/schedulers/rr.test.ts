import {describe, expect, it} from 'vitest';
import {lab, MODERN, nameOf, OLD, verdicts} from './helpers';

function abc(release: string) {
	const t = lab(release);
	t.service('rr');
	t.add('A');
	t.add('B');
	t.add('C');
	return t;
}

describe('rr', () => {
	for (const release of [MODERN, OLD]) {
		it(`walks the list newest first (${release})`, () => {
			// -a A, -a B, -a C: the list is C, B, A.
			expect(abc(release).picks(7)).toBe('C B A C B A C');
		});

		it(`skips quiescent and overloaded servers and fails when none is left (${release})`, () => {
			const t = abc(release);
			t.edit('B', 0);
			expect(t.picks(4)).toBe('C A C A');
			t.dest('C')!.overloaded = true;
			expect(t.picks(3)).toBe('A A A');
			t.edit('A', 0);
			expect(t.pick()).toBeNull();
		});
	}

	it('has nothing to give an empty service', () => {
		const t = lab();
		t.service('rr');
		expect(t.pick()).toBeNull();
	});

	describe('after -a/-e/-d', () => {
		it('2.6 restarts at the list head on every change', () => {
			let t = abc(OLD);
			expect(t.picks(2)).toBe('C B');
			t.edit('A', 1);
			expect(t.picks(3)).toBe('C B A');

			t = abc(OLD);
			expect(t.picks(2)).toBe('C B');
			t.add('D');
			expect(t.picks(5)).toBe('D C B A D');

			t = abc(OLD);
			expect(t.picks(2)).toBe('C B');
			t.del('B');
			expect(t.picks(3)).toBe('C A C');
		});

		it('modern kernels keep the position on add and edit', () => {
			let t = abc(MODERN);
			expect(t.picks(2)).toBe('C B');
			t.edit('A', 1);
			expect(t.picks(3)).toBe('A C B');

			t = abc(MODERN);
			expect(t.picks(2)).toBe('C B');
			// D goes to the head, so it comes up after the walk wraps.
			t.add('D');
			expect(t.picks(5)).toBe('A D C B A');
		});

		it('modern kernels move the position to the predecessor of a deleted pick', () => {
			let t = abc(MODERN);
			expect(t.picks(2)).toBe('C B');
			t.del('B');
			// Position goes back to C, so the successor of B comes next.
			expect(t.picks(3)).toBe('A C A');

			t = abc(MODERN);
			expect(t.picks(1)).toBe('C');
			t.del('C');
			// C had no predecessor: back to the head.
			expect(t.picks(3)).toBe('B A B');

			t = abc(MODERN);
			expect(t.picks(1)).toBe('C');
			t.del('A');
			expect(t.picks(3)).toBe('B C B');
		});
	});

	it('explains the position and every server it looked at', () => {
		const t = abc(MODERN);
		t.pick();
		t.edit('B', 0);
		const {dest, trace} = t.traced();
		expect(nameOf(dest)).toBe('A');
		expect(trace.scheduler).toBe('rr');
		expect(trace.rule?.en).toContain('weight > 0');
		expect(trace.notes[0]!.en).toBe('rr position: 10.0.0.3:80 (entry 1 of 3)');
		expect(verdicts(trace)).toEqual(['B:skipped-weight', 'A:chosen', 'C:not-reached']);
		expect(trace.steps[0]!.detail?.en).toBe('weight 0');
	});
});
