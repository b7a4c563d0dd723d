import type {Host} from '../host';
import type {Process} from '../process';
import {SEC, type Micros} from '../time';
import type {World} from '../world';
import {cpuOf} from './scheduler';

/**
 * What a simulated process is doing: `run` (wants CPU for its current burst),
 * `sleep` (waiting for work, e.g. an idle Apache worker), `stop` (SIGSTOP),
 * `transit` (being migrated: runs nowhere), `dead`.
 */
export type TaskState = 'run' | 'sleep' | 'stop' | 'transit' | 'dead';

/** How a process ended: an exit status or a fatal signal. */
export type TaskEnd = {readonly kind: 'exit'; readonly code: number} | {readonly kind: 'signal'; readonly signal: number};

/** Latency of one system call served on the node itself (page cache hit), µs. */
export const LOCAL_SYSCALL_US = 15;
/** CPU time the kernel spends per system call, µs (counted as sys time). */
const SYSCALL_CPU_US = 4;
/** exec(), page faults and exit of a small program, µs of sys time. */
const EXEC_SYS_US = 1000;

export interface TaskSpec {
	readonly command: string;
	readonly user?: string;
	readonly tty?: string;
	readonly ppid?: number;
	/** First CPU burst, in yardstick microseconds of work; 0 starts the process asleep. */
	readonly work: number;
	/** System calls per yardstick second of work (file and socket I/O). */
	readonly io?: number;
	/** Threads sharing one address space (pthreads). */
	readonly threads?: number;
	/** Virtual size and resident set size, KiB. */
	readonly vszKb: number;
	readonly rssKb: number;
	/** Attached SysV shared memory (Apache's scoreboard, databases). */
	readonly shm?: boolean;
	/** Called when a burst's work is done; the default ends the process with status 0. */
	readonly onBurstDone?: (task: Task) => void;
	/** Handles a signal; return true when the process exits. Default: fatal signals end it. */
	readonly onSignal?: (task: Task, signal: number) => boolean | undefined;
}

/** Signals whose default action is to end the process. */
const FATAL = new Set([1, 2, 3, 4, 6, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 29, 30, 31]);
export const SIGKILL = 9;
export const SIGTERM = 15;
export const SIGSTOP = 19;
export const SIGTSTP = 20;
export const SIGCONT = 18;

/**
 * A process that uses the CPU model: it belongs to its home host's process table
 * (where `ps` shows it) and executes on `node`, which openMosix may change.
 */
export class Task {
	readonly pid: number;
	readonly home: Host;
	readonly command: string;
	readonly user: string;
	readonly started: Micros;
	/** Where it executes now; undefined while in transit between nodes. */
	node: Host | undefined;
	state: TaskState;
	/** Work left in the current burst (yardstick µs). */
	burst: number;
	io: number;
	threads: number;
	vszKb: number;
	rssKb: number;
	shm: boolean;
	/** Latency of each system call, µs: local, or a network round trip to the home node. */
	ioLatency = LOCAL_SYSCALL_US;
	/** CPUs in use and work done per µs, as the node's scheduler last set them. */
	cpuShare = 0;
	rate = 0;
	/** CPU time used so far (µs): user and kernel. */
	userUs = 0;
	sysUs = EXEC_SYS_US;
	/** Set once the process is dead. */
	end: TaskEnd | undefined;
	/** Virtual time it arrived on its current node (for the balancer's minimum residency). */
	arrived: Micros;
	onBurstDone: ((task: Task) => void) | undefined;
	private readonly signalHandler: TaskSpec['onSignal'];
	private readonly exitListeners: Array<(task: Task) => void> = [];
	private stoppedFrom: 'run' | 'sleep' = 'run';
	readonly process: Process;

	constructor(
		readonly world: World,
		home: Host,
		spec: TaskSpec,
	) {
		this.home = home;
		this.command = spec.command;
		this.user = spec.user ?? 'root';
		this.started = world.now;
		this.arrived = world.now;
		this.burst = Math.max(0, spec.work);
		this.state = this.burst > 0 ? 'run' : 'sleep';
		this.io = spec.io ?? 0;
		this.threads = Math.max(1, spec.threads ?? 1);
		this.vszKb = spec.vszKb;
		this.rssKb = spec.rssKb;
		this.shm = spec.shm ?? false;
		this.onBurstDone = spec.onBurstDone;
		this.signalHandler = spec.onSignal;
		this.process = home.processes.spawn({
			user: this.user,
			command: spec.command,
			started: world.now,
			ppid: spec.ppid,
			tty: spec.tty,
			state: this.state === 'run' ? 'R' : 'S',
			onSignal: (signal) => this.signal(signal),
		});
		this.pid = this.process.pid;
		this.node = home;
		const cpu = cpuOf(world, home);
		cpu.homed.set(this.pid, this);
		cpu.attach(this);
		for (const hook of world.feature<Array<(task: Task) => void>>('cpu.spawn-hooks', () => [])) hook(this);
	}

