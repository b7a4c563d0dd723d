import {EventQueue, type TimerHandle} from './event-queue';
import {Host} from './host';
import {Rng} from './rng';
import type {Micros} from './time';
import {Timeline, type EventSource, type EventText} from './timeline';

/** A switch, hub or crossover cable joining interfaces. */
export interface Segment {
	readonly name: string;
	readonly kind: 'switch' | 'hub' | 'crossover';
}

/** Facts about the loaded scenario that tools and the screen need. */
export interface ScenarioInfo {
	readonly name: string;
	readonly title: string;
	/** Host the shell starts on. */
	readonly start: string;
	/** The client PC that curl/ab/load act from. */
	readonly client?: string;
	/** Wall-clock date (ms since the Unix epoch, UTC) at virtual time 0. */
	readonly epoch: number;
	/** The scenario's cluster-wide feature settings (each feature validates its own key). */
	readonly settings?: Readonly<Record<string, unknown>>;
}

/**
 * The whole simulated cluster: virtual clock, event queue, seeded RNG, hosts,
 * network segments and the event timeline. Pure: no wall clock, no I/O.
 */
export class World {
	private time: Micros = 0;
	private readonly queue = new EventQueue();
	readonly hosts = new Map<string, Host>();
	readonly segments = new Map<string, Segment>();
	readonly timeline = new Timeline();
	readonly rng: Rng;
	/** Bumped on every observable change; the screen re-reads snapshots when it moves. */
	revision = 0;
	/** Subsystem state that is cluster-wide rather than per host (e.g. openMosix gossip). */
	readonly features = new Map<string, unknown>();
	/** Target time of the runUntil in progress: how far fastForward may move the clock. */
	private horizon: Micros = 0;
	/** Set by stop(): the runUntil in progress returns after the current event. */
	private stopping = false;

	constructor(
		readonly seed: number,
		readonly scenario: ScenarioInfo,
	) {
		this.rng = new Rng(seed);
	}

	get now(): Micros {
		return this.time;
	}

	/** Runs `fn` after `delay` microseconds of virtual time. */
	after(delay: Micros, fn: () => void): TimerHandle {
		return this.queue.push(this.time + Math.max(0, delay), fn);
	}

	/** Runs `fn` at an absolute virtual time (clamped to now). */
	at(time: Micros, fn: () => void): TimerHandle {
		return this.queue.push(Math.max(this.time, time), fn);
	}

	/**
	 * Runs `fn` every `interval`, first after `firstDelay` (default: one interval).
	 * Returns a handle whose cancel() stops the series.
	 */
	every(interval: Micros, fn: () => void, firstDelay: Micros = interval): TimerHandle {
		let current: TimerHandle;
		let stopped = false;
		const tick = () => {
			if (stopped) return;
			current = this.after(interval, tick);
			fn();
		};
		current = this.after(firstDelay, tick);
		return {
			get at() {
				return current.at;
			},
			get cancelled() {
				return stopped;
			},
			cancel() {
				stopped = true;
				current.cancel();
			},
		};
	}

	/** Advances virtual time by `delta`, running every event due on the way. */
	advance(delta: Micros): void {
		this.runUntil(this.time + Math.max(0, delta));
	}

	/**
	 * Runs events in order until `time` (inclusive), then sets the clock to `time`.
	 * When an event calls stop(), it returns right after that event with the clock
	 * where the event left it (a foreground tool such as ab ends there).
	 * Returns false when it stopped early.
	 */
	runUntil(time: Micros): boolean {
		const savedHorizon = this.horizon;
		this.horizon = time;
		this.stopping = false;
		try {
			for (;;) {
				const next = this.queue.peekTime();
				if (next === undefined || next > time) break;
				const event = this.queue.pop()!;
				this.time = event.at;
				event.fn();
				this.revision++;
				if (this.stopping) return false;
			}
			if (time > this.time) {
				this.time = time;
				this.revision++;
			}
			return true;
		} finally {
			this.horizon = savedHorizon;
			this.stopping = false;
		}
	}

	/** Asks the runUntil in progress to return after the current event. */
	stop(): void {
		this.stopping = true;
	}

	/** True once stop() was called during the current runUntil. */
	get stopRequested(): boolean {
		return this.stopping;
	}

	/**
	 * Moves the clock forward to `t` from inside an event, for a subsystem that
	 * runs its own ordered events (the traffic engine) without one queue entry
	 * each. Refused (false) past the runUntil target, at or after the next queued
	 * event, or once stop() was called, so event order is never broken.
	 */
	fastForward(t: Micros): boolean {
		if (t < this.time) return false;
		if (t === this.time) return !this.stopping;
		if (this.stopping || t > this.horizon) return false;
		const next = this.queue.peekTime();
		if (next !== undefined && next <= t) return false;
		this.time = t;
		return true;
	}

	/** Time of the next pending event (for stepping), if any. */
	nextEventTime(): Micros | undefined {
		return this.queue.peekTime();
	}

	get pendingEvents(): number {
		return this.queue.size;
	}

	host(name: string): Host | undefined {
		return this.hosts.get(name);
	}

	addHost(host: Host): Host {
		this.hosts.set(host.name, host);
		return host;
	}

	/** Records a timeline event at the current virtual time, as `{en, es}` so `events` speaks the learner's language. */
	log(source: EventSource, text: EventText, host?: string): void {
		this.timeline.add(this.time, source, text, host);
		this.revision++;
	}

	feature<T>(key: string, create: () => T): T {
		let value = this.features.get(key) as T | undefined;
		if (value === undefined) {
			value = create();
			this.features.set(key, value);
		}
		return value;
	}
}
