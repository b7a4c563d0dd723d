import {formatIp} from '../../net/ipv4';
import {SEC} from '../../time';
import type {Dest, Service} from '../types';
import {beginTrace, destLabel, traceStep, traceUnseen} from './common';
import {
	type CacheEntry,
	expirationOf,
	LocalityCache,
	localityOverhead,
	localityOverloaded,
	overheadFormula,
	revive,
} from './locality';
import type {Scheduler, SchedulerEnv} from './scheduler';
import {say} from './trace-text';
import {weightedLeast} from './wlc';

interface LblcEntry extends CacheEntry {
	dest: Dest;
}

export class LblcState extends LocalityCache<LblcEntry> {}

/**
 * ip_vs_lblc: sticks each destination address to one server. A cached
 * server is kept while it exists, has weight and is not "overloaded" in
 * lblc's own sense (see localityOverloaded); the OVERLOAD flag is not looked
 * at for a cached server, only when a new one is picked with the wlc rule.
 */
export function createLblc(env: SchedulerEnv): Scheduler {
	const overhead = localityOverhead(env);
	const describe = (d: Dest) => overheadFormula(overhead, d);

	function state(svc: Service): LblcState {
		const s = svc.schedState;
		if (s instanceof LblcState) return s;
		const st = new LblcState(env.now());
		svc.schedState = st;
		return st;
	}

	return {
		name: 'lblc',
		init(svc) {
			svc.schedState = new LblcState(env.now());
		},
		schedule(svc, packet, trace) {
			const st = state(svc);
			const now = env.now();
			st.catchUp(now, expirationOf(env, 'net.ipv4.vs.lblc_expiration'));
			if (trace) beginTrace(trace, 'lblc', say.lblc.rule);
			const en = st.entries.get(packet.daddr);
			if (en) {
				if (trace) trace.notes.push(say.lblc.hit(formatIp(packet.daddr), destLabel(en.dest), Math.floor((now - en.lastuse) / SEC)));
				en.lastuse = now;
				const cached = revive(en.dest, svc);
				if (cached.available && cached.weight > 0 && !localityOverloaded(cached, svc)) {
					en.dest = cached;
					if (trace) {
						traceStep(trace, cached, 'chosen', say.lblc.cached(cached.weight, cached.activeConns));
						traceUnseen(trace, svc);
					}
					return cached;
				}
				if (trace) {
					if (!cached.available) traceStep(trace, cached, 'skipped-unavailable', say.lblc.cachedDeleted);
					else if (cached.weight <= 0) traceStep(trace, cached, 'skipped-weight', say.lblc.cachedWeight(cached.weight));
					else traceStep(trace, cached, 'skipped-overloaded', say.lblc.cachedOverloaded(cached.activeConns, cached.weight));
				}
			} else if (trace) trace.notes.push(say.lblc.miss(formatIp(packet.daddr)));
			const dest = weightedLeast(svc.dests, overhead, trace, describe);
			if (!dest) {
				if (trace) traceUnseen(trace, svc);
				return null;
			}
			if (en) en.dest = dest;
			else st.entries.set(packet.daddr, {dest, lastuse: now});
			if (trace) {
				trace.notes.push(say.lblc.stored(formatIp(packet.daddr), destLabel(dest)));
				traceUnseen(trace, svc);
			}
			return dest;
		},
	};
}
