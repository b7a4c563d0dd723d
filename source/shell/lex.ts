import type {WordPart} from './ast';

/**
 * The shell's lexer: splits input into words (with their quoting), operators and
 * newlines, and reads heredoc bodies as their lines come. The parser
 * (`parse.ts`) decides what the tokens mean.
 */

export type Op = '|' | '||' | '&' | '&&' | ';' | ';;' | ';&' | ';;&' | '>' | '>>' | '<' | '<<' | '<<-' | '<<<' | '&>' | '&>>' | '(' | ')';

export type Token =
	| {t: 'word'; word: WordPart[]; start: number; end: number; assignment?: {name: string; value: WordPart[]}}
	| {t: 'op'; op: Op; fd?: 1 | 2; start: number; end: number}
	| {t: 'dup'; fd: 1 | 2; to: 1 | 2; start: number; end: number}
	/** `(( … ))` where a command starts: bash's arithmetic command. */
	| {t: 'arith'; source: string; start: number; end: number}
	| {t: 'nl'; start: number; end: number};

interface PendingHeredoc {
	delimiter: string;
	strip: boolean;
	expand: boolean;
	redirect: {kind: 'heredoc'; body: string; expand: boolean};
}

/** How a heredoc was introduced: `<<EOF`, `<<-EOF`, `<<'EOF'` (`type` prints a function's heredocs with it). */
export interface HeredocHeader {
	readonly delimiter: string;
	readonly quoted: boolean;
	readonly strip: boolean;
}

/** The header of each heredoc redirection the lexer made. */
export const heredocHeaders = new WeakMap<object, HeredocHeader>();

/**
 * Where the `$(…)` starting at `start` (the `$`) ends: the index of its closing
 * parenthesis, or undefined when the input ends first. Quotes are skipped, and in
 * a `case` inside, a `)` ends a pattern, not the substitution.
 */
export function substitutionEnd(src: string, start: number): number | undefined {
	let depth = 0;
	// Depths at which a `case` opened inside: there a `)` ends a pattern, not the substitution.
	const cases: number[] = [];
	for (const i of unquoted(src, start + 1)) {
		const ch = src[i]!;
		if (ch === '(') depth++;
		else if (ch === ')') {
			if (cases.length > 0 && cases[cases.length - 1] === depth) continue;
			if (--depth === 0) return i;
		} else if (ch === 'c' && wordAt(src, i, 'case')) cases.push(depth);
		else if (ch === 'e' && wordAt(src, i, 'esac')) cases.pop();
	}
	return undefined;
}

/** Indexes of the characters from `from` on that stand outside quotes and are not backslash-escaped. */
function* unquoted(src: string, from: number): Generator<number> {
	let quote: string | undefined;
	for (let i = from; i < src.length; i++) {
		const ch = src[i]!;
		if (quote) {
			if (ch === quote) quote = undefined;
			else if (ch === '\\' && quote === '"') i++;
		} else if (ch === "'" || ch === '"') quote = ch;
		else if (ch === '\\') i++;
		else yield i;
	}
}

/** More lines are needed (open quote, heredoc, unfinished compound command). */
export class Incomplete extends Error {}
/** Bash would print `syntax error…`: the message without the `bash: ` prefix. */
export class SyntaxError_ extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Whether `text` is a name bash accepts for a variable or function (letters, digits, `_`, no leading digit). */
export function isName(text: string): boolean {
	const m = NAME.exec(text);
	return m !== null && m[0].length === text.length;
}

