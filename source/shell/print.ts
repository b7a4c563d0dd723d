import type {AndOr, CommandList, Compound, FunctionDefinition, IfClause, Pipeline, Redirect, SimpleCommand} from './ast';
import {heredocHeaders, substitutionEnd} from './lex';
import {parse} from './parse';

/**
 * bash's command printer (what `type NAME` shows for a function): the body
 * re-indented by four spaces a level, one command a line with `;` after it,
 * `elif` written as an `if` inside `else`, words as they were typed and
 * redirections normalised (`2>/dev/null` becomes `2> /dev/null`, `>&2` becomes
 * `1>&2`).
 *
 * It walks the same shape of tree bash prints from: a list is a chain of
 * connections (`a; b; c` is `(a ; b) ; c`), which matters for where heredoc
 * bodies land, since bash prints them after the connector that follows.
 */

type Connector = ';' | '\n' | '&' | '&&' | '||' | '|';

interface Flags {
	readonly time?: 'bash' | 'posix';
	readonly invert?: boolean;
}

type Node =
	| (Flags & {readonly t: 'simple'; readonly words: readonly string[]; readonly redirects: readonly Redirect[]})
	| (Flags & {readonly t: 'connection'; readonly first: Node; readonly op: Connector; readonly second?: Node})
	| (Flags & {readonly t: 'compound'; readonly c: Compound; readonly redirects: readonly Redirect[]});

const INDENT = 4;

/** `NAME () \n{ \n    …\n}` as `type NAME` prints a function (without the `NAME is a function` line). */
export function printFunction(name: string, def: FunctionDefinition): string {
	const p = new Printer();
	return p.functionText(name, def);
}

/** A list as a left-leaning chain of `;` and `&` connections, as bash's parser builds it. */
function listNode(list: CommandList): Node | undefined {
	let node: Node | undefined;
	let previous: AndOr | undefined;
	for (const item of list) {
		const next = andOrNode(item);
		node = node && previous ? {t: 'connection', first: node, op: previous.background ? '&' : previous.newline ? '\n' : ';', second: next} : next;
		previous = item;
	}
	if (node && previous?.background) node = {t: 'connection', first: node, op: '&'};
	return node;
}

function andOrNode(item: AndOr): Node {
	let node = pipelineNode(item.first);
	for (const {op, pipeline} of item.rest) node = {t: 'connection', first: node, op, second: pipelineNode(pipeline)};
	return node;
}

function pipelineNode(pipeline: Pipeline): Node {
	const flags: Flags = {time: pipeline.timed, invert: pipeline.negated};
	if (pipeline.commands.length === 0) return {t: 'simple', words: [], redirects: [], ...flags};
	let node = commandNode(pipeline.commands[0]!);
	for (const cmd of pipeline.commands.slice(1)) node = {t: 'connection', first: node, op: '|', second: commandNode(cmd)};
	return {...node, ...flags};
}

function commandNode(cmd: SimpleCommand): Node {
	if (cmd.compound) return {t: 'compound', c: cmd.compound, redirects: cmd.redirects};
	return {t: 'simple', words: cmd.raw.map(printedWord), redirects: cmd.redirects};
}

/** `elif` is an `if` in the `else` of the one before, as bash stores and prints it. */
function elseNode(c: IfClause): Node | undefined {
	if (c.branches.length <= 1) return c.otherwise ? listNode(c.otherwise) : undefined;
	return {t: 'compound', c: {kind: 'if', branches: c.branches.slice(1), otherwise: c.otherwise}, redirects: []};
}

/**
 * A word as bash keeps it after parsing: as typed, without line continuations,
 * and with each `$(…)` re-printed from its parsed commands (`$(ls   -l)` becomes `$(ls -l)`).
 */
function printedWord(raw: string): string {
	const text = raw.replace(/\\\n/g, '');
	if (!text.includes('$(')) return text;
	let out = '';
	let quote: string | undefined;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quote === "'") {
			if (ch === "'") quote = undefined;
		} else if (ch === '\\') {
			out += ch + (text[i + 1] ?? '');
			i++;
			continue;
		} else if (ch === "'" && !quote) quote = "'";
		else if (ch === '"') quote = quote ? undefined : '"';
		else if (ch === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
			const end = substitutionEnd(text, i);
			if (end !== undefined) {
				const inner = parse(text.slice(i + 2, end));
				if (inner.kind === 'ok') {
					out += '$(' + new Printer(true).listText(inner.list) + ')';
					i = end;
					continue;
				}
			}
		}
		out += ch;
	}
	return out;
}

