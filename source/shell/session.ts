import type {Host} from '../sim/host';
import type {FunctionDefinition} from './ast';
import type {InputStream} from './input';

/** One level of `ssh`: the host and the working directory there. */
export interface Login {
	readonly host: Host;
	cwd: string;
	/** The host is going down in an orderly way (reboot, shutdown): sshd closes the connection instead of it dying. */
	closing?: boolean;
}

/** How a job is doing, as `jobs` and bash's notifications show it. */
export type JobState =
	| {readonly kind: 'running'}
	| {readonly kind: 'stopped'; readonly signal: number}
	| {readonly kind: 'exit'; readonly code: number}
	| {readonly kind: 'signal'; readonly signal: number};

/** Lets the shell follow a background job: its state and what it printed. */
export interface JobWatch {
	state(): JobState;
	/** Terminal output written since the last call (printed before the next prompt). */
	drain?(): string;
}

/** A background job started with `&`. */
export interface Job {
	readonly id: number;
	readonly pid: number;
	readonly host: string;
	readonly text: string;
	readonly watch?: JobWatch;
}

/** A shell function running: its name, and each variable it made `local` with the value that hid behind it. */
export interface FunctionCall {
	readonly name: string;
	readonly locals: Map<string, string | undefined>;
}

/** The state of one shell: where it is logged in, history, variables, functions, jobs. */
export class Session {
	readonly logins: Login[];
	readonly history: string[] = [];
	readonly vars = new Map<string, string>();
	/** Shell variables that are not in the environment (`env`, `export -p`) until exported. */
	readonly unexported = new Set<string>(['IFS']);
	/** `$1`, `$2`…: the arguments of the function running (none at the prompt). */
	positional: string[] = [];
	/** Shell functions by name. */
	readonly functions = new Map<string, FunctionDefinition>();
	/** Functions running now, innermost last. */
	readonly calls: FunctionCall[] = [];
	readonly jobs: Job[] = [];
	lastStatus = 0;
	/** Virtual time when the running command line started (sleep keeps one line within a day). */
	lineStart = 0;
	/** How many `for`/`while`/`until` loops the running command is inside. */
	loopDepth = 0;
	/** Loops still to leave after `break N` (bash's `breaking`). */
	breaking = 0;
	/** Loops to skip to the next round of after `continue N` (bash's `continuing`). */
	continuing = 0;
	/** How many subshells (`( … )`, pipeline members) the running command is inside: `exit` ends the innermost. */
	subshells = 0;
	/** Standard input of the command running now, as a stream (`read` takes it a line at a time); undefined for the terminal. */
	input: InputStream | undefined;
	/** The terminal while a command line runs: background jobs write to it as they go. */
	terminal: {out(text: string): void; err(text: string): void} | undefined;

	constructor(start: Host) {
		this.logins = [{host: start, cwd: '/root'}];
		this.vars.set('HOME', '/root');
		this.vars.set('USER', 'root');
		this.vars.set('SHELL', '/bin/bash');
		this.vars.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
		// bash's default: space, tab and newline. `read` splits by IFS; word splitting after expansions always uses these three.
		this.vars.set('IFS', ' \t\n');
	}

	get current(): Login {
		return this.logins[this.logins.length - 1]!;
	}

	get host(): Host {
		return this.current.host;
	}

	/** Bash's prompt: `root@lvs1:~# `. */
	prompt(): string {
		const cwd = this.current.cwd;
		const shown = cwd === '/root' ? '~' : cwd.startsWith('/root/') ? '~' + cwd.slice(5) : cwd;
		return `root@${this.host.name}:${shown}# `;
	}

	addJob(pid: number, host: string, text: string, watch?: JobWatch): Job {
		// bash numbers a new job one past the highest job still in the table.
		const id = this.jobs.reduce((max, j) => Math.max(max, j.id), 0) + 1;
		const job = {id, pid, host, text, watch};
		this.jobs.push(job);
		return job;
	}

	removeJob(id: number): void {
		const i = this.jobs.findIndex((j) => j.id === id);
		if (i >= 0) this.jobs.splice(i, 1);
	}
}
