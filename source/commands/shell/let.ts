import {ArithError, evaluate} from '../../shell/arith';
import type {CommandSpec} from '../context';

/** bash's builtin let: evaluates each argument as arithmetic; status 1 when the last value is 0. */
export const letCmd: CommandSpec = {
	name: 'let',
	group: 'shell',
	summary: {
		en: 'evaluate arithmetic and set variables: let i=i+1 n*=2 (status 1 when the last value is 0)',
		es: 'evalúa aritmética y fija variables: let i=i+1 n*=2 (estado 1 si el último valor es 0)',
	},
	run(ctx) {
		const args = ctx.argv.slice(1);
		if (args[0] === '--') args.shift();
		if (args.length === 0) {
			ctx.err('bash: let: expression expected\n');
			return 1;
		}
		let value = 0n;
		for (const arg of args) {
			try {
				value = evaluate(arg, ctx.session.vars);
			} catch (error) {
				if (!(error instanceof ArithError)) throw error;
				// Unlike $((…)), a bad expression costs let its status, not the rest of the line.
				ctx.err(`bash: let: ${error.message}\n`);
				return 1;
			}
		}
		return value === 0n ? 1 : 0;
	},
};
