import type {Localized} from '../../../i18n/lang';
import type {Dest} from '../types';
import {beginTrace, connOverhead, overheadText, settleWinner, traceStep} from './common';
import type {ScheduleTrace, Scheduler} from './scheduler';
import {cat, say} from './trace-text';

/**
 * The weighted-least-load scan shared by wlc and sed (and the fallback of
 * lblc/lblcr): start at the first usable entry, then replace the candidate
 * only when `loh * w(d) > doh * w(least)`. Weight-0 entries after the start
 * are compared too, but `loh * 0 > x` is never true, so they never win.
 */
export function weightedLeast(
	dests: readonly Dest[],
	overhead: (d: Dest) => number,
	trace: ScheduleTrace | undefined,
	describe: (d: Dest) => Localized,
): Dest | null {
	const n = dests.length;
	let i = 0;
	let least: Dest | null = null;
	for (; i < n; i++) {
		const d = dests[i]!;
		if (!d.overloaded && d.weight > 0) {
			least = d;
			break;
		}
		if (trace) {
			if (d.overloaded) traceStep(trace, d, 'skipped-overloaded', say.overloadFlag);
			else traceStep(trace, d, 'skipped-weight', say.weight(d.weight));
		}
	}
	if (least === null) {
		if (trace) trace.notes.push(say.noDestination);
		return null;
	}
	const first = trace ? trace.steps.length : 0;
	let loh = overhead(least);
	if (trace) traceStep(trace, least, 'lost', cat(describe(least), ', ', say.weight(least.weight)));
	for (i++; i < n; i++) {
		const d = dests[i]!;
		if (d.overloaded) {
			if (trace) traceStep(trace, d, 'skipped-overloaded', say.overloadFlag);
			continue;
		}
		const doh = overhead(d);
		const better = loh * d.weight > doh * least.weight;
		if (trace) {
			const cmp = `${loh}*${d.weight} ${better ? '>' : '<='} ${doh}*${least.weight}`;
			traceStep(trace, d, d.weight <= 0 ? 'skipped-weight' : 'lost', cat(describe(d), ', ', say.weight(d.weight), ': ', cmp));
		}
		if (better) {
			least = d;
			loh = doh;
		}
	}
	if (trace) settleWinner(trace, least, first);
	return least;
}

/** ip_vs_wlc, the default scheduler. */
export function createWlc(): Scheduler {
	return {
		name: 'wlc',
		schedule(svc, _packet, trace) {
			if (!trace) return weightedLeast(svc.dests, connOverhead, undefined, overheadText);
			beginTrace(trace, 'wlc', say.wlc.rule);
			return weightedLeast(svc.dests, connOverhead, trace, overheadText);
		},
	};
}
