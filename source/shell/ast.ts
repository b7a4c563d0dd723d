/** Syntax tree of one shell input (which may span several lines). */

/** A piece of a word; quoting decides whether globbing and splitting apply. */
export type WordPart =
	| {readonly kind: 'text'; readonly text: string; readonly quoted: boolean}
	/** `$NAME`, `${NAME}`, and the special `$?` `$$` `$#` `$@` `$*` `$0`…`$9` `${10}`. */
	| {readonly kind: 'var'; readonly name: string; readonly quoted: boolean}
	| {readonly kind: 'tilde'}
	/** `$(...)`: run the inner source and splice its output. */
	| {readonly kind: 'subst'; readonly source: string; readonly quoted: boolean}
	/** `$((…))`: arithmetic on the inner expression. */
	| {readonly kind: 'arith'; readonly source: string; readonly quoted: boolean};

export type Word = readonly WordPart[];

/** Redirections; `raw` is the target as typed (`type` prints a function's body with it). */
export type Redirect =
	| {readonly kind: 'out'; readonly fd: 1 | 2 | 'both'; readonly append: boolean; readonly target: Word; readonly raw: string}
	| {readonly kind: 'dup'; readonly fd: 1 | 2; readonly to: 1 | 2}
	| {readonly kind: 'in'; readonly target: Word; readonly raw: string}
	| {readonly kind: 'heredoc'; readonly body: string; readonly expand: boolean}
	/** `<<< WORD`: the expanded word and a newline. */
	| {readonly kind: 'herestring'; readonly target: Word; readonly raw: string};

export interface SimpleCommand {
	readonly assignments: ReadonlyArray<{name: string; value: Word}>;
	readonly words: readonly Word[];
	readonly redirects: readonly Redirect[];
	/** The command's source text, as typed (for jobs and history). */
	readonly text: string;
	/** Assignments and words as typed, in their order (`type` prints a function's body with them). */
	readonly raw: readonly string[];
	/**
	 * Set for compound commands (`for`, `while`, `until`, `if`, `case`, `( … )`, `{ …; }`,
	 * `(( … ))`): words and assignments are then empty and the redirections apply to the
	 * whole construct (`done > file`, `) 2>&1`).
	 */
	readonly compound?: Compound;
}

/** `for NAME [in WORDS]; do BODY; done`; without `in`, the positional parameters (`"$@"`). */
export interface ForClause {
	readonly kind: 'for';
	readonly name: string;
	readonly words: readonly Word[];
	/** The words as typed. */
	readonly raw: readonly string[];
	/** Written without `in`. */
	readonly positional?: boolean;
	readonly body: CommandList;
}

/** `while COND; do BODY; done` and `until COND; do BODY; done`. */
export interface LoopClause {
	readonly kind: 'while' | 'until';
	readonly condition: CommandList;
	readonly body: CommandList;
}

/** `if COND; then LIST; [elif COND; then LIST;]… [else LIST;] fi`. */
export interface IfClause {
	readonly kind: 'if';
	readonly branches: ReadonlyArray<{condition: CommandList; body: CommandList}>;
	readonly otherwise?: CommandList;
}

/** How a `case` item ends: `;;` stops, `;&` runs the next item's list too, `;;&` tests the next patterns. */
export type CaseEnd = ';;' | ';&' | ';;&';

/** `case WORD in PATTERN|PATTERN) LIST ;; … esac`. */
export interface CaseClause {
	readonly kind: 'case';
	readonly word: Word;
	readonly items: ReadonlyArray<{patterns: readonly Word[]; body: CommandList; end: CaseEnd; raw: readonly string[]}>;
	/** The word as typed. */
	readonly raw: string;
}

/** `( LIST )`, run in a subshell, and `{ LIST; }`, run in the current shell. */
export interface GroupClause {
	readonly kind: 'subshell' | 'group';
	readonly body: CommandList;
}

/** `(( EXPR ))`: bash's arithmetic command (status 0 when the value is not zero). */
export interface ArithCommand {
	readonly kind: 'arith';
	readonly source: string;
}

/**
 * `NAME () BODY` and `function NAME [()] BODY`: defines a shell function. The body is a
 * compound command with its own redirections, applied at every call.
 */
export interface FunctionDefinition {
	readonly kind: 'function';
	/** The name as typed: bash refuses quoted names and names with `$` in them. */
	readonly name: string;
	readonly valid: boolean;
	readonly body: SimpleCommand & {readonly compound: Compound};
}

export type Compound = ForClause | LoopClause | IfClause | CaseClause | GroupClause | ArithCommand | FunctionDefinition;

export interface Pipeline {
	/** Empty for a bare `time` (bash then times nothing). */
	readonly commands: readonly SimpleCommand[];
	readonly negated: boolean;
	/** Preceded by the `time` keyword (`time -p`: POSIX format). */
	readonly timed?: 'bash' | 'posix';
}

export interface AndOr {
	readonly first: Pipeline;
	readonly rest: ReadonlyArray<{op: '&&' | '||'; pipeline: Pipeline}>;
	/** Ends with `&`: run in the background. */
	readonly background: boolean;
	/** Ends with a newline rather than `;` (bash keeps it when it prints a `$(…)`). */
	readonly newline?: boolean;
}

export type CommandList = readonly AndOr[];

/**
 * Every simple command of a list, inside loops and conditionals too, in source order.
 * A function definition runs none of its body's commands, so they are not listed.
 */
export function simpleCommands(list: CommandList): SimpleCommand[] {
	const found: SimpleCommand[] = [];
	const visit = (items: CommandList) => {
		for (const item of items) {
			for (const pipeline of [item.first, ...item.rest.map((r) => r.pipeline)]) {
				for (const cmd of pipeline.commands) {
					const c = cmd.compound;
					if (!c) found.push(cmd);
					else if (c.kind === 'for' || c.kind === 'subshell' || c.kind === 'group') visit(c.body);
					else if (c.kind === 'if') {
						for (const b of c.branches) {
							visit(b.condition);
							visit(b.body);
						}
						if (c.otherwise) visit(c.otherwise);
					} else if (c.kind === 'case') {
						for (const item of c.items) visit(item.body);
					} else if (c.kind === 'while' || c.kind === 'until') {
						visit(c.condition);
						visit(c.body);
					}
				}
			}
		}
	};
	visit(list);
	return found;
}

export type ParseResult =
	| {readonly kind: 'ok'; readonly list: CommandList}
	| {readonly kind: 'incomplete'}
	/** `lab`: a limit of the lab's own, not a bash syntax error (the message says which). */
	| {readonly kind: 'error'; readonly message: string; readonly lab?: boolean};
