import {fibonacci, fibWork, PROGRAM_MEMORY} from '../../sim/cpu/programs';
import type {CommandSpec} from '../context';
import {failInBackground, runCpuProgram} from './run-program';

const USAGE = 'Usage: fib [-t THREADS] [N]\n';
export const FIB_DEFAULT_N = 42;

/**
 * The thesis' CPU-bound test: computes the N-th Fibonacci number with the naive
 * recursion (about 40 ns a call on a 1 GHz Pentium III; fib 42 runs tens of
 * seconds). `-t` splits the recursion over pthreads, which share one address
 * space and so cannot migrate under openMosix.
 */
export const fib: CommandSpec = {
	name: 'fib',
	paths: ['/usr/local/bin/fib'],
	group: 'process',
	summary: {
		en: 'CPU-bound test: fib [N] computes Fibonacci(N) recursively (default 42, tens of seconds); -t THREADS uses pthreads',
		es: 'prueba de CPU: fib [N] calcula Fibonacci(N) de forma recursiva (por omisión 42, decenas de segundos); -t HILOS usa pthreads',
	},
	run(ctx) {
		const args = ctx.argv.slice(1);
		let threads = 1;
		let n = FIB_DEFAULT_N;
		let seenN = false;
		for (let i = 0; i < args.length; i++) {
			const a = args[i]!;
			if (a === '-t') {
				const v = args[++i];
				if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) return failInBackground(ctx, `fib: invalid thread count '${v ?? ''}'\n${USAGE}`, 1);
				threads = Number(v);
			} else if (a === '-h' || a === '--help') {
				ctx.out(USAGE);
				return 0;
			} else if (/^\d+$/.test(a) && !seenN) {
				n = Number(a);
				seenN = true;
				if (n > 92) return failInBackground(ctx, `fib: ${a}: too large (at most 92)\n`, 1);
			} else return failInBackground(ctx, `fib: invalid argument '${a}'\n${USAGE}`, 1);
		}
		const mem = PROGRAM_MEMORY.fib!;
		// Each extra thread has its own 8 MB stack mapping and a few pages of it resident.
		const program = {work: fibWork(n), threads, vszKb: mem.vszKb + (threads - 1) * 8192, rssKb: mem.rssKb + (threads - 1) * 24};
		return runCpuProgram(ctx, program, () => `fib(${n}) = ${fibonacci(n)}\n`);
	},
};
