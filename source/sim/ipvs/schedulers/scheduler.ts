import type {Localized} from '../../../i18n/lang';
import type {Ip} from '../../net/ipv4';
import type {KernelEra} from '../era';
import type {Dest, Service} from '../types';

/** What a scheduler may look at in the first packet of a new connection. */
export interface PacketInfo {
	saddr: Ip;
	sport: number;
	daddr: Ip;
	dport: number;
}

/** What happened to one destination while the scheduler looked for a winner. */
export type TraceVerdict = 'chosen' | 'lost' | 'skipped-weight' | 'skipped-overloaded' | 'skipped-unavailable' | 'not-reached';

export interface TraceStep {
	readonly dest: Dest;
	readonly verdict: TraceVerdict;
	/** The numbers the rule compared, e.g. `overhead 3*256+1 = 769, weight 2`; none for an entry never looked at. */
	readonly detail?: Localized;
}

/** A scheduler's account of one decision, for the lab's `explain` command. */
export interface ScheduleTrace {
	scheduler: string;
	/** The rule in symbols, e.g. `least (active*256+inactive)/weight`; unset until the scheduler starts. */
	rule?: Localized;
	/** Destinations in the order the algorithm looked at them. */
	steps: TraceStep[];
	/** Extra facts (rr position, wrr current weight, sh bucket and hash). */
	notes: Localized[];
}

/** A fresh trace to hand to `schedule()`. */
export function emptyTrace(): ScheduleTrace {
	return {scheduler: '', steps: [], notes: []};
}

/**
 * What a host's schedulers may read besides the service and the packet.
 * One environment per host: the kernel release picks algorithm variants,
 * lblc/lblcr age their caches on `now()`, twos draws from `rng`.
 */
export interface SchedulerEnv {
	readonly era: KernelEra;
	/** Virtual time in microseconds. */
	now(): number;
	/** Seeded random draws (a `world.rng` fork); never Math.random. */
	readonly rng: {nextUint32(): number};
	/** A sysctl value such as `net.ipv4.vs.lblc_expiration` (seconds), or undefined when unset. */
	sysctl?(key: string): string | undefined;
}

/** Builds a scheduler bound to one host's environment. */
export type SchedulerFactory = (env: SchedulerEnv) => Scheduler;

/**
 * A kernel IPVS scheduler module (ip_vs_rr, ip_vs_wlc, …). Per-service state
 * lives in `svc.schedState`, created by `init` and refreshed by `update`.
 * Instances come from a `SchedulerFactory`, so kernel era, clock and random
 * source are fixed per host and need not travel with every call.
 */
export interface Scheduler {
	readonly name: string;
	/** Called when a service starts using this scheduler. */
	init?(svc: Service): void;
	/** Called after a destination was added, edited or deleted. */
	update?(svc: Service, change: 'add' | 'edit' | 'del', dest: Dest): void;
	/**
	 * Picks a destination for a new connection, or null ("no destination available").
	 * When `trace` is given, records how the decision was made (no effect on the result).
	 */
	schedule(svc: Service, packet: PacketInfo, trace?: ScheduleTrace): Dest | null;
}

/** Scheduler modules compiled into a kernel, by kernel era. */
export const SCHEDULERS_2_6 = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq'] as const;
export const SCHEDULERS_MODERN = [...SCHEDULERS_2_6, 'fo', 'ovf', 'mh', 'twos'] as const;
