import {describe, expect, it} from 'vitest';
import type {Dest} from '../../../../source/sim/ipvs/types';
import {lab, nameOf, verdicts} from './helpers';

function load(d: Dest, active: number, inactive = 0): void {
	d.activeConns = active;
	d.inactConns = inactive;
}

function service(scheduler: string, weights: Record<string, number>) {
	const t = lab();
	t.service(scheduler);
	for (const [name, w] of Object.entries(weights)) t.add(name, w);
	return t;
}

describe('wlc', () => {
	it('weighs one active connection like 256 inactive ones', () => {
		const t = service('wlc', {A: 1, B: 1});
		load(t.dest('A')!, 1, 0);
		load(t.dest('B')!, 0, 255);
		expect(nameOf(t.pick())).toBe('B');
		load(t.dest('B')!, 0, 257);
		expect(nameOf(t.pick())).toBe('A');
	});

	it('gives ties to the newest server', () => {
		const t = service('wlc', {A: 1, B: 1, C: 1});
		expect(nameOf(t.pick())).toBe('C');
		load(t.dest('C')!, 0, 1);
		expect(nameOf(t.pick())).toBe('B');
		load(t.dest('A')!, 1, 0);
		load(t.dest('B')!, 0, 256);
		load(t.dest('C')!, 0, 256);
		// 256 each: C (first in list) keeps it.
		expect(nameOf(t.pick())).toBe('C');
	});

	it('divides the load by the weight (cross-multiplied, strict >)', () => {
		const t = service('wlc', {A: 3, B: 1});
		load(t.dest('A')!, 2, 0); // 512 / 3
		load(t.dest('B')!, 1, 0); // 256 / 1
		expect(nameOf(t.pick())).toBe('A');
		load(t.dest('A')!, 3, 0); // 768 / 3 = 256 / 1: tie stays with B (newest)
		expect(nameOf(t.pick())).toBe('B');
	});

	it('spreads a burst of new (inactive) connections by inactive count', () => {
		const t = service('wlc', {A: 1, B: 1, C: 1});
		const seq = [];
		for (let i = 0; i < 6; i++) {
			const d = t.pick()!;
			d.inactConns++;
			seq.push(nameOf(d));
		}
		expect(seq.join(' ')).toBe('C B A C B A');
	});

	it('never picks weight 0 or overloaded servers, even idle ones', () => {
		const t = service('wlc', {A: 1, B: 0, C: 1});
		load(t.dest('A')!, 50, 0);
		t.dest('C')!.overloaded = true;
		expect(nameOf(t.pick())).toBe('A');
		t.edit('A', 0);
		expect(t.pick()).toBeNull();
	});

	it('explains the overheads and the cross-multiplied comparisons', () => {
		const t = service('wlc', {A: 2, B: 1, C: 1});
		load(t.dest('A')!, 1, 2);
		load(t.dest('B')!, 3, 1);
		t.dest('C')!.overloaded = true;
		const {dest, trace} = t.traced();
		expect(nameOf(dest)).toBe('A');
		expect(trace.rule?.en).toBe('least (active*256+inactive)/weight: replace least when loh*w(d) > doh*w(least)');
		expect(verdicts(trace)).toEqual(['C:skipped-overloaded', 'B:lost', 'A:chosen']);
		expect(trace.steps[1]!.detail?.en).toBe('overhead 3*256+1 = 769, weight 1');
		expect(trace.steps[2]!.detail?.en).toBe('overhead 1*256+2 = 258, weight 2: 769*2 > 258*1');
	});
});

describe('lc', () => {
	it('takes the least overhead, ignoring weights other than 0', () => {
		const t = service('lc', {A: 10, B: 1});
		load(t.dest('A')!, 1, 0);
		load(t.dest('B')!, 0, 200);
		expect(nameOf(t.pick())).toBe('B');
		t.edit('B', 0);
		expect(nameOf(t.pick())).toBe('A');
		t.dest('A')!.overloaded = true;
		expect(t.pick()).toBeNull();
	});

	it('gives ties to the newest server', () => {
		const t = service('lc', {A: 1, B: 5, C: 1});
		load(t.dest('C')!, 0, 3);
		load(t.dest('B')!, 0, 1);
		load(t.dest('A')!, 0, 1);
		expect(nameOf(t.pick())).toBe('B');
	});
});

describe('sed', () => {
	it('counts only active connections, plus one', () => {
		const t = service('sed', {A: 1, B: 1});
		load(t.dest('A')!, 0, 1000);
		load(t.dest('B')!, 1, 0);
		expect(nameOf(t.pick())).toBe('A');
	});

	it('prefers the server with the shortest expected delay (active+1)/weight', () => {
		const t = service('sed', {A: 1, B: 3});
		// A: (0+1)/1 = 1; B: (2+1)/3 = 1 -> tie, B is newer.
		load(t.dest('B')!, 2);
		expect(nameOf(t.pick())).toBe('B');
		// B: (3+1)/3 > 1.
		load(t.dest('B')!, 3);
		expect(nameOf(t.pick())).toBe('A');
	});

	it('never picks weight 0 or overloaded servers', () => {
		const t = service('sed', {A: 0, B: 1});
		t.dest('B')!.overloaded = true;
		expect(t.pick()).toBeNull();
	});
});

describe('nq', () => {
	it('sends to the first idle server straight away', () => {
		const t = service('nq', {A: 1, B: 100, C: 1});
		load(t.dest('C')!, 1);
		load(t.dest('B')!, 1);
		// sed would pick B ((1+1)/100); nq takes idle A.
		expect(nameOf(t.pick())).toBe('A');
	});

	it('falls back to the shortest expected delay when nobody is idle', () => {
		const t = service('nq', {A: 1, B: 100, C: 1});
		load(t.dest('A')!, 1);
		load(t.dest('B')!, 1);
		load(t.dest('C')!, 1);
		expect(nameOf(t.pick())).toBe('B');
		const {trace} = t.traced();
		expect(verdicts(trace)).toEqual(['C:lost', 'B:chosen', 'A:lost']);
	});

	it('skips idle servers that are quiescent or overloaded', () => {
		const t = service('nq', {A: 1, B: 0, C: 1});
		t.dest('C')!.overloaded = true;
		load(t.dest('A')!, 4);
		expect(nameOf(t.pick())).toBe('A');
		t.edit('A', 0);
		expect(t.pick()).toBeNull();
	});

	it('explains an idle win', () => {
		const t = service('nq', {A: 1, B: 1});
		load(t.dest('B')!, 2);
		const {trace} = t.traced();
		expect(verdicts(trace)).toEqual(['B:lost', 'A:chosen']);
		expect(trace.steps[1]!.detail?.en).toBe('idle: active 0, weight 1');
	});
});
