import type {Route} from '../host';
import type {Ip} from './ipv4';

/**
 * Modern kernels walk a trie: addresses in ascending order, longer prefixes first
 * for the same address. 2.6-era fib_hash walks zones from the longest prefix down,
 * each zone in the order of its hash buckets.
 */
export function inKernelOrder<T extends Route>(routes: readonly T[], old: boolean): T[] {
	if (!old) return [...routes].sort((a, b) => a.dest - b.dest || b.prefix - a.prefix);
	const perZone = new Map<number, number>();
	for (const r of routes) perZone.set(r.prefix, (perZone.get(r.prefix) ?? 0) + 1);
	const bucket = (r: Route) => fnHash(r.dest, r.prefix, divisor(r.prefix, perZone.get(r.prefix) ?? 0));
	return [...routes].sort((a, b) => b.prefix - a.prefix || bucket(a) - bucket(b) || a.dest - b.dest);
}

/** fib_hash's bucket for a key in the zone of `prefix`. */
function fnHash(key: Ip, prefix: number, size: number): number {
	if (prefix === 0) return 0;
	let h = key >>> (32 - prefix);
	h ^= h >>> 20;
	h ^= h >>> 10;
	h ^= h >>> 5;
	return h & (size - 1);
}

/** Zone hash size: 16 buckets, 256 once the zone holds more than 32 routes, 1024 past 512. */
function divisor(prefix: number, count: number): number {
	if (prefix === 0) return 1;
	return count > 512 ? 1024 : count > 32 ? 256 : 16;
}
