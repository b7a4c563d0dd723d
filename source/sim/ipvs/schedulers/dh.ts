import {formatIp} from '../../net/ipv4';
import {kernelVersion} from '../era';
import type {Service} from '../types';
import {BucketTable, fillBuckets, TAB_BITS, TAB_MASK} from './buckets';
import {beginTrace, traceStep, traceUnseen} from './common';
import {hash32, multiplicativeHash} from './hash';
import type {Scheduler, SchedulerEnv} from './scheduler';
import {cat, say} from './trace-text';

class DhState extends BucketTable {}

/**
 * ip_vs_dh: sh's table keyed by the destination address, one bucket per
 * server per round (weights only decide usable or not), no fallback. For a
 * plain VIP service every packet has the same daddr, so one server gets all.
 * Its hash followed sh's switch to hash_32().
 */
export function createDh(env: SchedulerEnv): Scheduler {
	const useHash32 = env.era.version >= kernelVersion(4, 15);

	function table(svc: Service): DhState {
		const s = svc.schedState;
		if (s instanceof DhState) return s;
		const t = new DhState();
		fillBuckets(t, svc, false);
		svc.schedState = t;
		return t;
	}

	return {
		name: 'dh',
		init(svc) {
			const t = new DhState();
			fillBuckets(t, svc, false);
			svc.schedState = t;
		},
		update(svc) {
			fillBuckets(table(svc), svc, false);
		},
		schedule(svc, packet, trace) {
			const t = table(svc);
			const addr = packet.daddr;
			const h = useHash32 ? hash32(addr, TAB_BITS) : multiplicativeHash(addr, TAB_MASK);
			const d = t.buckets[h] ?? null;
			if (trace) {
				beginTrace(trace, 'dh', say.dh.rule);
				trace.notes.push(
					cat(useHash32 ? `hash(${formatIp(addr)}) = hash_32(${addr >>> 0}, 8) = ${h}` : `hash(${formatIp(addr)}) = (${addr & 255}*177) & 255 = ${h}`),
				);
			}
			const usable = d !== null && d.available && d.weight > 0 && !d.overloaded;
			if (trace) {
				if (d) {
					if (!d.available) traceStep(trace, d, 'skipped-unavailable', cat(say.bucket(h), ': ', say.notAvailable));
					else if (d.weight <= 0) traceStep(trace, d, 'skipped-weight', cat(say.bucket(h), ': ', say.weight(d.weight)));
					else if (d.overloaded) traceStep(trace, d, 'skipped-overloaded', cat(say.bucket(h), ': ', say.overloadFlag));
					else traceStep(trace, d, 'chosen', cat(say.bucket(h), ', ', say.weight(d.weight)));
				}
				if (!usable) trace.notes.push(say.noDestination);
				traceUnseen(trace, svc);
			}
			return usable ? d : null;
		},
	};
}
