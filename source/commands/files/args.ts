import {FsError, FS_ERROR_TEXT} from '../../sim/fs/filesystem';

/** Options as GNU getopt_long sees them: bundled short flags, values, long names, permuted operands. */
export interface OptionSpec {
	/** Short flags without a value, e.g. `'alhd1'`. */
	readonly flags?: string;
	/** Short options that take a value (`-n 5`, `-n5`). */
	readonly values?: string;
	/** Long options: name → short letter (or a `--name` key of its own). `=` suffix: takes a value. */
	readonly long?: Readonly<Record<string, string>>;
	/** Stop at the first operand (POSIX order, as `env` and `printf` do). */
	readonly stopAtOperand?: boolean;
}

export interface Parsed {
	/** Options in the order given: letter (or long key) and value. */
	readonly options: Array<{name: string; value?: string}>;
	readonly operands: string[];
	has(name: string): boolean;
	/** Last value given for an option. */
	value(name: string): string | undefined;
}

/** Parses argv (without argv[0]); returns the error text GNU tools print, or the result. */
export function parseOptions(cmd: string, args: readonly string[], spec: OptionSpec): Parsed | string {
	const options: Array<{name: string; value?: string}> = [];
	const operands: string[] = [];
	const flags = spec.flags ?? '';
	const values = spec.values ?? '';
	const tryHelp = `Try '${cmd} --help' for more information.\n`;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') {
			operands.push(...args.slice(i + 1));
			break;
		}
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
			const keys = Object.keys(spec.long ?? {});
			const exact = keys.find((k) => k.replace(/=$/, '') === name);
			const prefixed = keys.filter((k) => k.replace(/=$/, '').startsWith(name));
			const key = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
			if (!key || name === '') {
				if (prefixed.length > 1) return `${cmd}: option '${arg}' is ambiguous\n${tryHelp}`;
				return `${cmd}: unrecognized option '${arg}'\n${tryHelp}`;
			}
			const target = spec.long![key]!;
			if (key.endsWith('=')) {
				let value = eq < 0 ? undefined : arg.slice(eq + 1);
				if (value === undefined) {
					if (i + 1 >= args.length) return `${cmd}: option '--${key.slice(0, -1)}' requires an argument\n${tryHelp}`;
					value = args[++i]!;
				}
				options.push({name: target, value});
			} else {
				if (eq >= 0) return `${cmd}: option '--${key}' doesn't allow an argument\n${tryHelp}`;
				options.push({name: target});
			}
			continue;
		}
		if (arg.startsWith('-') && arg !== '-') {
			for (let j = 1; j < arg.length; j++) {
				const c = arg[j]!;
				if (values.includes(c)) {
					let value = arg.slice(j + 1);
					if (value === '') {
						if (i + 1 >= args.length) return `${cmd}: option requires an argument -- '${c}'\n${tryHelp}`;
						value = args[++i]!;
					}
					options.push({name: c, value});
					break;
				}
				if (!flags.includes(c)) return `${cmd}: invalid option -- '${c}'\n${tryHelp}`;
				options.push({name: c});
			}
			continue;
		}
		operands.push(arg);
		if (spec.stopAtOperand) {
			operands.push(...args.slice(i + 1));
			break;
		}
	}
	return {
		options,
		operands,
		has: (name) => options.some((o) => o.name === name),
		value: (name) => {
			for (let k = options.length - 1; k >= 0; k--) if (options[k]!.name === name) return options[k]!.value;
			return undefined;
		},
	};
}

/** strerror text of a file-system error (rethrows anything else). */
export function errnoText(error: unknown): string {
	if (error instanceof FsError) return FS_ERROR_TEXT[error.code];
	throw error;
}

/** coreutils' shell-escape quoting of a file name in messages: 'name'. */
export function q(name: string): string {
	return `'${name.replace(/'/g, "'\\''")}'`;
}

/** The typographic quotes coreutils uses in a UTF-8 locale for some messages: ‘name’. */
export function lq(name: string): string {
	return `\u2018${name}\u2019`;
}

/** Splits text into lines; the last line may lack its newline. */
export function splitLines(text: string): string[] {
	if (text === '') return [];
	const lines = text.split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	return lines;
}

/** Reads an operand (`-` = standard input); returns the text or an errno string. */
export function readOperand(ctx: {host: {fs: {read(p: string): string}}; resolve(p: string): string; stdin: string | undefined}, name: string): {text: string} | {error: string} {
	if (name === '-') return {text: ctx.stdin ?? ''};
	try {
		return {text: ctx.host.fs.read(ctx.resolve(name))};
	} catch (error) {
		return {error: errnoText(error)};
	}
}
