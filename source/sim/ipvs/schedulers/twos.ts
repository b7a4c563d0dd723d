import type {Dest} from '../types';
import {beginTrace, connOverhead, overheadText, traceStep, traceUnseen} from './common';
import type {Scheduler, SchedulerEnv} from './scheduler';

const RULE = 'two weighted random picks r1, r2 in [0, sum(w)]; keep pick 2 when w2*overhead1 > w1*overhead2';

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
			if (trace) beginTrace(trace, 'twos', RULE);
			if (!choice1) {
				if (trace) {
					for (const d of dests) traceStep(trace, d, d.overloaded ? 'skipped-overloaded' : 'skipped-weight', d.overloaded ? 'OVERLOAD flag set' : `weight ${d.weight}`);
					trace.notes.push('no destination available');
				}
				return null;
			}
			total += 1;
			const r1 = env.rng.nextUint32() % total;
			const r2 = env.rng.nextUint32() % total;
			if (trace) trace.notes.push(`random picks r1 = ${r1}, r2 = ${r2} (mod ${total})`);
			let rw1 = r1;
			let rw2 = r2;
			let weight1 = -1;
			let weight2 = -1;
			let overhead1 = 0;
			let overhead2 = 0;
			let choice2: Dest | null = null;
			for (const d of dests) {
				if (d.overloaded || d.weight <= 0) {
					if (trace) traceStep(trace, d, d.overloaded ? 'skipped-overloaded' : 'skipped-weight', d.overloaded ? 'OVERLOAD flag set' : `weight ${d.weight}`);
					continue;
				}
				rw1 -= d.weight;
				rw2 -= d.weight;
				let tag = '';
				if (rw1 <= 0 && weight1 === -1) {
					choice1 = d;
					weight1 = d.weight;
					overhead1 = connOverhead(d);
					tag = ' (pick 1)';
				}
				if (rw2 <= 0 && weight2 === -1) {
					choice2 = d;
					weight2 = d.weight;
					overhead2 = connOverhead(d);
					tag = tag ? ' (pick 1 and pick 2)' : ' (pick 2)';
				}
				if (trace) traceStep(trace, d, 'lost', `weight ${d.weight}, ${overheadText(d)}${tag}`);
				if (weight1 !== -1 && weight2 !== -1) break;
			}
			let winner = choice1;
			const second = choice2 !== null && weight2 * overhead1 > weight1 * overhead2;
			if (second) winner = choice2!;
			if (trace) {
				trace.notes.push(`${weight2}*${overhead1} ${second ? '>' : '<='} ${weight1}*${overhead2}: ${second ? 'pick 2' : 'pick 1'} wins`);
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
