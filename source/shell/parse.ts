import type {AndOr, CaseEnd, CommandList, Compound, ParseResult, Pipeline, Redirect, SimpleCommand, Word} from './ast';
import {Incomplete, Lexer, SyntaxError_, type Op, type Token} from './lex';

/** Reserved words that open a compound command the lab runs. */
const OPENERS = new Set(['for', 'while', 'until', 'if', 'case', '{']);
/** Reserved words that can only continue or close one; anywhere else bash calls them unexpected. */
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);

/**
 * Parses shell input the way bash would for the subset the lab supports:
 * quoting, `$VAR`/`$?`/`$(…)`, pipes, `;` `&&` `||` `&`, redirections, heredocs and
 * here-strings, the compound commands `for`, `while`, `until`, `if`, `case`,
 * `( … )`, `{ …; }` and `(( … ))`, function definitions and the `time` keyword.
 * Returns `incomplete` when more lines are needed (open quote, heredoc, trailing `|`,
 * a loop without its `done`, a `case` without its `esac`).
 */
export function parse(source: string): ParseResult {
	try {
		const tokens = new Lexer(source).tokens();
		return {kind: 'ok', list: new Parser(tokens, source).list()};
	} catch (error) {
		if (error instanceof Incomplete) return {kind: 'incomplete'};
		if (error instanceof SyntaxError_) return {kind: 'error', message: error.message};
		// Thousands of nested `(` or `$(` run the parser out of stack: refuse the line, keep the lab.
		if (error instanceof RangeError) return {kind: 'error', message: 'this command nests too deeply for the lab (it takes a few hundred levels)', lab: true};
		throw error;
	}
}

/** Where a list inside a compound command ends. */
interface Stop {
	readonly words?: ReadonlySet<string>;
	readonly ops?: ReadonlySet<Op>;
	/** The list may be empty (a `case` item: `x) ;;`). */
	readonly empty?: boolean;
}

