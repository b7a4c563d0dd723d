import {discardLine, returnFromFunction} from '../../shell/frame';
import {isName} from '../../shell/lex';
import type {CommandContext, CommandSpec} from '../context';
import {declared} from './variables';

const INT64_MAX = 2n ** 63n - 1n;

/** A number as bash's builtins read one (spaces around, a sign, 64 bits at most); undefined if it is none. */
function builtinNumber(arg: string): bigint | undefined {
	if (!/^[ \t\n]*[-+]?\d+[ \t\n]*$/.test(arg)) return undefined;
	const n = BigInt(arg.trim());
	return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : n;
}

/** Option letters bash's `local` takes (declare's); the lab keeps plain values only. */
const ATTRIBUTES = /^[aAfFgiIlnrtux]$/;

/**
 * bash's `local [NAME[=VALUE]]…`: inside a function, NAME is the function's own
 * until it returns (functions it calls see it too, as bash scopes them); alone, it
 * lists the function's local variables.
 */
export const local: CommandSpec = {
	name: 'local',
	group: 'shell',
	summary: {
		en: "in a function, a variable of the function's own: local NAME[=VALUE]…",
		es: 'en una función, una variable propia de la función: local NOMBRE[=VALOR]…',
	},
	run(ctx) {
		const s = ctx.session;
		const call = s.calls[s.calls.length - 1];
		if (!call) {
			ctx.err('bash: local: can only be used in a function\n');
			return 1;
		}
		const args = ctx.argv.slice(1);
		let list = false;
		let options = false;
		while (args.length > 0 && args[0]!.startsWith('-')) {
			const option = args.shift()!;
			if (option === '--') break;
			// `local -` saves the shell's options in bash; the lab shell has none to save.
			if (option === '-') options = true;
			for (const letter of option.slice(1)) {
				if (letter === 'p') list = true;
				else if (letter === 'x') continue;
				else if (ATTRIBUTES.test(letter)) {
					ctx.err(
						ctx.lang === 'es'
							? `cluster-lab: local: -${letter}: el shell del lab solo tiene variables simples (sin -a, -i, -r…)\n`
							: `cluster-lab: local: -${letter}: the lab shell has plain variables only (no -a, -i, -r…)\n`,
					);
					return 2;
				} else {
					ctx.err(`bash: local: -${letter}: invalid option\nlocal: usage: local [option] name[=value] ...\n`);
					return 2;
				}
			}
		}
		if ((args.length === 0 && !options) || list) {
			// bash lists them sorted by name, not in the order they were made.
			const names = [...call.locals.keys()].sort();
			ctx.out(names.map((n) => (s.vars.has(n) ? `declare -- ${n}=${declared(s.vars.get(n)!)}\n` : `declare -- ${n}\n`)).join(''));
			return 0;
		}
		let status = 0;
		for (const arg of args) {
			const eq = arg.indexOf('=');
			const name = eq < 0 ? arg : arg.slice(0, eq);
			if (!isName(name)) {
				ctx.err(`bash: local: \`${arg}': not a valid identifier\n`);
				status = 1;
				continue;
			}
			const fresh = !call.locals.has(name);
			if (fresh) call.locals.set(name, s.vars.get(name));
			if (eq >= 0) s.vars.set(name, arg.slice(eq + 1));
			// A new local starts without a value; declaring it again keeps the value.
			else if (fresh) s.vars.delete(name);
		}
		return status;
	},
};

/** bash's `return [N]`: leaves the function with status N (default: the last command's). */
export const returnCmd: CommandSpec = {
	name: 'return',
	group: 'shell',
	summary: {en: 'leave a function with a status: return [N] (default: the last command\'s)', es: 'sale de una función con un estado: return [N] (por omisión, el de la última orden)'},
	run(ctx) {
		if (ctx.session.calls.length === 0) {
			ctx.err("bash: return: can only `return' from a function or sourced script\n");
			return 2;
		}
		const args = ctx.argv.slice(1);
		if (args[0] === '--') args.shift();
		if (args.length === 0) return returnFromFunction(ctx.session.lastStatus);
		if (args.length > 1) return tooMany(ctx, 'return');
		const n = builtinNumber(args[0]!);
		if (n === undefined) {
			ctx.err(`bash: return: ${args[0]}: numeric argument required\n`);
			return returnFromFunction(2);
		}
		return returnFromFunction(Number(BigInt.asUintN(8, n)));
	},
};

/** bash's `shift [N]`: drops the first N arguments ($2 becomes $1); status 1 when there are fewer. */
export const shift: CommandSpec = {
	name: 'shift',
	group: 'shell',
	summary: {en: 'drop the first argument of a function: $2 becomes $1 (shift N: N of them)', es: 'quita el primer argumento de una función: $2 pasa a ser $1 (shift N: N de ellos)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		if (args[0] === '--') args.shift();
		if (args.length > 1) return tooMany(ctx, 'shift');
		let count = 1n;
		if (args.length === 1) {
			const n = builtinNumber(args[0]!);
			if (n === undefined) {
				ctx.err(`bash: shift: ${args[0]}: numeric argument required\n`);
				return 1;
			}
			if (n < 0n) {
				ctx.err(`bash: shift: ${args[0]}: shift count out of range\n`);
				return 1;
			}
			count = n;
		}
		const s = ctx.session;
		if (count > BigInt(s.positional.length)) return 1;
		s.positional = s.positional.slice(Number(count));
		return 0;
	},
};

/** bash gives up on the whole command line when these builtins get too many arguments. */
function tooMany(ctx: CommandContext, name: string): never {
	ctx.err(`bash: ${name}: too many arguments\n`);
	return discardLine();
}
