import {describe, expect, it} from 'vitest';
import {EventQueue} from '../../source/sim/event-queue';
import {Rng} from '../../source/sim/rng';

describe('event queue', () => {
	it('pops events by time, then by insertion order, skipping cancelled ones', () => {
		const q = new EventQueue();
		const seen: string[] = [];
		q.push(5, () => seen.push('b'));
		q.push(1, () => seen.push('a'));
		const c = q.push(5, () => seen.push('c'));
		q.push(5, () => seen.push('d'));
		c.cancel();
		expect(q.size).toBe(3);
		for (let e = q.pop(); e; e = q.pop()) e.fn();
		expect(seen).toEqual(['a', 'b', 'd']);
		expect(q.size).toBe(0);
	});

	it('keeps order for many random times', () => {
		const q = new EventQueue();
		const rng = new Rng(7);
		for (let i = 0; i < 2000; i++) q.push(rng.int(100), () => {});
		let last = -1;
		for (let e = q.pop(); e; e = q.pop()) {
			expect(e.at).toBeGreaterThanOrEqual(last);
			last = e.at;
		}
	});
});

describe('rng', () => {
	it('gives the same sequence for the same seed and different ones otherwise', () => {
		const a = new Rng(42);
		const b = new Rng(42);
		const c = new Rng(43);
		const seqA = Array.from({length: 5}, () => a.nextUint32());
		expect(Array.from({length: 5}, () => b.nextUint32())).toEqual(seqA);
		expect(Array.from({length: 5}, () => c.nextUint32())).not.toEqual(seqA);
		expect(new Rng(42).fork('x').next()).toBe(new Rng(42).fork('x').next());
		expect(new Rng(42).fork('x').next()).not.toBe(new Rng(42).fork('y').next());
	});
});
