import type {TimerHandle} from '../event-queue';
import type {IpvsDataPlane} from '../ipvs/data-plane';
import type {Micros} from '../time';
import type {World} from '../world';
import {DelayQueue} from './delay-queue';
import {EventWheel} from './event-wheel';
import {EV_SYN_TIMER, EV_TICK} from './event-kinds';
import type {Flow} from './flow';

/** Something the engine calls back at a time of its choosing (see tickAt). */
export interface Ticker {
	tick(t: Micros): void;
}

/** What an event means for its flow: the engine's handlers, reached through one call site. */
export type Dispatch = (kind: number, stamp: number, flow: Flow, t: Micros) => void;

/**
 * The traffic engine's clock work. Flows' events (an event wheel), fixed-delay
 * timers (one FIFO per delay) and the directors' connection-entry timers all
 * run in time order inside one world timer, moving the world clock forward
 * without a queue entry each. The loop knows nothing of TCP: `dispatch` does.
 */
export class EventLoop {
	private readonly heap = new EventWheel<Flow | Ticker>();
	/** Fixed-delay timers (retransmission, give-up), one FIFO per delay. */
	private readonly timers: DelayQueue<Flow>[] = [];
	private readonly timerByDelay = new Map<number, DelayQueue<Flow>>();
	private armed?: TimerHandle;
	private armedAt = Infinity;
	/** Earliest entry timer or fixed-delay timer, while a batch runs. */
	private side = Infinity;
	/** Batch number: paths cached in a batch are good until the next one starts. */
	epoch = 0;
	/** A batch is running (events queued now are picked up without a world timer). */
	running = false;

	constructor(
		private readonly world: World,
		private readonly dispatch: Dispatch,
	) {}

	private directors(): IpvsDataPlane[] {
		const out: IpvsDataPlane[] = [];
		for (const host of this.world.hosts.values()) {
			const p = host.daemon<IpvsDataPlane>('ipvs-data');
			if (p && host.powered) out.push(p);
		}
		return out;
	}

	push(t: Micros, kind: number, flow: Flow, stamp = flow.gen): void {
		this.heap.push(t, kind, stamp, flow);
		if (!this.running && t < this.armedAt) this.arm();
	}

	/** Calls `ticker.tick(t)` at time `t`, in order with the flows' events. */
	tickAt(t: Micros, ticker: Ticker): void {
		this.heap.push(t, EV_TICK, 0, ticker);
		if (!this.running && t < this.armedAt) this.arm();
	}

	/** A timer `delay` after `t`, cancelled by bumping flow.timerGen. */
	timer(t: Micros, delay: Micros, flow: Flow): void {
		let q = this.timerByDelay.get(delay);
		if (!q) {
			q = new DelayQueue<Flow>();
			this.timerByDelay.set(delay, q);
			this.timers.push(q);
		}
		q.push(t + delay, EV_SYN_TIMER, flow.timerGen, flow);
		if (t + delay < this.side) this.side = t + delay;
		if (!this.running && t + delay < this.armedAt) this.arm();
	}

	/**
	 * A director's entry timer now comes first (connection tables call this):
	 * inside a batch the loop takes it into account, outside one the world timer
	 * is moved earlier (entries created by the sync daemon, for instance).
	 */
	readonly timerEarlier = (due: number): void => {
		if (this.running) {
			if (due < this.side) this.side = due;
		} else if (due < this.armedAt) this.arm();
	};

	private sideTime(planes: readonly IpvsDataPlane[]): number {
		let m = Infinity;
		for (const p of planes) {
			const d = p.nextDue();
			if (d < m) m = d;
		}
		for (const q of this.timers) {
			const d = q.peekTime();
			if (d < m) m = d;
		}
		return m;
	}

	private timersNext(): DelayQueue<Flow> | undefined {
		let best: DelayQueue<Flow> | undefined;
		let bt = Infinity;
		for (const q of this.timers) {
			const t = q.peekTime();
			if (t < bt) {
				bt = t;
				best = q;
			}
		}
		return best;
	}

	private nextTime(): number {
		let t = this.heap.peekTime();
		const q = this.timersNext();
		if (q && q.peekTime() < t) t = q.peekTime();
		for (const p of this.directors()) {
			const d = p.nextDue();
			if (d < t) t = d;
		}
		return t;
	}

	/** Makes sure a world timer fires at the next engine event. */
	arm(): void {
		const t = this.nextTime();
		if (t === this.armedAt && this.armed && !this.armed.cancelled) return;
		this.armed?.cancel();
		this.armed = undefined;
		this.armedAt = Infinity;
		if (t === Infinity) return;
		this.armedAt = t;
		this.armed = this.world.at(t, () => this.fire());
	}

	/** One batch: everything due, in time order, until nothing is left or the world asks to stop. */
	private fire(): void {
		this.armed = undefined;
		this.armedAt = Infinity;
		this.epoch++;
		this.running = true;
		const world = this.world;
		const heap = this.heap;
		const dispatch = this.dispatch;
		try {
			const planes = this.directors();
			for (const p of planes) p.refresh();
			this.side = this.sideTime(planes);
			for (;;) {
				const t = heap.peekTime();
				const side = this.side;
				if (side <= t) {
					if (side === Infinity) break;
					if (side > world.now && !world.fastForward(side)) break;
					const now = world.now;
					for (const p of planes) p.runTimers(now);
					// One due timer at a time: what it does may come before the next one.
					const q = this.timersNext();
					if (q && q.peekTime() <= now) {
						q.pop();
						const flow = q.popItem!;
						if (q.popStamp === flow.timerGen) dispatch(EV_SYN_TIMER, q.popStamp, flow, q.popTime);
					}
					this.side = this.sideTime(planes);
				} else {
					if (t > world.now && !world.fastForward(t)) break;
					heap.pop();
					if (heap.popKind === EV_TICK) (heap.popItem as Ticker).tick(heap.popTime);
					else dispatch(heap.popKind, heap.popStamp, heap.popItem as Flow, heap.popTime);
				}
				if (world.stopRequested) break;
			}
		} finally {
			this.running = false;
		}
		this.arm();
	}

	/** Runs everything due up to now (used before reading state mid-command). */
	settle(): void {
		if (this.armedAt <= this.world.now) this.world.runUntil(this.world.now);
	}
}
