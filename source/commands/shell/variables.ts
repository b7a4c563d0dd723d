import {isName} from '../../shell/lex';
import {usageError} from '../args';
import type {CommandSpec} from '../context';

/** Quotes a value the way `declare -x` shows it. */
export function declared(value: string): string {
	return '"' + value.replace(/(["\\$`])/g, '\\$1') + '"';
}

/** bash's builtin export: NAME=VALUE sets and exports; alone (or -p) lists. */
export const exportCmd: CommandSpec = {
	name: 'export',
	group: 'shell',
	summary: {en: 'set an environment variable: export NAME=VALUE', es: 'fija una variable de entorno: export NOMBRE=VALOR'},
	run(ctx) {
		const args = ctx.argv.slice(1).filter((a) => a !== '--');
		if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
			const names = [...ctx.session.vars.keys()].filter((n) => !ctx.session.unexported.has(n)).sort();
			ctx.out(names.map((n) => `declare -x ${n}=${declared(ctx.session.vars.get(n)!)}\n`).join(''));
			return 0;
		}
		let status = 0;
		for (const a of args) {
			if (a.startsWith('-') && a !== '-n') {
				ctx.err(`bash: export: ${a.slice(0, 2)}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
				return 2;
			}
			if (a === '-n') continue;
			const eq = a.indexOf('=');
			const name = eq < 0 ? a : a.slice(0, eq);
			if (!isName(name)) {
				ctx.err(`bash: export: \`${a}': not a valid identifier\n`);
				status = 1;
				continue;
			}
			ctx.session.unexported.delete(name);
			if (eq >= 0) ctx.session.vars.set(name, a.slice(eq + 1));
			else if (!ctx.session.vars.has(name)) ctx.session.vars.set(name, '');
		}
		return status;
	},
};

/**
 * bash's builtin `unset [-f|-v] NAME…`: -v variables, -f functions; without either,
 * the variable, or when there is none by that name, the function.
 */
export const unset: CommandSpec = {
	name: 'unset',
	group: 'shell',
	summary: {en: 'remove a variable (unset -f NAME: a function)', es: 'borra una variable (unset -f NOMBRE: una función)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		let functions = false;
		let variables = false;
		while (args.length > 0 && args[0]!.startsWith('-') && args[0] !== '-') {
			const option = args.shift()!;
			if (option === '--') break;
			for (const letter of option.slice(1)) {
				if (letter === 'f') functions = true;
				else if (letter === 'v') variables = true;
				else if (letter !== 'n') {
					ctx.err(`bash: unset: -${letter}: invalid option\nunset: usage: unset [-f] [-v] [-n] [name ...]\n`);
					return 2;
				}
			}
		}
		if (functions && variables) {
			ctx.err('bash: unset: cannot simultaneously unset a function and a variable\n');
			return 1;
		}
		const s = ctx.session;
		let status = 0;
		for (const a of args) {
			if (functions) {
				s.functions.delete(a);
				continue;
			}
			if (!isName(a)) {
				ctx.err(`bash: unset: \`${a}': not a valid identifier\n`);
				status = 1;
				continue;
			}
			if (!variables && !s.vars.has(a) && s.functions.delete(a)) continue;
			s.vars.delete(a);
		}
		return status;
	},
};

/** coreutils env: lists the environment, or runs a command with extra NAME=VALUE settings. */
export const env: CommandSpec = {
	name: 'env',
	paths: ['/usr/bin/env'],
	group: 'shell',
	summary: {en: 'show the environment, or run a command with changes to it', es: 'muestra el entorno, o ejecuta un comando con cambios en él'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		const extra = new Map<string, string>();
		let i = 0;
		for (; i < args.length; i++) {
			const a = args[i]!;
			if (a === '-i' || a === '-' || a === '--ignore-environment') continue;
			if (a.startsWith('-')) {
				usageError(ctx, 'env', `invalid option -- '${a[1]}'`);
				// env's own failures exit 125, apart from the command's statuses.
				return 125;
			}
			const eq = a.indexOf('=');
			if (eq <= 0) break;
			extra.set(a.slice(0, eq), a.slice(eq + 1));
		}
		const rest = args.slice(i);
		if (rest.length === 0) {
			let text = '';
			for (const [k, v] of ctx.session.vars) if (!extra.has(k) && !ctx.session.unexported.has(k)) text += `${k}=${v}\n`;
			for (const [k, v] of extra) text += `${k}=${v}\n`;
			ctx.out(text);
			return 0;
		}
		const spec = ctx.registry.get(rest[0]!) ?? ctx.registry.atPath(rest[0]!);
		if (!spec) {
			ctx.err(`env: ${rest[0] === '' ? "''" : `\u2018${rest[0]}\u2019`}: No such file or directory\n`);
			return 127;
		}
		const saved = new Map<string, string | undefined>();
		for (const [k, v] of extra) {
			saved.set(k, ctx.session.vars.get(k));
			ctx.session.vars.set(k, v);
		}
		const quote = (s: string) => "'" + s.replace(/'/g, "'\\''") + "'";
		const status = ctx.run(rest.map(quote).join(' '), {stdin: ctx.stdin});
		for (const [k, v] of saved) {
			if (v === undefined) ctx.session.vars.delete(k);
			else ctx.session.vars.set(k, v);
		}
		return status;
	},
};
