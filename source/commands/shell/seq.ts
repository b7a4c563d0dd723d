import {getOptions, lq, usageError} from '../args';
import type {CommandContext, CommandSpec} from '../context';

/**
 * Numbers one `seq` prints at most. The real tool prints for as long as it is asked;
 * the lab keeps every output in memory, so an enormous range is cut short, with a note.
 */
export const SEQ_LIMIT = 100_000;

/** A number as typed: its value, and the decimals and width it was written with (they pick the output format). */
interface Operand {
	readonly value: number;
	readonly text: string;
	/** Digits after the point, adjusted by an exponent; undefined for inf/nan (then `%g`). */
	readonly precision: number | undefined;
	readonly width: number;
}

const NUMBER = /^[ \t]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^[ \t]*[+-]?(?:inf|infinity|nan)$/i;

/** Reads an operand as coreutils' scan_arg does; undefined when it is not a number. */
function operand(text: string): Operand | undefined {
	if (SPECIAL.test(text)) {
		const lower = text.trim().toLowerCase();
		const value = lower.includes('nan') ? NaN : lower.startsWith('-') ? -Infinity : Infinity;
		return {value, text, precision: undefined, width: text.length};
	}
	if (!NUMBER.test(text)) return undefined;
	const body = text.trim();
	let width = body.length;
	let precision = 0;
	const point = body.indexOf('.');
	const mantissaEnd = body.search(/[eE]/);
	if (point >= 0) {
		const fraction = (mantissaEnd < 0 ? body.slice(point + 1) : body.slice(point + 1, mantissaEnd)).length;
		precision = fraction;
		// "1." is as wide as "1"; ".5" prints as "0.5".
		width += fraction === 0 ? -1 : point === 0 || !/\d/.test(body[point - 1]!) ? 1 : 0;
	}
	if (mantissaEnd >= 0) {
		const exponent = Number(body.slice(mantissaEnd + 1));
		precision = exponent < 0 ? precision - exponent : precision - Math.min(precision, exponent);
		width = String(Number(body)).length;
	}
	return {value: Number(body), text, precision, width};
}

/** C's `%g` with the given precision. */
function formatG(x: number, precision: number, alternate: boolean): string {
	if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
	const p = precision === 0 ? 1 : precision;
	if (x === 0) return alternate ? (0).toFixed(p - 1) : '0';
	const exponent = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(p)))));
	let text = exponent < -4 || exponent >= p ? formatE(x, p - 1) : x.toFixed(Math.max(0, p - 1 - exponent));
	if (!alternate) text = text.replace(/\.(\d*?)0+(e|$)/, (_m, digits: string, tail: string) => (digits ? '.' + digits : '') + tail).replace(/\.(e|$)/, '$1');
	return text;
}

/** C's `%e`: at least two exponent digits. */
function formatE(x: number, precision: number): string {
	if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
	return x.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
}

function formatF(x: number, precision: number): string {
	if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
	return x.toFixed(Math.min(precision, 100));
}

/** One `%` conversion of a seq format: flags, width, precision and a floating-point letter. */
interface Conversion {
	readonly prefix: string;
	readonly suffix: string;
	readonly flags: string;
	readonly width: number | undefined;
	readonly precision: number | undefined;
	readonly letter: string;
}

