import {CLASSES} from '../commands/files/regex';
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

/**
 * The regular expression for a glob pattern: `*`, `?`, brackets (`[a-z]`, `[!x]`,
 * `[^x]`, `[[:alpha:]]`, `]` first is literal) and `\`-escapes. `any` is what `*` and
 * `?` may match: one path segment's characters, or anything for `case`.
 */
function patternSource(pattern: string, any: string): string {
	let re = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i]!;
		if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
		else if (c === '*') re += any + '*';
		else if (c === '?') re += any;
		else if (c === '[') {
			const bracket = readBracket(pattern, i);
			if (bracket) {
				re += bracket.source;
				i = bracket.end;
			} else re += '\\[';
		} else re += escapeRe(c);
	}
	return re;
}

/** A bracket expression starting at `start` (the `[`), or undefined when it never closes (then `[` is literal). */
function readBracket(pattern: string, start: number): {source: string; end: number} | undefined {
	let i = start + 1;
	let negate = false;
	if (pattern[i] === '!' || pattern[i] === '^') {
		negate = true;
		i++;
	}
	let body = '';
	for (let first = true; i < pattern.length; first = false) {
		const c = pattern[i]!;
		if (c === ']' && !first) {
			// Only reversed ranges inside: nothing matches (or, negated, anything).
			if (body === '') return {source: negate ? '[\\s\\S]' : '(?!)', end: i};
			return {source: `[${negate ? '^' : ''}${body}]`, end: i};
		}
		if (c === '[' && pattern[i + 1] === ':') {
			const close = pattern.indexOf(':]', i + 2);
			const name = close < 0 ? undefined : pattern.slice(i + 2, close);
			if (name !== undefined && CLASSES[name] !== undefined) {
				body += CLASSES[name];
				i = close + 2;
				continue;
			}
		}
		let ch = c;
		if (c === '\\' && i + 1 < pattern.length) ch = pattern[++i]!;
		body += escapeClass(ch);
		i++;
		if (pattern[i] === '-' && pattern[i + 1] !== undefined && pattern[i + 1] !== ']') {
			let to = pattern[i + 1]!;
			i += 2;
			if (to === '\\' && i < pattern.length) to = pattern[i++]!;
			// A reversed range matches nothing in bash; JavaScript would reject it.
			if (to < ch) body = body.slice(0, -escapeClass(ch).length);
			else body += '-' + escapeClass(to);
		}
	}
	return undefined;
}

function escapeClass(c: string): string {
	return /[\\\]\[^-]/.test(c) ? '\\' + c : c;
}

function segmentRegex(segment: string): RegExp {
	return new RegExp('^' + patternSource(segment, '[^/]') + '$');
}

/** bash's pattern matching for `case`: like a glob, but `*` and `?` match `/` and leading dots too. */
export function matchPattern(pattern: string, text: string): boolean {
	return new RegExp('^' + patternSource(pattern, '[\\s\\S]') + '$').test(text);
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
