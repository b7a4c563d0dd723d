import type {Localized} from '../../../i18n/lang';
import {formatIp} from '../../net/ipv4';
import {kernelVersion} from '../era';
import type {Dest, Service} from '../types';
import {BucketTable, fillBuckets, TAB_BITS, TAB_MASK, TAB_SIZE} from './buckets';
import {beginTrace, traceStep, traceUnseen} from './common';
import {hash32, multiplicativeHash} from './hash';
import type {ScheduleTrace, Scheduler, SchedulerEnv} from './scheduler';
import {cat, say} from './trace-text';

/** IP_VS_SVC_F_SCHED_SH_FALLBACK = IP_VS_SVC_F_SCHED1, shown as flag-1 / sh-fallback. */
export const SH_FALLBACK = 1;
/** IP_VS_SVC_F_SCHED_SH_PORT = IP_VS_SVC_F_SCHED2, shown as flag-2 / sh-port. */
export const SH_PORT = 2;

class ShState extends BucketTable {}

/**
 * ip_vs_sh across its versions:
 * - before 3.3 the table ignores weights (one bucket per server per round);
 * - 3.3 fills `weight` consecutive buckets per server;
 * - before 3.11 the server must also be AVAILABLE (not in the trash);
 * - 3.11 adds sh-fallback and sh-port (the hash gains port and offset);
 * - 3.13 makes the fallback walk start at the original bucket;
 * - the multiplicative hash became hash_32() between 4.14 and 4.19 (4.14
 *   still multiplies, 4.19 uses hash_32); we switch at 4.15.
 */
export function createSh(env: SchedulerEnv): Scheduler {
	const v = env.era.version;
	const weighted = v >= kernelVersion(3, 3);
	const flags = v >= kernelVersion(3, 11);
	const rotatingFallback = v >= kernelVersion(3, 13);
	const useHash32 = v >= kernelVersion(4, 15);
	const needAvailable = !flags;

	function hash(addr: number, port: number, offset: number): number {
		const x = (port + addr) >>> 0;
		return useHash32 ? (offset + hash32(x, TAB_BITS)) & TAB_MASK : (offset + multiplicativeHash(x, TAB_MASK)) & TAB_MASK;
	}

	function hashText(addr: number, port: number, offset: number, h: number): Localized {
		const key = port ? `${formatIp(addr)}:${port}` : formatIp(addr);
		const x = (port + addr) >>> 0;
		const off = offset ? ` + ${offset}` : '';
		return cat(useHash32 ? `hash(${key}) = (hash_32(${x}, 8)${off}) & 255 = ${h}` : `hash(${key}) = (${x & 255}*177${off}) & 255 = ${h}`);
	}

	function unusable(d: Dest): boolean {
		return d.weight <= 0 || d.overloaded || (needAvailable && !d.available);
	}

	function skip(trace: ScheduleTrace, d: Dest, where: Localized): void {
		if (needAvailable && !d.available) traceStep(trace, d, 'skipped-unavailable', cat(where, ': ', say.notAvailable));
		else if (d.weight <= 0) traceStep(trace, d, 'skipped-weight', cat(where, ': ', say.weight(d.weight)));
		else traceStep(trace, d, 'skipped-overloaded', cat(where, ': ', say.overloadFlag));
	}

	function table(svc: Service): ShState {
		const s = svc.schedState;
		if (s instanceof ShState) return s;
		const t = new ShState();
		fillBuckets(t, svc, weighted);
		svc.schedState = t;
		return t;
	}

	/**
	 * Looks at one bucket: its server when it can take the connection, false
	 * when it cannot, null for an empty table. `offset` only labels the trace.
	 */
	function probe(t: ShState, bucket: number, trace: ScheduleTrace | undefined, offset?: number): Dest | null | false {
		const d = t.buckets[bucket] ?? null;
		if (d === null) return null;
		if (unusable(d)) {
			if (trace) skip(trace, d, say.bucket(bucket, offset));
			return false;
		}
		if (trace) traceStep(trace, d, 'chosen', cat(say.bucket(bucket, offset), ', ', say.weight(d.weight)));
		return d;
	}

	return {
		name: 'sh',
		init(svc) {
			const t = new ShState();
			fillBuckets(t, svc, weighted);
			svc.schedState = t;
		},
		update(svc) {
			fillBuckets(table(svc), svc, weighted);
		},
		schedule(svc, packet, trace) {
			const t = table(svc);
			const port = flags && svc.schedFlags & SH_PORT ? packet.sport : 0;
			const fallback = flags && (svc.schedFlags & SH_FALLBACK) !== 0;
			const addr = packet.saddr;
			if (trace) beginTrace(trace, 'sh', say.sh.rule(port !== 0, fallback));
			const ihash = hash(addr, port, 0);
			if (trace) trace.notes.push(hashText(addr, port, 0, ihash));
			let result: Dest | null = null;
			if (!fallback || rotatingFallback) {
				const first = probe(t, ihash, trace);
				if (first !== false) result = first;
				else if (fallback) {
					for (let offset = 0; offset < TAB_SIZE; offset++) {
						const roffset = (offset + ihash) % TAB_SIZE;
						const h = hash(addr, port, roffset);
						const d = probe(t, h, trace, roffset);
						if (d === null) break;
						if (d !== false) {
							result = d;
							break;
						}
					}
				}
			} else {
				// 3.11-3.12: offsets 0, 1, 2… added straight to the hash.
				for (let offset = 0; offset < TAB_SIZE; offset++) {
					const h = hash(addr, port, offset);
					const d = probe(t, h, trace, offset || undefined);
					if (d === null) break;
					if (d !== false) {
						result = d;
						break;
					}
				}
			}
			if (trace) {
				if (!result) trace.notes.push(say.noDestination);
				traceUnseen(trace, svc);
			}
			return result;
		},
	};
}