	get alive(): boolean {
		return this.state !== 'dead';
	}

	/** Runs on a node other than its home (openMosix: a remote process with a deputy at home). */
	get remote(): boolean {
		return this.node !== undefined && this.node !== this.home;
	}

	/** Fraction of its time the process would compute (not wait for I/O) on a CPU of this speed. */
	computeFraction(perCpuRate: number): number {
		return 1 / (1 + (perCpuRate * this.io * this.ioLatency) / SEC);
	}

	/** Starts a new CPU burst (an Apache worker taking a request). */
	runBurst(work: number, onDone?: (task: Task) => void): void {
		if (!this.alive) return;
		this.withCpu(() => {
			this.burst += Math.max(0, work);
			if (onDone) this.onBurstDone = onDone;
			if (this.state === 'sleep') this.setState('run');
			else if (this.state === 'stop') this.stoppedFrom = 'run';
		});
	}

	/** Ends the process; listeners learn how. Safe to call twice. */
	exit(end: TaskEnd): void {
		if (!this.alive) return;
		if (this.node) cpuOf(this.world, this.node).detach(this);
		this.node = undefined;
		this.end = end;
		this.setState('dead');
		this.home.processes.reap(this.pid);
		cpuOf(this.world, this.home).homed.delete(this.pid);
		for (const listener of this.exitListeners.splice(0)) listener(this);
	}

	onExit(listener: (task: Task) => void): void {
		if (this.alive) this.exitListeners.push(listener);
		else listener(this);
	}

	/** Delivers a signal as the kernel would; returns true when the process ends. */
	signal(signal: number): boolean {
		if (!this.alive) return true;
		if (signal === 0) return false;
		if (signal === SIGKILL) {
			this.exit({kind: 'signal', signal});
			return true;
		}
		if (signal === SIGSTOP || signal === SIGTSTP || signal === 21 || signal === 22) {
			if (this.state === 'run' || this.state === 'sleep') {
				this.withCpu(() => {
					this.stoppedFrom = this.state === 'run' ? 'run' : 'sleep';
					this.setState('stop');
				});
			}
			return false;
		}
		if (signal === SIGCONT) {
			if (this.state === 'stop') this.withCpu(() => this.setState(this.burst > 0 ? 'run' : this.stoppedFrom));
			return false;
		}
		const handled = this.signalHandler?.(this, signal);
		if (handled !== undefined) {
			if (handled) this.exit({kind: 'signal', signal});
			return handled;
		}
		if (FATAL.has(signal)) {
			this.exit({kind: 'signal', signal});
			return true;
		}
		return false;
	}

	/** Changes the state and mirrors it in the process table (`ps` STAT). */
	setState(state: TaskState): void {
		this.state = state;
		this.process.state = state === 'run' || state === 'transit' ? 'R' : state === 'sleep' ? 'S' : state === 'stop' ? 'T' : 'Z';
	}

	/** Applies a change that affects CPU demand, with the node's progress settled before and after. */
	private withCpu(change: () => void): void {
		const cpu = this.node ? cpuOf(this.world, this.node) : undefined;
		cpu?.settle();
		change();
		cpu?.reschedule();
	}

	/** Accounts `dt` µs at the current rate; returns the work done. */
	advance(dt: Micros): number {
		if (dt <= 0) return 0;
		this.userUs += this.cpuShare * dt;
		if (this.rate <= 0 || this.burst <= 0) return 0;
		const done = Math.min(this.burst, this.rate * dt);
		this.burst -= done;
		if (this.burst < 1e-6) this.burst = 0;
		this.sysUs += (done * this.io * SYSCALL_CPU_US) / SEC;
		return done;
	}
}

/** Starts a process on `home` using the CPU model. */
export function spawnTask(world: World, home: Host, spec: TaskSpec): Task {
	return new Task(world, home, spec);
}

/** Subsystems (openMosix) that want to know about every new process: lock state, placement. */
export function onSpawn(world: World, hook: (task: Task) => void): void {
	world.feature<Array<(task: Task) => void>>('cpu.spawn-hooks', () => []).push(hook);
}
