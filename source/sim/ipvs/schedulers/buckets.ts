import type {Dest, Service} from '../types';

/** sh and dh hash into 2^8 buckets (CONFIG_IP_VS_SH_TAB_BITS / _DH_TAB_BITS). */
export const TAB_BITS = 8;
export const TAB_SIZE = 1 << TAB_BITS;
export const TAB_MASK = TAB_SIZE - 1;

/** The 256-entry server table of sh and dh; rebuilt whenever the list changes. */
export class BucketTable {
	readonly buckets: Array<Dest | null> = new Array<Dest | null>(TAB_SIZE).fill(null);
}

/**
 * Fills the table walking the list round-robin from its first entry. With
 * `weighted`, an entry keeps the walk for `weight` buckets (sh since 3.3);
 * a weight of 0 still takes one bucket. Without it every entry takes one
 * bucket per round (dh, and sh before 3.3).
 */
export function fillBuckets(table: BucketTable, svc: Service, weighted: boolean): void {
	const dests = svc.dests;
	const n = dests.length;
	let p = 0;
	let count = 0;
	for (let i = 0; i < TAB_SIZE; i++) {
		if (n === 0) {
			table.buckets[i] = null;
			continue;
		}
		const d = dests[p]!;
		table.buckets[i] = d;
		if (!weighted || ++count >= d.weight) {
			p = p + 1 < n ? p + 1 : 0;
			count = 0;
		}
	}
}
