import type {Dest} from '../types';
import {beginTrace, sedOverhead, settleWinner, traceStep, traceUnseen} from './common';
import type {Scheduler} from './scheduler';
import {cat, say} from './trace-text';

/**
 * ip_vs_nq ("never queue"): the first server with no active connection takes
 * the job straight away; otherwise it is sed's choice.
 */
export function createNq(): Scheduler {
	return {
		name: 'nq',
		schedule(svc, _packet, trace) {
			const dests = svc.dests;
			let least: Dest | null = null;
			let loh = 0;
			if (trace) beginTrace(trace, 'nq', say.nq.rule);
			for (let i = 0; i < dests.length; i++) {
				const d = dests[i]!;
				if (d.overloaded || d.weight === 0) {
					if (trace) {
						if (d.overloaded) traceStep(trace, d, 'skipped-overloaded', say.overloadFlag);
						else traceStep(trace, d, 'skipped-weight', say.weight(0));
					}
					continue;
				}
				const doh = sedOverhead(d);
				if (d.activeConns === 0) {
					if (trace) {
						settleWinner(trace, null);
						traceStep(trace, d, 'chosen', say.nq.idle(d.weight));
						traceUnseen(trace, svc);
					}
					return d;
				}
				const better = !least || loh * d.weight > doh * least.weight;
				if (trace) {
					const cmp = least ? `: ${loh}*${d.weight} ${better ? '>' : '<='} ${doh}*${least.weight}` : '';
					traceStep(trace, d, 'lost', cat(say.expectedDelay(d, doh), ', ', say.weight(d.weight), cmp));
				}
				if (better) {
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
