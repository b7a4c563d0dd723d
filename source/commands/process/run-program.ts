import type {JobState, Session} from '../../shell/session';
import {LOGIN_SHELL_PID} from '../../sim/cpu/proc-pid';
import type {Task} from '../../sim/cpu/task';
import {SIGKILL, spawnTask} from '../../sim/cpu/task';
import {MINUTE} from '../../sim/time';
import type {World} from '../../sim/world';
import type {CommandContext} from '../context';

/** The login shell's pid (`echo $$`); programs started at the prompt are its children. */
export const SHELL_PID = LOGIN_SHELL_PID;
/** Terminal of the lab session. */
export const SESSION_TTY = 'pts/0';
/** A foreground program (or `wait`) running longer than this is interrupted as if by Ctrl-C. */
export const FOREGROUND_LIMIT = 60 * MINUTE;

/** CPU time of the shell's children that have ended (what bash's `time` reads via getrusage). */
export interface ChildTimes {
	userUs: number;
	sysUs: number;
}

const childTimes = new WeakMap<Session, ChildTimes>();

export function childTimesOf(session: Session): ChildTimes {
	let times = childTimes.get(session);
	if (!times) {
		times = {userUs: 0, sysUs: 0};
		childTimes.set(session, times);
	}
	return times;
}

/** Runs the world until `done()` holds or `limit` of virtual time has passed; false when it gave up. */
export function runUntilDone(world: World, done: () => boolean, limit = FOREGROUND_LIMIT): boolean {
	const deadline = world.now + limit;
	while (!done()) {
		const next = world.nextEventTime();
		// Nothing scheduled (a process computing forever, a stopped job): time still passes.
		if (next === undefined || next > deadline) {
			world.runUntil(deadline);
			return done();
		}
		world.runUntil(next);
	}
	return true;
}

/** Exit status the shell reports for a task: its code, or 128 + the signal. */
export function exitStatus(task: Task): number {
	const end = task.end;
	if (!end) return 0;
	return end.kind === 'exit' ? end.code : 128 + end.signal;
}

/** A task's state as a job. */
export function taskJobState(task: Task): JobState {
	if (task.end) return task.end.kind === 'exit' ? {kind: 'exit', code: task.end.code} : {kind: 'signal', signal: task.end.signal};
	if (task.state === 'stop') return {kind: 'stopped', signal: 19};
	return {kind: 'running'};
}

/**
 * Runs a program started by `start` the way bash would: in the foreground the
 * prompt waits (virtual time runs) until it ends and `finish` prints its result;
 * with `&` it becomes a job (`[1] 1234`), its result is printed before a later
 * prompt and bash reports `[1]+  Done …`.
 */
export function runProgram(ctx: CommandContext, start: () => Task, finish?: (task: Task) => string): number {
	const task = start();
	const times = childTimesOf(ctx.session);
	task.onExit((t) => {
		times.userUs += t.userUs;
		times.sysUs += t.sysUs;
	});
	if (ctx.background) {
		let pending = '';
		// Output appears when the program writes it: on the terminal if a command
		// line is running, else before the next prompt.
		const session = ctx.session;
		task.onExit((t) => {
			if (t.end?.kind !== 'exit' || !finish) return;
			if (session.terminal) session.terminal.out(finish(t));
			else pending += finish(t);
		});
		const job = ctx.session.addJob(task.pid, ctx.host.name, ctx.text, {
			state: () => taskJobState(task),
			drain() {
				const text = pending;
				pending = '';
				return text;
			},
		});
		ctx.err(`[${job.id}] ${task.pid}\n`);
		return 0;
	}
	if (!runUntilDone(ctx.world, () => !task.alive)) {
		// The user gives up and presses Ctrl-C.
		ctx.out('^C\n');
		task.signal(2);
		if (task.alive) task.signal(SIGKILL);
		return 130;
	}
	if (task.end?.kind === 'exit' && finish) ctx.out(finish(task));
	return exitStatus(task);
}

/** A program of the command line on the CPU model: its work, system calls, threads and size. */
export interface CpuProgram {
	readonly work: number;
	readonly io?: number;
	readonly threads?: number;
	readonly vszKb: number;
	readonly rssKb: number;
}

/** Starts the command line as a process of the shell on the CPU model and runs it as bash would. */
export function runCpuProgram(ctx: CommandContext, program: CpuProgram, finish?: (task: Task) => string): number {
	return runProgram(ctx, () => spawnTask(ctx.world, ctx.host, {command: ctx.argv.join(' '), ppid: SHELL_PID, tty: SESSION_TTY, ...program}), finish);
}

/**
 * A background command that fails at once (bad arguments): bash still starts
 * the job and prints `[1] 1234`, the error, and later `[1]+  Exit N …`.
 */
export function failInBackground(ctx: CommandContext, message: string, code: number): number {
	if (!ctx.background) {
		ctx.err(message);
		return code;
	}
	const pid = ctx.host.processes.spawn({user: 'root', command: ctx.argv.join(' '), started: ctx.world.now, ppid: SHELL_PID, tty: SESSION_TTY}).pid;
	ctx.host.processes.reap(pid);
	const job = ctx.session.addJob(pid, ctx.host.name, ctx.text, {state: () => ({kind: 'exit', code})});
	ctx.err(`[${job.id}] ${pid}\n`);
	ctx.err(message);
	return 0;
}
