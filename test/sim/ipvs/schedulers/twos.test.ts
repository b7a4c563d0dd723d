import {describe, expect, it} from 'vitest';
import {lab, nameOf, OLD} from './helpers';

function service(weights: Record<string, number>, opts: Parameters<typeof lab>[1] = {}) {
	const t = lab(undefined, opts);
	t.service('twos');
	for (const [name, w] of Object.entries(weights)) t.add(name, w);
	return t;
}

/** A random source that returns the given numbers in order. */
function draws(...values: number[]): () => number {
	return () => {
		const v = values.shift();
		if (v === undefined) throw new Error('no more draws');
		return v;
	};
}

describe('twos', () => {
	it('picks two servers by weighted draws and keeps the second when it is less loaded', () => {
		// List C (3), B (2), A (1); draws mod 7.
		const t = service({A: 1, B: 2, C: 3}, {rng: draws(2, 5, 9, 12)});
		t.dest('C')!.activeConns = 1;
		// r1 = 2: C (2-3 <= 0). r2 = 5: B (5-3-2 <= 0). 2*256 > 3*0: B.
		expect(nameOf(t.pick())).toBe('B');
		// r1 = 9 % 7 = 2: C; r2 = 12 % 7 = 5: B; now B is busier: 2*256 > 3*512 is false, C.
		t.dest('B')!.activeConns = 2;
		expect(nameOf(t.pick())).toBe('C');
	});

	it('uses the inclusive range [0, sum of weights], so the first server gets one extra share', () => {
		const t = service({A: 1, B: 2, C: 3}, {seed: 7});
		const n = 7000;
		const seen: Record<string, number> = {A: 0, B: 0, C: 0};
		// No load anywhere: pick 1 always stays, so the share is that of the first draw.
		for (let i = 0; i < n; i++) seen[nameOf(t.pick())]!++;
		expect(seen.C! / n).toBeCloseTo(4 / 7, 1);
		expect(seen.B! / n).toBeCloseTo(2 / 7, 1);
		expect(seen.A! / n).toBeCloseTo(1 / 7, 1);
	});

	it('replays the same choices for the same seed', () => {
		const run = (seed: number) => {
			const t = service({A: 1, B: 2, C: 3}, {seed});
			return Array.from({length: 40}, () => {
				const d = t.pick()!;
				d.activeConns++;
				return nameOf(d);
			}).join('');
		};
		expect(run(11)).toBe(run(11));
		expect(run(11)).not.toBe(run(12));
	});

	it('never draws quiescent or overloaded servers and draws nothing when none is usable', () => {
		let calls = 0;
		const t = service({A: 0, B: 5, C: 2}, {
			rng: () => {
				calls++;
				return calls * 7919;
			},
		});
		t.dest('C')!.overloaded = true;
		expect(t.picks(5)).toBe('B B B B B');
		t.edit('B', 0);
		const before = calls;
		expect(t.pick()).toBeNull();
		expect(calls).toBe(before);
	});

	it('explains both draws', () => {
		const t = service({A: 1, B: 2, C: 3}, {rng: draws(2, 5)});
		t.dest('C')!.activeConns = 1;
		const {trace} = t.traced();
		expect(trace.notes.map((n) => n.en)).toEqual(['random picks r1 = 2, r2 = 5 (mod 7)', '2*256 > 3*0: pick 2 wins']);
		expect(trace.steps.map((s) => `${nameOf(s.dest)}:${s.verdict}:${s.detail?.en ?? ''}`)).toEqual([
			'C:lost:weight 3, overhead 1*256+0 = 256 (pick 1)',
			'B:chosen:weight 2, overhead 0*256+0 = 0 (pick 2)',
			'A:not-reached:',
		]);
	});

	it('does not exist on 2.6 kernels', () => {
		expect(() => lab(OLD).service('twos')).toThrow('ENOENT');
	});
});
