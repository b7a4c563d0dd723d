import {formatIp} from '../../net/ipv4';
import {SEC} from '../../time';
import {kernelVersion} from '../era';
import type {Dest, Service} from '../types';
import {beginTrace, destLabel, settleWinner, traceStep, traceUnseen} from './common';
import {
	type CacheEntry,
	expirationOf,
	LocalityCache,
	localityOverhead,
	localityOverloaded,
	overheadFormula,
	revive,
} from './locality';
import type {ScheduleTrace, Scheduler, SchedulerEnv} from './scheduler';
import {cat, say} from './trace-text';
import {weightedLeast} from './wlc';

interface LblcrEntry extends CacheEntry {
	/** The server set, most recently inserted first (list_add). */
	set: Dest[];
	/** Last time the set gained or lost a member. */
	lastmod: number;
}

export class LblcrState extends LocalityCache<LblcrEntry> {}

/**
 * ip_vs_lblcr: like lblc, but each destination address maps to a growing
 * set of servers. Set members are kept in insertion order, newest first.
 */
export function createLblcr(env: SchedulerEnv): Scheduler {
	const overhead = localityOverhead(env);
	const describe = (d: Dest) => overheadFormula(overhead, d);
	// 2.6.28 reordered the lookup: shrink the set first, then maybe grow it.
	const shrinkFirst = env.era.version >= kernelVersion(2, 6, 28);

	function state(svc: Service): LblcrState {
		const s = svc.schedState;
		if (s instanceof LblcrState) return s;
		const st = new LblcrState(env.now());
		svc.schedState = st;
		return st;
	}

	/** ip_vs_dest_set_min: weighted least load among usable members. */
	function setMin(set: readonly Dest[], trace?: ScheduleTrace): Dest | null {
		let i = 0;
		let least: Dest | null = null;
		for (; i < set.length; i++) {
			const d = set[i]!;
			if (d.overloaded) {
				if (trace) traceStep(trace, d, 'skipped-overloaded', cat(say.lblcr.member, say.overloadFlag));
				continue;
			}
			if (d.weight > 0 && d.available) {
				least = d;
				break;
			}
			if (trace) {
				if (!d.available) traceStep(trace, d, 'skipped-unavailable', cat(say.lblcr.member, say.lblcr.deleted));
				else traceStep(trace, d, 'skipped-weight', cat(say.lblcr.member, say.weight(d.weight)));
			}
		}
		if (!least) return null;
		let loh = overhead(least);
		if (trace) traceStep(trace, least, 'lost', cat(say.lblcr.member, describe(least), ', ', say.weight(least.weight)));
		for (i++; i < set.length; i++) {
			const d = set[i]!;
			if (d.overloaded) {
				if (trace) traceStep(trace, d, 'skipped-overloaded', cat(say.lblcr.member, say.overloadFlag));
				continue;
			}
			const doh = overhead(d);
			const better = loh * d.weight > doh * least.weight && d.available;
			if (trace) traceStep(trace, d, d.available ? 'lost' : 'skipped-unavailable', cat(say.lblcr.member, describe(d), ', ', say.weight(d.weight), `: ${loh}*${d.weight} ${loh * d.weight > doh * least.weight ? '>' : '<='} ${doh}*${least.weight}`));
			if (better) {
				least = d;
				loh = doh;
			}
		}
		return least;
	}

	/** ip_vs_dest_set_max: weighted most load among members with weight > 0. */
	function setMax(set: readonly Dest[]): Dest | null {
		let i = 0;
		let most: Dest | null = null;
		for (; i < set.length; i++) {
			if (set[i]!.weight > 0) {
				most = set[i]!;
				break;
			}
		}
		if (!most) return null;
		let moh = overhead(most);
		for (i++; i < set.length; i++) {
			const d = set[i]!;
			const doh = overhead(d);
			if (moh * d.weight < doh * most.weight && d.weight > 0) {
				most = d;
				moh = doh;
			}
		}
		return most;
	}

	function insert(en: LblcrEntry, dest: Dest, now: number): void {
		if (en.set.includes(dest)) return;
		en.set.unshift(dest);
		en.lastmod = now;
	}

	function shrink(en: LblcrEntry, now: number, expiration: number, trace?: ScheduleTrace): void {
		if (en.set.length > 1 && now > en.lastmod + expiration) {
			const m = setMax(en.set);
			if (m) {
				en.set.splice(en.set.indexOf(m), 1);
				en.lastmod = now;
				if (trace) trace.notes.push(say.lblcr.shrunk(Math.floor(expiration / SEC), destLabel(m)));
			}
		}
	}

	return {
		name: 'lblcr',
		init(svc) {
			svc.schedState = new LblcrState(env.now());
		},
		schedule(svc, packet, trace) {
			const st = state(svc);
			const now = env.now();
			const expiration = expirationOf(env, 'net.ipv4.vs.lblcr_expiration');
			st.catchUp(now, expiration);
			if (trace) beginTrace(trace, 'lblcr', say.lblcr.rule);
			const daddr = packet.daddr;
			const en = st.entries.get(daddr);
			let dest: Dest | null;
			if (!en) {
				if (trace) trace.notes.push(say.lblcr.miss(formatIp(daddr)));
				dest = weightedLeast(svc.dests, overhead, trace, describe);
				if (dest) {
					st.entries.set(daddr, {set: [dest], lastmod: now, lastuse: now});
					if (trace) trace.notes.push(say.lblcr.created(formatIp(daddr), destLabel(dest)));
				}
			} else {
				for (let i = 0; i < en.set.length; i++) en.set[i] = revive(en.set[i]!, svc);
				if (trace) {
					trace.notes.push(say.lblcr.hit(formatIp(daddr), en.set.map(destLabel).join(', '), Math.floor((now - en.lastmod) / SEC)));
				}
				if (shrinkFirst) en.lastuse = now;
				dest = setMin(en.set, trace);
				if (shrinkFirst) shrink(en, now, expiration, trace);
				if (dest && !localityOverloaded(dest, svc)) {
					if (trace) settleWinner(trace, dest);
				} else {
					if (trace) trace.notes.push(dest ? say.lblcr.overloaded(destLabel(dest), dest.activeConns, dest.weight) : say.lblcr.noMember);
					dest = weightedLeast(svc.dests, overhead, trace, describe);
					if (dest) {
						insert(en, dest, now);
						if (trace) trace.notes.push(say.lblcr.now(en.set.map(destLabel).join(', ')));
					}
				}
				if (!shrinkFirst && dest) {
					shrink(en, now, expiration, trace);
					en.lastuse = now;
				}
			}
			if (trace) {
				if (!dest) trace.notes.push(say.noDestination);
				traceUnseen(trace, svc);
			}
			return dest;
		},
	};
}
