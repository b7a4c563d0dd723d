import type {ShellEffect} from '../commands/context';
import type {CommandRegistry} from '../commands/registry';
import type {Lang} from '../i18n/lang';
import type {Host} from '../sim/host';
import type {World} from '../sim/world';
import type {AndOr, CommandList, Pipeline, SimpleCommand, Word} from './ast';
import {runCompound} from './compound';
import {expand, expandString, expandWord} from './expand';
import {callFunction, isStackOverflow} from './functions';
import {AbortLine, DiscardLine, ExitRequest, type Frame, type OutputChunk, type Sink, type Stream} from './frame';
import {InputStream} from './input';
import {invoke} from './invoke';
import {reportJobs} from './jobs';
import {loopJump} from './loops';
import {parse} from './parse';
import {applyRedirects} from './redirect';
import {subshell} from './subshell';
import {runTimed} from './time';
import {Session} from './session';

export type {OutputChunk, Stream} from './frame';
export {exitShell} from './frame';
export {MAX_LOOP_ROUNDS} from './loops';

/** Builtins whose NAME=VALUE arguments are assignments: not split, not globbed. */
const DECLARATIONS = new Set(['local', 'export']);

/** A word that starts as `NAME=`, unquoted. */
function isAssignment(word: Word): boolean {
	const first = word[0];
	return first?.kind === 'text' && !first.quoted && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.text);
}

export interface ExecResult {
	readonly output: OutputChunk[];
	readonly status: number;
	readonly effects: ShellEffect[];
}

export interface ShellOptions {
	lang: Lang;
	/** True in the TUI: full-screen tools may take over. */
	interactive: boolean;
	start: Host;
}

/**
 * The lab's bash-like shell, shared by the TUI and `cluster-lab run`. It parses
 * input and runs lists, and-or lists, pipelines and simple commands; the pieces
 * live beside it: word expansion (`expand.ts`), redirections (`redirect.ts`),
 * compound commands (`compound.ts`, `loops.ts`, `subshell.ts`), functions
 * (`functions.ts`, printed by `print.ts`), the `time` keyword (`time.ts`) and
 * running a command from the registry on whichever simulated host the session is
 * logged into (`invoke.ts`).
 */
export class Shell {
	readonly session: Session;
	/** How deeply commands are running commands now (see invoke.ts). */
	depth = 0;
	/** Command substitutions run so far (expand.ts counts them). */
	substitutions = 0;
	/** Bookkeeping for the input being run: reset by `execute`. */
	readonly line = {
		/** The powered-off notice was printed. */
		offNoticed: false,
		/** Loop rounds run (see MAX_LOOP_ROUNDS). */
		rounds: 0,
		/** Function calls made (see MAX_FUNCTION_CALLS). */
		calls: 0,
		/** Recursion ran out of stack and was reported. */
		overflowed: false,
	};

	constructor(
		readonly world: World,
		readonly registry: CommandRegistry,
		readonly options: ShellOptions,
	) {
		this.session = new Session(options.start);
	}

	get lang(): Lang {
		return this.options.lang;
	}

	prompt(): string {
		return this.session.prompt();
	}

	/** True when `source` is a whole command (no open quote, heredoc or trailing `|`). */
	isComplete(source: string): boolean {
		return parse(source).kind !== 'incomplete';
	}

	/** Runs one input (one or more lines) typed at the prompt. */
	execute(source: string): ExecResult {
		const output: OutputChunk[] = [];
		const push = (stream: Stream) => (text: string) => {
			if (text === '') return;
			const last = output[output.length - 1];
			if (last?.stream === stream) output[output.length - 1] = {stream, text: last.text + text};
			else output.push({stream, text});
		};
		const sink: Sink = {out: push('out'), err: push('err')};
		// A host may have lost its power while the prompt waited.
		this.dropDeadLogins(sink);
		this.line.offNoticed = false;
		this.line.rounds = 0;
		this.line.calls = 0;
		this.line.overflowed = false;
		this.session.lineStart = this.world.now;
		this.session.loopDepth = 0;
		this.session.breaking = 0;
		this.session.continuing = 0;
		const frame: Frame = {login: this.session.current, sink, effects: []};
		const trimmed = source.trim();
		if (trimmed !== '' && !trimmed.startsWith('#')) this.session.history.push(source.replace(/\n$/, ''));
		const parsed = parse(source);
		this.session.terminal = frame.sink;
		let status: number;
		if (parsed.kind === 'error') {
			frame.sink.err(parsed.lab ? tooDeep(this.lang) : `bash: ${parsed.message}\n`);
			status = 2;
		} else if (parsed.kind === 'incomplete') {
			frame.sink.err('bash: syntax error: unexpected end of file\n');
			status = 2;
		} else {
			try {
				status = this.runList(parsed.list, frame);
			} catch (error) {
				if (error instanceof DiscardLine || error instanceof AbortLine) status = 1;
				else if (isStackOverflow(error)) {
					// Deeply nested `$(…)` or subshells: the line stops, the lab goes on.
					frame.sink.err(tooDeep(this.lang));
					status = 2;
				} else {
					if (!(error instanceof ExitRequest)) throw error;
					status = error.status;
					frame.effects.push({kind: 'quit'});
				}
			}
		}
		this.session.lastStatus = status;
		this.dropDeadLogins(frame.sink);
		// Like bash before the next prompt: background output, then finished jobs.
		reportJobs(this.session, frame.sink);
		this.session.terminal = undefined;
		return {output, status, effects: frame.effects};
	}

