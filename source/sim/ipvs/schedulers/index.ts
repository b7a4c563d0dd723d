import {Rng} from '../../rng';
import {kernelEra} from '../era';
import {createDh} from './dh';
import {createFo} from './fo';
import {createLblc} from './lblc';
import {createLblcr} from './lblcr';
import {createLc} from './lc';
import {createMh} from './mh';
import {createNq} from './nq';
import {createOvf} from './ovf';
import {createRr} from './rr';
import type {Scheduler, SchedulerEnv, SchedulerFactory} from './scheduler';
import {createSed} from './sed';
import {createSh} from './sh';
import {createTwos} from './twos';
import {createWlc} from './wlc';
import {createWrr} from './wrr';

/** Every scheduler module the simulation implements, by name. */
export const SCHEDULER_FACTORIES: Readonly<Record<string, SchedulerFactory>> = {
	rr: createRr,
	wrr: createWrr,
	lc: createLc,
	wlc: createWlc,
	sed: createSed,
	nq: createNq,
	sh: createSh,
	dh: createDh,
	lblc: createLblc,
	lblcr: createLblcr,
	fo: createFo,
	ovf: createOvf,
	mh: createMh,
	twos: createTwos,
};

/**
 * One host's scheduler modules, bound to its kernel era, virtual clock and
 * random stream. Pass the result to `new Ipvs(era, host, …)`. Instances are
 * built on first use and reused, so a lookup per packet costs a map read.
 */
export function createSchedulers(env: SchedulerEnv): (name: string) => Scheduler | undefined {
	const made = new Map<string, Scheduler>();
	return (name) => {
		let s = made.get(name);
		if (!s) {
			const factory = Object.hasOwn(SCHEDULER_FACTORIES, name) ? SCHEDULER_FACTORIES[name] : undefined;
			if (!factory) return undefined;
			s = factory(env);
			made.set(name, s);
		}
		return s;
	};
}

let standalone: ((name: string) => Scheduler | undefined) | undefined;

/**
 * The scheduler module with this name, for code without a host at hand:
 * modern kernel, virtual time frozen at 0, a fixed random seed. Anything
 * tied to a world should use `createSchedulers` with the host's environment.
 */
export function schedulerByName(name: string): Scheduler | undefined {
	standalone ??= createSchedulers({era: kernelEra('6.1.0'), now: () => 0, rng: new Rng(0)});
	return standalone(name);
}
