/**
 * POSIX regular expressions (GNU flavour) as grep and sed read them, turned into
 * JavaScript RegExps. Basic syntax (BRE) by default, extended (ERE) with -E.
 */
export type RegexResult = {ok: true; source: string} | {ok: false; message: string};

/** POSIX character classes inside brackets, as JavaScript class ranges (grep, sed and the shell's globs). */
export const CLASSES: Record<string, string> = {
	alpha: 'A-Za-z',
	digit: '0-9',
	alnum: '0-9A-Za-z',
	upper: 'A-Z',
	lower: 'a-z',
	space: ' \\t\\n\\r\\f\\v',
	blank: ' \\t',
	punct: '!-\\/:-@\\[-`{-~',
	xdigit: '0-9A-Fa-f',
	cntrl: '\\x00-\\x1f\\x7f',
	print: ' -~',
	graph: '!-~',
};

/** Translates a POSIX pattern; `extended` selects ERE. Messages are GNU regex's. */
export function translateRegex(pattern: string, extended: boolean): RegexResult {
	let out = '';
	let depth = 0;
	let atStart = true;
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i]!;
		const wasStart = atStart;
		atStart = false;
		if (c === '[') {
			const r = bracket(pattern, i);
			if (!r) return {ok: false, message: 'Unmatched [, [^, [:, [., or [='};
			out += r.source;
			i = r.end;
			continue;
		}
		if (c === '\\') {
			const n = pattern[i + 1];
			if (n === undefined) return {ok: false, message: 'Trailing backslash'};
			i++;
			if (!extended && n === '(') {
				out += '(';
				depth++;
				atStart = true;
			} else if (!extended && n === ')') {
				if (depth === 0) return {ok: false, message: 'Unmatched ) or \\)'};
				out += ')';
				depth--;
			} else if (!extended && (n === '{' || n === '}')) out += n;
			else if (!extended && (n === '|' || n === '+' || n === '?')) {
				out += n;
				if (n === '|') atStart = true;
			} else if (n === '<' || n === '>') out += '\\b';
			else if ('wWsSbB'.includes(n)) out += '\\' + n;
			else if (/[1-9]/.test(n)) out += '\\' + n;
			else if (n === 'n') out += '\\n';
			else if (n === 't') out += '\\t';
			else out += escapeJs(n);
			continue;
		}
		if (extended) {
			if (c === '(') {
				depth++;
				out += '(';
				atStart = true;
				continue;
			}
			if (c === ')') {
				if (depth === 0) return {ok: false, message: 'Unmatched ) or \\)'};
				depth--;
				out += ')';
				continue;
			}
			if (c === '|') {
				out += '|';
				atStart = true;
				continue;
			}
			if (c === '{') {
				const m = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(i));
				if (!m) {
					out += '\\{';
					continue;
				}
				out += m[0];
				i += m[0].length - 1;
				continue;
			}
			if ((c === '*' || c === '+' || c === '?') && wasStart) {
				out += '\\' + c;
				continue;
			}
			if (c === '^' || c === '$' || c === '.' || c === '*' || c === '+' || c === '?') {
				out += c;
				if (c === '^') atStart = true;
				continue;
			}
			out += escapeJs(c);
			continue;
		}
		// Basic syntax.
		if (c === '*') {
			out += wasStart ? '\\*' : '*';
			continue;
		}
		if (c === '^') {
			if (wasStart) {
				out += '^';
				atStart = true;
			} else out += '\\^';
			continue;
		}
		if (c === '$') {
			const end = i === pattern.length - 1 || pattern.startsWith('\\)', i + 1) || pattern.startsWith('\\|', i + 1);
			out += end ? '$' : '\\$';
			continue;
		}
		if (c === '.') {
			out += '.';
			continue;
		}
		out += escapeJs(c);
	}
	if (depth > 0) return {ok: false, message: 'Unmatched ( or \\('};
	return {ok: true, source: out};
}

function escapeJs(c: string): string {
	return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

/** A bracket expression starting at `start`; POSIX treats backslash literally inside it. */
function bracket(p: string, start: number): {source: string; end: number} | undefined {
	let i = start + 1;
	let body = '';
	let negate = false;
	if (p[i] === '^') {
		negate = true;
		i++;
	}
	let first = true;
	for (; i < p.length; i++) {
		const c = p[i]!;
		if (c === ']' && !first) return {source: `[${negate ? '^' : ''}${body}]`, end: i};
		first = false;
		if (c === '[' && p[i + 1] === ':') {
			const close = p.indexOf(':]', i + 2);
			if (close < 0) return undefined;
			const name = p.slice(i + 2, close);
			const cls = CLASSES[name];
			if (cls === undefined) return undefined;
			body += cls;
			i = close + 1;
			continue;
		}
		if (c === '\\' || c === ']' || c === '[' || c === '^') body += '\\' + c;
		else body += c;
	}
	return undefined;
}

/** Builds the RegExp, or the error text; `flags` are JS flags (`i`, `g`). */
export function compile(pattern: string, extended: boolean, flags = ''): RegExp | string {
	const t = translateRegex(pattern, extended);
	if (!t.ok) return t.message;
	try {
		return new RegExp(t.source, flags);
	} catch {
		return /\\\{|\{/.test(pattern) ? 'Invalid content of \\{\\}' : 'Invalid regular expression';
	}
}
