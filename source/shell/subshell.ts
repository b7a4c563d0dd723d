import {DiscardLine, ExitRequest, ReturnRequest, type Frame} from './frame';
import type {Shell} from './shell';

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
