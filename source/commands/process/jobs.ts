import {formatJob, jobState} from '../../shell/jobs';
import type {Job, Session} from '../../shell/session';
import type {CommandContext, CommandSpec} from '../context';
import {FOREGROUND_LIMIT, runUntilDone} from './run-program';

/** Finds a job by bash's jobspec: %N, %%, %+, %-, %NAME, %?TEXT. */
export function findJob(session: Session, spec: string): Job | undefined | 'ambiguous' {
	const jobs = session.jobs;
	const body = spec.slice(1);
	if (body === '' || body === '%' || body === '+') return jobs[jobs.length - 1];
	if (body === '-') return jobs[jobs.length - 2] ?? jobs[jobs.length - 1];
	if (/^\d+$/.test(body)) return jobs.find((j) => j.id === Number(body));
	const matches = body.startsWith('?') ? jobs.filter((j) => j.text.includes(body.slice(1))) : jobs.filter((j) => j.text.startsWith(body));
	if (matches.length > 1) return 'ambiguous';
	return matches[0];
}

/** bash's `jobs [-l] [-p] [JOBSPEC…]`. */
export const jobs: CommandSpec = {
	name: 'jobs',
	group: 'process',
	summary: {en: 'background jobs of this shell (-l with pids)', es: 'trabajos en segundo plano de este shell (-l con pids)'},
	run(ctx) {
		let withPid = false;
		let pidsOnly = false;
		const specs: string[] = [];
		for (const arg of ctx.argv.slice(1)) {
			if (/^-[lpnrs]+$/.test(arg)) {
				if (arg.includes('l')) withPid = true;
				if (arg.includes('p')) pidsOnly = true;
			} else if (arg.startsWith('-') && arg !== '-') {
				ctx.err(`bash: jobs: ${arg.slice(0, 2)}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n`);
				return 2;
			} else specs.push(arg);
		}
		const session = ctx.session;
		let listed: Job[] = [...session.jobs];
		let status = 0;
		if (specs.length > 0) {
			listed = [];
			for (const spec of specs) {
				const job = spec.startsWith('%') ? findJob(session, spec) : session.jobs.find((j) => String(j.pid) === spec);
				if (!job || job === 'ambiguous') {
					ctx.err(`bash: jobs: ${spec}: ${job === 'ambiguous' ? 'ambiguous job spec' : 'no such job'}\n`);
					status = 1;
				} else listed.push(job);
			}
		}
		const snapshot = [...session.jobs];
		const finished: Job[] = [];
		for (const job of listed) {
			const state = jobState(job);
			if (pidsOnly) ctx.out(`${job.pid}\n`);
			else ctx.out(formatJob(snapshot, job, state, withPid));
			if (state.kind === 'exit' || state.kind === 'signal') finished.push(job);
		}
		for (const job of finished) session.removeJob(job.id);
		return status;
	},
};

/** Turns `%1`/`1234` into the job it names, or prints wait's error. */
function resolveWaitTarget(ctx: CommandContext, arg: string): Job | number {
	if (arg.startsWith('%')) {
		const job = findJob(ctx.session, arg);
		if (!job || job === 'ambiguous') {
			ctx.err(`bash: wait: ${arg}: ${job === 'ambiguous' ? 'ambiguous job spec' : 'no such job'}\n`);
			return 127;
		}
		return job;
	}
	if (!/^\d+$/.test(arg)) {
		ctx.err(`bash: wait: \`${arg}': not a pid or valid job spec\n`);
		return 2;
	}
	const job = ctx.session.jobs.find((j) => j.pid === Number(arg));
	if (!job) {
		ctx.err(`bash: wait: pid ${arg} is not a child of this shell\n`);
		return 127;
	}
	return job;
}

function statusOf(job: Job): number {
	const state = jobState(job);
	if (state.kind === 'exit') return state.code;
	if (state.kind === 'signal') return 128 + state.signal;
	return 0;
}

function ended(job: Job): boolean {
	const k = jobState(job).kind;
	return k === 'exit' || k === 'signal';
}

/** bash's `wait [-n] [JOBSPEC|PID…]`: lets virtual time run until the jobs end. */
export const wait: CommandSpec = {
	name: 'wait',
	group: 'process',
	summary: {en: 'let time run until background jobs end (time wait: how long they took)', es: 'deja correr el tiempo hasta que terminen los trabajos (time wait: cuánto tardaron)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		let any = false;
		if (args[0] === '-n') {
			any = true;
			args.shift();
		} else if (args[0]?.startsWith('-') && args[0] !== '-') {
			ctx.err(`bash: wait: ${args[0].slice(0, 2)}: invalid option\nwait: usage: wait [-fn] [-p var] [id ...]\n`);
			return 2;
		}
		let targets: Job[] = [];
		let status = 0;
		for (const arg of args) {
			const t = resolveWaitTarget(ctx, arg);
			if (typeof t === 'number') status = t;
			else targets.push(t);
		}
		if (args.length === 0) targets = [...ctx.session.jobs];
		// `wait -n` with nothing to wait for fails, as in bash.
		if (targets.length === 0) return args.length === 0 ? (any ? 127 : 0) : status;
		const done = any ? () => targets.some(ended) : () => targets.every(ended);
		if (!runUntilDone(ctx.world, done, FOREGROUND_LIMIT)) {
			ctx.out('^C\n');
			return 130;
		}
		if (args.length === 0) return 0;
		const last = any ? targets.find(ended)! : targets[targets.length - 1]!;
		return statusOf(last) || status;
	},
};
