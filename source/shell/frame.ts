import type {ShellEffect} from '../commands/context';
import type {Login} from './session';

/**
 * What every part of the running shell passes around: where output goes, which
 * login a command runs in, and the signals that unwind a command line.
 */

export type Stream = 'out' | 'err';

/** Output in the order it was produced, tagged by stream. */
export interface OutputChunk {
	readonly stream: Stream;
	readonly text: string;
}

export interface Sink {
	out(text: string): void;
	err(text: string): void;
}

export interface Frame {
	login: Login;
	sink: Sink;
	effects: ShellEffect[];
	/** False when standard output is captured (pipe, redirection, command substitution). */
	tty?: boolean;
}

/** Signals `exit` at the top level (ends a `run` script, quits the lab). */
export class ExitRequest {
	constructor(readonly status: number) {}
}

/** An expansion failed (bad arithmetic): bash drops the rest of the command line. */
export class DiscardLine {}

/** The lab stops the whole command line (a runaway recursion): no subshell or `$(…)` inside may catch it. */
export class AbortLine {}

/** `return` on its way out of the function running it. */
export class ReturnRequest {
	constructor(readonly status: number) {}
}

/** Whether `error` is one of the shell's own ways to unwind (exit, return, a dropped line), not a defect. */
export function isUnwinding(error: unknown): boolean {
	return error instanceof ExitRequest || error instanceof ReturnRequest || error instanceof DiscardLine || error instanceof AbortLine;
}

/** Leaves the function running (`return N`). */
export function returnFromFunction(status: number): never {
	throw new ReturnRequest(status);
}

/** Drops the rest of the command line, as bash does after some errors (`shift 1 2`). */
export function discardLine(): never {
	throw new DiscardLine();
}

/** Ends the shell (top-level `exit`): the run stops, the lab quits. */
export function exitShell(status: number): never {
	throw new ExitRequest(status);
}
