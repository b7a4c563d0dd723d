import {describe, expect, it} from 'vitest';
import {LabStore, type Timers} from '../../../source/ui/live/lab-store';
import {SEC} from '../../../source/sim/time';
import {labOn, sandboxWorld} from '../helpers/worlds';

/** Manual clock: timers fire only when the test moves time. */
class FakeTimers implements Timers {
	time = 0;
	private queue: Array<{at: number; fn: () => void; id: number}> = [];
	private ids = 0;
	now = () => this.time;
	setTimeout = (fn: () => void, ms: number) => {
		const id = ++this.ids;
		this.queue.push({at: this.time + ms, fn, id});
		return id;
	};
	clearTimeout = (id: unknown) => {
		this.queue = this.queue.filter((t) => t.id !== id);
	};
	get pending() {
		return this.queue.length;
	}
	advance(ms: number) {
		const end = this.time + ms;
		for (;;) {
			this.queue.sort((a, b) => a.at - b.at);
			const next = this.queue[0];
			if (!next || next.at > end) break;
			this.queue.shift();
			this.time = Math.max(this.time, next.at);
			next.fn();
		}
		this.time = end;
	}
}

function setup(options: {speed?: number; paused?: boolean} = {}) {
	const timers = new FakeTimers();
	const lab = labOn(sandboxWorld());
	const store = new LabStore(lab, {timers, ...options});
	let published = 0;
	store.subscribe(() => published++);
	return {timers, lab, store, published: () => published};
}

describe('the lab store (clock driver and snapshot publisher)', () => {
	it('advances virtual time at real time × speed', () => {
		const {timers, lab, store} = setup({speed: 10});
		timers.advance(1000);
		expect(lab.world.now).toBe(10 * SEC);
		store.setSpeed(50);
		timers.advance(200);
		expect(lab.world.now).toBe(20 * SEC);
		expect(store.getView().snapshot.now).toBe(20 * SEC);
	});

	it('publishes at most 20 snapshots per second however fast the world changes', () => {
		const {timers, lab, published} = setup();
		// The world changes every millisecond of virtual time.
		lab.world.every(1000, () => lab.world.log('lab', 'tick'));
		timers.advance(2000);
		expect(published()).toBeGreaterThanOrEqual(38);
		expect(published()).toBeLessThanOrEqual(40);
	});

	it('wakes the screen only when something it draws changed: an idle cluster at 1× redraws 10 times a second', () => {
		const {timers, published} = setup();
		timers.advance(5000);
		// The clock shows tenths of a second; nothing else moves in an idle sandbox.
		expect(published()).toBeGreaterThanOrEqual(48);
		expect(published()).toBeLessThanOrEqual(51);
	});

	it('runs no timer at all while paused, and publishes nothing when nothing changes', () => {
		const {timers, lab, store, published} = setup();
		timers.advance(100);
		store.pause();
		const before = published();
		const now = lab.world.now;
		expect(timers.pending).toBe(0);
		timers.advance(60_000);
		expect(lab.world.now).toBe(now);
		expect(published()).toBe(before);
		expect(store.getView().clock).toEqual({paused: true, speed: 1});
	});

	it('steps while paused and resumes where it stopped', () => {
		const {timers, lab, store} = setup({paused: true});
		store.step(1);
		expect(lab.world.now).toBe(SEC);
		expect(store.getView().snapshot.now).toBe(SEC);
		store.resume();
		timers.advance(500);
		expect(lab.world.now).toBe(1.5 * SEC);
	});

	it('does not leap after a stall: one tick covers at most 250 ms', () => {
		const {timers, lab, store} = setup();
		// Simulates the event loop being blocked for 5 s: the next tick sees a huge gap.
		timers.time += 5000;
		timers.advance(50);
		expect(lab.world.now).toBeLessThanOrEqual(300 * 1000);
		store.dispose();
	});

	it('steps through the speeds with + and -', () => {
		const {store} = setup();
		store.changeSpeed(1);
		store.changeSpeed(1);
		expect(store.clockView.speed).toBe(5);
		store.changeSpeed(-1);
		expect(store.clockView.speed).toBe(2);
		for (let i = 0; i < 10; i++) store.changeSpeed(1);
		expect(store.clockView.speed).toBe(50);
	});
});
