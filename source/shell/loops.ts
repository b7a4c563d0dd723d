import type {Lang} from '../i18n/lang';
import type {ForClause, LoopClause} from './ast';
import {expandWord} from './expand';
import {isName} from './lex';
import type {Frame} from './frame';
import type {InputStream} from './input';
import type {Session} from './session';
import type {Shell} from './shell';

/**
 * Loop rounds one command line may run. An endless `while true` would otherwise
 * freeze the lab: it runs synchronously, and only `sleep` moves virtual time.
 */
export const MAX_LOOP_ROUNDS = 10_000;

function loopLimitMessage(lang: Lang): string {
	return lang === 'es'
		? `cluster-lab: bucle detenido tras ${MAX_LOOP_ROUNDS} vueltas (el máximo que el lab ejecuta por línea de órdenes)\n`
		: `cluster-lab: loop stopped after ${MAX_LOOP_ROUNDS} rounds (the most the lab runs for one command line)\n`;
}

/** `for NAME in WORDS; do LIST; done` (without `in WORDS`: for each argument, `"$@"`). */
export function runFor(shell: Shell, c: ForClause, frame: Frame, stdin: InputStream | undefined): number {
	if (!isName(c.name)) {
		frame.sink.err(`bash: \`${c.name}': not a valid identifier\n`);
		return 1;
	}
	const values: string[] = c.positional ? [...shell.session.positional] : [];
	for (const word of c.words) values.push(...expandWord(shell, word, frame));
	let status = 0;
	const session = shell.session;
	session.loopDepth++;
	try {
		for (const value of values) {
			if (!nextRound(shell, frame)) return 1;
			session.vars.set(c.name, value);
			status = shell.runList(c.body, frame, stdin);
			if (leaveLoop(session)) break;
		}
	} finally {
		session.loopDepth--;
	}
	return status;
}

/** `while LIST; do LIST; done` and `until LIST; do LIST; done`. */
export function runWhile(shell: Shell, c: LoopClause, frame: Frame, stdin: InputStream | undefined): number {
	let status = 0;
	const session = shell.session;
	session.loopDepth++;
	try {
		for (;;) {
			if (!nextRound(shell, frame)) return 1;
			const test = shell.runList(c.condition, frame, stdin);
			if (loopJump(session)) {
				if (leaveLoop(session)) break;
				continue;
			}
			if ((test === 0) !== (c.kind === 'while')) break;
			status = shell.runList(c.body, frame, stdin);
			if (leaveLoop(session)) break;
		}
	} finally {
		session.loopDepth--;
	}
	return status;
}

/** A `break` or `continue` is on its way out: the rest of the list is skipped. */
export function loopJump(session: Session): boolean {
	return session.breaking > 0 || session.continuing > 0;
}

/** Counts one loop round; past the limit, says so once and unwinds every loop. */
function nextRound(shell: Shell, frame: Frame): boolean {
	if (++shell.line.rounds <= MAX_LOOP_ROUNDS) return true;
	if (shell.line.rounds === MAX_LOOP_ROUNDS + 1) frame.sink.err(loopLimitMessage(shell.lang));
	shell.session.breaking = shell.session.loopDepth - 1;
	return false;
}

/** After a loop round, as bash does: true when this loop must stop (break, or a continue aimed at an outer loop). */
function leaveLoop(s: Session): boolean {
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
