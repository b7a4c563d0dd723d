import type {AndOr, CommandList, Compound, ParseResult, Pipeline, Redirect, SimpleCommand, Word, WordPart} from './ast';

type Op = '|' | '||' | '&' | '&&' | ';' | '>' | '>>' | '<' | '<<' | '<<-' | '&>' | '&>>' | '(' | ')';

type Token =
	| {t: 'word'; word: WordPart[]; start: number; end: number; assignment?: {name: string; value: WordPart[]}}
	| {t: 'op'; op: Op; fd?: 1 | 2; start: number; end: number}
	| {t: 'dup'; fd: 1 | 2; to: 1 | 2; start: number; end: number}
	| {t: 'nl'; start: number; end: number};

interface PendingHeredoc {
	delimiter: string;
	strip: boolean;
	expand: boolean;
	redirect: {kind: 'heredoc'; body: string; expand: boolean};
}

class Incomplete extends Error {}
class SyntaxError_ extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Reserved words that open a compound command the lab runs. */
const OPENERS = new Set(['for', 'while', 'until', 'if']);
/** Reserved words that can only continue or close one; anywhere else bash calls them unexpected. */
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);

/**
 * Parses shell input the way bash would for the subset the lab supports:
 * quoting, `$VAR`/`$?`/`$(…)`, pipes, `;` `&&` `||` `&`, redirections, heredocs,
 * and the compound commands `for`, `while`, `until` and `if`.
 * Returns `incomplete` when more lines are needed (open quote, heredoc, trailing `|`,
 * a loop without its `done`).
 */
export function parse(source: string): ParseResult {
	try {
		const tokens = new Lexer(source).tokens();
		return {kind: 'ok', list: new Parser(tokens, source).list()};
	} catch (error) {
		if (error instanceof Incomplete) return {kind: 'incomplete'};
		if (error instanceof SyntaxError_) return {kind: 'error', message: error.message};
		throw error;
	}
}

