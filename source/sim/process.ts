import type {Micros} from './time';

export type ProcessState = 'R' | 'S' | 'D' | 'Z' | 'T';

/** A process on a simulated host, as `ps` would show it. */
export interface Process {
	readonly pid: number;
	readonly ppid: number;
	user: string;
	/** argv as `ps` shows it in COMMAND (kernel threads in brackets, e.g. `[ipvs_syncmaster]`). */
	command: string;
	state: ProcessState;
	readonly started: Micros;
	tty: string;
	/** Called when the process receives a signal; returning true means it exits. */
	onSignal?: (signal: number) => boolean;
}

/** Per-host process table with deterministic pid allocation. */
export class ProcessTable {
	private byPid = new Map<number, Process>();
	private nextPid: number;

	constructor(firstPid = 1000) {
		this.nextPid = firstPid;
	}

	spawn(spec: Omit<Process, 'pid' | 'ppid' | 'state' | 'tty'> & {ppid?: number; state?: ProcessState; tty?: string}): Process {
		const proc: Process = {
			pid: this.nextPid++,
			ppid: spec.ppid ?? 1,
			user: spec.user,
			command: spec.command,
			state: spec.state ?? 'S',
			started: spec.started,
			tty: spec.tty ?? '?',
			onSignal: spec.onSignal,
		};
		this.byPid.set(proc.pid, proc);
		return proc;
	}

	get(pid: number): Process | undefined {
		return this.byPid.get(pid);
	}

	/** Removes a process without signalling it (it exited by itself). */
	reap(pid: number): void {
		this.byPid.delete(pid);
	}

	/** Delivers a signal; returns false when no such process exists. */
	kill(pid: number, signal = 15): boolean {
		const proc = this.byPid.get(pid);
		if (!proc) return false;
		const exits = proc.onSignal ? proc.onSignal(signal) : true;
		if (exits || signal === 9) this.byPid.delete(pid);
		return true;
	}

	find(predicate: (p: Process) => boolean): Process | undefined {
		for (const p of this.byPid.values()) if (predicate(p)) return p;
		return undefined;
	}

	/** All processes in pid order. */
	list(): Process[] {
		return [...this.byPid.values()].sort((a, b) => a.pid - b.pid);
	}

	/** Forgets every process (power off). */
	clear(): void {
		this.byPid.clear();
	}
}
