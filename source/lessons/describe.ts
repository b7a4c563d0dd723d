import type {Translate} from '../i18n/i18n';
import {predicateOf} from './predicates/evaluate';
import type {Goal} from './schema';

/** `key=value` details of a predicate's optional fields, language-neutral. */
function details(args: Record<string, unknown>, skip: readonly string[]): string {
	const parts = Object.entries(args)
		.filter(([k, v]) => !skip.includes(k) && v !== undefined)
		.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
	return parts.length ? ` (${parts.join(', ')})` : '';
}

/**
 * The line a learner reads in the goal checklist: the author's `text`, or a
 * sentence generated from the predicate in the learner's language.
 */
export function describeGoal(goal: Goal, t: Translate): string {
	if (goal.text) return goal.text;
	const name = predicateOf(goal);
	if (goal.all) return t('goals.all', {list: goal.all.map((g) => describeGoal(g, t)).join('; ')});
	if (goal.any) return t('goals.any', {list: goal.any.map((g) => describeGoal(g, t)).join('; ')});
	if (goal.not) return t('goals.not', {goal: describeGoal(goal.not, t)});
	const raw = (goal as Record<string, unknown>)[name];
	const args = (typeof raw === 'string' ? {match: raw} : raw) as Record<string, unknown>;
	const s = (k: string) => String(args[k] ?? '');
	switch (name) {
		case 'ipvs-service':
			return args.exists === false
				? t('goals.ipvsServiceGone', {host: s('host'), service: s('service')})
				: t('goals.ipvsService', {host: s('host'), service: s('service'), details: details(args, ['host', 'service', 'exists'])});
		case 'ipvs-dest':
			return args.exists === false
				? t('goals.ipvsDestGone', {host: s('host'), service: s('service'), dest: s('dest')})
				: t('goals.ipvsDest', {host: s('host'), service: s('service'), dest: s('dest'), details: details(args, ['host', 'service', 'dest', 'exists'])});
		case 'ipvs-stats':
			return t('goals.ipvsStats', {host: s('host'), target: s('dest') || s('service'), details: details(args, ['host', 'service', 'dest'])});
		case 'connections':
			return t('goals.connections', {host: s('host'), count: s('count'), details: details(args, ['host', 'count'])});
		case 'file-contains':
			return t('goals.fileContains', {host: s('host'), path: s('path'), text: s('text') || s('match')});
		case 'file-exists':
			return t('goals.fileExists', {host: s('host'), path: s('path')});
		case 'sysctl':
			return t('goals.sysctl', {host: s('host'), key: s('key'), value: s('value')});
		case 'address-on':
			return t('goals.addressOn', {host: s('host'), address: s('address'), details: details(args, ['host', 'address'])});
		case 'route':
			return t('goals.route', {host: s('host'), to: s('to'), details: details(args, ['host', 'to'])});
		case 'neighbor':
			return t('goals.neighbor', {host: s('host'), ip: s('ip'), details: details(args, ['host', 'ip'])});
		case 'host-state':
			return t('goals.hostState', {host: s('host'), details: details(args, ['host'])});
		case 'shell-on':
			return t('goals.shellOn', {host: String(raw)});
		case 'process-running':
			return t('goals.processRunning', {host: s('host'), match: s('match'), details: details(args, ['host', 'match'])});
		case 'command-ran':
			return t('goals.commandRan', {match: s('match'), details: details(args, ['match'])});
		case 'output-matched':
			return t('goals.outputMatched', {match: s('match'), details: details(args, ['match'])});
		case 'timeline-event':
			return t('goals.timelineEvent', {match: s('match'), details: details(args, ['match'])});
		default:
			return name;
	}
}