/** Whether the reserved word `word` stands where a command starts at `i` (for `case`/`esac` inside `$(…)`). */
function wordAt(src: string, i: number, word: string): boolean {
	if (!src.startsWith(word, i) || !/^[\s;|&)]?$/.test(src[i + word.length] ?? '')) return false;
	const before = src.slice(Math.max(0, i - 8), i);
	return /[;|&(\n][ \t]*$/.test(before) || /(^|[\s;|&(])(do|then|else|elif|if|while|until|\{|!)[ \t]+$/.test(before);
}

/** Reserved words after which a command starts. */
const AFTER_KEYWORD = new Set(['do', 'then', 'else', 'elif', 'if', 'while', 'until', '{', '!', 'time']);

export class Lexer {
	private pos = 0;
	private pending: PendingHeredoc[] = [];
	private out: Token[] = [];

	constructor(private readonly src: string) {}

	tokens(): Token[] {
		const src = this.src;
		while (this.pos < src.length) {
			const c = src[this.pos]!;
			if (c === ' ' || c === '\t') {
				this.pos++;
			} else if (c === '\\' && src[this.pos + 1] === '\n') {
				this.pos += 2;
			} else if (c === '\\' && this.pos + 1 === src.length) {
				throw new Incomplete();
			} else if (c === '\n') {
				this.out.push({t: 'nl', start: this.pos, end: this.pos + 1});
				this.pos++;
				this.readHeredocBodies();
			} else if (c === '#') {
				while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
			} else if (this.tryOperator()) {
				// consumed
			} else {
				this.out.push(this.word());
			}
		}
		if (this.pending.length > 0) throw new Incomplete();
		return this.out;
	}

	private tryOperator(): boolean {
		const src = this.src;
		const start = this.pos;
		const rest = src.slice(start, start + 4);
		let fd: 1 | 2 | undefined;
		let body = rest;
		if ((rest[0] === '1' || rest[0] === '2') && (rest[1] === '>' || (rest[0] === '1' && rest[1] === '<'))) {
			fd = rest[0] === '1' ? 1 : 2;
			body = rest.slice(1);
		}
		const dup = /^>&([12])/.exec(body);
		if (dup) {
			const len = (fd ? 1 : 0) + 3;
			this.out.push({t: 'dup', fd: fd ?? 1, to: dup[1] === '1' ? 1 : 2, start, end: start + len});
			this.pos += len;
			return true;
		}
		if (!fd && body.startsWith('((') && this.commandStarts() && this.arithCommand()) return true;
		const ops: Op[] = ['<<<', '<<-', '&>>', ';;&', '||', '&&', '>>', '<<', '&>', ';;', ';&', '|', '&', ';', '>', '<', '(', ')'];
		for (const op of ops) {
			if (body.startsWith(op)) {
				if (fd && !op.startsWith('>')) return false;
				const len = (fd ? 1 : 0) + op.length;
				this.out.push({t: 'op', op, fd, start, end: start + len});
				this.pos += len;
				if (op === '<<' || op === '<<-') this.heredocStart(op === '<<-');
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a command could start here, judging by the token before: bash only
	 * reads `((` as an arithmetic command there (`echo ((1))` is a syntax error).
	 */
	private commandStarts(): boolean {
		const last = this.out[this.out.length - 1];
		if (last?.t === 'op') return !/[<>]/.test(last.op);
		if (last?.t === 'dup') return false;
		if (last?.t !== 'word') return true;
		const part = last.word.length === 1 ? last.word[0]! : undefined;
		return part?.kind === 'text' && !part.quoted && AFTER_KEYWORD.has(part.text);
	}

	/**
	 * `(( … ))` at pos: an arithmetic command when the parenthesis opened second closes
	 * right before a `)`, as bash decides; otherwise (`((echo a); echo b)`) two subshells.
	 */
	private arithCommand(): boolean {
		const src = this.src;
		let depth = 0;
		for (const i of unquoted(src, this.pos + 2)) {
			const ch = src[i]!;
			if (ch === '(') depth++;
			else if (ch === ')') {
				if (depth > 0) depth--;
				else if (src[i + 1] === ')') {
					this.out.push({t: 'arith', source: src.slice(this.pos + 2, i), start: this.pos, end: i + 2});
					this.pos = i + 2;
					return true;
				} else return false;
			}
		}
		throw new Incomplete();
	}

	private heredocStart(strip: boolean): void {
		while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
		if (this.pos >= this.src.length) throw new Incomplete();
		if (this.src[this.pos] === '\n') throw new SyntaxError_("syntax error near unexpected token `newline'");
		const start = this.pos;
		const tok = this.word();
		const raw = this.src.slice(start, this.pos);
		const quoted = /['"\\]/.test(raw);
		const delimiter = tok.word.map((p) => (p.kind === 'text' ? p.text : p.kind === 'var' ? '$' + p.name : '~')).join('');
		const redirect = {kind: 'heredoc' as const, body: '', expand: !quoted};
		heredocHeaders.set(redirect, {delimiter, quoted, strip});
		this.pending.push({delimiter, strip, expand: !quoted, redirect});
		// The parser picks the body up from this marker token.
		this.out.push({t: 'word', word: [{kind: 'text', text: '\u0000heredoc', quoted: true}], start, end: this.pos});
		(this.out[this.out.length - 1] as Token & {heredoc?: unknown}).heredoc = redirect;
	}

	private readHeredocBodies(): void {
		while (this.pending.length > 0) {
			const doc = this.pending[0]!;
			const lines: string[] = [];
			for (;;) {
				if (this.pos >= this.src.length) throw new Incomplete();
				const nl = this.src.indexOf('\n', this.pos);
				const end = nl < 0 ? this.src.length : nl;
				let line = this.src.slice(this.pos, end);
				if (doc.strip) line = line.replace(/^\t+/, '');
				if (nl < 0 && line !== doc.delimiter) throw new Incomplete();
				this.pos = nl < 0 ? end : nl + 1;
				if (line === doc.delimiter) break;
				lines.push(line + '\n');
			}
			doc.redirect.body = lines.join('');
			this.pending.shift();
		}
	}

	/**
	 * `` `cmd` `` at pos: the old form of `$(cmd)`. Inside, a backslash quotes only
	 * `$`, `` ` `` and `\` (and `"` when the backquotes sit in double quotes); other
	 * backslashes stay for the inner command to read.
	 */
	private backquote(quoted: boolean): WordPart {
		const src = this.src;
		let inner = '';
		for (let i = this.pos + 1; i < src.length; i++) {
			const ch = src[i]!;
			if (ch === '`') {
				this.pos = i + 1;
				return {kind: 'subst', source: inner, quoted};
			}
			if (ch === '\\' && i + 1 < src.length) {
				const next = src[i + 1]!;
				if (next === '$' || next === '`' || next === '\\' || (quoted && next === '"')) {
					inner += next;
					i++;
					continue;
				}
			}
			inner += ch;
		}
		throw new Incomplete();
	}

	private word(): Token & {t: 'word'} {
		const src = this.src;
		const start = this.pos;
		const parts: WordPart[] = [];
		let text = '';
		let textQuoted = false;
		const flush = () => {
			if (text !== '') parts.push({kind: 'text', text, quoted: textQuoted});
			text = '';
		};
		const pushText = (s: string, quoted: boolean) => {
			if (quoted !== textQuoted) flush();
			textQuoted = quoted;
			text += s;
		};
		// A `$` starts an expansion when something expandable follows; otherwise it is a plain dollar sign.
		const expand = (quoted: boolean) => {
			const part = this.dollar(quoted);
			if (part) {
				flush();
				parts.push(part);
			} else {
				pushText('$', quoted);
				this.pos++;
			}
		};
		if (src[this.pos] === '~' && (this.pos + 1 === src.length || /[ \t\n/;|&<>)]/.test(src[this.pos + 1]!))) {
			parts.push({kind: 'tilde'});
			this.pos++;
		}
		while (this.pos < src.length) {
			const c = src[this.pos]!;
			if (/[ \t\n|&;<>()]/.test(c)) break;
			if (c === '\\') {
				const next = src[this.pos + 1];
				if (next === undefined) throw new Incomplete();
				if (next !== '\n') pushText(next, true);
				this.pos += 2;
			} else if (c === "'") {
				const close = src.indexOf("'", this.pos + 1);
				if (close < 0) throw new Incomplete();
				if (close === this.pos + 1) {
					flush();
					parts.push({kind: 'text', text: '', quoted: true});
				} else pushText(src.slice(this.pos + 1, close), true);
				this.pos = close + 1;
			} else if (c === '"') {
				this.pos++;
				let closed = false;
				let sawAny = false;
				while (this.pos < src.length) {
					const d = src[this.pos]!;
					if (d === '"') {
						closed = true;
						this.pos++;
						break;
					}
					sawAny = true;
					if (d === '\\' && this.pos + 1 < src.length && '$`"\\\n'.includes(src[this.pos + 1]!)) {
						if (src[this.pos + 1] !== '\n') pushText(src[this.pos + 1]!, true);
						this.pos += 2;
					} else if (d === '$') {
						expand(true);
					} else if (d === '`') {
						flush();
						parts.push(this.backquote(true));
					} else {
						pushText(d, true);
						this.pos++;
					}
				}
				if (!closed) throw new Incomplete();
				if (!sawAny) {
					flush();
					parts.push({kind: 'text', text: '', quoted: true});
				}
			} else if (c === '$') {
				expand(false);
			} else if (c === '`') {
				flush();
				parts.push(this.backquote(false));
			} else {
				pushText(c, false);
				this.pos++;
			}
		}
		flush();
		const token: Token & {t: 'word'} = {t: 'word', word: parts, start, end: this.pos};
		const first = parts[0];
		if (first?.kind === 'text' && !first.quoted) {
			const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
			if (m) {
				const rest = first.text.slice(m[0].length);
				let value: WordPart[] = rest ? [{kind: 'text', text: rest, quoted: false}, ...parts.slice(1)] : parts.slice(1);
				// bash expands a ~ that starts the value (x=~, d=~/logs), as at the start of a word.
				if (rest === '~' ? parts.length === 1 : rest.startsWith('~/')) {
					const after: WordPart[] = rest === '~' ? [] : [{kind: 'text', text: rest.slice(1), quoted: false}];
					value = [{kind: 'tilde'}, ...after, ...parts.slice(1)];
				}
				token.assignment = {name: m[1]!, value};
			}
		}
		return token;
	}

	/** Reads `$NAME`, `${NAME}`, `$?`, `$$`, `$#`, `$@`, `$*`, `$1`, `${10}`, `$(…)`, `$((…))` at pos (which points at `$`). */
	private dollar(quoted: boolean): WordPart | undefined {
		const src = this.src;
		const next = src[this.pos + 1];
		if (next === undefined) return undefined;
		if (next === '?' || next === '$' || next === '#' || next === '@' || next === '*' || /[0-9]/.test(next)) {
			this.pos += 2;
			return {kind: 'var', name: next, quoted};
		}
		if (next === '{') {
			const close = src.indexOf('}', this.pos + 2);
			if (close < 0) throw new Incomplete();
			const name = src.slice(this.pos + 2, close);
			if (!/^([A-Za-z_][A-Za-z0-9_]*|[?$#@*]|[0-9]+)$/.test(name)) throw new SyntaxError_(`\${${name}}: bad substitution`);
			this.pos = close + 1;
			return {kind: 'var', name, quoted};
		}
		if (next === '(') {
			const i = substitutionEnd(src, this.pos);
			if (i === undefined) throw new Incomplete();
			const start = this.pos;
			this.pos = i + 1;
			// `$((…))` is arithmetic when its inner parenthesis closes right before the outer one.
			if (src[start + 2] === '(' && src[i - 1] === ')') return {kind: 'arith', source: src.slice(start + 3, i - 1), quoted};
			return {kind: 'subst', source: src.slice(start + 2, i), quoted};
		}
		const m = NAME.exec(src.slice(this.pos + 1));
		if (!m) return undefined;
		this.pos += 1 + m[0].length;
		return {kind: 'var', name: m[0], quoted};
	}
}
