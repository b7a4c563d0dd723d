import type {CommandContext} from '../commands/context';
import type {Lang} from '../i18n/lang';
import {resolvePath} from '../sim/fs/path';
import type {Host} from '../sim/host';
import {pendingBootAt} from '../sim/net/faults';
import {SEC} from '../sim/time';
import type {World} from '../sim/world';
import {DiscardLine, ExitRequest, isUnwinding, ReturnRequest, type Frame, type Sink} from './frame';
import {isStackOverflow} from './functions';
import {InputStream} from './input';
import {parse} from './parse';
import {EMPTY_PATH} from './redirect';
import type {Login} from './session';
import type {Shell} from './shell';

/** How deeply commands may run commands (`env env env …`, `ssh h ssh h …`). */
const MAX_DEPTH = 16;

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

/** Finds and runs a command from the registry; prints bash's errors for unknown ones. */
export function invoke(shell: Shell, words: string[], frame: Frame, stdin: InputStream | undefined, background: boolean, text: string): number {
	const name = words[0]!;
	const host = frame.login.host;
	const {world, registry} = shell;
	if (!host.powered) {
		const known = registry.get(name);
		const client = world.host(world.scenario.client ?? '');
		const elsewhere = known !== undefined && FROM_CLIENT_PC.has(known.name) && client !== undefined && client !== host && client.powered;
		if (!known || name.includes('/') || (known.group !== 'lab' && !WITHOUT_POWER.has(known.name) && !elsewhere)) {
			if (!shell.line.offNoticed) frame.sink.err(deadHostMessage(world, host, shell.lang));
			shell.line.offNoticed = true;
			return 1;
		}
	}
	let spec;
	if (name.includes('/')) {
		const path = resolvePath(frame.login.cwd, name);
		spec = registry.atPath(path);
		if (!spec || !(spec.installed?.(host) ?? true)) {
			const exists = host.fs.exists(path);
			frame.sink.err(`bash: ${name}: ${exists ? (host.fs.isDir(path) ? 'Is a directory' : 'Permission denied') : 'No such file or directory'}\n`);
			return exists ? 126 : 127;
		}
	} else {
		spec = registry.get(name);
		if (!spec || !(spec.installed?.(host) ?? true)) {
			frame.sink.err(`bash: ${name}: command not found\n`);
			return 127;
		}
	}
	if (shell.depth >= MAX_DEPTH) {
		frame.sink.err(`bash: ${name}: maximum nesting level exceeded\n`);
		return 1;
	}
	const reading = {stdin: false};
	const ctx = commandContext(shell, words, frame, stdin, reading, background, text);
	const session = shell.session;
	const outerInput = session.input;
	session.input = stdin;
	shell.depth++;
	try {
		const status = spec.run(ctx);
		if (reading.stdin && stdin && STDIN_READERS.has(spec.name)) stdin.drain();
		return typeof status === 'number' ? status & 255 : 0;
	} catch (error) {
		// Inside a function, running out of stack is the recursion's doing: callFunction reports it.
		if (isUnwinding(error) || (session.calls.length > 0 && isStackOverflow(error))) throw error;
		// A defect in a simulated tool must never take the lab down.
		const message = error instanceof Error ? error.message : String(error);
		frame.sink.err(`${name}: internal error: ${message}\n`);
		return 1;
	} finally {
		shell.depth--;
		session.input = outerInput;
		world.revision++;
	}
}

/** What a command sees while it runs (see CommandContext). */
function commandContext(
	shell: Shell,
	argv: string[],
	frame: Frame,
	input: InputStream | undefined,
	reading: {stdin: boolean},
	background: boolean,
	text: string,
): CommandContext {
	const login = frame.login;
	const session = shell.session;
	return {
		world: shell.world,
		host: login.host,
		session,
		registry: shell.registry,
		argv,
		get stdin() {
			reading.stdin = true;
			return input?.rest;
		},
		get cwd() {
			return login.cwd;
		},
		lang: shell.options.lang,
		interactive: shell.options.interactive,
		background,
		text,
		stdoutIsTerminal: frame.tty !== false,
		env: session.vars,
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
			const saved = session.lastStatus;
			// A nested command line is a shell of its own: the caller's loops, functions and arguments are not its own.
			const loops = {depth: session.loopDepth, breaking: session.breaking, continuing: session.continuing};
			const calls = session.calls.splice(0);
			const positional = session.positional;
			session.loopDepth = 0;
			session.positional = [];
			let status: number;
			try {
				const stdin = options.stdin === undefined ? undefined : new InputStream(options.stdin);
				status = shell.runList(parsed.list, {login: target, sink: options.quiet ? quiet : frame.sink, effects: frame.effects, tty: frame.tty}, stdin);
			} catch (error) {
				if (error instanceof DiscardLine) status = 1;
				else if (!(error instanceof ExitRequest || error instanceof ReturnRequest)) throw error;
				else status = error.status;
			} finally {
				session.calls.push(...calls);
				session.positional = positional;
				session.loopDepth = loops.depth;
				session.breaking = loops.breaking;
				session.continuing = loops.continuing;
			}
			session.lastStatus = saved;
			return status;
		},
		effect(effect) {
			frame.effects.push(effect);
		},
	};
}
