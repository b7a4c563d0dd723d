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
import {weightedLeast} from './wlc';

interface LblcEntry extends CacheEntry {
	dest: Dest;
}

export class LblcState extends LocalityCache<LblcEntry> {}

const RULE =
	'cache[daddr] if AVAILABLE, weight > 0 and not (active > weight while some server has active*2 < weight); else wlc and remember it';

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
			if (trace) beginTrace(trace, 'lblc', RULE);
			const en = st.entries.get(packet.daddr);
			if (en) {
				if (trace) trace.notes.push(`cache: ${formatIp(packet.daddr)} -> ${destLabel(en.dest)}, last used ${Math.floor((now - en.lastuse) / SEC)} s ago`);
				en.lastuse = now;
				const cached = revive(en.dest, svc);
				if (cached.available && cached.weight > 0 && !localityOverloaded(cached, svc)) {
					en.dest = cached;
					if (trace) {
						traceStep(trace, cached, 'chosen', `cached, weight ${cached.weight}, active ${cached.activeConns}`);
						traceUnseen(trace, svc);
					}
					return cached;
				}
				if (trace) {
					if (!cached.available) traceStep(trace, cached, 'skipped-unavailable', 'cached but deleted');
					else if (cached.weight <= 0) traceStep(trace, cached, 'skipped-weight', `cached, weight ${cached.weight}`);
					else traceStep(trace, cached, 'skipped-overloaded', `cached, active ${cached.activeConns} > weight ${cached.weight} and a server is under half its weight`);
				}
			} else if (trace) trace.notes.push(`cache: no entry for ${formatIp(packet.daddr)}`);
			const dest = weightedLeast(svc.dests, overhead, trace, describe);
			if (!dest) {
				if (trace) traceUnseen(trace, svc);
				return null;
			}
			if (en) en.dest = dest;
			else st.entries.set(packet.daddr, {dest, lastuse: now});
			if (trace) {
				trace.notes.push(`cache: ${formatIp(packet.daddr)} -> ${destLabel(dest)} stored`);
				traceUnseen(trace, svc);
			}
			return dest;
		},
	};
}
