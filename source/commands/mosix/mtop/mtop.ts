import type {CommandSpec} from '../../context';
import {transientPid} from '../../process/ps';
import {mosixToolsInstalled} from '../common';
import {mtopData} from './data';
import {renderMtopFrame} from './frame';

export const RUN_MTOP = {width: 80, height: 20};

/**
 * mtop, openMosix's top: the busiest processes with the node each runs on.
 * Live in the lab screen; one snapshot in a script.
 */
export const mtop: CommandSpec = {
	name: 'mtop',
	paths: ['/usr/bin/mtop', '/bin/mtop'],
	group: 'mosix',
	summary: {en: 'top with an N# column: the busiest processes and the node each runs on', es: 'top con una columna N#: los procesos más activos y el nodo donde corre cada uno'},
	installed: mosixToolsInstalled,
	run(ctx) {
		const args = ctx.argv.slice(1);
		for (let i = 0; i < args.length; i++) {
			const a = args[i]!.replace(/^-/, '');
			if (a === 'd') {
				if (!/^\d+(\.\d+)?$/.test(args[++i] ?? '')) {
					ctx.err("mtop: Bad delay time '" + (args[i] ?? '') + "'\n");
					return 1;
				}
			} else if (!/^[qcSsi]*$/.test(a)) {
				ctx.err(`mtop: unknown argument '${args[i]}'\nusage: mtop -hvbcisqS -d delay -p pid -n iterations\n`);
				return 1;
			}
		}
		if (ctx.interactive) {
			ctx.effect({kind: 'fullscreen', tool: 'mtop', host: ctx.host.name, args});
			return 0;
		}
		ctx.out(renderMtopFrame(mtopData(ctx.world, ctx.host, ctx.session, transientPid(ctx)), RUN_MTOP));
		return 0;
	},
};
