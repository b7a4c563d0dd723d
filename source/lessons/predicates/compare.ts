/** Checks a number against a goal's count: `3`, `'>= 3'`, `'!= 0'`… */
export function compareCount(actual: number, wanted: number | string): boolean {
	if (typeof wanted === 'number') return actual === wanted;
	const m = /^(==|!=|>=|<=|>|<)\s*(\d+)$/.exec(wanted.trim());
	if (!m) return false;
	const n = Number(m[2]);
	switch (m[1]) {
		case '==':
			return actual === n;
		case '!=':
			return actual !== n;
		case '>=':
			return actual >= n;
		case '<=':
			return actual <= n;
		case '>':
			return actual > n;
		default:
			return actual < n;
	}
}
