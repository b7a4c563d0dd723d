import {seconds} from '../../sim/time';
import {lq, usageError} from '../args';
import type {CommandSpec} from '../context';

const UNITS: Record<string, number> = {'': 1, s: 1, m: 60, h: 3600, d: 86400};

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
		ctx.world.advance(seconds(Math.min(total, 366 * 86400)));
		return 0;
	},
};
