import type {DestEntry, ServiceEntry} from './libipvs';

/**
 * glibc's qsort(): a top-down merge sort (msort). Reproduced step by step because
 * libipvs's comparators are not always consistent (see below), and then the exact
 * order depends on the algorithm.
 */
export function glibcSort<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
	const sorted = [...items];
	const tmp: T[] = [];
	const msort = (from: number, n: number): void => {
		if (n <= 1) return;
		const n1 = Math.floor(n / 2);
		const n2 = n - n1;
		msort(from, n1);
		msort(from + n1, n2);
		let i = from;
		let j = from + n1;
		let left = n1;
		let right = n2;
		let k = 0;
		while (left > 0 && right > 0) {
			if (compare(sorted[i]!, sorted[j]!) <= 0) {
				tmp[k++] = sorted[i++]!;
				left--;
			} else {
				tmp[k++] = sorted[j++]!;
				right--;
			}
		}
		while (left-- > 0) tmp[k++] = sorted[i++]!;
		// Whatever is left of the second half is already in place.
		for (let m = 0; m < k; m++) sorted[from + m] = tmp[m]!;
	};
	msort(0, sorted.length);
	return sorted;
}

/**
 * `a - b` of two unsigned 32-bit numbers, returned as a C int. Addresses more than
 * 2^31 apart compare the wrong way round: 10.0.0.5 sorts after 192.168.0.10.
 */
function cDiff(a: number, b: number): number {
	return (a - b) | 0;
}

/** ipvs_cmp_services(): fwmark, family, protocol, address, port. */
export function compareServices(a: ServiceEntry, b: ServiceEntry): number {
	return cDiff(a.fwmark, b.fwmark) || a.af - b.af || a.protocol - b.protocol || cDiff(a.addr, b.addr) || a.port - b.port;
}

/** ipvs_cmp_dests(): address, then port. */
export function compareDests(a: DestEntry, b: DestEntry): number {
	return cDiff(a.addr, b.addr) || a.port - b.port;
}
