import {RateHistory} from '../../lab/history';
import type {Lab} from '../../lab/lab';
import {connectionTable, takeSnapshot, type ConnTableView, type LabSnapshot} from '../../lab/snapshot';
import {activeDirector} from '../../lab/cluster-view';
import {MSEC, SEC} from '../../sim/time';

/** Whether anything the screen draws differs between two snapshots (parts are shared when unchanged). */
function visiblyDifferent(a: LabSnapshot, b: LabSnapshot): boolean {
	return (
		Math.floor(a.now / (100 * MSEC)) !== Math.floor(b.now / (100 * MSEC)) ||
		a.hosts !== b.hosts ||
		a.vips !== b.vips ||
		a.services !== b.services ||
		a.servers !== b.servers ||
		a.nodes !== b.nodes ||
		a.director !== b.director ||
		a.totalRate !== b.totalRate ||
		a.rateSeries !== b.rateSeries ||
		a.loadSeries !== b.loadSeries ||
		a.connections !== b.connections ||
		a.events !== b.events
	);
}

/** Speeds the screen's keys step through. */
export const SPEEDS = [1, 2, 5, 10, 20, 50] as const;

export interface ClockView {
	readonly paused: boolean;
	/** Virtual seconds per real second. */
	readonly speed: number;
}

/** What the lab screen renders: an engine snapshot plus the clock's settings. */
export interface LiveView {
	readonly snapshot: LabSnapshot;
	readonly clock: ClockView;
}

/** Real-time services the store needs; tests pass fake ones. */
export interface Timers {
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
	now: () => performance.now(),
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LabStoreOptions {
	/** Shortest time between two published snapshots (ms): 50 = at most 20 per second. */
	readonly publishMs?: number;
	/** The connection table is read at most this often (ms): it can be large. */
	readonly connectionsMs?: number;
	/** Rows of the connection table to keep. */
	readonly connectionRows?: number;
	/** Longest real time one tick may cover (ms): after a stall the clock does not leap. */
	readonly maxTickMs?: number;
	readonly timers?: Timers;
	readonly speed?: number;
	readonly paused?: boolean;
}

/**
 * Drives a lab's world in real time × speed and publishes snapshots for the
 * screen (`useSyncExternalStore`). The engine stays outside React: the store
 * advances it on a timer, and republishes only when the world's revision or the
 * clock settings changed, at most once per `publishMs`. While paused no timer
 * runs at all, so an idle lab costs no CPU.
 */
export class LabStore {
	readonly history: RateHistory;
	private view: LiveView;
	private readonly listeners = new Set<() => void>();
	private clock: ClockView;
	private tickTimer: unknown;
	private publishTimer: unknown;
	private lastTick = 0;
	private lastPublish = -Infinity;
	private lastConnections = -Infinity;
	private connections: ConnTableView | undefined;
	private published = {revision: -1, clock: undefined as ClockView | undefined};
	private readonly timers: Timers;
	private readonly publishMs: number;
	private readonly connectionsMs: number;
	private readonly connectionRows: number;
	private readonly maxTickMs: number;
	private disposed = false;
	private connectionsStale = false;