const UNTIL_DO: Stop = {words: new Set(['do'])};
const UNTIL_DONE: Stop = {words: new Set(['done'])};
const UNTIL_THEN: Stop = {words: new Set(['then'])};
const UNTIL_ELSE: Stop = {words: new Set(['elif', 'else', 'fi'])};
const UNTIL_FI: Stop = {words: new Set(['fi'])};
const UNTIL_BRACE: Stop = {words: new Set(['}'])};
const UNTIL_PAREN: Stop = {ops: new Set<Op>([')'])};
const CASE_ENDS = new Set<Op>([';;', ';&', ';;&']);
const UNTIL_CASE_END: Stop = {words: new Set(['esac']), ops: CASE_ENDS, empty: true};

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
	 * A list of and-or items. Inside a compound command it ends before the first
	 * `stop` token (`done`, `fi`, `)`, `;;`…) found where a command could start or
	 * right after a compound command (`do (echo) done`); running out of input there
	 * means more lines are needed. Only a `case` item may have an empty list.
	 */
	private listUntil(stop: Stop | undefined): CommandList {
		const items: AndOr[] = [];
		this.skipNewlines();
		for (;;) {
			if (this.i >= this.tokens.length) {
				if (stop) throw new Incomplete();
				break;
			}
			if (this.stopsAt(stop)) {
				if (items.length === 0 && !stop!.empty) throw this.unexpected(this.tokens[this.i]!);
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
			let newline = false;
			const sep = this.tokens[this.i];
			if (sep?.t === 'op' && (sep.op === ';' || sep.op === '&')) {
				background = sep.op === '&';
				this.i++;
			} else if (sep?.t === 'nl') {
				newline = true;
				this.i++;
			} else if (sep && this.stopsAt(stop)) {
				items.push({first, rest, background});
				break;
			} else if (sep) {
				throw this.unexpected(sep);
			}
			items.push(newline ? {first, rest, background, newline} : {first, rest, background});
			this.skipNewlines();
			const after = this.tokens[this.i];
			if (after?.t === 'op' && (after.op === ';' || after.op === '&')) throw this.unexpected(after);
		}
		return items;
	}

	/** Whether the current token ends the list being read. */
	private stopsAt(stop: Stop | undefined): boolean {
		if (!stop) return false;
		const tok = this.tokens[this.i];
		if (tok?.t === 'op') return stop.ops?.has(tok.op) ?? false;
		const keyword = this.reserved(this.i);
		return keyword !== undefined && (stop.words?.has(keyword) ?? false);
	}

	/** The reserved word at token `i`, if it is one (an unquoted plain word). */
	private reserved(i: number): string | undefined {
		const tok = this.tokens[i];
		if (tok?.t !== 'word' || tok.word.length !== 1) return undefined;
		const part = tok.word[0]!;
		if (part.kind !== 'text' || part.quoted) return undefined;
		return OPENERS.has(part.text) || CLOSERS.has(part.text) || part.text === 'in' || part.text === 'function' ? part.text : undefined;
	}

	/** Consumes the reserved word `word`, or reports what stands there instead. */
	private expectReserved(word: string): void {
		const tok = this.tokens[this.i];
		if (!tok) throw new Incomplete();
		if (this.reserved(this.i) !== word) throw this.unexpected(tok);
		this.i++;
	}

	/** The compound command starting at the current token, if one does. */
	private compound(keyword: string | undefined): Compound | undefined {
		const tok = this.tokens[this.i];
		if (!tok) return undefined;
		if (tok.t === 'op' && tok.op === '(') {
			this.i++;
			const body = this.listUntil(UNTIL_PAREN);
			this.i++;
			return {kind: 'subshell', body};
		}
		if (tok.t === 'arith') {
			this.i++;
			return {kind: 'arith', source: tok.source};
		}
		if (keyword === undefined || !OPENERS.has(keyword)) return undefined;
		if (keyword === '{') {
			this.i++;
			const body = this.listUntil(UNTIL_BRACE);
			this.i++;
			return {kind: 'group', body};
		}
		if (keyword === 'for') return this.forClause();
		if (keyword === 'if') return this.ifClause();
		if (keyword === 'case') return this.caseClause();
		return this.loopClause(keyword as 'while' | 'until');
	}

	/**
	 * `case WORD in [(]PATTERN[|PATTERN]…) LIST ;; … esac`: the last item may leave
	 * out its `;;`, and `esac` where a pattern would start closes the command.
	 */
	private caseClause(): Compound {
		this.i++;
		const wordTok = this.tokens[this.i];
		if (!wordTok) throw new Incomplete();
		if (wordTok.t !== 'word') throw this.unexpected(wordTok);
		this.i++;
		this.skipNewlines();
		this.expectReserved('in');
		this.skipNewlines();
		const items: Array<{patterns: Word[]; body: CommandList; end: CaseEnd; raw: string[]}> = [];
		for (;;) {
			if (this.i >= this.tokens.length) throw new Incomplete();
			if (this.reserved(this.i) === 'esac') {
				this.i++;
				break;
			}
			const open = this.tokens[this.i]!;
			if (open.t === 'op' && open.op === '(') this.i++;
			const patterns: Word[] = [];
			const raw: string[] = [];
			for (;;) {
				const tok = this.tokens[this.i];
				if (!tok) throw new Incomplete();
				if (tok.t !== 'word') throw this.unexpected(tok);
				patterns.push(tok.word);
				raw.push(this.text(tok));
				this.i++;
				const next = this.tokens[this.i];
				if (!next) throw new Incomplete();
				this.i++;
				if (next.t === 'op' && next.op === ')') break;
				if (next.t !== 'op' || next.op !== '|') throw this.unexpected(next);
			}
			const body = this.listUntil(UNTIL_CASE_END);
			const endTok = this.tokens[this.i]!;
			let end: CaseEnd = ';;';
			if (endTok.t === 'op' && CASE_ENDS.has(endTok.op)) {
				end = endTok.op as CaseEnd;
				this.i++;
				this.skipNewlines();
			}
			items.push({patterns, body, end, raw});
		}
		return {kind: 'case', word: wordTok.word, items, raw: this.text(wordTok)};
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
		const raw: string[] = [];
		const next = this.tokens[this.i];
		if (!next) throw new Incomplete();
		const positional = this.reserved(this.i) !== 'in';
		if (!positional) {
			this.i++;
			for (;;) {
				const tok = this.tokens[this.i];
				if (!tok) throw new Incomplete();
				if (tok.t === 'word') {
					words.push(tok.word);
					raw.push(this.text(tok));
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
		const body = this.listUntil(UNTIL_DONE);
		this.expectReserved('done');
		return {kind: 'for', name, words, raw, positional, body};
	}

	/** `while LIST; do LIST; done` and `until …`. */
	private loopClause(kind: 'while' | 'until'): Compound {
		this.i++;
		const condition = this.listUntil(UNTIL_DO);
		this.expectReserved('do');
		const body = this.listUntil(UNTIL_DONE);
		this.expectReserved('done');
		return {kind, condition, body};
	}

	/** `if LIST; then LIST; [elif LIST; then LIST;]… [else LIST;] fi`. */
	private ifClause(): Compound {
		const branches: Array<{condition: CommandList; body: CommandList}> = [];
		let otherwise: CommandList | undefined;
		this.i++;
		for (;;) {
			const condition = this.listUntil(UNTIL_THEN);
			this.expectReserved('then');
			const body = this.listUntil(UNTIL_ELSE);
			branches.push({condition, body});
			const word = this.reserved(this.i);
			this.i++;
			if (word === 'elif') continue;
			if (word === 'else') {
				otherwise = this.listUntil(UNTIL_FI);
				this.expectReserved('fi');
			}
			break;
		}
		return {kind: 'if', branches, otherwise};
	}

	private skipNewlines(): void {
		while (this.tokens[this.i]?.t === 'nl') this.i++;
	}

	/**
	 * `[time [-p]] [!] COMMAND [| COMMAND]…`. `time` is a keyword only here, at the
	 * start of a pipeline, and may time nothing (`time` alone, before `;` or a newline).
	 */
	private pipeline(): Pipeline {
		let negated = false;
		let timed: 'bash' | 'posix' | undefined;
		let timeStart = 0;
		for (;;) {
			const word = this.plain(this.i);
			if (word === '!' && !negated) negated = true;
			else if (word === 'time' && !timed) {
				timed = 'bash';
				timeStart = this.tokens[this.i]!.start;
				// bash reads `time -p`, and `time --` too, as the POSIX format.
				if (this.plain(this.i + 1) === '-p') {
					timed = 'posix';
					this.i++;
				}
				if (this.plain(this.i + 1) === '--') {
					timed = 'posix';
					this.i++;
				}
			} else break;
			this.i++;
		}
		if (timed) {
			const next = this.tokens[this.i];
			if (!next || next.t === 'nl' || (next.t === 'op' && next.op === ';')) return {commands: [], negated, timed};
		}
		const firstStart = this.tokens[this.i]?.start ?? 0;
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
		if (!timed) return {commands, negated};
		// As in bash's job list, the timed command's text starts at `time` (`time wait`).
		commands[0] = {...commands[0]!, text: this.src.slice(timeStart, firstStart + commands[0]!.text.length)};
		return {commands, negated, timed};
	}

	/** The text of the unquoted plain word at token `i`, if it is one. */
	private plain(i: number): string | undefined {
		const tok = this.tokens[i];
		if (tok?.t !== 'word' || tok.word.length !== 1) return undefined;
		const part = tok.word[0]!;
		return part.kind === 'text' && !part.quoted ? part.text : undefined;
	}

	/** A token's source text, as typed. */
	private text(tok: Token): string {
		return this.src.slice(tok.start, tok.end);
	}

	private command(): SimpleCommand {
		const assignments: Array<{name: string; value: Word}> = [];
		const words: Word[] = [];
		const redirects: Redirect[] = [];
		const raw: string[] = [];
		const startTok = this.tokens[this.i];
		let end = startTok?.start ?? 0;
		const keyword = this.reserved(this.i);
		if (keyword !== undefined && CLOSERS.has(keyword)) throw this.unexpected(startTok!);
		if (keyword === 'function') return this.functionKeyword();
		const compound = this.compound(keyword);
		if (compound) {
			end = this.tokens[this.i - 1]!.end;
			for (;;) {
				const last = this.redirect(redirects);
				if (last === undefined) break;
				end = last;
			}
			return {assignments, words, redirects, text: this.src.slice(startTok!.start, end), raw, compound};
		}
		for (;;) {
			const tok = this.tokens[this.i];
			if (!tok || tok.t === 'nl') break;
			if (tok.t === 'word') {
				if (tok.assignment && words.length === 0) assignments.push(tok.assignment);
				else words.push(tok.word);
				raw.push(this.text(tok));
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
		const next = this.tokens[this.i];
		if (next?.t === 'op' && next.op === '(') {
			// `NAME ( )` starts a function definition; after anything else bash calls the `(` unexpected.
			if (words.length !== 1 || assignments.length > 0 || redirects.length > 0) throw this.unexpected(next);
			this.i++;
			this.closeParen();
			return this.functionBody(startTok!, startTok!.start);
		}
		return {assignments, words, redirects, text: this.src.slice(startTok?.start ?? 0, end), raw};
	}

	/** The `)` of a function definition's `()`: bash names whatever stands there instead (`echo (`: the newline). */
	private closeParen(): void {
		const close = this.tokens[this.i];
		if (!close) throw new SyntaxError_("syntax error near unexpected token `newline'");
		if (close.t !== 'op' || close.op !== ')') throw this.unexpected(close);
		this.i++;
	}

	/** `function NAME [()] BODY`. */
	private functionKeyword(): SimpleCommand {
		const start = this.tokens[this.i]!.start;
		this.i++;
		const nameTok = this.tokens[this.i];
		if (!nameTok) throw new SyntaxError_("syntax error near unexpected token `newline'");
		if (nameTok.t !== 'word') throw this.unexpected(nameTok);
		this.i++;
		const open = this.tokens[this.i];
		if (open?.t === 'op' && open.op === '(') {
			this.i++;
			this.closeParen();
		}
		return this.functionBody(nameTok, start);
	}

	/**
	 * The body of a function definition, after newlines if any: a compound command with
	 * its redirections. bash refuses a name that is quoted or has an expansion when the
	 * definition runs, not here.
	 */
	private functionBody(nameTok: Token, start: number): SimpleCommand {
		this.skipNewlines();
		const tok = this.tokens[this.i];
		if (!tok) throw new Incomplete();
		const keyword = this.reserved(this.i);
		const opens = (tok.t === 'op' && tok.op === '(') || tok.t === 'arith' || (keyword !== undefined && OPENERS.has(keyword));
		if (!opens) throw this.unexpected(tok);
		const body = this.command() as SimpleCommand & {compound: Compound};
		const name = this.text(nameTok);
		const part = nameTok.t === 'word' && nameTok.word.length === 1 ? nameTok.word[0]! : undefined;
		const valid = part?.kind === 'text' && !part.quoted;
		const end = this.tokens[this.i - 1]!.end;
		return {assignments: [], words: [], redirects: [], text: this.src.slice(start, end), raw: [], compound: {kind: 'function', name, valid, body}};
	}

	/** Reads one redirection at the current token into `redirects`; returns where it ends, or undefined if there is none. */
	private redirect(redirects: Redirect[]): number | undefined {
		const tok = this.tokens[this.i];
		if (!tok || tok.t === 'nl' || tok.t === 'word' || tok.t === 'arith') return undefined;
		if (tok.t === 'dup') {
			redirects.push({kind: 'dup', fd: tok.fd, to: tok.to});
			this.i++;
			return tok.end;
		}
		if (tok.op === '>' || tok.op === '>>' || tok.op === '&>' || tok.op === '&>>' || tok.op === '<' || tok.op === '<<<') {
			const target = this.tokens[this.i + 1];
			if (!target) throw new SyntaxError_("syntax error near unexpected token `newline'");
			if (target.t !== 'word') throw this.unexpected(target);
			const raw = this.text(target);
			if (tok.op === '<') redirects.push({kind: 'in', target: target.word, raw});
			else if (tok.op === '<<<') redirects.push({kind: 'herestring', target: target.word, raw});
			else
				redirects.push({
					kind: 'out',
					fd: tok.op.startsWith('&') ? 'both' : (tok.fd ?? 1),
					append: tok.op.endsWith('>>'),
					target: target.word,
					raw,
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
		// bash names a misplaced `(( … ))` by what stands inside.
		const text = tok.t === 'nl' ? 'newline' : tok.t === 'op' ? tok.op : tok.t === 'arith' ? tok.source : this.src.slice(tok.start, tok.end);
		return new SyntaxError_(`syntax error near unexpected token \`${text}'`);
	}
}
