import {exitShell} from '../../shell/shell';
import type {CommandSpec} from '../context';

/** `quit`: leaves the lab from any ssh depth (ends a `run` script the same way). */
export const quit: CommandSpec = {
	name: 'quit',
	group: 'lab',
	summary: {en: 'lab: leave the lab (from any host; exit only leaves an ssh session)', es: 'lab: sale del laboratorio (desde cualquier host; exit solo cierra una sesión ssh)'},
	run(ctx) {
		if (ctx.argv.length > 1) {
			ctx.err(ctx.lang === 'es' ? 'quit: no admite argumentos\n' : 'quit: takes no arguments\n');
			return 2;
		}
		return exitShell(0);
	},
};
