import type {Goal} from '../schema';
import type {GoalContext} from './context';
import {commandRan, outputMatched, timelineEvent} from './history';
import {addressOn, fileContains, fileExists, hostState, neighbor, processRunning, route, shellOn, sysctl} from './host';
import {connections, ipvsDest, ipvsService, ipvsStats} from './ipvs';

export type {GoalContext} from './context';

/** Whether a goal holds right now. Never throws: a goal about a missing host is simply false. */
export function evaluate(goal: Goal, ctx: GoalContext): boolean {
	if (goal.all) return goal.all.every((g) => evaluate(g, ctx));
	if (goal.any) return goal.any.some((g) => evaluate(g, ctx));
	if (goal.not) return !evaluate(goal.not, ctx);
	if (goal['ipvs-service']) return ipvsService(goal['ipvs-service'], ctx);
	if (goal['ipvs-dest']) return ipvsDest(goal['ipvs-dest'], ctx);
	if (goal['ipvs-stats']) return ipvsStats(goal['ipvs-stats'], ctx);
	if (goal.connections) return connections(goal.connections, ctx);
	if (goal['file-contains']) return fileContains(goal['file-contains'], ctx);
	if (goal['file-exists']) return fileExists(goal['file-exists'], ctx);
	if (goal.sysctl) return sysctl(goal.sysctl, ctx);
	if (goal['address-on']) return addressOn(goal['address-on'], ctx);
	if (goal.route) return route(goal.route, ctx);
	if (goal.neighbor) return neighbor(goal.neighbor, ctx);
	if (goal['host-state']) return hostState(goal['host-state'], ctx);
	if (goal['shell-on'] !== undefined) return shellOn(goal['shell-on'], ctx);
	if (goal['process-running']) return processRunning(goal['process-running'], ctx);
	if (goal['command-ran'] !== undefined) return commandRan(goal['command-ran'], ctx);
	if (goal['output-matched'] !== undefined) return outputMatched(goal['output-matched'], ctx);
	if (goal['timeline-event'] !== undefined) return timelineEvent(goal['timeline-event'], ctx);
	return false;
}

/** The name of a goal's predicate. */
export function predicateOf(goal: Goal): string {
	return Object.keys(goal).find((k) => k !== 'text') ?? '?';
}
