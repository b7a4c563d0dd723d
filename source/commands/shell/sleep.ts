import {SEC, seconds} from '../../sim/time';
import {lq, usageError} from '../args';
import type {CommandSpec} from '../context';

const UNITS: Record<string, number> = {'': 1, s: 1, m: 60, h: 3600, d: 86400};

/**
 * Virtual time one command line may let pass. Simulating it is real work (a day of a
 * busy cluster takes seconds), and the lab cannot be interrupted meanwhile.
 */
export const MAX_SLEEP_PER_LINE = 86400;

/** coreutils sleep: advances the virtual clock; suffixes s, m, h, d; several operands add up. */
export const sleep: CommandSpec = {
	name: 'sleep',
	paths: ['/bin/sleep'],
	group: 'shell',
	summary: {en: 'let N seconds of virtual time pass (suffixes s, m, h)', es: 'deja pasar N segundos de tiempo virtual (sufijos s, m, h)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		if (args.length === 0) return usageError(ctx, 'sleep', 'missing operand');
		let total = 0;
		let bad: string | undefined;
		for (const arg of args) {
			const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
			if (!m) {
				bad ??= arg;
				continue;
			}
			total += Number(m[1]) * UNITS[m[2]!]!;
		}
		if (bad !== undefined) return usageError(ctx, 'sleep', `invalid time interval ${lq(bad)}`);
		const left = Math.max(0, seconds(MAX_SLEEP_PER_LINE) - (ctx.world.now - ctx.session.lineStart));
		const wanted = Math.round(total * SEC);
		if (wanted <= left) {
			ctx.world.advance(wanted);
			return 0;
		}
		ctx.world.advance(left);
		ctx.err(
			ctx.lang === 'es'
				? 'cluster-lab: sleep se detiene al cumplirse un día de tiempo virtual en esta línea de órdenes\n'
				: 'cluster-lab: sleep stops once a day of virtual time has passed in this command line\n',
		);
		// Nothing more would happen in a loop around it: leave every loop.
		ctx.session.breaking = ctx.session.loopDepth;
		return 0;
	},
};
