import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {EventHeap} from '../../../source/sim/traffic/event-heap';
import {EventWheel} from '../../../source/sim/traffic/event-wheel';

describe('the engine\'s event queues', () => {
	it('the timing wheel pops in exactly the heap\'s (time, insertion) order, near and far events mixed', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({pop: fc.boolean(), delay: fc.oneof(fc.integer({min: 0, max: 500}), fc.integer({min: 0, max: 300_000})), kind: fc.integer({min: 1, max: 9})}), {maxLength: 300}),
				(ops) => {
					const wheel = new EventWheel<number>();
					const heap = new EventHeap<number>();
					let now = 0;
					let id = 0;
					const got: number[] = [];
					const want: number[] = [];
					for (const op of ops) {
						if (op.pop && heap.size > 0) {
							heap.pop();
							wheel.pop();
							expect(wheel.popTime).toBe(heap.popTime);
							want.push(heap.popItem!);
							got.push(wheel.popItem!);
							now = heap.popTime;
						} else {
							wheel.push(now + op.delay, op.kind, 0, id);
							heap.push(now + op.delay, op.kind, 0, id);
							id++;
						}
						expect(wheel.peekTime()).toBe(heap.peekTime());
					}
					while (heap.size > 0) {
						heap.pop();
						wheel.pop();
						want.push(heap.popItem!);
						got.push(wheel.popItem!);
					}
					expect(got).toEqual(want);
					expect(wheel.size).toBe(0);
				},
			),
		);
	});
});
