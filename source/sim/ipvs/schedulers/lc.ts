import type {Dest} from '../types';
import {beginTrace, connOverhead, overheadText, settleWinner, traceStep} from './common';
import type {Scheduler} from './scheduler';

const RULE = 'least active*256+inactive among weight > 0, not overloaded (strict <, first wins ties)';

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
			if (trace) beginTrace(trace, 'lc', RULE);
			for (let i = 0; i < dests.length; i++) {
				const d = dests[i]!;
				if (d.overloaded || d.weight === 0) {
					if (trace) {
						if (d.overloaded) traceStep(trace, d, 'skipped-overloaded', 'OVERLOAD flag set');
						else traceStep(trace, d, 'skipped-weight', 'weight 0');
					}
					continue;
				}
				const doh = connOverhead(d);
				if (trace) traceStep(trace, d, 'lost', least ? `${overheadText(d)} ${doh < loh ? '<' : '>='} ${loh}` : overheadText(d));
				if (!least || doh < loh) {
					least = d;
					loh = doh;
				}
			}
			if (trace) {
				settleWinner(trace, least);
				if (!least) trace.notes.push('no destination available');
			}
			return least;
		},
	};
}
