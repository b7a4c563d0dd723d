import {baseProcesses} from '../../sim/cpu/base-processes';
import type {Host} from '../../sim/host';
import type {CommandSpec} from '../context';
import {findJob} from './jobs';
import {SHELL_PID} from './run-program';
import {parseSignal, signalName, signalTable} from './signals';

const USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

/** Sends a signal; false when there is no such process. Init, kernel threads and the login shell ignore it. */
function deliver(host: Host, pid: number, signal: number): boolean {
	if (host.processes.get(pid)) return host.processes.kill(pid, signal);
	return pid === SHELL_PID || baseProcesses(host).some((p) => p.pid === pid);
}

/** bash's kill builtin. */
export const kill: CommandSpec = {
	name: 'kill',
	paths: ['/bin/kill'],
	group: 'process',
	summary: {en: 'send a signal: kill [-SIGNAL] PID|%JOB (kill -l lists signals)', es: 'envía una señal: kill [-SEÑAL] PID|%TRABAJO (kill -l lista las señales)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		if (args.length === 0) {
			ctx.err(`bash: ${USAGE}`);
			return 2;
		}
		if (args[0] === '-l' || args[0] === '-L') {
			if (args.length === 1) {
				ctx.out(signalTable());
				return 0;
			}
			let status = 0;
			for (const a of args.slice(1)) {
				const n = /^\d+$/.test(a) ? Number(a) : undefined;
				const out = n !== undefined ? signalName(n > 128 ? n - 128 : n) : parseSignal(a) !== undefined ? String(parseSignal(a)) : undefined;
				if (out === undefined) {
					ctx.err(`bash: kill: ${a}: invalid signal specification\n`);
					status = 1;
				} else ctx.out(out + '\n');
			}
			return status;
		}
		let signal = 15;
		if (args[0] === '-s' || args[0] === '-n') {
			const spec = args[1];
			if (spec === undefined) {
				ctx.err(`bash: kill: ${args[0]}: option requires an argument\n${USAGE}`);
				return 2;
			}
			const n = parseSignal(spec);
			if (n === undefined) {
				ctx.err(`bash: kill: ${spec}: invalid signal specification\n`);
				return 1;
			}
			signal = n;
			args.splice(0, 2);
		} else if (args[0]!.startsWith('-') && args[0] !== '-' && args[0] !== '--') {
			const n = parseSignal(args[0]!.slice(1));
			if (n === undefined) {
				ctx.err(`bash: kill: ${args[0]!.slice(1)}: invalid signal specification\n`);
				return 1;
			}
			signal = n;
			args.shift();
		}
		if (args[0] === '--') args.shift();
		if (args.length === 0) {
			ctx.err(`bash: ${USAGE}`);
			return 2;
		}
		let status = 0;
		for (const target of args) {
			if (target.startsWith('%')) {
				const job = findJob(ctx.session, target);
				if (!job || job === 'ambiguous') {
					ctx.err(`bash: kill: ${target}: ${job === 'ambiguous' ? 'ambiguous job spec' : 'no such job'}\n`);
					status = 1;
					continue;
				}
				const host = ctx.world.host(job.host);
				if (!host || !deliver(host, job.pid, signal)) {
					ctx.err(`bash: kill: (${job.pid}) - No such process\n`);
					status = 1;
				}
			} else if (/^-?\d+$/.test(target)) {
				if (!deliver(ctx.host, Number(target), signal)) {
					ctx.err(`bash: kill: (${target}) - No such process\n`);
					status = 1;
				}
			} else {
				ctx.err(`bash: kill: ${target}: arguments must be process or job IDs\n`);
				status = 1;
			}
		}
		return status;
	},
};