	/**
	 * Leaves ssh sessions that a power-off ended: the one into the host that lost
	 * its power and every session opened from there. When the shell's own host is
	 * off, every ssh session goes with it. A host shutting down in order closes the
	 * connection, so ssh says so twice, as it does.
	 */
	private dropDeadLogins(sink: Sink): void {
		const logins = this.session.logins;
		const dead = logins.findIndex((l) => !l.host.powered);
		if (dead < 0) return;
		const keep = Math.max(1, dead);
		if (logins.length <= keep) return;
		if (dead > 0) {
			const login = logins[dead]!;
			sink.err(`Connection to ${login.host.name} closed by remote host.\n${login.closing ? `Connection to ${login.host.name} closed.\n` : ''}`);
		}
		logins.length = keep;
	}

	/** Runs a list of and-or items (`a; b && c`) in order; its status is the last one's. */
	runList(list: CommandList, frame: Frame, stdin?: InputStream): number {
		let status = this.session.lastStatus;
		for (const item of list) {
			status = this.runAndOr(item, frame, stdin);
			if (loopJump(this.session)) break;
		}
		return status;
	}

	private runAndOr(item: AndOr, frame: Frame, stdin?: InputStream): number {
		let status = this.runPipeline(item.first, frame, stdin, item.background);
		this.session.lastStatus = status;
		for (const {op, pipeline} of item.rest) {
			if (loopJump(this.session)) break;
			if ((op === '&&') === (status === 0)) {
				status = this.runPipeline(pipeline, frame, stdin, item.background);
				this.session.lastStatus = status;
			}
		}
		return status;
	}

	private runPipeline(pipeline: Pipeline, frame: Frame, stdin: InputStream | undefined, background: boolean): number {
		if (pipeline.timed) return runTimed(this, pipeline.timed, frame, () => this.runMembers(pipeline, frame, stdin, background));
		return this.runMembers(pipeline, frame, stdin, background);
	}

	/** The commands of a pipeline, each one's output the next one's input; `!` inverts the status. */
	private runMembers(pipeline: Pipeline, frame: Frame, stdin: InputStream | undefined, background: boolean): number {
		let input = stdin;
		let status = 0;
		const n = pipeline.commands.length;
		pipeline.commands.forEach((cmd, i) => {
			let captured = '';
			const last = i === n - 1;
			const inner: Frame = last ? frame : {...frame, sink: {out: (t) => (captured += t), err: frame.sink.err}, tty: false};
			// Each member of a real pipeline runs in a subshell: `echo a | read x` leaves x as it was.
			status = n > 1 ? subshell(this, inner, (f) => this.runCommand(cmd, f, input, background), false) : this.runCommand(cmd, inner, input, background);
			if (!last) input = new InputStream(captured);
		});
		return pipeline.negated ? (status === 0 ? 1 : 0) : status;
	}

	/** Runs one command of a pipeline: a simple command, or a compound one with its redirections. */
	runCommand(cmd: SimpleCommand, frame: Frame, stdin: InputStream | undefined, background = false): number {
		const words: string[] = [];
		const substitutions = this.substitutions;
		for (const word of cmd.words) {
			// `local x=$1` and `export x=$1` take NAME=VALUE whole, as bash's declaration builtins do.
			const declaration = words.length > 0 && DECLARATIONS.has(words[0]!) && isAssignment(word);
			if (declaration) words.push(...expand(this, word, frame, false));
			else words.push(...expandWord(this, word, frame));
		}
		// Assignments before a command hold for that command only (`IFS=: read a b`).
		const temporary = new Map<string, string | undefined>();
		for (const {name, value} of cmd.assignments) {
			const v = expandString(this, value, frame);
			if (words.length > 0 && !temporary.has(name)) temporary.set(name, this.session.vars.get(name));
			this.session.vars.set(name, v);
		}
		try {
			const status = this.runRedirected(cmd, words, frame, stdin, background);
			// With no command, the status is that of the last $(…) it ran (`x=$(false)` fails).
			return words.length === 0 && !cmd.compound && this.substitutions !== substitutions ? this.session.lastStatus : status;
		} finally {
			for (const [name, old] of temporary) {
				if (old === undefined) this.session.vars.delete(name);
				else this.session.vars.set(name, old);
			}
		}
	}

	/** Applies the command's redirections, runs it, then writes what went to files. */
	private runRedirected(cmd: SimpleCommand, words: string[], frame: Frame, stdin: InputStream | undefined, background: boolean): number {
		const streams = applyRedirects(this, cmd.redirects, frame, stdin);
		if (typeof streams === 'number') return streams;
		if (words.length === 0 && !cmd.compound) return 0;
		const inner: Frame = {...frame, sink: streams.sink, tty: frame.tty !== false && streams.toTerminal};
		// A function shadows any command of its name; a name with a slash is always a file.
		const fn = cmd.compound || words[0]!.includes('/') ? undefined : this.session.functions.get(words[0]!);
		let status: number;
		// `&` after a compound command (`for …; done &`) is not a job: it runs here and now. The
		// lab's jobs are programs on the simulated CPU, which the world's clock moves on its
		// own; a shell loop is interpreted in one go, and one that sleeps would need the
		// interpreter to pause mid-loop and resume as virtual time passes.
		if (cmd.compound) status = runCompound(this, cmd.compound, inner, streams.input);
		else if (fn) status = callFunction(this, fn, words, inner, streams.input);
		else status = invoke(this, words, inner, streams.input, background, cmd.text);
		streams.flush();
		return status;
	}
}

/** Nesting deeper than the lab's stack allows (thousands of `(` or `$(`): the line is refused, the lab goes on. */
function tooDeep(lang: Lang): string {
	return lang === 'es'
		? 'cluster-lab: esta orden se anida demasiado para el lab (admite unos cientos de niveles)\n'
		: 'cluster-lab: this command nests too deeply for the lab (it takes a few hundred levels)\n';
}
