import {childTimesOf} from '../commands/process/run-program';
import {minutesSeconds} from '../commands/process/time';
import type {Frame} from './frame';
import type {Shell} from './shell';

/**
 * bash's `time` keyword before a pipeline (or before nothing): runs it, then writes
 * to the shell's standard error, not the pipeline's, how long it took.
 *
 * `real` is the virtual time that passed (sleep, traffic tools and programs waited
 * for move it). `user` and `sys` are the CPU time the simulated kernel accounted to
 * the programs the pipeline ran that ended meanwhile (fib, filereader…), the same
 * figures bash reads from getrusage for its children. Shell builtins and the lab's
 * tools do not run on the CPU model and add nothing, as a line of builtins shows
 * about 0 in bash.
 */
export function runTimed(shell: Shell, format: 'bash' | 'posix', frame: Frame, run: () => number): number {
	const times = childTimesOf(shell.session);
	const start = shell.world.now;
	const user0 = times.userUs;
	const sys0 = times.sysUs;
	const status = run();
	const real = shell.world.now - start;
	const user = times.userUs - user0;
	const sys = times.sysUs - sys0;
	if (format === 'posix') {
		// `%2R`: seconds with two decimals, cut rather than rounded.
		const f = (us: number) => (Math.floor(us / 10_000) / 100).toFixed(2);
		frame.sink.err(`real ${f(real)}\nuser ${f(user)}\nsys ${f(sys)}\n`);
	} else frame.sink.err(`\nreal\t${minutesSeconds(real)}\nuser\t${minutesSeconds(user)}\nsys\t${minutesSeconds(sys)}\n`);
	return status;
}
