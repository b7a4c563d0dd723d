import type {InputStream} from '../../shell/input';
import {isName} from '../../shell/lex';
import type {CommandContext, CommandSpec} from '../context';
import {splitFields, type ReadChar} from './read-fields';

const USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';
const DEFAULT_IFS = ' \t\n';

interface ReadOptions {
	raw: boolean;
	prompt?: string;
	delim: string;
	/** -n: at most this many characters; -N (exact): exactly this many, delimiters included. */
	chars?: number;
	exact: boolean;
	/** -t 0: only ask whether input is waiting. */
	poll: boolean;
	/** -u 1 or 2: the terminal, which has nothing typed for it. */
	terminal: boolean;
	names: string[];
}

/** Options as bash's internal getopt reads them (`-rp 'x: '`, `-pX`, `--`); a number is the status of a bad one. */
function readOptions(ctx: CommandContext): ReadOptions | number {
	const args = ctx.argv.slice(1);
	const o: ReadOptions = {raw: false, delim: '\n', exact: false, poll: false, terminal: false, names: []};
	let i = 0;
	for (; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') {
			i++;
			break;
		}
		if (!arg.startsWith('-') || arg === '-') break;
		for (let k = 1; k < arg.length; k++) {
			const flag = arg[k]!;
			if (flag === 'r') o.raw = true;
			else if (flag === 'e' || flag === 's') continue;
			else if ('adinptuN'.includes(flag)) {
				let value = arg.slice(k + 1);
				if (value === '') {
					if (i + 1 >= args.length) {
						ctx.err(`bash: read: -${flag}: option requires an argument\n${USAGE}`);
						return 2;
					}
					value = args[++i]!;
				}
				const bad = option(ctx, o, flag, value);
				if (bad !== undefined) return bad;
				break;
			} else {
				ctx.err(`bash: read: -${flag}: invalid option\n${USAGE}`);
				return 2;
			}
		}
	}
	o.names = args.slice(i);
	return o;
}

/** One option with a value; returns a status when the value is bad. */
function option(ctx: CommandContext, o: ReadOptions, flag: string, value: string): number | undefined {
	switch (flag) {
		case 'p':
			o.prompt = value;
			return undefined;
		case 'd':
			// An empty delimiter reads up to a NUL byte.
			o.delim = value === '' ? '\0' : value[0]!;
			return undefined;
		case 'i':
			// The default text for readline editing (-e), which the lab has no terminal for.
			return undefined;
		case 'a':
			ctx.err(ctx.lang === 'es' ? 'cluster-lab: read -a: el shell del lab no tiene arrays\n' : 'cluster-lab: read -a: the lab shell has no arrays\n');
			return 2;
		case 't':
			if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) {
				ctx.err(`bash: read: ${value}: invalid timeout specification\n`);
				return 1;
			}
			o.poll = Number(value) === 0;
			return undefined;
		case 'u':
			if (!/^[ \t]*[-+]?\d+[ \t]*$/.test(value) || Number(value) < 0) {
				ctx.err(`bash: read: ${value}: invalid file descriptor specification\n`);
				return 1;
			}
			if (Number(value) > 2) {
				ctx.err(`bash: read: ${value}: invalid file descriptor: Bad file descriptor\n`);
				return 1;
			}
			o.terminal = Number(value) !== 0;
			return undefined;
		default: {
			// -n and -N
			if (!/^[ \t]*[-+]?\d+[ \t]*$/.test(value) || Number(value) < 0) {
				ctx.err(`bash: read: ${value}: invalid number\n`);
				return 1;
			}
			o.chars = Number(value);
			o.exact = flag === 'N';
			return undefined;
		}
	}
}

/**
 * Reads up to the delimiter (or the character count) as bash does: without -r a
 * backslash escapes the next character and a backslash-newline joins lines. Returns
 * the characters and whether the input ended first.
 */
function readLine(input: InputStream | undefined, o: ReadOptions): {line: ReadChar[]; eof: boolean} {
	const line: ReadChar[] = [];
	if (!input) return {line, eof: true};
	let escapeNext = false;
	for (;;) {
		if (o.chars !== undefined && line.length >= o.chars) return {line, eof: false};
		const c = input.next();
		if (c === undefined) return {line, eof: true};
		if (escapeNext) {
			escapeNext = false;
			if (c !== '\n') line.push({c, escaped: true});
			continue;
		}
		if (c === '\\' && !o.raw) {
			escapeNext = true;
			continue;
		}
		if (!o.exact && c === o.delim) return {line, eof: false};
		if (c === '\0') continue;
		line.push({c, escaped: false});
	}
}

/** bash's builtin read: one line of standard input into variables. */
export const read: CommandSpec = {
	name: 'read',
	group: 'shell',
	summary: {
		en: 'read a line of input into variables: read [-r] [-p PROMPT] NAME… (while read a b; do …; done < FILE)',
		es: 'lee una línea de la entrada en variables: read [-r] [-p AVISO] NOMBRE… (while read a b; do …; done < ARCHIVO)',
	},
	run(ctx) {
		const o = readOptions(ctx);
		if (typeof o === 'number') return o;
		const input = o.terminal ? undefined : ctx.session.input;
		// bash shows the prompt only when it reads from a terminal, where the lab has nothing typed.
		if (!input && o.prompt !== undefined) ctx.err(o.prompt);
		if (o.poll) return input ? 0 : 1;
		const {line, eof} = o.chars === 0 ? {line: [], eof: false} : readLine(input, o);
		const status = eof ? 1 : 0;
		const vars = ctx.session.vars;
		if (o.names.length === 0) {
			vars.set('REPLY', line.map((ch) => ch.c).join(''));
			return status;
		}
		const ifs = o.exact ? '' : (vars.get('IFS') ?? DEFAULT_IFS);
		const values = splitFields(line, ifs, o.names.length);
		for (const [k, name] of o.names.entries()) {
			// bash checks each name as it assigns: the ones before a bad name keep their values.
			if (!isName(name)) {
				ctx.err(`bash: read: \`${name}': not a valid identifier\n`);
				return 1;
			}
			vars.set(name, values[k]!);
		}
		return status;
	},
};