class Printer {
	private out = '';
	private indentation = 0;
	/** Commands still to print without indenting them first (they follow text on their line). */
	private skip = 0;
	private insideFunction = 0;
	/** The last thing printed was a heredoc body: the `;` after its command is left out. */
	private wasHeredoc = false;
	private connections = 0;
	/** Heredocs whose bodies wait for the connector after their command. */
	private deferred: Redirect[] | undefined;

	/** `comsub`: printing the inside of a `$(…)`. */
	constructor(private readonly comsub = false) {}

	functionText(name: string, def: FunctionDefinition): string {
		this.out = `${name} () \n`;
		this.functionBody(def);
		return this.out;
	}

	/** A function's body between braces on lines of their own, one level deeper. */
	private functionBody(def: FunctionDefinition): void {
		const body = def.body;
		this.indent(this.indentation);
		this.out += '{ \n';
		this.insideFunction++;
		this.indentation += INDENT;
		let outer: readonly Redirect[] = [];
		if (body.compound.kind === 'group') {
			// A group's redirections apply to the whole function: they go after the closing brace.
			outer = body.redirects;
			this.command(listNode(body.compound.body));
		} else this.command(commandNode(body));
		this.flushHeredocs('');
		this.indentation -= INDENT;
		this.insideFunction--;
		if (outer.length > 0) {
			this.newline('} ');
			this.redirections(outer);
		} else {
			this.newline('}');
			this.wasHeredoc = false;
		}
	}

	listText(list: CommandList): string {
		this.command(listNode(list));
		return this.out;
	}

	private command(node: Node | undefined): void {
		if (!node) return;
		if (this.skip > 0) this.skip--;
		else this.indent(this.indentation);
		if (node.time) this.out += node.time === 'posix' ? 'time -p ' : 'time ';
		if (node.invert) this.out += '! ';
		if (node.t === 'simple') {
			this.out += node.words.join(' ');
			if (node.redirects.length > 0) {
				if (node.words.length > 0) this.out += ' ';
				this.redirections(node.redirects);
			}
			return;
		}
		if (node.t === 'connection') {
			this.connection(node);
			return;
		}
		this.compound(node.c);
		if (node.redirects.length > 0) {
			this.out += ' ';
			this.redirections(node.redirects);
		}
	}

	private connection(node: Node & {t: 'connection'}): void {
		this.skip++;
		this.connections++;
		this.command(node.first);
		const op = node.op;
		if (op === '&' || op === '|') {
			this.flushHeredocs(` ${op}`);
			if (op !== '&' || node.second) {
				this.out += ' ';
				this.skip++;
			}
		} else if (op === '&&' || op === '||') {
			this.flushHeredocs(` ${op} `);
			if (node.second) this.skip++;
		} else {
			// Lines of a function body each end with `;`; inside `$(…)` a newline stays one.
			const separator = this.comsub ? op : ';';
			const wasNewline = !this.deferred && !this.wasHeredoc && op === '\n';
			if (!this.deferred) {
				if (!this.wasHeredoc) this.out += separator;
				else this.wasHeredoc = false;
			} else this.flushHeredocs(this.insideFunction > 0 ? '' : ';');
			if (this.insideFunction > 0) this.out += '\n';
			else if (this.comsub && op === '\n' && !wasNewline) this.out += '\n';
			else {
				if (op === ';') this.out += ' ';
				if (node.second) this.skip++;
			}
		}
		this.command(node.second);
		// A chain of connections prints its heredoc bodies once, at its outermost link.
		if (this.connections === 1 && this.deferred) this.flushHeredocs('');
		this.connections--;
	}

