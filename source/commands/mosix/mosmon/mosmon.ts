import {clusterSnapshot} from '../../../sim/mosix/snapshot';
import type {CommandSpec} from '../../context';
import {mosixToolsInstalled, requireMosix} from '../common';
import {renderMosmonFrame} from './frame';
import {parseMosmonArgs} from './options';

/** Size of the frame `cluster-lab run` prints (the live screen uses the terminal's). */
export const RUN_FRAME = {width: 80, height: 16};

/**
 * mosmon, openMosix's load monitor: bars of load (or speed, memory,
 * utilizability) per node. In the lab screen it takes over the terminal and
 * refreshes live; in a script it prints one frame for the options given.
 */
export const mosmon: CommandSpec = {
	name: 'mosmon',
	paths: ['/usr/bin/mosmon', '/bin/mosmon'],
	group: 'mosix',
	summary: {en: 'openMosix load monitor: a bar per node (s speed, m memory, u utilizability, q quit)', es: 'monitor de carga de openMosix: una barra por nodo (s velocidad, m memoria, u utilizabilidad, q salir)'},
	installed: mosixToolsInstalled,
	run(ctx) {
		const options = parseMosmonArgs(ctx.argv.slice(1));
		if (typeof options === 'string') {
			ctx.err(options);
			return 1;
		}
		if (!requireMosix(ctx, 'mosmon')) return 1;
		if (ctx.interactive) {
			ctx.effect({kind: 'fullscreen', tool: 'mosmon', host: ctx.host.name, args: ctx.argv.slice(1)});
			return 0;
		}
		ctx.out(renderMosmonFrame(clusterSnapshot(ctx.world, ctx.host)!, {...options, ...RUN_FRAME}));
		return 0;
	},
};
