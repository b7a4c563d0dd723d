import {placesOf} from '../record';
import type {Goal} from '../schema';
import {compareCount} from './compare';
import type {GoalContext} from './context';

export function commandRan(args: NonNullable<Goal['command-ran']>, ctx: GoalContext): boolean {
	const a = typeof args === 'string' ? {match: args} : args;
	const re = new RegExp(a.match);
	// Counted per command: `curl …; curl …` typed on one line is two requests.
	let n = 0;
	for (const r of ctx.records) {
		if (a.success !== undefined && (r.status === 0) !== a.success) continue;
		for (const p of placesOf(r)) if ((a.host === undefined || p.host === a.host) && re.test(p.line)) n++;
	}
	return a.count === undefined ? n > 0 : compareCount(n, a.count);
}

export function outputMatched(args: NonNullable<Goal['output-matched']>, ctx: GoalContext): boolean {
	const a = typeof args === 'string' ? {match: args} : args;
	let record = ctx.records[ctx.records.length - 1];
	if (a.command !== undefined) {
		const re = new RegExp(a.command);
		record = [...ctx.records].reverse().find((r) => placesOf(r).some((p) => re.test(p.line)));
	}
	if (!record) return false;
	const text = a.stream === 'out' ? record.out : a.stream === 'err' ? record.err : record.output;
	return new RegExp(a.match, 'm').test(text);
}

export function timelineEvent(args: NonNullable<Goal['timeline-event']>, ctx: GoalContext): boolean {
	const a = typeof args === 'string' ? {match: args} : args;
	const re = new RegExp(a.match);
	return ctx.lab.world.timeline
		.list(ctx.timelineSince)
		.some((e) => (a.source === undefined || e.source === a.source) && (a.host === undefined || e.host === a.host) && re.test(e.text));
}
