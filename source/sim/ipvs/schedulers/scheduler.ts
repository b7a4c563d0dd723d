import type {Ip} from '../../net/ipv4';
import type {Dest, Service} from '../types';

/** What a scheduler may look at in the first packet of a new connection. */
export interface PacketInfo {
	saddr: Ip;
	sport: number;
	daddr: Ip;
	dport: number;
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
	/** Picks a destination for a new connection, or null ("no destination available"). */
	schedule(svc: Service, packet: PacketInfo): Dest | null;
}

/** Scheduler modules compiled into a kernel, by kernel era. */
export const SCHEDULERS_2_6 = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq'] as const;
export const SCHEDULERS_MODERN = [...SCHEDULERS_2_6, 'fo', 'ovf', 'mh', 'twos'] as const;
