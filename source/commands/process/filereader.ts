import {PROGRAM_MEMORY, READ_WORK_US} from '../../sim/cpu/programs';
import {SEC} from '../../sim/time';
import type {CommandSpec} from '../context';
import {failInBackground, runCpuProgram} from './run-program';

const USAGE = 'Usage: filereader FILE [PASSES]\n';
const BLOCK = 4096;

/**
 * An I/O-bound test (after LinuxPMI's migtorture `filereader`): reads FILE
 * PASSES times (default 1000) in 4 KiB blocks. Each read is a system call; on
 * a migrated process every one goes back to the home node's deputy.
 */
export const filereader: CommandSpec = {
	name: 'filereader',
	paths: ['/usr/local/bin/filereader'],
	group: 'process',
	summary: {
		en: 'I/O-bound test: filereader FILE [PASSES] reads a file over and over (system calls go home when migrated)',
		es: 'prueba de E/S: filereader ARCHIVO [PASADAS] lee un archivo una y otra vez (las llamadas al sistema vuelven a casa si migra)',
	},
	run(ctx) {
		const [file, passesArg, extra] = ctx.argv.slice(1);
		if (file === undefined || extra !== undefined || (passesArg !== undefined && !/^\d+$/.test(passesArg))) return failInBackground(ctx, USAGE, 1);
		let size: number;
		try {
			size = ctx.host.fs.read(ctx.resolve(file)).length;
		} catch {
			return failInBackground(ctx, `filereader: ${file}: No such file or directory\n`, 1);
		}
		const passes = passesArg === undefined ? 1000 : Math.max(1, Number(passesArg));
		// open + reads + the final empty read + close, per pass.
		const calls = passes * (Math.ceil(size / BLOCK) + 3);
		const work = calls * READ_WORK_US;
		return runCpuProgram(ctx, {work, io: (calls / work) * SEC, ...PROGRAM_MEMORY.filereader!}, () => `${passes} passes, ${passes * size} bytes read\n`);
	},
};
