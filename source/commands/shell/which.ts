import {printFunction} from '../../shell/print';
import type {CommandContext, CommandSpec} from '../context';
import {KEYWORD_NAMES} from './keywords';

/** Commands bash runs itself, never from a file. */
const BUILTINS = new Set(['cd', 'echo', 'printf', 'test', '[', 'export', 'unset', 'exit', 'logout', 'history', 'type', 'pwd', 'true', 'false', 'help', 'kill', 'jobs', 'fg', 'bg', 'wait', 'read', 'set', 'source', '.', 'alias', 'umask', 'break', 'continue', ':', 'let', 'local', 'return', 'shift']);

/** The file a command name runs from, searching PATH in order. */
export function lookup(ctx: CommandContext, name: string): string | undefined {
	const spec = ctx.registry.get(name);
	if (!spec || !(spec.installed?.(ctx.host) ?? true)) return undefined;
	const dirs = (ctx.env.get('PATH') ?? '').split(':').filter(Boolean);
	for (const dir of dirs) {
		const path = `${dir}/${name}`;
		if ((spec.paths ?? []).includes(path)) return path;
	}
	return undefined;
}

/** debianutils which: the path each name runs from; status 1 if one is missing. */
export const which: CommandSpec = {
	name: 'which',
	paths: ['/usr/bin/which'],
	group: 'shell',
	summary: {en: 'which file a command runs from', es: 'de qué archivo se ejecuta un comando'},
	run(ctx) {
		const names = ctx.argv.slice(1).filter((a) => a !== '-a');
		if (names.length === 0) return 1;
		let status = 0;
		for (const name of names) {
			const path = name.includes('/') ? (ctx.registry.atPath(ctx.resolve(name)) ? name : undefined) : lookup(ctx, name);
			if (path) ctx.out(path + '\n');
			else status = 1;
		}
		return status;
	},
};

/** bash's builtin type: keyword, function (with its body), builtin, file path, or not found. */
export const type: CommandSpec = {
	name: 'type',
	group: 'shell',
	summary: {en: 'what a command name is (keyword, function, builtin or file)', es: 'qué es un nombre de comando (palabra clave, función, interno o archivo)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		const terse = args[0] === '-t';
		const pathOnly = args[0] === '-p' || args[0] === '-P';
		const names = args.filter((a) => !/^-[tpPa]$/.test(a));
		let status = 0;
		for (const name of names) {
			if (KEYWORD_NAMES.has(name) && !pathOnly) {
				ctx.out(terse ? 'keyword\n' : `${name} is a shell keyword\n`);
				continue;
			}
			const fn = ctx.session.functions.get(name);
			if (fn && args[0] !== '-P') {
				// `type -p` finds no file for a function, and says nothing.
				if (terse) ctx.out('function\n');
				else if (!pathOnly) ctx.out(`${name} is a function\n${printFunction(name, fn)}\n`);
				continue;
			}
			if (BUILTINS.has(name) && !pathOnly) {
				ctx.out(terse ? 'builtin\n' : `${name} is a shell builtin\n`);
				continue;
			}
			const path = lookup(ctx, name);
			if (path) ctx.out(terse ? 'file\n' : pathOnly ? path + '\n' : `${name} is ${path}\n`);
			else {
				if (!terse && !pathOnly) ctx.err(`bash: type: ${name}: not found\n`);
				status = 1;
			}
		}
		return status;
	},
};
