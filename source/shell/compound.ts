import type {CaseClause, Compound, IfClause} from './ast';
import {ArithError} from './arith';
import {arithValue, expandString} from './expand';
import type {Frame} from './frame';
import {defineFunction} from './functions';
import {matchPattern} from './glob';
import type {InputStream} from './input';
import {loopJump, runFor, runWhile} from './loops';
import type {Shell} from './shell';
import {subshell} from './subshell';

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