/** Checks a `-f` format as seq does: exactly one floating-point directive, `%%` allowed anywhere. */
function parseFormat(format: string): Conversion | string {
	let found: Conversion | undefined;
	for (let i = 0; i < format.length; i++) {
		if (format[i] !== '%') continue;
		if (format[i + 1] === '%') {
			i++;
			continue;
		}
		const m = /^%([-+ #0']*)(\d*)(?:\.(\d*))?(.?)/.exec(format.slice(i))!;
		if (m[4] === '') return `format ${lq(format)} ends in %`;
		if (!'aeEfFgGA'.includes(m[4]!)) return `format ${lq(format)} has unknown %${m[4]} directive`;
		if (found) return `format ${lq(format)} has too many % directives`;
		found = {
			prefix: format.slice(0, i),
			suffix: format.slice(i + m[0].length),
			flags: m[1]!,
			width: m[2] ? Number(m[2]) : undefined,
			precision: m[3] !== undefined ? Number(m[3] || '0') : undefined,
			letter: m[4]!,
		};
		i += m[0].length - 1;
	}
	return found ?? `format ${lq(format)} has no % directive`;
}

function applyConversion(c: Conversion, x: number): string {
	const p = c.precision ?? 6;
	const lower = c.letter.toLowerCase();
	let body = lower === 'f' ? formatF(x, p) : lower === 'e' || lower === 'a' ? formatE(x, p) : formatG(x, p, c.flags.includes('#'));
	if (c.letter === c.letter.toUpperCase()) body = body.toUpperCase();
	if (x >= 0 && !body.startsWith('-')) body = (c.flags.includes('+') ? '+' : c.flags.includes(' ') ? ' ' : '') + body;
	if (c.width !== undefined && body.length < c.width) {
		if (c.flags.includes('-')) body = body.padEnd(c.width);
		else if (c.flags.includes('0') && Number.isFinite(x)) {
			const sign = /^[-+ ]/.test(body) ? body[0]! : '';
			body = sign + body.slice(sign.length).padStart(c.width - sign.length, '0');
		} else body = body.padStart(c.width);
	}
	const unescape = (s: string) => s.replace(/%%/g, '%');
	return unescape(c.prefix) + body + unescape(c.suffix);
}

/** Integers too big for a double: coreutils counts them exactly, so do we. */
function bigSequence(ctx: CommandContext, first: bigint, step: bigint, last: bigint, separator: string): number {
	let out = '';
	let count = 0;
	for (let x = first; x <= last; x += step) {
		if (count === SEQ_LIMIT) return cut(ctx, out);
		out += (count > 0 ? separator : '') + x.toString();
		count++;
	}
	ctx.out(count > 0 ? out + '\n' : '');
	return 0;
}

function cut(ctx: CommandContext, out: string): number {
	ctx.out(out + '\n');
	ctx.err(
		ctx.lang === 'es'
			? `cluster-lab: seq cortado tras ${SEQ_LIMIT} números (el lab no guarda más salida de una orden)\n`
			: `cluster-lab: seq cut short after ${SEQ_LIMIT} numbers (the lab keeps no more output of one command)\n`,
	);
	return 0;
}

/** GNU coreutils seq: FIRST, INCREMENT and LAST; -s separator, -w equal width, -f printf format. */
export const seq: CommandSpec = {
	name: 'seq',
	paths: ['/usr/bin/seq'],
	group: 'shell',
	summary: {en: 'print a sequence of numbers: seq 1 6 (for i in $(seq 1 6); do …; done)', es: 'imprime una secuencia de números: seq 1 6 (for i in $(seq 1 6); do …; done)'},
	run(ctx) {
		// Options come first (coreutils' seq stops at the first operand); a word like -1 or -.5
		// is a negative number, not an option, but an option's value may look like one (-s -).
		const args = ctx.argv.slice(1);
		let split = 0;
		while (split < args.length) {
			const a = args[split]!;
			if (a === '--') {
				split++;
				break;
			}
			if (!a.startsWith('-') || a === '-' || /^-[.\d]/.test(a)) break;
			split += /^-[wsf]*[sf]$|^--(separator|format)$/.test(a) ? 2 : 1;
		}
		split = Math.min(split, args.length);
		const parsed = getOptions(ctx, 'seq', args.slice(0, split), {flags: 'w', values: 'sf', long: {'separator=': 's', 'format=': 'f', 'equal-width': 'w', help: 'help', version: 'version'}, stopAtOperand: true});
		if (!parsed) return 1;
		if (parsed.has('help')) {
			ctx.out(HELP);
			return 0;
		}
		if (parsed.has('version')) {
			ctx.out('seq (GNU coreutils) 5.97\n');
			return 0;
		}
		const operands = [...parsed.operands, ...args.slice(split)];
		if (operands.length === 0) return usageError(ctx, 'seq', 'missing operand');
		if (operands.length > 3) return usageError(ctx, 'seq', `extra operand ${lq(operands[3]!)}`);
		const nums: Operand[] = [];
		for (const text of operands) {
			const n = operand(text);
			if (!n) return usageError(ctx, 'seq', `invalid floating point argument: ${lq(text)}`);
			if (Number.isNaN(n.value)) return usageError(ctx, 'seq', `invalid ${lq('not-a-number')} argument: ${lq(text)}`);
			nums.push(n);
		}
		const one: Operand = {value: 1, text: '1', precision: 0, width: 1};
		const [first, step, last] = nums.length === 1 ? [one, one, nums[0]!] : nums.length === 2 ? [nums[0]!, one, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
		if (step.value === 0) return usageError(ctx, 'seq', `invalid Zero increment value: ${lq(step.text)}`);
		const separator = parsed.value('s') ?? '\n';
		const format = parsed.value('f');
		const equal = parsed.has('w');
		if (format !== undefined && equal) {
			ctx.err('seq: format string may not be specified when printing equal width strings\nTry \'seq --help\' for more information.\n');
			return 1;
		}

		const digitsOnly = (o: Operand) => /^\d+$/.test(o.text);
		if (format === undefined && !equal && digitsOnly(first) && digitsOnly(step) && digitsOnly(last) && BigInt(last.text) > BigInt(Number.MAX_SAFE_INTEGER)) {
			return bigSequence(ctx, BigInt(first.text), BigInt(step.text), BigInt(last.text), separator);
		}

		let print: (x: number) => string;
		if (format !== undefined) {
			const conversion = parseFormat(format);
			if (typeof conversion === 'string') {
				ctx.err(`seq: ${conversion}\n`);
				return 1;
			}
			print = (x) => applyConversion(conversion, x);
		} else if (first.precision !== undefined && step.precision !== undefined && last.precision !== undefined) {
			const precision = Math.max(first.precision, step.precision);
			if (equal) {
				let firstWidth = first.width + (precision - first.precision);
				let lastWidth = last.width + (precision - last.precision);
				if (last.precision && precision === 0) lastWidth--;
				if (last.precision === 0 && precision) lastWidth++;
				if (first.precision === 0 && precision) firstWidth++;
				const width = Math.max(firstWidth, lastWidth);
				print = (x) => {
					const text = formatF(x, precision);
					const sign = text.startsWith('-') ? '-' : '';
					return sign + text.slice(sign.length).padStart(width - sign.length, '0');
				};
			} else print = (x) => formatF(x, precision);
		} else print = (x) => formatG(x, 6, false);

		const beyond = (x: number) => (step.value < 0 ? x < last.value : last.value < x);
		if (beyond(first.value)) return 0;
		let out = print(first.value);
		let previous = out;
		for (let i = 1; ; i++) {
			if (i === SEQ_LIMIT) return cut(ctx, out);
			const x = first.value + i * step.value;
			if (beyond(x)) {
				// Rounding may carry the last step just past LAST; seq still prints it when it prints as LAST.
				const shown = print(x);
				if (shown !== previous && shown === print(last.value)) out += separator + shown;
				break;
			}
			previous = print(x);
			out += separator + previous;
			if (!Number.isFinite(x)) break;
		}
		ctx.out(out + '\n');
		return 0;
	},
};

const HELP = `Usage: seq [OPTION]... LAST
  or:  seq [OPTION]... FIRST LAST
  or:  seq [OPTION]... FIRST INCREMENT LAST
Print numbers from FIRST to LAST, in steps of INCREMENT.

  -f, --format=FORMAT      use printf style floating-point FORMAT
  -s, --separator=STRING   use STRING to separate numbers (default: \\n)
  -w, --equal-width        equalize width by padding with leading zeroes
      --help     display this help and exit
      --version  output version information and exit

If FIRST or INCREMENT is omitted, it defaults to 1.  That is, an
omitted INCREMENT defaults to 1 even when LAST is smaller than FIRST.
FIRST, INCREMENT, and LAST are interpreted as floating point values.
INCREMENT is usually positive if FIRST is smaller than LAST, and
INCREMENT is usually negative if FIRST is greater than LAST.
When given, the FORMAT argument must contain exactly one of
the printf-style, floating point output formats %e, %f, %g

Report bugs to <bug-coreutils@gnu.org>.
`;
