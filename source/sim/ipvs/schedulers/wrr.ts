import {kernelVersion} from '../era';
import type {Dest, Service} from '../types';
import {beginTrace, destLabel, gcd, traceStep, traceUnseen} from './common';
import type {ScheduleTrace, Scheduler, SchedulerEnv} from './scheduler';
import {say} from './trace-text';

/**
 * The wrr mark: `cl` is the entry picked last (index into `svc.dests`, -1 for
 * the list head), `cw` the current weight threshold, `mw` the starting
 * threshold and `di` the step (gcd of the positive weights).
 */
class WrrState {
	cl = -1;
	clDest: Dest | null = null;
	cw = 0;
	mw = 0;
	di = 1;
}

function gcdWeight(svc: Service): number {
	let g = 0;
	for (const d of svc.dests) if (d.weight > 0) g = g > 0 ? gcd(d.weight, g) : d.weight;
	return g || 1;
}

function maxWeight(svc: Service): number {
	let w = 0;
	for (const d of svc.dests) if (d.weight > w) w = d.weight;
	return w;
}

/** Re-finds `cl` when the list changed without an update call. */
function syncCl(st: WrrState, dests: readonly Dest[]): void {
	if (st.cl >= 0 && dests[st.cl] !== st.clDest) {
		st.cl = st.clDest ? dests.indexOf(st.clDest) : -1;
		if (st.cl < 0) st.clDest = null;
	}
}

function setCl(st: WrrState, dests: readonly Dest[], i: number): void {
	st.cl = i;
	st.clDest = i >= 0 ? dests[i]! : null;
}

function mark(st: WrrState) {
	return say.wrr.mark(st.cw, st.mw, st.di);
}

function look(trace: ScheduleTrace, d: Dest, cw: number, verdict: 'chosen' | 'lost'): void {
	if (d.overloaded) traceStep(trace, d, 'skipped-overloaded', say.wrr.overloaded(cw));
	else if (verdict === 'chosen') traceStep(trace, d, 'chosen', say.wrr.atLeast(d.weight, cw));
	else if (d.weight <= 0) traceStep(trace, d, 'skipped-weight', say.wrr.below(d.weight, cw));
	else traceStep(trace, d, 'lost', say.wrr.below(d.weight, cw));
}

/**
 * ip_vs_wrr as in 3.10 and later. `mw` is lowered by gcd-1 so the last
 * pass runs with cw = 1, and `last`/`stop`/`restarted` bound the search so
 * an all-overloaded list fails after checking every entry once at cw = 1.
 */
function scheduleModern(svc: Service, st: WrrState, trace?: ScheduleTrace): Dest | null {
	const dests = svc.dests;
	const n = dests.length;
	let dest = st.cl;
	if (st.mw === 0) {
		if (trace) trace.notes.push(say.wrr.allZero);
		return null;
	}
	const last = dest;
	let stop = -2;
	let lastPass = false;
	let restarted = false;
	for (;;) {
		for (let i = dest + 1; i < n; i++) {
			const d = dests[i]!;
			if (!d.overloaded && d.weight >= st.cw) {
				setCl(st, dests, i);
				if (trace) look(trace, d, st.cw, 'chosen');
				return d;
			}
			if (trace) look(trace, d, st.cw, 'lost');
			if (i === stop) {
				setCl(st, dests, i);
				if (trace) trace.notes.push(say.wrr.allOverloaded);
				return null;
			}
		}
		dest = -1;
		st.cw -= st.di;
		if (st.cw <= 0) {
			st.cw = st.mw;
			if (lastPass || last === -1) {
				setCl(st, dests, -1);
				if (trace) trace.notes.push(say.wrr.allOverloaded);
				return null;
			}
			restarted = true;
		}
		if (trace) trace.notes.push(say.wrr.endOfList(mark(st)));
		lastPass = st.cw <= st.di;
		if (lastPass && restarted && last !== -1) stop = last;
	}
}

/**
 * ip_vs_wrr of the 2.6 era: cw starts at 0, every pass over the list head
 * lowers it by gcd and wraps to the maximum weight; it gives up when it is
 * back where it started with cw == gcd.
 */
function schedule26(svc: Service, st: WrrState, trace?: ScheduleTrace): Dest | null {
	const dests = svc.dests;
	const n = dests.length;
	const p = st.cl;
	// Enough turns for every entry at every threshold; the kernel needs no guard.
	let budget = (n + 1) * (Math.ceil(st.mw / st.di) + 2) * 2 + 8;
	for (;;) {
		if (--budget < 0) {
			setCl(st, dests, st.cl);
			return null;
		}
		if (st.cl === -1) {
			if (n === 0) {
				if (trace) trace.notes.push(say.wrr.noneThere);
				return null;
			}
			st.cl = 0;
			st.cw -= st.di;
			if (st.cw <= 0) {
				st.cw = st.mw;
				if (st.cw === 0) {
					setCl(st, dests, -1);
					if (trace) trace.notes.push(say.noDestination);
					return null;
				}
			}
			if (trace) trace.notes.push(say.wrr.listHead(mark(st)));
		} else {
			st.cl = st.cl + 1 < n ? st.cl + 1 : -1;
		}
		if (st.cl !== -1) {
			const d = dests[st.cl]!;
			if (!d.overloaded && d.weight >= st.cw) {
				setCl(st, dests, st.cl);
				if (trace) look(trace, d, st.cw, 'chosen');
				return d;
			}
			if (trace) look(trace, d, st.cw, 'lost');
		}
		if (st.cl === p && st.cw === st.di) {
			setCl(st, dests, st.cl);
			if (trace) trace.notes.push(say.wrr.allOverloaded);
			return null;
		}
	}
}

export function createWrr(env: SchedulerEnv): Scheduler {
	// 3.10 rewrote the search (RCU conversion); earlier kernels run the 2.6 loop.
	const old = env.era.version < kernelVersion(3, 10);

	function fresh(svc: Service): WrrState {
		const st = new WrrState();
		st.di = gcdWeight(svc);
		if (old) {
			st.mw = maxWeight(svc);
			st.cw = 0;
		} else {
			st.mw = maxWeight(svc) - (st.di - 1);
			st.cw = st.mw;
		}
		svc.schedState = st;
		return st;
	}

	return {
		name: 'wrr',
		init(svc) {
			fresh(svc);
		},
		update(svc) {
			let st = svc.schedState;
			if (!(st instanceof WrrState)) st = fresh(svc);
			const w = st as WrrState;
			w.cl = -1;
			w.clDest = null;
			w.di = gcdWeight(svc);
			if (old) {
				w.mw = maxWeight(svc);
				if (w.cw > w.mw) w.cw = 0;
			} else {
				w.mw = maxWeight(svc) - (w.di - 1);
				if (w.cw > w.mw || w.cw === 0) w.cw = w.mw;
				else if (w.di > 1) w.cw = Math.trunc(w.cw / w.di) * w.di + 1;
			}
		},
		schedule(svc, _packet, trace) {
			let st = svc.schedState as WrrState;
			if (!(st instanceof WrrState)) st = fresh(svc);
			syncCl(st, svc.dests);
			if (trace) {
				beginTrace(trace, 'wrr', say.wrr.rule);
				trace.notes.push(say.wrr.start(mark(st), st.cl < 0 ? null : destLabel(svc.dests[st.cl]!)));
			}
			const d = old ? schedule26(svc, st, trace) : scheduleModern(svc, st, trace);
			if (trace) traceUnseen(trace, svc);
			return d;
		},
	};
}
