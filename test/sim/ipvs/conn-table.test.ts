import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {CF_INACTIVE, ConnTable, FWD_ROUTE, P_TCP} from '../../../source/sim/ipvs/conn-table';

const SEC = 1_000_000;

function entry(t: ConnTable, cport: number): number {
	return t.add(P_TCP, 0x0a0000c8, cport, 0x0a000064, 80, 0x0a00000b, 80, CF_INACTIVE, FWD_ROUTE);
}

describe('the connection table', () => {
	it('expires entries in due order across timeouts, and re-armed ones at their new time', () => {
		const t = new ConnTable(1);
		const a = entry(t, 1000);
		const b = entry(t, 1001);
		const c = entry(t, 1002);
		t.arm(a, 60 * SEC, 0); // SYN_RECV
		t.arm(b, 120 * SEC, 0); // FIN_WAIT
		t.arm(c, 60 * SEC, 0);
		t.arm(a, 900 * SEC, 1 * SEC); // moved on to ESTABLISHED
		t.arm(c, 60 * SEC, 30 * SEC); // re-armed in place (same timeout)
		const fired: Array<[number, number]> = [];
		const run = (now: number) =>
			t.runTimers(now, (slot) => {
				fired.push([slot, now]);
				t.remove(slot);
			});
		run(59 * SEC);
		expect(fired).toEqual([]);
		// a's SYN_RECV record is stale and skipped; c's record wakes up at 60 s and
		// finds it was pushed back to 90 s.
		expect(t.nextDue()).toBe(60 * SEC);
		run(60 * SEC);
		expect(fired).toEqual([]);
		expect(t.nextDue()).toBe(90 * SEC);
		run(90 * SEC);
		expect(fired).toEqual([[c, 90 * SEC]]);
		run(120 * SEC);
		expect(fired).toEqual([
			[c, 90 * SEC],
			[b, 120 * SEC],
		]);
		expect(t.nextDue()).toBe(901 * SEC);
		t.remove(a);
		expect(t.nextDue()).toBe(Infinity);
		expect(t.count).toBe(0);
	});

	it('keeps timers in order whatever the arm sequence (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.record({port: fc.integer({min: 0, max: 7}), timeout: fc.constantFrom(2, 10, 60, 120), dt: fc.integer({min: 0, max: 30})}), {maxLength: 60}), (ops) => {
				const t = new ConnTable(7);
				const slots = new Map<number, number>();
				let now = 0;
				for (const op of ops) {
					now += op.dt * SEC;
					t.runTimers(now, (slot) => {
						for (const [port, s] of slots) if (s === slot) slots.delete(port);
						t.remove(slot);
					});
					let s = slots.get(op.port);
					if (s === undefined) {
						s = entry(t, op.port);
						slots.set(op.port, s);
					}
					t.arm(s, op.timeout * SEC, now);
				}
				// Every live entry expires exactly at its last arm time plus timeout, in that order.
				const want = [...slots.values()].map((s) => t.expires[s]!).sort((x, y) => x - y);
				const got: number[] = [];
				for (const due of want) {
					t.runTimers(due, (slot) => {
						got.push(due);
						expect(t.expires[slot]).toBe(due);
						t.remove(slot);
					});
				}
				expect(got).toEqual(want);
				expect(t.count).toBe(0);
			}),
		);
	});

	it('lists bucket by bucket, newest first within a bucket, with a seed-dependent hash', () => {
		const t = new ConnTable(12345);
		const ports = Array.from({length: 200}, (_, i) => 40000 + i);
		for (const p of ports) entry(t, p);
		const order = [...t.slots()].map((s) => t.cport[s]!);
		expect(order.sort()).toEqual([...ports].sort());
		const listed = [...t.slots()];
		const buckets = listed.map((s) => t.bucket(P_TCP, t.caddr[s]!, t.cport[s]!));
		expect([...buckets].sort((x, y) => x - y)).toEqual(buckets);
		// Within one bucket, later additions come first.
		for (let i = 1; i < listed.length; i++) if (buckets[i] === buckets[i - 1]) expect(listed[i]!).toBeLessThan(listed[i - 1]!);
		expect(new ConnTable(54321).bucket(P_TCP, 0x0a0000c8, 40000)).not.toBe(t.bucket(P_TCP, 0x0a0000c8, 40000));
	});

	it('finds entries by client tuple and forgets removed ones', () => {
		const t = new ConnTable(1);
		const a = entry(t, 5000);
		expect(t.find(P_TCP, 0x0a0000c8, 5000, 0x0a000064, 80)).toBe(a);
		expect(t.find(P_TCP, 0x0a0000c8, 5001, 0x0a000064, 80)).toBe(-1);
		expect(t.findOut(P_TCP, 0x0a00000b, 80, 0x0a0000c8, 5000)).toBe(a);
		const gen = t.gen[a]!;
		t.arm(a, SEC, 0);
		expect(t.alive(a, gen)).toBe(true);
		t.remove(a);
		expect(t.alive(a, gen)).toBe(false);
		expect(t.find(P_TCP, 0x0a0000c8, 5000, 0x0a000064, 80)).toBe(-1);
	});
});
