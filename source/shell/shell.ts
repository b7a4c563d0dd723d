import type {CommandContext, CommandSpec, ShellEffect} from '../commands/context';
import type {CommandRegistry} from '../commands/registry';
import type {Lang} from '../i18n/lang';
import {FsError, FS_ERROR_TEXT} from '../sim/fs/filesystem';
import {resolvePath} from '../sim/fs/path';
import type {Host} from '../sim/host';
import {pendingBootAt} from '../sim/net/faults';
import {SEC} from '../sim/time';
import type {World} from '../sim/world';
import type {AndOr, CaseClause, CommandList, Compound, ForClause, IfClause, LoopClause, Pipeline, Redirect, SimpleCommand, Word} from './ast';
import {ArithError, evaluate} from './arith';
import {escapeGlob, glob, hasGlob, matchPattern} from './glob';
import {InputStream} from './input';
import {reportJobs} from './jobs';
import {parse} from './parse';
import {Session, type Login} from './session';

export type Stream = 'out' | 'err';

/** Output in the order it was produced, tagged by stream. */
export interface OutputChunk {
	readonly stream: Stream;
	readonly text: string;
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

interface Sink {
	out(text: string): void;
	err(text: string): void;
}

interface Frame {
	login: Login;
	sink: Sink;
	effects: ShellEffect[];
	/** False when standard output is captured (pipe, redirection, command substitution). */
	tty?: boolean;
}

/** Signals `exit` at the top level (ends a `run` script, quits the lab). */
class ExitRequest {
	constructor(readonly status: number) {}
}

/** An expansion failed (bad arithmetic): bash drops the rest of the command line. */
class DiscardLine {}

/** Ends the shell (top-level `exit`): the run stops, the lab quits. */
export function exitShell(status: number): never {
	throw new ExitRequest(status);
}

const MAX_DEPTH = 16;

/**
 * Loop rounds one command line may run. An endless `while true` would otherwise
 * freeze the lab: it runs synchronously, and only `sleep` moves virtual time.
 */
export const MAX_LOOP_ROUNDS = 10_000;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Where an empty file name leads: nowhere. The kernel answers ENOENT for "", so
 * the lab resolves it to a path whose parent cannot exist (reads, writes and
 * stat all fail with "No such file or directory"), never to the working directory.
 */
const EMPTY_PATH = '/\u0000/\u0000';

function loopLimitMessage(lang: Lang): string {
	return lang === 'es'
		? `cluster-lab: bucle detenido tras ${MAX_LOOP_ROUNDS} vueltas (el máximo que el lab ejecuta por línea de órdenes)\n`
		: `cluster-lab: loop stopped after ${MAX_LOOP_ROUNDS} rounds (the most the lab runs for one command line)\n`;
}

function deadHostMessage(world: World, host: Host, lang: Lang): string {
	const at = pendingBootAt(world, host);
	if (at !== undefined) {
		const secs = Math.max(1, Math.ceil((at - world.now) / SEC));
		return lang === 'es'
			? `${host.name} se está reiniciando: vuelve en ${secs} s (sleep ${secs} para esperar)\n`
			: `${host.name} is rebooting: it is back in ${secs} s (sleep ${secs} waits)\n`;
	}
	return lang === 'es'
		? `${host.name} está apagado: aquí solo funcionan las órdenes del lab (boot ${host.name} lo enciende)\n`
		: `${host.name} is powered off: only lab commands work here (boot ${host.name} powers it on)\n`;
}

/**
 * Commands that still work while the host the shell is on has no power, besides the
 * lab's own: the shell's bookkeeping, and `sleep`, the lab's way to let virtual time pass.
 */
const WITHOUT_POWER = new Set(['help', 'clear', 'history', 'exit', 'logout', 'sleep']);
/** Tools the lab always runs on the scenario's client PC, whichever host the shell is on. */
const FROM_CLIENT_PC = new Set(['curl', 'ab', 'load']);
/**
 * Tools that, reading standard input, read it to the end (bash gives them the same
 * open file as the loop around them): after one, a `while read` loop has no more lines.
 * Other tools may look at the input without taking it.
 */
const STDIN_READERS = new Set(['cat', 'grep', 'egrep', 'sed', 'sort', 'uniq', 'wc', 'cut', 'tr', 'tee', 'tail', 'awk', 'ssh', 'ipvsadm-restore']);

/**
 * The lab's bash-like shell, shared by the TUI and `cluster-lab run`. It parses
 * input, expands words, wires pipes and redirections, and runs commands from the
 * registry on whichever simulated host the session is logged into.
 */
export class Shell {
	readonly session: Session;
	private depth = 0;
	/** The powered-off notice was printed for the current input. */
	private offNoticed = false;
	/** Loop rounds run for the current input (see MAX_LOOP_ROUNDS). */
	private rounds = 0;

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
		this.offNoticed = false;
		this.rounds = 0;
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
			frame.sink.err(`bash: ${parsed.message}\n`);
			status = 2;
		} else if (parsed.kind === 'incomplete') {
			frame.sink.err('bash: syntax error: unexpected end of file\n');
			status = 2;
		} else {
			try {
				status = this.runList(parsed.list, frame);
			} catch (error) {
				if (error instanceof DiscardLine) status = 1;
				else {
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

	private runList(list: CommandList, frame: Frame, stdin?: InputStream): number {
		let status = this.session.lastStatus;
		for (const item of list) {
			status = this.runAndOr(item, frame, stdin);
			if (this.loopJump()) break;
		}
		return status;
	}

	/** A `break` or `continue` is on its way out: the rest of the list is skipped. */
	private loopJump(): boolean {
		return this.session.breaking > 0 || this.session.continuing > 0;
	}

	private runAndOr(item: AndOr, frame: Frame, stdin?: InputStream): number {
		let status = this.runPipeline(item.first, frame, stdin, item.background);
		this.session.lastStatus = status;
		for (const {op, pipeline} of item.rest) {
			if (this.loopJump()) break;
			if ((op === '&&') === (status === 0)) {
				status = this.runPipeline(pipeline, frame, stdin, item.background);
				this.session.lastStatus = status;
			}
		}
		return status;
	}

	private runPipeline(pipeline: Pipeline, frame: Frame, stdin: InputStream | undefined, background: boolean): number {
		let input = stdin;
		let status = 0;
		const n = pipeline.commands.length;
		pipeline.commands.forEach((cmd, i) => {
			let captured = '';
			const last = i === n - 1;
			const inner: Frame = last ? frame : {...frame, sink: {out: (t) => (captured += t), err: frame.sink.err}, tty: false};
			// Each member of a real pipeline runs in a subshell: `echo a | read x` leaves x as it was.
			status = n > 1 ? this.subshell(inner, (f) => this.runSimple(cmd, f, input, background), false) : this.runSimple(cmd, inner, input, background);
			if (!last) input = new InputStream(captured);
		});
		return pipeline.negated ? (status === 0 ? 1 : 0) : status;
	}

	/**
	 * Runs `body` as a subshell would: variables, the working directory and ssh
	 * sessions it changes are put back afterwards, and `exit` or `break` only end it.
	 * A `( … )` subshell starts outside any loop (bash: `break` there is only
	 * meaningful in a loop); a pipeline member still sees the loops around it.
	 */
	private subshell(frame: Frame, body: (frame: Frame) => number, ownLoops = true): number {
		const s = this.session;
		const vars = new Map(s.vars);
		const logins = s.logins.slice();
		const loops = {depth: s.loopDepth, breaking: s.breaking, continuing: s.continuing};
		if (ownLoops) s.loopDepth = 0;
		s.subshells++;
		let status: number;
		try {
			status = body({...frame, login: {...frame.login}});
		} catch (error) {
			if (error instanceof ExitRequest) status = error.status;
			else if (error instanceof DiscardLine) status = 1;
			else throw error;
		} finally {
			s.subshells--;
			s.vars.clear();
			for (const [k, v] of vars) s.vars.set(k, v);
			s.logins.length = 0;
			s.logins.push(...logins);
			s.loopDepth = loops.depth;
			s.breaking = loops.breaking;
			s.continuing = loops.continuing;
		}
		return status;
	}

	private runSimple(cmd: SimpleCommand, frame: Frame, stdin: InputStream | undefined, background: boolean): number {
		const words: string[] = [];
		for (const word of cmd.words) words.push(...this.expand(word, frame));
		// Assignments before a command hold for that command only (`IFS=: read a b`).
		const temporary = new Map<string, string | undefined>();
		for (const {name, value} of cmd.assignments) {
			const v = this.expandString(value, frame);
			if (words.length > 0 && !temporary.has(name)) temporary.set(name, this.session.vars.get(name));
			this.session.vars.set(name, v);
		}
		try {
			return this.runSimpleWith(cmd, words, frame, stdin, background);
		} finally {
			for (const [name, old] of temporary) {
				if (old === undefined) this.session.vars.delete(name);
				else this.session.vars.set(name, old);
			}
		}
	}

	private runSimpleWith(cmd: SimpleCommand, words: string[], frame: Frame, stdin: InputStream | undefined, background: boolean): number {
		const host = frame.login.host;

		// Redirections, in order, as bash applies them.
		let input = stdin;
		type Target = {kind: 'terminal'; stream: Stream} | {kind: 'file'; path: string; append: boolean} | {kind: 'null'};
		let outTarget: Target = {kind: 'terminal', stream: 'out'};
		let errTarget: Target = {kind: 'terminal', stream: 'err'};
		for (const r of cmd.redirects) {
			const result = this.applyRedirect(r, frame);
			if (typeof result === 'string') {
				frame.sink.err(result);
				return 1;
			}
			if (result.kind === 'input') input = new InputStream(result.text);
			else if (result.kind === 'dup') {
				if (r.kind === 'dup' && r.fd === 2) errTarget = r.to === 1 ? outTarget : errTarget;
				else if (r.kind === 'dup' && r.fd === 1) outTarget = r.to === 2 ? errTarget : outTarget;
			} else {
				const target: Target = result.path === '/dev/null' ? {kind: 'null'} : {kind: 'file', path: result.path, append: result.append};
				if (result.fd === 1 || result.fd === 'both') outTarget = target;
				if (result.fd === 2 || result.fd === 'both') errTarget = target;
				if (target.kind === 'file' && !target.append) {
					try {
						host.fs.write(target.path, '');
					} catch (error) {
						frame.sink.err(`bash: ${this.fsMessage(error, target.path)}\n`);
						return 1;
					}
					(target as {append: boolean}).append = true;
				}
			}
		}
		if (words.length === 0 && !cmd.compound) return 0;

		const files = new Map<string, string>();
		const route = (target: Target, text: string) => {
			if (target.kind === 'terminal') frame.sink[target.stream](text);
			else if (target.kind === 'file') files.set(target.path, (files.get(target.path) ?? '') + text);
		};
		const sink: Sink = {out: (t) => route(outTarget, t), err: (t) => route(errTarget, t)};
		const inner: Frame = {...frame, sink, tty: frame.tty !== false && outTarget.kind === 'terminal'};
		const status = cmd.compound ? this.runCompound(cmd.compound, inner, input) : this.invoke(words, inner, input, background, cmd.text);
		for (const [path, text] of files) {
			try {
				host.fs.write(path, text, {append: true});
			} catch (error) {
				frame.sink.err(`bash: ${this.fsMessage(error, path)}\n`);
			}
		}
		return status;
	}

	private runCompound(c: Compound, frame: Frame, stdin: InputStream | undefined): number {
		switch (c.kind) {
			case 'if':
				return this.runIf(c, frame, stdin);
			case 'for':
				return this.runFor(c, frame, stdin);
			case 'case':
				return this.runCase(c, frame, stdin);
			case 'subshell':
				return this.subshell(frame, (f) => this.runList(c.body, f, stdin));
			case 'group':
				return this.runList(c.body, frame, stdin);
			case 'arith':
				return this.runArith(c.source, frame);
			default:
				return this.runWhile(c, frame, stdin);
		}
	}

	/** `case`: the first item with a matching pattern runs; `;&` and `;;&` go on as bash does. */
	private runCase(c: CaseClause, frame: Frame, stdin: InputStream | undefined): number {
		const subject = this.expandString(c.word, frame);
		let status = 0;
		let fallThrough = false;
		for (const item of c.items) {
			// Patterns are expanded one at a time, only until one matches.
			if (!fallThrough && !item.patterns.some((p) => matchPattern(this.expandString(p, frame, true), subject))) continue;
			status = item.body.length > 0 ? this.runList(item.body, frame, stdin) : 0;
			if (item.end === ';;' || this.loopJump()) break;
			fallThrough = item.end === ';&';
		}
		return status;
	}

	/** `(( EXPR ))`: status 0 when the value is not zero; an error costs status 1, not the line. */
	private runArith(source: string, frame: Frame): number {
		try {
			return this.arithValue(source) === 0n ? 1 : 0;
		} catch (error) {
			if (!(error instanceof ArithError)) throw error;
			frame.sink.err(`bash: ((: ${error.message}\n`);
			return 1;
		}
	}

	private runIf(c: IfClause, frame: Frame, stdin: InputStream | undefined): number {
		for (const branch of c.branches) {
			const test = this.runList(branch.condition, frame, stdin);
			if (this.loopJump()) return test;
			if (test === 0) return this.runList(branch.body, frame, stdin);
		}
		return c.otherwise ? this.runList(c.otherwise, frame, stdin) : 0;
	}

	private runFor(c: ForClause, frame: Frame, stdin: InputStream | undefined): number {
		if (!IDENTIFIER.test(c.name)) {
			frame.sink.err(`bash: \`${c.name}': not a valid identifier\n`);
			return 1;
		}
		const values: string[] = [];
		for (const word of c.words) values.push(...this.expand(word, frame));
		let status = 0;
		this.session.loopDepth++;
		try {
			for (const value of values) {
				if (!this.nextRound(frame)) return 1;
				this.session.vars.set(c.name, value);
				status = this.runList(c.body, frame, stdin);
				if (this.leaveLoop()) break;
			}
		} finally {
			this.session.loopDepth--;
		}
		return status;
	}

	private runWhile(c: LoopClause, frame: Frame, stdin: InputStream | undefined): number {
		let status = 0;
		this.session.loopDepth++;
		try {
			for (;;) {
				if (!this.nextRound(frame)) return 1;
				const test = this.runList(c.condition, frame, stdin);
				if (this.loopJump()) {
					if (this.leaveLoop()) break;
					continue;
				}
				if ((test === 0) !== (c.kind === 'while')) break;
				status = this.runList(c.body, frame, stdin);
				if (this.leaveLoop()) break;
			}
		} finally {
			this.session.loopDepth--;
		}
		return status;
	}

	/** Counts one loop round; past the limit, says so once and unwinds every loop. */
	private nextRound(frame: Frame): boolean {
		if (++this.rounds <= MAX_LOOP_ROUNDS) return true;
		if (this.rounds === MAX_LOOP_ROUNDS + 1) frame.sink.err(loopLimitMessage(this.lang));
		this.session.breaking = this.session.loopDepth - 1;
		return false;
	}

	/** After a loop round, as bash does: true when this loop must stop (break, or a continue aimed at an outer loop). */
	private leaveLoop(): boolean {
		const s = this.session;
		if (s.breaking > 0) {
			s.breaking--;
			return true;
		}
		if (s.continuing > 0) {
			s.continuing--;
			return s.continuing > 0;
		}
		return false;
	}

	private applyRedirect(
		r: Redirect,
		frame: Frame,
	): string | {kind: 'input'; text: string} | {kind: 'dup'} | {kind: 'output'; fd: 1 | 2 | 'both'; path: string; append: boolean} {
		if (r.kind === 'heredoc') return {kind: 'input', text: r.expand ? this.expandHeredoc(r.body, frame) : r.body};
		if (r.kind === 'herestring') return {kind: 'input', text: this.expandString(r.target, frame) + '\n'};
		if (r.kind === 'dup') return {kind: 'dup'};
		const fields = this.expand(r.target, frame);
		if (fields.length !== 1) return `bash: ${fields.join(' ') || '""'}: ambiguous redirect\n`;
		const path = fields[0] === '' ? EMPTY_PATH : resolvePath(frame.login.cwd, fields[0]!);
		if (r.kind === 'in') {
			if (path === '/dev/null') return {kind: 'input', text: ''};
			try {
				return {kind: 'input', text: frame.login.host.fs.read(path)};
			} catch (error) {
				return `bash: ${this.fsMessage(error, fields[0]!)}\n`;
			}
		}
		return {kind: 'output', fd: r.fd, path, append: r.append};
	}

	private fsMessage(error: unknown, shown: string): string {
		if (error instanceof FsError) return `${shown === EMPTY_PATH ? '' : shown}: ${FS_ERROR_TEXT[error.code]}`;
		throw error;
	}

	/** Finds and runs a command; prints bash's errors for unknown ones. */
	private invoke(words: string[], frame: Frame, stdin: InputStream | undefined, background: boolean, text: string): number {
		const name = words[0]!;
		const host = frame.login.host;
		if (!host.powered) {
			const known = this.registry.get(name);
			const client = this.world.host(this.world.scenario.client ?? '');
			const elsewhere = known !== undefined && FROM_CLIENT_PC.has(known.name) && client !== undefined && client !== host && client.powered;
			if (!known || name.includes('/') || (known.group !== 'lab' && !WITHOUT_POWER.has(known.name) && !elsewhere)) {
				if (!this.offNoticed) frame.sink.err(deadHostMessage(this.world, host, this.lang));
				this.offNoticed = true;
				return 1;
			}
		}
		let spec;
		if (name.includes('/')) {
			const path = resolvePath(frame.login.cwd, name);
			spec = this.registry.atPath(path);
			if (!spec || !(spec.installed?.(host) ?? true)) {
				const exists = host.fs.exists(path);
				frame.sink.err(`bash: ${name}: ${exists ? (host.fs.isDir(path) ? 'Is a directory' : 'Permission denied') : 'No such file or directory'}\n`);
				return exists ? 126 : 127;
			}
		} else {
			spec = this.registry.get(name);
			if (!spec || !(spec.installed?.(host) ?? true)) {
				frame.sink.err(`bash: ${name}: command not found\n`);
				return 127;
			}
		}
		if (this.depth >= MAX_DEPTH) {
			frame.sink.err(`bash: ${name}: maximum nesting level exceeded\n`);
			return 1;
		}
		const reading = {stdin: false};
		const ctx = this.context(words, frame, stdin, reading, background, text);
		const outerInput = this.session.input;
		this.session.input = stdin;
		this.depth++;
		try {
			const status = spec.run(ctx);
			if (reading.stdin && stdin && STDIN_READERS.has(spec.name)) stdin.drain();
			return typeof status === 'number' ? status & 255 : 0;
		} catch (error) {
			if (error instanceof ExitRequest) throw error;
			// A defect in a simulated tool must never take the lab down.
			const message = error instanceof Error ? error.message : String(error);
			frame.sink.err(`${name}: internal error: ${message}\n`);
			return 1;
		} finally {
			this.depth--;
			this.session.input = outerInput;
			this.world.revision++;
		}
	}

	private context(argv: string[], frame: Frame, input: InputStream | undefined, reading: {stdin: boolean}, background: boolean, text: string): CommandContext {
		const shell = this;
		const login = frame.login;
		return {
			world: this.world,
			host: login.host,
			session: this.session,
			registry: this.registry,
			argv,
			get stdin() {
				reading.stdin = true;
				return input?.rest;
			},
			get cwd() {
				return login.cwd;
			},
			lang: this.options.lang,
			interactive: this.options.interactive,
			background,
			text,
			stdoutIsTerminal: frame.tty !== false,
			env: this.session.vars,
			out: frame.sink.out,
			err: frame.sink.err,
			resolve: (path) => (path === '' ? EMPTY_PATH : resolvePath(login.cwd, path)),
			chdir(path) {
				login.cwd = path;
			},
			run(line, options = {}) {
				const parsed = parse(line);
				if (parsed.kind !== 'ok') {
					if (!options.quiet) frame.sink.err(`bash: ${parsed.kind === 'error' ? parsed.message : 'syntax error: unexpected end of file'}\n`);
					return 2;
				}
				const target: Login = options.host && options.host !== login.host ? {host: options.host, cwd: '/root'} : login;
				const quiet: Sink = {out() {}, err() {}};
				const saved = shell.session.lastStatus;
				// A nested command line is a shell of its own: the caller's loops are not its loops.
				const loops = {depth: shell.session.loopDepth, breaking: shell.session.breaking, continuing: shell.session.continuing};
				shell.session.loopDepth = 0;
				let status: number;
				try {
					const stdin = options.stdin === undefined ? undefined : new InputStream(options.stdin);
					status = shell.runList(parsed.list, {login: target, sink: options.quiet ? quiet : frame.sink, effects: frame.effects, tty: frame.tty}, stdin);
				} catch (error) {
					if (error instanceof DiscardLine) status = 1;
					else if (!(error instanceof ExitRequest)) throw error;
					else status = error.status;
				} finally {
					shell.session.loopDepth = loops.depth;
					shell.session.breaking = loops.breaking;
					shell.session.continuing = loops.continuing;
				}
				shell.session.lastStatus = saved;
				return status;
			},
			effect(effect) {
				frame.effects.push(effect);
			},
		};
	}

	/** Word expansion: tilde, variables, `$(…)`, field splitting and globbing. */
	expand(word: Word, frame: Frame, split = true): string[] {
		const fields: string[] = [];
		let current = '';
		let pattern = '';
		let exists = false;
		let globbable = false;
		const endField = () => {
			if (exists) {
				if (globbable) fields.push(...this.globField(pattern, current, frame));
				else fields.push(current);
			}
			current = '';
			pattern = '';
			exists = false;
			globbable = false;
		};
		const addText = (text: string, quoted: boolean) => {
			current += text;
			pattern += quoted ? escapeGlob(text) : text;
			if (!quoted && hasGlob(text)) globbable = true;
			exists = true;
		};
		const addExpansion = (value: string, quoted: boolean) => {
			if (quoted || !split) {
				addText(value, true);
				return;
			}
			const pieces = value.split(/[ \t\n]+/);
			pieces.forEach((piece, i) => {
				if (i > 0) endField();
				if (piece !== '') addText(piece, false);
			});
		};
		for (const part of word) {
			if (part.kind === 'text') addText(part.text, part.quoted);
			else if (part.kind === 'tilde') addText(this.session.vars.get('HOME') ?? '/root', true);
			else if (part.kind === 'var') addExpansion(this.variable(part.name), part.quoted);
			else if (part.kind === 'arith') addExpansion(this.arithmetic(part.source, frame), part.quoted);
			else addExpansion(this.substitute(part.source, frame), part.quoted);
		}
		endField();
		return fields;
	}

	private globField(pattern: string, literal: string, frame: Frame): string[] {
		const relative = !pattern.startsWith('/');
		const base = frame.login.cwd === '/' ? '' : frame.login.cwd;
		const matches = glob(frame.login.host.fs, relative ? escapeGlob(base) + '/' + pattern : pattern);
		if (matches.length === 0) return [literal];
		return relative ? matches.map((m) => m.slice(base.length + 1)) : matches;
	}

	private variable(name: string): string {
		if (name === '?') return String(this.session.lastStatus);
		if (name === '$') return '4242';
		if (name === '#') return '0';
		if (name === '0') return 'bash';
		if (/^[0-9]$/.test(name)) return '';
		return this.session.vars.get(name) ?? '';
	}

	/** `$((…))`: `$NAME`, `${NAME}` and `$?` inside are replaced first, then the expression is evaluated. */
	private arithmetic(source: string, frame: Frame): string {
		try {
			return String(this.arithValue(source));
		} catch (error) {
			if (!(error instanceof ArithError)) throw error;
			frame.sink.err(`bash: ${error.message}\n`);
			throw new DiscardLine();
		}
	}

	/** The value of an arithmetic expression after its `$NAME`s are replaced; throws ArithError. */
	private arithValue(source: string): bigint {
		const text = source.replace(/\$(\{([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])\}|[?$#0-9]|[A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string, braced?: string) => this.variable(braced ?? name));
		return evaluate(text, this.session.vars);
	}

	/**
	 * A word expanded to one string, without field splitting or globbing, as bash
	 * expands assignments and the word after `case`. As a `case` pattern, quoted parts
	 * are escaped so that they match literally.
	 */
	private expandString(word: Word, frame: Frame, pattern = false): string {
		let text = '';
		const add = (s: string, quoted: boolean) => (text += pattern && quoted ? escapeGlob(s) : s);
		for (const part of word) {
			if (part.kind === 'text') add(part.text, part.quoted);
			else if (part.kind === 'tilde') add(this.session.vars.get('HOME') ?? '/root', true);
			else if (part.kind === 'var') add(this.variable(part.name), part.quoted);
			else if (part.kind === 'arith') add(this.arithmetic(part.source, frame), part.quoted);
			else add(this.substitute(part.source, frame), part.quoted);
		}
		return text;
	}

	private substitute(source: string, frame: Frame): string {
		const parsed = parse(source);
		if (parsed.kind !== 'ok') {
			frame.sink.err(`bash: command substitution: ${parsed.kind === 'error' ? parsed.message : 'unexpected end of file'}\n`);
			return '';
		}
		let captured = '';
		const sink: Sink = {out: (t) => (captured += t), err: frame.sink.err};
		let status: number;
		try {
			status = this.runList(parsed.list, {...frame, sink, tty: false});
		} catch (error) {
			if (!(error instanceof DiscardLine)) throw error;
			status = 1;
		}
		this.session.lastStatus = status;
		return captured.replace(/\n+$/, '');
	}

	private expandHeredoc(body: string, frame: Frame): string {
		return body.replace(/\\([$`\\])|\$(\?|[A-Za-z_][A-Za-z0-9_]*|\{([A-Za-z_][A-Za-z0-9_]*|\?)\})/g, (m, escaped, name, braced) => {
			if (escaped) return escaped;
			void frame;
			return this.variable(braced ?? name);
		});
	}
}
