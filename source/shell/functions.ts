import type {Lang} from '../i18n/lang';
import type {FunctionDefinition} from './ast';
import {AbortLine, DiscardLine, ReturnRequest, type Frame} from './frame';
import type {InputStream} from './input';
import type {Session} from './session';
import type {Shell} from './shell';

/**
 * How deeply functions may call functions. bash has no limit unless FUNCNEST is set
 * (deep recursion ends in a crash); the lab stops well before its own stack would
 * run out, with the message bash gives for FUNCNEST. A function whose every level
 * nests subshells, loops and `$(…)` can still exhaust the stack sooner: callFunction
 * then stops the line the same way.
 */
export const MAX_FUNCTION_NESTING = 100;

/**
 * Function calls one command line may make: like MAX_LOOP_ROUNDS, it keeps a
 * runaway recursion (a recursive fib) from freezing the lab.
 */
export const MAX_FUNCTION_CALLS = 50_000;

function callLimitMessage(lang: Lang): string {
	return lang === 'es'
		? `cluster-lab: línea de órdenes detenida tras ${MAX_FUNCTION_CALLS} llamadas a funciones (el máximo que el lab ejecuta por línea)\n`
		: `cluster-lab: command line stopped after ${MAX_FUNCTION_CALLS} function calls (the most the lab runs for one line)\n`;
}

/** The engine ran out of stack (deep recursion through functions). */
export function isStackOverflow(error: unknown): boolean {
	return error instanceof RangeError && /call stack/i.test(error.message);
}

/** `NAME () BODY`: stores the function, or refuses a name bash would refuse. */
export function defineFunction(session: Session, def: FunctionDefinition, frame: Frame): number {
	if (!def.valid) {
		frame.sink.err(`bash: \`${def.name}': not a valid identifier\n`);
		return 1;
	}
	session.functions.set(def.name, def);
	return 0;
}

/** The nesting limit in force: FUNCNEST when it is a smaller positive number, as in bash. */
function nestingLimit(session: Session): number {
	const funcnest = Number(session.vars.get('FUNCNEST') ?? '');
	return Number.isInteger(funcnest) && funcnest > 0 ? Math.min(funcnest, MAX_FUNCTION_NESTING) : MAX_FUNCTION_NESTING;
}

/**
 * Runs a shell function with `words` as its name and arguments: `$1`… are the
 * arguments meanwhile, `local` variables get their values back afterwards, `return`
 * ends it, and the loops around the call are not its loops (bash: `break` in a
 * function is only meaningful in a loop there).
 */
export function callFunction(shell: Shell, def: FunctionDefinition, words: readonly string[], frame: Frame, stdin: InputStream | undefined): number {
	const s = shell.session;
	const limit = nestingLimit(s);
	if (s.calls.length >= limit) {
		frame.sink.err(`bash: ${def.name}: maximum function nesting level exceeded (${limit})\n`);
		throw new DiscardLine();
	}
	if (++shell.line.calls > MAX_FUNCTION_CALLS) {
		frame.sink.err(callLimitMessage(shell.lang));
		throw new AbortLine();
	}
	const positional = s.positional;
	const loops = {depth: s.loopDepth, breaking: s.breaking, continuing: s.continuing};
	const call = {name: def.name, locals: new Map<string, string | undefined>()};
	s.positional = words.slice(1);
	s.loopDepth = 0;
	s.calls.push(call);
	try {
		return shell.runCommand(def.body, frame, stdin);
	} catch (error) {
		if (error instanceof ReturnRequest) return error.status;
		if (!isStackOverflow(error)) throw error;
		// Out of stack: say so once and drop the line. Printing may itself run out of
		// stack this deep; the call below then tries again with more room.
		if (!shell.line.overflowed) {
			frame.sink.err(`bash: ${def.name}: maximum function nesting level exceeded (${s.calls.length})\n`);
			shell.line.overflowed = true;
		}
		throw new AbortLine();
	} finally {
		s.calls.pop();
		for (const [name, hidden] of call.locals) {
			if (hidden === undefined) s.vars.delete(name);
			else s.vars.set(name, hidden);
		}
		s.positional = positional;
		s.loopDepth = loops.depth;
		s.breaking = loops.breaking;
		s.continuing = loops.continuing;
	}
}
