import type {Localized} from '../../../i18n/lang';
import {formatIp} from '../../net/ipv4';
import type {Dest, Service} from '../types';
import type {ScheduleTrace, TraceVerdict} from './scheduler';
import {say} from './trace-text';

/**
 * The load the least-connection family compares (ip_vs_dest_conn_overhead):
 * one active connection weighs as much as 256 inactive ones. Persistence
 * templates do not count.
 */
export function connOverhead(d: Dest): number {
	return d.activeConns * 256 + d.inactConns;
}

/** sed and nq count only active connections, plus the one about to arrive. */
export function sedOverhead(d: Dest): number {
	return d.activeConns + 1;
}

/** `10.0.0.2:80`, how traces and notes name a destination. */
export function destLabel(d: Dest): string {
	return `${formatIp(d.addr)}:${d.port}`;
}

/** `overhead 3*256+1 = 769`: the numbers behind connOverhead, for traces. */
export function overheadText(d: Dest): Localized {
	return say.overhead(d, 256, connOverhead(d));
}

/** Starts a trace: which scheduler and the rule in symbols. */
export function beginTrace(trace: ScheduleTrace, scheduler: string, rule: Localized): void {
	trace.scheduler = scheduler;
	trace.rule = rule;
}

export function traceStep(trace: ScheduleTrace, dest: Dest, verdict: TraceVerdict, detail: Localized): void {
	trace.steps.push({dest, verdict, detail});
}

/** Marks every destination the algorithm never looked at. */
export function traceUnseen(trace: ScheduleTrace, svc: Service): void {
	for (const d of svc.dests) {
		if (!trace.steps.some((s) => s.dest === d)) trace.steps.push({dest: d, verdict: 'not-reached'});
	}
}

/**
 * Rewrites the verdicts of a least-load scan once the winner is known: the
 * winner becomes `chosen`, every other candidate that was compared `lost`.
 */
export function settleWinner(trace: ScheduleTrace, winner: Dest | null, from = 0): void {
	for (let i = from; i < trace.steps.length; i++) {
		const s = trace.steps[i]!;
		if (s.verdict !== 'chosen' && s.verdict !== 'lost') continue;
		trace.steps[i] = {...s, verdict: s.dest === winner ? 'chosen' : 'lost'};
	}
}

export function gcd(a: number, b: number): number {
	while (b !== 0) {
		const r = a % b;
		a = b;
		b = r;
	}
	return a;
}
