import {describe, expect, it} from 'vitest';
import {lab, nameOf, OLD, verdicts} from './helpers';

function service(scheduler: string, weights: Record<string, number>) {
	const t = lab();
	t.service(scheduler);
	for (const [name, w] of Object.entries(weights)) t.add(name, w);
	return t;
}

describe('fo', () => {
	it('sends everything to the heaviest server, ties to the newest', () => {
		const t = service('fo', {A: 5, B: 3, C: 5});
		expect(t.picks(3)).toBe('C C C');
		t.dest('C')!.activeConns = 1000;
		expect(nameOf(t.pick())).toBe('C');
	});

	it('fails over to the next heaviest when the first is overloaded or quiesced', () => {
		const t = service('fo', {A: 5, B: 3, C: 1});
		t.dest('A')!.overloaded = true;
		expect(nameOf(t.pick())).toBe('B');
		t.edit('B', 0);
		expect(nameOf(t.pick())).toBe('C');
		t.edit('C', 0);
		expect(t.pick()).toBeNull();
		const {trace} = t.traced();
		expect(verdicts(trace)).toEqual(['C:skipped-weight', 'B:skipped-weight', 'A:skipped-overloaded']);
	});

	it('does not exist on 2.6 kernels', () => {
		const t = lab(OLD);
		expect(() => t.service('fo')).toThrow('addService: ENOENT');
	});
});

describe('ovf', () => {
	it('fills the heaviest server up to its weight in active connections, then overflows', () => {
		const t = service('ovf', {A: 2, B: 3});
		expect(nameOf(t.pick())).toBe('B');
		t.dest('B')!.activeConns = 3;
		expect(nameOf(t.pick())).toBe('B');
		t.dest('B')!.activeConns = 4;
		expect(nameOf(t.pick())).toBe('A');
		t.dest('A')!.activeConns = 3;
		expect(t.pick()).toBeNull();
	});

	it('ignores inactive connections and gives ties to the newest', () => {
		const t = service('ovf', {A: 2, B: 2});
		t.dest('B')!.inactConns = 500;
		expect(nameOf(t.pick())).toBe('B');
	});

	it('skips quiescent and overloaded servers', () => {
		const t = service('ovf', {A: 1, B: 0, C: 9});
		t.dest('C')!.overloaded = true;
		expect(nameOf(t.pick())).toBe('A');
		const {trace} = t.traced();
		expect(verdicts(trace)).toEqual(['C:skipped-overloaded', 'B:skipped-weight', 'A:chosen']);
	});
});
