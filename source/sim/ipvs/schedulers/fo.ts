import type {Dest} from '../types';
import {beginTrace, settleWinner, traceStep} from './common';
import type {Scheduler} from './scheduler';
import {cat, say} from './trace-text';

/** ip_vs_fo (weighted fail-over, 3.18+): all traffic to the heaviest usable server. */
export function createFo(): Scheduler {
	return {
		name: 'fo',
		schedule(svc, _packet, trace) {
			const dests = svc.dests;
			let best: Dest | null = null;
			let hw = 0;
			if (trace) beginTrace(trace, 'fo', say.fo.rule);
			for (let i = 0; i < dests.length; i++) {
				const d = dests[i]!;
				if (d.overloaded) {
					if (trace) traceStep(trace, d, 'skipped-overloaded', say.overloadFlag);
					continue;
				}
				const better = d.weight > hw;
				if (trace) traceStep(trace, d, d.weight <= 0 ? 'skipped-weight' : 'lost', cat(say.weight(d.weight), ` ${better ? '>' : '<='} ${hw}`));
				if (better) {
					best = d;
					hw = d.weight;
				}
			}
			if (trace) {
				settleWinner(trace, best);
				if (!best) trace.notes.push(say.noDestination);
			}
			return best;
		},
	};
}
