import type {Dest, Service} from '../types';
import {beginTrace, destLabel, traceStep, traceUnseen} from './common';
import type {Scheduler, SchedulerEnv} from './scheduler';
import {say} from './trace-text';

/**
 * Where rr stands: the list entry it picked last (`pos`, an index into
 * `svc.dests`) or the list head (-1). The kernel keeps a list pointer; we
 * keep the index plus the entry itself, so a list that moved under us
 * (an add shifts every index) is noticed and re-found.
 */
class RrState {
	pos = -1;
	posDest: Dest | null = null;
}

/**
 * ip_vs_rr. On 2.6-era kernels update_service put the position back at the
 * list head on every -a/-e/-d, so the next pick is always the newest server.
 * From 3.10 the position survives adds and edits; deleting the entry it
 * points at moves it to that entry's predecessor.
 */
export function createRr(env: SchedulerEnv): Scheduler {
	const resetOnUpdate = env.era.rrResetOnUpdate;

	function state(svc: Service): RrState {
		const s = svc.schedState;
		if (s instanceof RrState) return s;
		const fresh = new RrState();
		svc.schedState = fresh;
		return fresh;
	}

	return {
		name: 'rr',
		init(svc) {
			svc.schedState = new RrState();
		},
		update(svc, change, dest) {
			const st = state(svc);
			if (resetOnUpdate) {
				st.pos = -1;
				st.posDest = null;
				return;
			}
			if (change === 'del' && st.posDest === dest) {
				// The deleted entry is unlinked; its old index minus one is its predecessor.
				st.pos = st.pos - 1;
				st.posDest = st.pos >= 0 ? (svc.dests[st.pos] ?? null) : null;
				if (st.posDest === null) st.pos = -1;
				return;
			}
			st.pos = st.posDest ? svc.dests.indexOf(st.posDest) : -1;
			if (st.pos < 0) st.posDest = null;
		},
		schedule(svc, _packet, trace) {
			let st = svc.schedState as RrState;
			if (!(st instanceof RrState)) st = state(svc);
			const dests = svc.dests;
			const n = dests.length;
			let pos = st.pos;
			if (pos >= 0 && dests[pos] !== st.posDest) {
				pos = st.posDest ? dests.indexOf(st.posDest) : -1;
				st.pos = pos;
			}
			if (trace) {
				beginTrace(trace, 'rr', say.rr.rule);
				trace.notes.push(say.rr.position(pos < 0 ? null : destLabel(dests[pos]!), pos + 1, n));
			}
			// Entries after pos to the end, then from the start up to and including pos.
			let i = pos + 1;
			for (let k = 0; k < n; k++, i++) {
				if (i >= n) i = 0;
				const d = dests[i]!;
				if (d.weight > 0 && !d.overloaded) {
					st.pos = i;
					st.posDest = d;
					if (trace) {
						traceStep(trace, d, 'chosen', say.weight(d.weight));
						traceUnseen(trace, svc);
					}
					return d;
				}
				if (trace) {
					if (d.weight <= 0) traceStep(trace, d, 'skipped-weight', say.weight(d.weight));
					else traceStep(trace, d, 'skipped-overloaded', say.overloadFlag);
				}
			}
			if (trace) trace.notes.push(say.noDestination);
			return null;
		},
	};
}
