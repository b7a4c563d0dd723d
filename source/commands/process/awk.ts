import {AWK_STEP_US, PROGRAM_MEMORY} from '../../sim/cpu/programs';
import type {CommandSpec} from '../context';
import {analyzeAwkLoops} from './awk-loops';
import {failInBackground, runCpuProgram} from './run-program';

const USAGE = `Usage: awk [POSIX or GNU style options] -f progfile [--] file ...
Usage: awk [POSIX or GNU style options] [--] 'program' file ...
`;

/**
 * awk as the openMosix HOWTO uses it to load a cluster:
 * `awk 'BEGIN{for(i=0;i<10000;i++)for(j=0;j<10000;j++);}' &`. Programs made of
 * BEGIN blocks with counted loops, assignments and prints run as CPU-bound
 * processes; the lab does not process input files.
 */
export const awk: CommandSpec = {
	name: 'awk',
	paths: ['/usr/bin/awk', '/bin/awk', '/bin/gawk', '/usr/bin/gawk'],
	group: 'process',
	summary: {
		en: "CPU load as in the openMosix HOWTO: awk 'BEGIN{for(i=0;i<10000;i++)for(j=0;j<10000;j++);}' &",
		es: "carga de CPU como en el HOWTO de openMosix: awk 'BEGIN{for(i=0;i<10000;i++)for(j=0;j<10000;j++);}' &",
	},
	run(ctx) {
		const args = ctx.argv.slice(1);
		if (args[0] === '--') args.shift();
		const source = args[0];
		if (source === undefined || (source.startsWith('-') && source !== '-')) return failInBackground(ctx, USAGE, 2);
		if (args.length > 1) return failInBackground(ctx, 'awk: this lab runs BEGIN-only programs; it does not read input files\n', 2);
		const program = analyzeAwkLoops(source);
		if (!program) return failInBackground(ctx, 'awk: this lab runs BEGIN blocks made of loops, assignments and print (the openMosix CPU test)\n', 2);
		return runCpuProgram(ctx, {work: Math.max(1, program.steps * AWK_STEP_US), ...PROGRAM_MEMORY.awk!}, () => program.output);
	},
};
