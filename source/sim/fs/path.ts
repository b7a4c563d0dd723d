/** Path helpers for the simulated hosts' file systems (always absolute, `/`-separated). */

/** Resolves `target` against `cwd`, handling `~`, `.`, `..` and repeated slashes. */
export function resolvePath(cwd: string, target: string, home = '/root'): string {
	let p = target;
	if (p === '~') p = home;
	else if (p.startsWith('~/')) p = home + p.slice(1);
	const start = p.startsWith('/') ? [] : cwd.split('/');
	const parts: string[] = [];
	for (const seg of [...start, ...p.split('/')]) {
		if (seg === '' || seg === '.') continue;
		if (seg === '..') parts.pop();
		else parts.push(seg);
	}
	return '/' + parts.join('/');
}

export function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}
