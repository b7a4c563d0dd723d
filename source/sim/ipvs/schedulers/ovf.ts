import type {Dest} from '../types';
import {beginTrace, settleWinner, traceStep} from './common';
import type {Scheduler} from './scheduler';
import {cat, say} from './trace-text';

/**
 * ip_vs_ovf (overflow, 4.3+): everything goes to the heaviest server until
 * its active connections exceed its weight, then to the next heaviest.
 */
export function createOvf(): Scheduler {
	return {
		name: 'ovf',
		schedule(svc, _packet, trace) {
			const dests = svc.dests;
			let best: Dest | null = null;
			let hw = 0;
			if (trace) beginTrace(trace, 'ovf', say.ovf.rule);
			for (let i = 0; i < dests.length; i++) {
				const d = dests[i]!;
				const w = d.weight;
				if (d.overloaded || d.activeConns > w || w === 0) {
					if (trace) {
						if (d.overloaded) traceStep(trace, d, 'skipped-overloaded', say.overloadFlag);
						else if (w === 0) traceStep(trace, d, 'skipped-weight', say.weight(0));
						else traceStep(trace, d, 'skipped-overloaded', say.ovf.full(d.activeConns, w));
					}
					continue;
				}
				const better = !best || w > hw;
				if (trace) traceStep(trace, d, 'lost', cat(say.weight(w), best ? ` ${better ? '>' : '<='} ${hw}` : '', ', ', say.active(d.activeConns)));
				if (better) {
					best = d;
					hw = w;
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
