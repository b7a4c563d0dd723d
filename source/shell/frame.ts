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

/** Ends the shell (top-level `exit`): the run stops, the lab quits. */
export function exitShell(status: number): never {
	throw new ExitRequest(status);
}
