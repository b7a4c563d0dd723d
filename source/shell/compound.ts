import type {CaseClause, Compound, IfClause} from './ast';
import {ArithError} from './arith';
import {arithValue, expandString} from './expand';
import {DiscardLine, ExitRequest, ReturnRequest, type Frame} from './frame';
import {defineFunction} from './functions';
import {matchPattern} from './glob';
import type {InputStream} from './input';
import {loopJump, runFor, runWhile} from './loops';
import type {Shell} from './shell';

/** Runs a compound command: `if`, `for`, `while`/`until`, `case`, `( … )`, `{ …; }` or `(( … ))`. */
export function runCompound(shell: Shell, c: Compound, frame: Frame, stdin: InputStream | undefined): number {
	switch (c.kind) {
		case 'if':
			return runIf(shell, c, frame, stdin);
		case 'for':
			return runFor(shell, c, frame, stdin);
		case 'case':
			return runCase(shell, c, frame, stdin);
		case 'subshell':
			return subshell(shell, frame, (f) => shell.runList(c.body, f, stdin));
		case 'group':
			return shell.runList(c.body, frame, stdin);
		case 'arith':
			return runArith(shell, c.source, frame);
		case 'function':
			return defineFunction(shell.session, c, frame);
		default:
			return runWhile(shell, c, frame, stdin);
	}
}

/**
 * Runs `body` as a subshell would: variables, functions, `$1`…, the working directory
 * and ssh sessions it changes are put back afterwards, and `exit`, `return` or `break`
 * only end it.
 * A `( … )` subshell starts outside any loop (bash: `break` there is only
 * meaningful in a loop); a pipeline member still sees the loops around it.
 */
export function subshell(shell: Shell, frame: Frame, body: (frame: Frame) => number, ownLoops = true): number {
	const s = shell.session;
	const vars = new Map(s.vars);
	const functions = new Map(s.functions);
	const positional = s.positional;
	const locals = s.calls.map((c) => new Map(c.locals));
	const logins = s.logins.slice();
	const loops = {depth: s.loopDepth, breaking: s.breaking, continuing: s.continuing};
	if (ownLoops) s.loopDepth = 0;
	s.subshells++;
	let status: number;
	try {
		status = body({...frame, login: {...frame.login}});
	} catch (error) {
		if (error instanceof ExitRequest || error instanceof ReturnRequest) status = error.status;
		else if (error instanceof DiscardLine) status = 1;
		else throw error;
	} finally {
		s.subshells--;
		s.vars.clear();
		for (const [k, v] of vars) s.vars.set(k, v);
		s.functions.clear();
		for (const [k, v] of functions) s.functions.set(k, v);
		s.positional = positional;
		s.calls.forEach((c, i) => {
			c.locals.clear();
			for (const [k, v] of locals[i]!) c.locals.set(k, v);
		});
		s.logins.length = 0;
		s.logins.push(...logins);
		s.loopDepth = loops.depth;
		s.breaking = loops.breaking;
		s.continuing = loops.continuing;
	}
	return status;
}

/** `case`: the first item with a matching pattern runs; `;&` and `;;&` go on as bash does. */
function runCase(shell: Shell, c: CaseClause, frame: Frame, stdin: InputStream | undefined): number {
	const subject = expandString(shell, c.word, frame);
	let status = 0;
	let fallThrough = false;
	for (const item of c.items) {
		// Patterns are expanded one at a time, only until one matches.
		if (!fallThrough && !item.patterns.some((p) => matchPattern(expandString(shell, p, frame, true), subject))) continue;
		status = item.body.length > 0 ? shell.runList(item.body, frame, stdin) : 0;
		if (item.end === ';;' || loopJump(shell.session)) break;
		fallThrough = item.end === ';&';
	}
	return status;
}

/** `(( EXPR ))`: status 0 when the value is not zero; an error costs status 1, not the line. */
function runArith(shell: Shell, source: string, frame: Frame): number {
	try {
		return arithValue(shell, source, frame) === 0n ? 1 : 0;
	} catch (error) {
		if (!(error instanceof ArithError)) throw error;
		frame.sink.err(`bash: ((: ${error.message}\n`);
		return 1;
	}
}

function runIf(shell: Shell, c: IfClause, frame: Frame, stdin: InputStream | undefined): number {
	for (const branch of c.branches) {
		const test = shell.runList(branch.condition, frame, stdin);
		if (loopJump(shell.session)) return test;
		if (test === 0) return shell.runList(branch.body, frame, stdin);
	}
	return c.otherwise ? shell.runList(c.otherwise, frame, stdin) : 0;
}
