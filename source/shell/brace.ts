import type {Word, WordPart} from './ast';

/** Bash makes at most this many words from one brace; more is surely a typo, and memory is finite. */
const MAX_WORDS = 100_000;

/**
 * Brace expansion, bash's first expansion: `rs{1..4}`, `{a,b,c}.conf`,
 * `{01..10..3}`, `{a..e}`, nested braces. It works on the unquoted text of a
 * word (a brace inside quotes or next to a `$` expansion stays as typed, like
 * `{}` and `{x}` do), before variables, `$(…)` and globbing.
 */
export function braceExpand(word: Word): Word[] {
	for (let i = 0; i < word.length; i++) {
		const part = word[i]!;
		if (part.kind !== 'text' || part.quoted || !part.text.includes('{')) continue;
		const texts = expandText(part.text);
		if (texts.length === 1 && texts[0] === part.text) continue;
		const before = word.slice(0, i);
		const after = word.slice(i + 1);
		const out: Word[] = [];
		for (const text of texts) {
			const replaced: WordPart[] = [...before, {kind: 'text', text, quoted: false}];
			// Later parts may hold braces of their own.
			for (const rest of braceExpand(after)) out.push([...replaced, ...rest]);
			if (out.length > MAX_WORDS) return [word];
		}
		return out;
	}
	return [word];
}

/**
 * Every word one piece of unquoted text expands to (itself when it has no brace to expand).
 * The lexer turns a backslash-escaped character into quoted text, so unquoted text holds no
 * backslash to honour here.
 */
function expandText(text: string): string[] {
	for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
		const close = matchingClose(text, open);
		if (close < 0) return [text];
		const inner = text.slice(open + 1, close);
		const choices = alternatives(inner) ?? sequence(inner);
		if (!choices) continue;
		const preamble = text.slice(0, open);
		const out: string[] = [];
		const suffixes = expandText(text.slice(close + 1));
		for (const choice of choices) {
			for (const middle of expandText(choice)) {
				for (const suffix of suffixes) {
					out.push(preamble + middle + suffix);
					if (out.length > MAX_WORDS) return [text];
				}
			}
		}
		return out;
	}
	return [text];
}

/** Index of the `}` closing the brace at `open`, or -1. */
function matchingClose(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

/** `a,b,{c,d}` split at its top-level commas; undefined when there is none (`{x}` stays as typed). */
function alternatives(inner: string): string[] | undefined {
	const out: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < inner.length; i++) {
		const c = inner[i];
		if (c === '{') depth++;
		else if (c === '}') depth--;
		else if (c === ',' && depth === 0) {
			out.push(inner.slice(start, i));
			start = i + 1;
		}
	}
	if (out.length === 0) return undefined;
	out.push(inner.slice(start));
	return out;
}

/** `1..5`, `05..1..2`, `a..e`: the sequence, or undefined when it is not one. */
function sequence(inner: string): string[] | undefined {
	const numbers = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/.exec(inner);
	if (numbers) {
		const from = Number(numbers[1]);
		const to = Number(numbers[2]);
		if (Math.abs(to - from) / stepSize(numbers[3]) > MAX_WORDS) return undefined;
		// A leading zero on either end pads every number to the wider of the two.
		const padded = /^[-+]?0\d/.test(numbers[1]!) || /^[-+]?0\d/.test(numbers[2]!);
		const width = padded ? Math.max(numbers[1]!.replace('+', '').length, numbers[2]!.replace('+', '').length) : 0;
		return steps(from, to, numbers[3]).map((n) => pad(n, width));
	}
	const letters = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.([-+]?\d+))?$/.exec(inner);
	if (letters) {
		return steps(letters[1]!.charCodeAt(0), letters[2]!.charCodeAt(0), letters[3]).map((n) => String.fromCharCode(n));
	}
	return undefined;
}

/** bash ignores the sign of a step and reads 0 as 1: the direction comes from the ends. */
function stepSize(step: string | undefined): number {
	return Math.abs(Number(step ?? 1)) || 1;
}

/** `from`, `from ± step`, … up to `to`, counting toward `to`. */
function steps(from: number, to: number, step: string | undefined): number[] {
	const by = (to >= from ? 1 : -1) * stepSize(step);
	const out: number[] = [];
	for (let n = from; by > 0 ? n <= to : n >= to; n += by) out.push(n);
	return out;
}

function pad(n: number, width: number): string {
	if (width === 0) return String(n);
	const digits = String(Math.abs(n)).padStart(n < 0 ? width - 1 : width, '0');
	return n < 0 ? '-' + digits : digits;
}
