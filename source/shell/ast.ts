/** Syntax tree of one shell input (which may span several lines). */

/** A piece of a word; quoting decides whether globbing and splitting apply. */
export type WordPart =
	| {readonly kind: 'text'; readonly text: string; readonly quoted: boolean}
	| {readonly kind: 'var'; readonly name: string; readonly quoted: boolean}
	| {readonly kind: 'tilde'}
	/** `$(...)`: run the inner source and splice its output. */
	| {readonly kind: 'subst'; readonly source: string; readonly quoted: boolean};

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
}

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

export type ParseResult =
	| {readonly kind: 'ok'; readonly list: CommandList}
	| {readonly kind: 'incomplete'}
	| {readonly kind: 'error'; readonly message: string};