	constructor(
		readonly lab: Lab,
		options: LabStoreOptions = {},
	) {
		this.timers = options.timers ?? realTimers;
		this.publishMs = options.publishMs ?? 50;
		this.connectionsMs = options.connectionsMs ?? 250;
		this.connectionRows = options.connectionRows ?? 30;
		this.maxTickMs = options.maxTickMs ?? 250;
		this.clock = {paused: options.paused ?? false, speed: options.speed ?? 1};
		this.history = new RateHistory(lab.world);
		this.view = {snapshot: this.build(true), clock: this.clock};
		this.published = {revision: lab.world.revision, clock: this.clock};
		this.lastPublish = this.timers.now();
		if (!this.clock.paused) this.startTicking();
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getView = (): LiveView => this.view;

	get clockView(): ClockView {
		return this.clock;
	}

	pause(): void {
		this.setClock({...this.clock, paused: true});
	}

	resume(): void {
		this.setClock({...this.clock, paused: false});
	}

	togglePause(): void {
		this.setClock({...this.clock, paused: !this.clock.paused});
	}

	setSpeed(speed: number): void {
		this.setClock({...this.clock, speed});
	}

	/** Next speed up (+1) or down (-1) in SPEEDS. */
	changeSpeed(direction: 1 | -1): void {
		const current = this.clock.speed;
		const next = direction > 0 ? SPEEDS.find((s) => s > current) : [...SPEEDS].reverse().find((s) => s < current);
		if (next !== undefined) this.setSpeed(next);
	}

	/** Lets `seconds` of virtual time pass at once (the screen's step key). */
	step(seconds: number): void {
		this.lab.world.advance(Math.round(seconds * SEC));
		this.publish(true);
	}

	/** A command ran: publish soon (within the rate limit) with a freshly read connection table. */
	refresh(): void {
		this.connectionsStale = true;
		this.publish(false);
	}

	dispose(): void {
		this.disposed = true;
		this.stopTicking();
		if (this.publishTimer !== undefined) this.timers.clearTimeout(this.publishTimer);
		this.publishTimer = undefined;
		this.listeners.clear();
	}

	private setClock(clock: ClockView): void {
		if (clock.paused === this.clock.paused && clock.speed === this.clock.speed) return;
		const wasPaused = this.clock.paused;
		this.clock = clock;
		if (wasPaused && !clock.paused) this.startTicking();
		if (!wasPaused && clock.paused) this.stopTicking();
		this.publish(true);
	}

	private startTicking(): void {
		if (this.disposed || this.tickTimer !== undefined) return;
		this.lastTick = this.timers.now();
		this.tickTimer = this.timers.setTimeout(this.tick, this.publishMs);
	}

	private stopTicking(): void {
		if (this.tickTimer !== undefined) this.timers.clearTimeout(this.tickTimer);
		this.tickTimer = undefined;
	}

	private tick = (): void => {
		this.tickTimer = undefined;
		if (this.clock.paused || this.disposed) return;
		const now = this.timers.now();
		const elapsed = Math.min(now - this.lastTick, this.maxTickMs);
		this.lastTick = now;
		this.lab.world.advance(Math.round(elapsed * MSEC * this.clock.speed));
		this.publish(false);
		// Keep a steady cadence: the work this tick did counts towards the wait for the next.
		const spent = this.timers.now() - now;
		this.tickTimer = this.timers.setTimeout(this.tick, Math.max(1, this.publishMs - spent));
	};

	/** Republishes when the world or the clock changed; `now` skips the rate limit. */
	private publish(now: boolean): void {
		if (this.disposed) return;
		const revision = this.lab.world.revision;
		if (revision === this.published.revision && this.clock === this.published.clock) return;
		const t = this.timers.now();
		// A few ms of slack: the tick timer itself fires every publishMs, give or take.
		if (!now && t - this.lastPublish < this.publishMs - 5) {
			// Too soon: publish once the interval is over (one timer, however many changes).
			this.publishTimer ??= this.timers.setTimeout(() => {
				this.publishTimer = undefined;
				this.publish(false);
			}, this.publishMs - (t - this.lastPublish));
			return;
		}
		if (this.publishTimer !== undefined) {
			this.timers.clearTimeout(this.publishTimer);
			this.publishTimer = undefined;
		}
		this.lastPublish = t;
		const before = this.view.snapshot;
		const snapshot = revision === this.published.revision ? before : this.build(now);
		const clockChanged = this.clock !== this.published.clock;
		this.published = {revision, clock: this.clock};
		// Only the clock moved, by less than the tenth of a second the status bar shows:
		// keep the new snapshot without waking the screen (no React render, no Ink frame).
		if (!clockChanged && !visiblyDifferent(before, snapshot)) {
			this.view = {snapshot, clock: this.clock};
			return;
		}
		this.view = {snapshot, clock: this.clock};
		for (const l of this.listeners) l();
	}

	private build(fresh: boolean): LabSnapshot {
		const t = this.timers.now();
		// The connection table is read at most every connectionsMs (or right after a command).
		if (fresh || this.connectionsStale || this.connections === undefined || t - this.lastConnections >= this.connectionsMs) {
			this.connectionsStale = false;
			this.connections = connectionTable(this.lab.world, activeDirector(this.lab.world), this.connectionRows);
			this.lastConnections = t;
		}
		this.history.update();
		return takeSnapshot(this.lab.world, {history: this.history, connections: this.connections, previous: this.view?.snapshot});
	}
}
