import type {Dest} from '../types';
import {beginTrace, connOverhead, overheadText, settleWinner, traceStep} from './common';
import type {Scheduler} from './scheduler';
import {cat, say} from './trace-text';

/**
 * ip_vs_lc: the least overhead wins; weight only matters as zero or not.
 * The comparison is a strict `<`, so ties stay with the earlier entry.
 */
export function createLc(): Scheduler {
	return {
		name: 'lc',
		schedule(svc, _packet, trace) {
			const dests = svc.dests;
			let least: Dest | null = null;
			let loh = 0;
			if (trace) beginTrace(trace, 'lc', say.lc.rule);
			for (let i = 0; i < dests.length; i++) {
				const d = dests[i]!;
				if (d.overloaded || d.weight === 0) {
					if (trace) {
						if (d.overloaded) traceStep(trace, d, 'skipped-overloaded', say.overloadFlag);
						else traceStep(trace, d, 'skipped-weight', say.weight(0));
					}
					continue;
				}
				const doh = connOverhead(d);
				if (trace) traceStep(trace, d, 'lost', least ? cat(overheadText(d), ` ${doh < loh ? '<' : '>='} ${loh}`) : overheadText(d));
				if (!least || doh < loh) {
					least = d;
					loh = doh;
				}
			}
			if (trace) {
				settleWinner(trace, least);
				if (!least) trace.notes.push(say.noDestination);
			}
			return least;
		},
	};
}
