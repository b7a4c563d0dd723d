import type {Job, JobState, Session} from './session';

/** strsignal() texts bash prints for jobs ended or stopped by a signal. */
const SIGNAL_TEXT: Readonly<Record<number, string>> = {
	1: 'Hangup',
	2: 'Interrupt',
	3: 'Quit',
	4: 'Illegal instruction',
	5: 'Trace/breakpoint trap',
	6: 'Aborted',
	7: 'Bus error',
	8: 'Floating point exception',
	9: 'Killed',
	10: 'User defined signal 1',
	11: 'Segmentation fault',
	12: 'User defined signal 2',
	13: 'Broken pipe',
	14: 'Alarm clock',
	15: 'Terminated',
	16: 'Stack fault',
	19: 'Stopped (signal)',
	20: 'Stopped',
	21: 'Stopped (tty input)',
	22: 'Stopped (tty output)',
	24: 'CPU time limit exceeded',
	25: 'File size limit exceeded',
	26: 'Virtual timer expired',
	27: 'Profiling timer expired',
	29: 'I/O possible',
	30: 'Power failure',
	31: 'Bad system call',
};

export function signalText(signal: number): string {
	return SIGNAL_TEXT[signal] ?? `Unknown signal ${signal}`;
}

/** The status word bash shows for a job: `Running`, `Done`, `Exit 1`, `Terminated`… */
export function jobStatusText(state: JobState): string {
	switch (state.kind) {
		case 'running':
			return 'Running';
		case 'stopped':
			return signalText(state.signal);
		case 'exit':
			return state.code === 0 ? 'Done' : `Exit ${state.code}`;
		case 'signal':
			return signalText(state.signal);
	}
}

/** `+` for the current job (the newest), `-` for the previous one, else a space. */
export function jobMarker(jobs: readonly Job[], job: Job): string {
	const i = jobs.indexOf(job);
	if (i === jobs.length - 1) return '+';
	if (i === jobs.length - 2) return '-';
	return ' ';
}

/**
 * One line as bash prints jobs: `[1]+  Done                    fib 42`. The
 * status is padded to 24 columns; running jobs keep their trailing ` &`.
 */
export function formatJob(jobs: readonly Job[], job: Job, state: JobState, withPid = false): string {
	const status = jobStatusText(state);
	const text = state.kind === 'running' ? `${job.text} &` : job.text;
	const pid = withPid ? `${String(job.pid).padStart(5)} ` : ' ';
	return `[${job.id}]${jobMarker(jobs, job)} ${pid}${status.padEnd(24)}${text}\n`;
}

/**
 * What bash prints before the next prompt: output the background jobs wrote,
 * then one line for each job that ended (the jobs are then forgotten).
 */
export function reportJobs(session: Session, sink: {out(text: string): void; err(text: string): void}): void {
	for (const job of session.jobs) {
		const text = job.watch?.drain?.();
		if (text) sink.out(text);
	}
	const ended: Array<{job: Job; state: JobState}> = [];
	for (const job of session.jobs) {
		const state = jobState(job);
		if (state.kind === 'exit' || state.kind === 'signal') ended.push({job, state});
	}
	if (ended.length === 0) return;
	const snapshot = [...session.jobs];
	for (const {job, state} of ended) sink.err(formatJob(snapshot, job, state));
	for (const {job} of ended) session.removeJob(job.id);
}

/** A job's state; jobs nobody watches count as running. */
export function jobState(job: Job): JobState {
	return job.watch?.state() ?? {kind: 'running'};
}
