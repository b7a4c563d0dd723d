import type {Ip} from '../../net/ipv4';
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
	/** The numbers the rule compared, language-neutral, e.g. `overhead 3*256+1 = 769, weight 2`. */
	readonly detail: string;
}

/** A scheduler's account of one decision, for the lab's `explain` command. */
export interface ScheduleTrace {
	scheduler: string;
	/** The rule in symbols, e.g. `least (active*256+inactive)/weight`. */
	rule: string;
	/** Destinations in the order the algorithm looked at them. */
	steps: TraceStep[];
	/** Extra facts (rr position, wrr current weight, sh bucket and hash), language-neutral. */
	notes: string[];
}

/**
 * A kernel IPVS scheduler module (ip_vs_rr, ip_vs_wlc, …). Per-service state
 * lives in `svc.schedState`, created by `init` and refreshed by `update`.
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
