/** Syntax tree of one shell input (which may span several lines). */

/** A piece of a word; quoting decides whether globbing and splitting apply. */
export type WordPart =
	| {readonly kind: 'text'; readonly text: string; readonly quoted: boolean}
	| {readonly kind: 'var'; readonly name: string; readonly quoted: boolean}
	| {readonly kind: 'tilde'}
	/** `$(...)`: run the inner source and splice its output. */
	| {readonly kind: 'subst'; readonly source: string; readonly quoted: boolean}
	/** `$((…))`: arithmetic on the inner expression. */
	| {readonly kind: 'arith'; readonly source: string; readonly quoted: boolean};

export type Word = readonly WordPart[];

export type Redirect =
	| {readonly kind: 'out'; readonly fd: 1 | 2 | 'both'; readonly append: boolean; readonly target: Word}
	| {readonly kind: 'dup'; readonly fd: 1 | 2; readonly to: 1 | 2}
	| {readonly kind: 'in'; readonly target: Word}
	| {readonly kind: 'heredoc'; readonly body: string; readonly expand: boolean};

export interface SimpleCommand {
	readonly assignments: ReadonlyArray<{name: string; value: Word}>;
	readonly words: readonly Word[];
	readonly redirects: readonly Redirect[];
	/** The command's source text, as typed (for jobs and history). */
	readonly text: string;
	/**
	 * Set for `for`, `while`, `until` and `if`: words and assignments are then empty and
	 * the redirections apply to the whole construct (`done > file`, `done 2>&1`).
	 */
	readonly compound?: Compound;
}

/** `for NAME [in WORDS]; do BODY; done` (without `in`, the positional parameters: none here). */
export interface ForClause {
	readonly kind: 'for';
	readonly name: string;
	readonly words: readonly Word[];
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

export type Compound = ForClause | LoopClause | IfClause;

export interface Pipeline {
	readonly commands: readonly SimpleCommand[];
	readonly negated: boolean;
}

export interface AndOr {
	readonly first: Pipeline;
	readonly rest: ReadonlyArray<{op: '&&' | '||'; pipeline: Pipeline}>;
	/** Ends with `&`: run in the background. */
	readonly background: boolean;
}

export type CommandList = readonly AndOr[];

/** Every simple command of a list, inside loops and conditionals too, in source order. */
export function simpleCommands(list: CommandList): SimpleCommand[] {
	const found: SimpleCommand[] = [];
	const visit = (items: CommandList) => {
		for (const item of items) {
			for (const pipeline of [item.first, ...item.rest.map((r) => r.pipeline)]) {
				for (const cmd of pipeline.commands) {
					const c = cmd.compound;
					if (!c) found.push(cmd);
					else if (c.kind === 'for') visit(c.body);
					else if (c.kind === 'if') {
						for (const b of c.branches) {
							visit(b.condition);
							visit(b.body);
						}
						if (c.otherwise) visit(c.otherwise);
					} else {
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
	| {readonly kind: 'error'; readonly message: string};
