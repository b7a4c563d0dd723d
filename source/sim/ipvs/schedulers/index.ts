import type {Scheduler} from './scheduler';

const SCHEDULERS = new Map<string, Scheduler>();

/** The scheduler module with this name, if the simulation implements it. */
export function schedulerByName(name: string): Scheduler | undefined {
	return SCHEDULERS.get(name);
}