class Lexer {
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
		const ops: Op[] = ['<<-', '&>>', '||', '&&', '>>', '<<', '&>', '|', '&', ';', '>', '<', '(', ')'];
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
						const part = this.dollar(true);
						if (part) {
							flush();
							parts.push(part);
						} else {
							pushText('$', true);
							this.pos++;
						}
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
				const part = this.dollar(false);
				if (part) {
					flush();
					parts.push(part);
				} else {
					pushText('$', false);
					this.pos++;
				}
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
				const value: WordPart[] = rest ? [{kind: 'text', text: rest, quoted: false}, ...parts.slice(1)] : parts.slice(1);
				token.assignment = {name: m[1]!, value};
			}
		}
		return token;
	}

	/** Reads `$NAME`, `${NAME}`, `$?`, `$$`, `$(…)`, `$((…))` at pos (which points at `$`). */
	private dollar(quoted: boolean): WordPart | undefined {
		const src = this.src;
		const next = src[this.pos + 1];
		if (next === undefined) return undefined;
		if (next === '?' || next === '$' || next === '#' || /[0-9]/.test(next)) {
			this.pos += 2;
			return {kind: 'var', name: next, quoted};
		}
		if (next === '{') {
			const close = src.indexOf('}', this.pos + 2);
			if (close < 0) throw new Incomplete();
			const name = src.slice(this.pos + 2, close);
			if (!/^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])$/.test(name)) throw new SyntaxError_(`\${${name}}: bad substitution`);
			this.pos = close + 1;
			return {kind: 'var', name, quoted};
		}
		if (next === '(') {
			let depth = 0;
			let i = this.pos + 1;
			let quote: string | undefined;
			for (; i < src.length; i++) {
				const ch = src[i]!;
				if (quote) {
					if (ch === quote) quote = undefined;
					else if (ch === '\\' && quote === '"') i++;
				} else if (ch === "'" || ch === '"') quote = ch;
				else if (ch === '\\') i++;
				else if (ch === '(') depth++;
				else if (ch === ')' && --depth === 0) break;
			}
			if (i >= src.length) throw new Incomplete();
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

class Parser {
	private i = 0;

	constructor(
		private readonly tokens: Token[],
		private readonly src: string,
	) {}

	list(): CommandList {
		return this.listUntil(undefined);
	}

	/**
	 * A list of and-or items. Inside a compound command it ends before the first of
	 * `stop` (`done`, `fi`…) found where a command could start; running out of input
	 * there means more lines are needed.
	 */
	private listUntil(stop: ReadonlySet<string> | undefined): CommandList {
		const items: AndOr[] = [];
		this.skipNewlines();
		for (;;) {
			if (this.i >= this.tokens.length) {
				if (stop) throw new Incomplete();
				break;
			}
			const keyword = this.reserved(this.i);
			if (keyword !== undefined && stop?.has(keyword)) {
				if (items.length === 0) throw this.unexpected(this.tokens[this.i]!);
				break;
			}
			const first = this.pipeline();
			const rest: Array<{op: '&&' | '||'; pipeline: Pipeline}> = [];
			for (;;) {
				const tok = this.tokens[this.i];
				if (tok?.t === 'op' && (tok.op === '&&' || tok.op === '||')) {
					this.i++;
					this.skipNewlines();
					if (this.i >= this.tokens.length) throw new Incomplete();
					rest.push({op: tok.op, pipeline: this.pipeline()});
				} else break;
			}
			let background = false;
			const sep = this.tokens[this.i];
			if (sep?.t === 'op' && (sep.op === ';' || sep.op === '&')) {
				background = sep.op === '&';
				this.i++;
			} else if (sep?.t === 'nl') {
				this.i++;
			} else if (sep) {
				throw this.unexpected(sep);
			}
			items.push({first, rest, background});
			this.skipNewlines();
			const after = this.tokens[this.i];
			if (after?.t === 'op' && (after.op === ';' || after.op === '&')) throw this.unexpected(after);
		}
		return items;
	}

	/** The reserved word at token `i`, if it is one (an unquoted plain word). */
	private reserved(i: number): string | undefined {
		const tok = this.tokens[i];
		if (tok?.t !== 'word' || tok.word.length !== 1) return undefined;
		const part = tok.word[0]!;
		if (part.kind !== 'text' || part.quoted) return undefined;
		return OPENERS.has(part.text) || CLOSERS.has(part.text) || part.text === 'in' ? part.text : undefined;
	}

	/** Consumes the reserved word `word`, or reports what stands there instead. */
	private expectReserved(word: string): void {
		const tok = this.tokens[this.i];
		if (!tok) throw new Incomplete();
		if (this.reserved(this.i) !== word) throw this.unexpected(tok);
		this.i++;
	}

	/** `for NAME [in WORDS] ; do LIST done`, with newlines allowed where bash allows them. */
	private forClause(): Compound {
		this.i++;
		const nameTok = this.tokens[this.i];
		if (!nameTok) throw new Incomplete();
		if (nameTok.t !== 'word') throw this.unexpected(nameTok);
		const name = this.src.slice(nameTok.start, nameTok.end);
		this.i++;
		this.skipNewlines();
		const words: Word[] = [];
		const next = this.tokens[this.i];
		if (!next) throw new Incomplete();
		if (this.reserved(this.i) === 'in') {
			this.i++;
			for (;;) {
				const tok = this.tokens[this.i];
				if (!tok) throw new Incomplete();
				if (tok.t === 'word') {
					words.push(tok.word);
					this.i++;
				} else if (tok.t === 'nl' || (tok.t === 'op' && tok.op === ';')) {
					this.i++;
					break;
				} else throw this.unexpected(tok);
			}
			this.skipNewlines();
		} else if (next.t === 'op' && next.op === ';') {
			this.i++;
			this.skipNewlines();
		}
		this.expectReserved('do');
		const body = this.listUntil(new Set(['done']));
		this.expectReserved('done');
		return {kind: 'for', name, words, body};
	}

	/** `while LIST; do LIST; done` and `until …`. */
	private loopClause(kind: 'while' | 'until'): Compound {
		this.i++;
		const condition = this.listUntil(new Set(['do']));
		this.expectReserved('do');
		const body = this.listUntil(new Set(['done']));
		this.expectReserved('done');
		return {kind, condition, body};
	}

	/** `if LIST; then LIST; [elif LIST; then LIST;]… [else LIST;] fi`. */
	private ifClause(): Compound {
		const branches: Array<{condition: CommandList; body: CommandList}> = [];
		let otherwise: CommandList | undefined;
		this.i++;
		for (;;) {
			const condition = this.listUntil(new Set(['then']));
			this.expectReserved('then');
			const body = this.listUntil(new Set(['elif', 'else', 'fi']));
			branches.push({condition, body});
			const word = this.reserved(this.i);
			this.i++;
			if (word === 'elif') continue;
			if (word === 'else') {
				otherwise = this.listUntil(new Set(['fi']));
				this.expectReserved('fi');
			}
			break;
		}
		return {kind: 'if', branches, otherwise};
	}

	private skipNewlines(): void {
		while (this.tokens[this.i]?.t === 'nl') this.i++;
	}

	private pipeline(): Pipeline {
		let negated = false;
		const head = this.tokens[this.i];
		if (head?.t === 'word' && head.word.length === 1 && head.word[0]!.kind === 'text' && !head.word[0]!.quoted && head.word[0]!.text === '!') {
			negated = true;
			this.i++;
		}
		const commands: SimpleCommand[] = [this.command()];
		for (;;) {
			const tok = this.tokens[this.i];
			if (tok?.t === 'op' && tok.op === '|') {
				this.i++;
				this.skipNewlines();
				if (this.i >= this.tokens.length) throw new Incomplete();
				commands.push(this.command());
			} else break;
		}
		return {commands, negated};
	}

	private command(): SimpleCommand {
		const assignments: Array<{name: string; value: Word}> = [];
		const words: Word[] = [];
		const redirects: Redirect[] = [];
		const startTok = this.tokens[this.i];
		let end = startTok?.start ?? 0;
		const keyword = this.reserved(this.i);
		if (keyword !== undefined && CLOSERS.has(keyword)) throw this.unexpected(startTok!);
		if (keyword !== undefined && OPENERS.has(keyword)) {
			const compound = keyword === 'for' ? this.forClause() : keyword === 'if' ? this.ifClause() : this.loopClause(keyword as 'while' | 'until');
			end = this.tokens[this.i - 1]!.end;
			for (;;) {
				const last = this.redirect(redirects);
				if (last === undefined) break;
				end = last;
			}
			return {assignments, words, redirects, text: this.src.slice(startTok!.start, end), compound};
		}
		for (;;) {
			const tok = this.tokens[this.i];
			if (!tok || tok.t === 'nl') break;
			if (tok.t === 'word') {
				if (tok.assignment && words.length === 0) assignments.push(tok.assignment);
				else words.push(tok.word);
				end = tok.end;
				this.i++;
				continue;
			}
			const last = this.redirect(redirects);
			if (last === undefined) break;
			end = last;
		}
		if (words.length === 0 && assignments.length === 0 && redirects.length === 0) {
			const tok = this.tokens[this.i];
			throw tok ? this.unexpected(tok) : new Incomplete();
		}
		return {assignments, words, redirects, text: this.src.slice(startTok?.start ?? 0, end)};
	}

	/** Reads one redirection at the current token into `redirects`; returns where it ends, or undefined if there is none. */
	private redirect(redirects: Redirect[]): number | undefined {
		const tok = this.tokens[this.i];
		if (!tok || tok.t === 'nl' || tok.t === 'word') return undefined;
		if (tok.t === 'dup') {
			redirects.push({kind: 'dup', fd: tok.fd, to: tok.to});
			this.i++;
			return tok.end;
		}
		if (tok.op === '>' || tok.op === '>>' || tok.op === '&>' || tok.op === '&>>' || tok.op === '<') {
			const target = this.tokens[this.i + 1];
			if (!target) throw new SyntaxError_("syntax error near unexpected token `newline'");
			if (target.t !== 'word') throw this.unexpected(target);
			if (tok.op === '<') redirects.push({kind: 'in', target: target.word});
			else
				redirects.push({
					kind: 'out',
					fd: tok.op.startsWith('&') ? 'both' : (tok.fd ?? 1),
					append: tok.op.endsWith('>>'),
					target: target.word,
				});
			this.i += 2;
			return target.end;
		}
		if (tok.op === '<<' || tok.op === '<<-') {
			const marker = this.tokens[this.i + 1] as (Token & {heredoc?: Redirect}) | undefined;
			if (!marker?.heredoc) throw new SyntaxError_("syntax error near unexpected token `newline'");
			redirects.push(marker.heredoc);
			this.i += 2;
			return marker.end;
		}
		return undefined;
	}

	private unexpected(tok: Token): SyntaxError_ {
		const text = tok.t === 'nl' ? 'newline' : tok.t === 'op' ? tok.op : this.src.slice(tok.start, tok.end);
		return new SyntaxError_(`syntax error near unexpected token \`${text}'`);
	}
}
