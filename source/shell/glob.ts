import type {FileSystem} from '../sim/fs/filesystem';

/** True when an unquoted word piece would be globbed by bash. */
export function hasGlob(text: string): boolean {
	return /[*?[]/.test(text);
}

/** Escapes glob metacharacters in quoted text so they match literally. */
export function escapeGlob(text: string): string {
	return text.replace(/[*?[\]\\]/g, (c) => '\\' + c);
}

export function unescapeGlob(pattern: string): string {
	return pattern.replace(/\\(.)/g, '$1');
}

function segmentRegex(segment: string): RegExp {
	let re = '';
	for (let i = 0; i < segment.length; i++) {
		const c = segment[i]!;
		if (c === '\\' && i + 1 < segment.length) re += escapeRe(segment[++i]!);
		else if (c === '*') re += '[^/]*';
		else if (c === '?') re += '[^/]';
		else if (c === '[') {
			const close = segment.indexOf(']', i + 2);
			if (close < 0) re += '\\[';
			else {
				let body = segment.slice(i + 1, close);
				if (body.startsWith('!')) body = '^' + body.slice(1);
				re += '[' + body.replace(/\\/g, '\\\\') + ']';
				i = close;
			}
		} else re += escapeRe(c);
	}
	return new RegExp('^' + re + '$');
}

function escapeRe(c: string): string {
	return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Expands a glob pattern (absolute, with `\`-escaped literals) against a host's
 * file system. Returns sorted matches; hidden files only match an explicit dot.
 */
export function glob(fs: FileSystem, pattern: string): string[] {
	const segments = pattern.split('/').filter((s) => s !== '');
	let paths = ['/'];
	for (const segment of segments) {
		const next: string[] = [];
		if (!hasGlob(segment.replace(/\\./g, ''))) {
			const name = unescapeGlob(segment);
			for (const p of paths) {
				const candidate = p === '/' ? '/' + name : p + '/' + name;
				if (fs.exists(candidate)) next.push(candidate);
			}
		} else {
			const re = segmentRegex(segment);
			for (const p of paths) {
				if (!fs.isDir(p)) continue;
				for (const name of fs.list(p)) {
					if (name.startsWith('.') && !segment.startsWith('.')) continue;
					if (re.test(name)) next.push(p === '/' ? '/' + name : p + '/' + name);
				}
			}
		}
		paths = next;
		if (paths.length === 0) break;
	}
	return paths.sort();
}
