import {isName} from '../../shell/lex';
import type {CommandSpec} from '../context';
import {PRINTF_B_ESCAPES, PRINTF_FORMAT_ESCAPES, unescape} from './escapes';

/** Widest field (width or precision) the lab pads to. */
const PRINTF_FIELD_LIMIT = 1_000_000;

/** bash's builtin printf: %s %d %i %u %x %X %o %c %f %e %g %b %q %%, widths, -v VAR. */
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

export const printf: CommandSpec = {
	name: 'printf',
	paths: ['/usr/bin/printf'],
	group: 'shell',
	summary: {en: "formatted output: printf '%s\\n' text", es: "salida con formato: printf '%s\\n' texto"},
	run(ctx) {
		const args = ctx.argv.slice(1);
		let variable: string | undefined;
		if (args[0] === '-v') {
			args.shift();
			variable = args.shift();
			if (variable === undefined || !isName(variable)) {
				ctx.err(variable === undefined ? 'bash: printf: -v: option requires an argument\nprintf: usage: printf [-v var] format [arguments]\n' : `bash: printf: \`${variable}': not a valid identifier\n`);
				return 2;
			}
		}
		if (args[0] === '--') args.shift();
		const format = args.shift();
		if (format === undefined) {
			ctx.err('printf: usage: printf [-v var] format [arguments]\n');
			return 2;
		}
		let status = 0;
		let out = '';
		let argi = 0;
		const next = () => (argi < args.length ? args[argi++]! : undefined);
		const number = (arg: string | undefined): number => {
			if (arg === undefined || arg === '') return 0;
			if (/^['"]/.test(arg)) return arg.length > 1 ? arg.codePointAt(1)! : 0;
			const t = arg.trim();
			const n = /^[-+]?0x[0-9a-f]+$/i.test(t) ? parseInt(t, 16) : /^[-+]?0[0-7]+$/.test(t) ? parseInt(t, 8) : /^[-+]?\d+$/.test(t) ? Number(t) : NaN;
			if (Number.isNaN(n)) {
				const lead = /^[-+]?\d+/.exec(t);
				ctx.err(`bash: printf: ${arg}: invalid number\n`);
				status = 1;
				return lead ? Number(lead[0]) : 0;
			}
			return n;
		};
		/**
		 * An integer argument as bash reads it (strtoimax): decimal, 0x hex or 0 octal,
		 * exact to 64 bits; beyond them it is clamped, with bash 5's warning.
		 */
		const integer = (arg: string | undefined): bigint => {
			const t = arg?.trim() ?? '';
			const m = /^([-+]?)(?:0x([0-9a-f]+)|0([0-7]+)|(\d+))$/i.exec(t);
			if (!m || arg === undefined || /^['"]/.test(arg)) return BigInt(Math.trunc(number(arg)));
			let n = m[2] !== undefined ? BigInt(`0x${m[2]}`) : m[3] !== undefined ? BigInt(`0o${m[3]}`) : BigInt(m[4]!);
			if (m[1] === '-') n = -n;
			if (n > INT64_MAX || n < INT64_MIN) {
				ctx.err(`bash: printf: warning: ${arg}: Numerical result out of range\n`);
				return n > 0n ? INT64_MAX : INT64_MIN;
			}
			return n;
		};
		/** bash's getint for `*`: out-of-int values are clamped, with a warning. */
		const int = (arg: string | undefined): number => {
			const n = number(arg);
			if (n > 2147483647 || n < -2147483648) {
				ctx.err(`bash: printf: warning: ${arg}: Numerical result out of range\n`);
				return n > 0 ? 2147483647 : -2147483648;
			}
			return n;
		};
		let stop = false;
		do {
			for (let i = 0; i < format.length && !stop; i++) {
				const c = format[i]!;
				if (c === '\\') {
					const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/.exec(format.slice(i))!;
					out += unescape(m[0], PRINTF_FORMAT_ESCAPES).text;
					i += m[0].length - 1;
					continue;
				}
				if (c !== '%') {
					out += c;
					continue;
				}
				const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXfeEgGcsbq%])/.exec(format.slice(i));
				if (!m) {
					const bad = format[i + 1];
					if (bad === undefined) ctx.err('bash: printf: `%\': missing format character\n');
					else ctx.err(`bash: printf: \`${bad}': invalid format character\n`);
					return 1;
				}
				i += m[0].length - 1;
				const flags = m[1]!;
				let width = m[2] === '*' ? int(next()) : m[2] ? Number(m[2]) : undefined;
				const precision = m[3] === '*' ? int(next()) : m[3] !== undefined ? Number(m[3] || '0') : undefined;
				if (Math.abs(width ?? 0) > PRINTF_FIELD_LIMIT || (precision ?? 0) > PRINTF_FIELD_LIMIT) {
					// bash would write gigabytes of padding; the lab keeps every output in memory.
					ctx.err(
						ctx.lang === 'es'
							? `cluster-lab: printf: un campo de más de ${PRINTF_FIELD_LIMIT} caracteres es más de lo que el lab imprime\n`
							: `cluster-lab: printf: a field wider than ${PRINTF_FIELD_LIMIT} characters is more than the lab prints\n`,
					);
					return 1;
				}
				const conv = m[4]!;
				let left = flags.includes('-');
				if (width !== undefined && width < 0) {
					left = true;
					width = -width;
				}
				let body: string;
				if (conv === '%') {
					out += '%';
					continue;
				} else if (conv === 's' || conv === 'b' || conv === 'q') {
					let s = next() ?? '';
					if (conv === 'b') {
						const r = unescape(s, PRINTF_B_ESCAPES);
						s = r.text;
						if (r.stop) stop = true;
					}
					if (conv === 'q') s = s === '' ? "''" : /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : s.replace(/([^A-Za-z0-9_./:=@%+,-])/g, '\\$1');
					body = precision !== undefined ? s.slice(0, precision) : s;
				} else if (conv === 'c') body = (next() ?? '').slice(0, 1);
				else if ('fFeEgG'.includes(conv)) {
					const a = next();
					const v = a === undefined ? 0 : Number(a);
					if (a !== undefined && Number.isNaN(v)) {
						ctx.err(`bash: printf: ${a}: invalid number\n`);
						status = 1;
					}
					const x = Number.isNaN(v) ? 0 : v;
					const p = precision ?? 6;
					body = conv === 'f' || conv === 'F' ? x.toFixed(p) : conv === 'e' || conv === 'E' ? x.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(x.toPrecision(p || 1)));
					if (conv === 'E' || conv === 'G') body = body.toUpperCase();
					if (flags.includes('+') && x >= 0) body = '+' + body;
					if (flags.includes('0') && !left && width !== undefined && body.length < width) {
						const sign = /^[-+]/.test(body) ? body[0]! : '';
						body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
					}
				} else {
					let n = integer(next());
					if (conv === 'u' || conv === 'o' || conv === 'x' || conv === 'X') n = BigInt.asUintN(64, n);
					let digits = conv === 'o' ? n.toString(8) : conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : String(n < 0n ? -n : n);
					if (precision !== undefined) digits = digits.padStart(precision, '0');
					const sign = (conv === 'd' || conv === 'i') && n < 0n ? '-' : flags.includes('+') && (conv === 'd' || conv === 'i') ? '+' : flags.includes(' ') && (conv === 'd' || conv === 'i') ? ' ' : '';
					const prefix = flags.includes('#') && n !== 0n ? (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') : '';
					if (flags.includes('0') && !left && width !== undefined && precision === undefined) digits = digits.padStart(width - sign.length - prefix.length, '0');
					body = sign + prefix + digits;
				}
				if (width !== undefined && body.length < width) body = left ? body.padEnd(width) : body.padStart(width);
				out += body;
			}
			// bash writes each pass over the format as it finishes it, so a later
			// argument's error comes after the earlier output.
			if (variable === undefined) {
				ctx.out(out);
				out = '';
			}
		} while (!stop && argi < args.length && argi > 0);
		if (variable !== undefined) ctx.session.vars.set(variable, out);
		return status;
	},
};
