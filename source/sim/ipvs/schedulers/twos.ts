import type {Dest} from '../types';
import {beginTrace, connOverhead, overheadText, traceStep, traceUnseen} from './common';
import type {Scheduler, SchedulerEnv} from './scheduler';
import {cat, say} from './trace-text';

/**
 * ip_vs_twos (power of two choices, 6.4+). Each pick subtracts the usable
 * weights in list order from `rand % (sum + 1)` and stops at the first entry
 * that brings it to <= 0. The random numbers come from the host's seeded
 * stream, two per decision, so a run replays exactly.
 */
export function createTwos(env: SchedulerEnv): Scheduler {
	return {
		name: 'twos',
		schedule(svc, _packet, trace) {
			const dests = svc.dests;
			let total = 0;
			let choice1: Dest | null = null;
			for (const d of dests) {
				if (!d.overloaded && d.weight > 0) {
					total += d.weight;
					choice1 = d;
				}
			}
			if (trace) beginTrace(trace, 'twos', say.twos.rule);
			if (!choice1) {
				if (trace) {
					for (const d of dests) traceStep(trace, d, d.overloaded ? 'skipped-overloaded' : 'skipped-weight', d.overloaded ? say.overloadFlag : say.weight(d.weight));
					trace.notes.push(say.noDestination);
				}
				return null;
			}
			total += 1;
			const r1 = env.rng.nextUint32() % total;
			const r2 = env.rng.nextUint32() % total;
			if (trace) trace.notes.push(say.twos.picks(r1, r2, total));
			let rw1 = r1;
			let rw2 = r2;
			let weight1 = -1;
			let weight2 = -1;
			let overhead1 = 0;
			let overhead2 = 0;
			let choice2: Dest | null = null;
			for (const d of dests) {
				if (d.overloaded || d.weight <= 0) {
					if (trace) traceStep(trace, d, d.overloaded ? 'skipped-overloaded' : 'skipped-weight', d.overloaded ? say.overloadFlag : say.weight(d.weight));
					continue;
				}
				rw1 -= d.weight;
				rw2 -= d.weight;
				let pick1 = false;
				let pick2 = false;
				if (rw1 <= 0 && weight1 === -1) {
					choice1 = d;
					weight1 = d.weight;
					overhead1 = connOverhead(d);
					pick1 = true;
				}
				if (rw2 <= 0 && weight2 === -1) {
					choice2 = d;
					weight2 = d.weight;
					overhead2 = connOverhead(d);
					pick2 = true;
				}
				if (trace) traceStep(trace, d, 'lost', cat(say.weight(d.weight), ', ', overheadText(d), say.twos.tag(pick1, pick2)));
				if (weight1 !== -1 && weight2 !== -1) break;
			}
			let winner = choice1;
			const second = choice2 !== null && weight2 * overhead1 > weight1 * overhead2;
			if (second) winner = choice2!;
			if (trace) {
				trace.notes.push(say.twos.verdict(`${weight2}*${overhead1} ${second ? '>' : '<='} ${weight1}*${overhead2}`, second));
				for (let i = 0; i < trace.steps.length; i++) {
					const s = trace.steps[i]!;
					if (s.dest === winner && s.verdict === 'lost') trace.steps[i] = {...s, verdict: 'chosen'};
				}
				traceUnseen(trace, svc);
			}
			return winner;
		},
	};
}