	private compound(c: Compound): void {
		switch (c.kind) {
			case 'for': {
				this.out += `for ${c.name} in ${c.positional ? '"$@"' : c.raw.map(printedWord).join(' ')};`;
				this.newline('do\n');
				this.indentation += INDENT;
				this.command(listNode(c.body));
				this.flushHeredocs('');
				this.semicolon();
				this.indentation -= INDENT;
				this.newline('done');
				return;
			}
			case 'while':
			case 'until': {
				this.out += `${c.kind} `;
				this.skip++;
				this.command(listNode(c.condition));
				this.flushHeredocs('');
				this.semicolon();
				this.out += ' do\n';
				this.indentation += INDENT;
				this.command(listNode(c.body));
				this.flushHeredocs('');
				this.indentation -= INDENT;
				this.semicolon();
				this.newline('done');
				return;
			}
			case 'if': {
				const branch = c.branches[0]!;
				this.out += 'if ';
				this.skip++;
				this.command(listNode(branch.condition));
				this.flushHeredocs('');
				this.semicolon();
				this.out += ' then\n';
				this.indentation += INDENT;
				this.command(listNode(branch.body));
				this.flushHeredocs('');
				this.indentation -= INDENT;
				const otherwise = elseNode(c);
				if (otherwise) {
					this.semicolon();
					this.newline('else\n');
					this.indentation += INDENT;
					this.command(otherwise);
					this.flushHeredocs('');
					this.indentation -= INDENT;
				}
				this.semicolon();
				this.newline('fi');
				return;
			}
			case 'case': {
				this.out += `case ${printedWord(c.raw)} in `;
				this.indentation += INDENT;
				for (const item of c.items) {
					this.newline('');
					if (item.raw[0] === 'esac') this.out += '(';
					this.out += item.raw.map(printedWord).join(' | ') + ')\n';
					this.indentation += INDENT;
					this.command(listNode(item.body));
					this.indentation -= INDENT;
					this.flushHeredocs('');
					this.newline(item.end);
				}
				this.indentation -= INDENT;
				this.newline('esac');
				return;
			}
			case 'group': {
				this.out += '{ ';
				if (this.insideFunction === 0) this.skip++;
				else {
					this.out += '\n';
					this.indentation += INDENT;
				}
				this.command(listNode(c.body));
				this.flushHeredocs('');
				if (this.insideFunction > 0) {
					this.out += '\n';
					this.indentation -= INDENT;
					this.indent(this.indentation);
				} else {
					this.semicolon();
					this.out += ' ';
				}
				this.out += '}';
				this.wasHeredoc = false;
				return;
			}
			case 'subshell': {
				this.out += '( ';
				this.skip++;
				this.command(listNode(c.body));
				this.flushHeredocs('');
				this.out += ' )';
				this.wasHeredoc = false;
				return;
			}
			case 'arith':
				this.out += `((${c.source}))`;
				return;
			case 'function':
				this.out += `function ${c.name} () \n`;
				this.functionBody(c);
		}
	}

	/** Redirections on one line; heredoc bodies follow the line, or the connector after it. */
	private redirections(redirects: readonly Redirect[]): void {
		const heredocs: Redirect[] = [];
		this.wasHeredoc = false;
		redirects.forEach((r, i) => {
			if (r.kind === 'heredoc') {
				const header = heredocHeaders.get(r);
				const delimiter = header?.quoted ? `'${header.delimiter.replace(/'/g, `'\\''`)}'` : (header?.delimiter ?? '');
				this.out += `<<${header?.strip ? '-' : ''}${delimiter}`;
				heredocs.push(r);
			} else this.out += redirection(r);
			if (i < redirects.length - 1) this.out += ' ';
		});
		if (heredocs.length === 0) return;
		if (this.connections > 0) this.deferred = heredocs;
		else this.heredocBodies(heredocs);
	}

	private heredocBodies(heredocs: readonly Redirect[]): void {
		this.out += '\n';
		for (const r of heredocs) {
			if (r.kind !== 'heredoc') continue;
			this.out += r.body + (heredocHeaders.get(r)?.delimiter ?? '') + '\n';
		}
		this.wasHeredoc = true;
	}

	/** Prints the connector, then the heredoc bodies waiting for it. */
	private flushHeredocs(connector: string): void {
		const printed = connector !== '' && connector !== ';';
		if (printed) this.out += connector;
		if (this.deferred) {
			this.heredocBodies(this.deferred);
			if (printed) this.out += ' ';
			this.wasHeredoc = true;
		}
		this.deferred = undefined;
	}

	private newline(text: string): void {
		this.out += '\n';
		this.indent(this.indentation);
		this.out += text;
	}

	private indent(amount: number): void {
		this.out += ' '.repeat(amount);
	}

	/** A `;` unless the line already ended or a command was sent to the background. */
	private semicolon(): void {
		if (this.out.endsWith('\n') || this.out.endsWith(' &')) return;
		this.out += ';';
	}
}

function redirection(r: Redirect): string {
	switch (r.kind) {
		case 'out':
			if (r.fd === 'both') return `${r.append ? '&>>' : '&>'} ${printedWord(r.raw)}`;
			return `${r.fd === 1 ? '' : r.fd}${r.append ? '>>' : '>'} ${printedWord(r.raw)}`;
		case 'in':
			return `< ${printedWord(r.raw)}`;
		case 'herestring':
			return `<<< ${printedWord(r.raw)}`;
		case 'dup':
			return `${r.fd}>&${r.to}`;
		case 'heredoc':
			return '';
	}
}
