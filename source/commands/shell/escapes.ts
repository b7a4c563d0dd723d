/**
 * Backslash escapes as bash's echo -e and printf read them. They share the C
 * escapes and \xHH; they differ in a few letters, in how octal is written and
 * in whether \c ends the output.
 */
export interface EscapeDialect {
	/** Letters beyond the common C set: echo has \E, printf \" and \'. */
	readonly extra: Readonly<Record<string, string>>;
	/** `\c` stops all further output (echo -e, printf %b). */
	readonly stopAtC: boolean;
	/**
	 * Octal forms: `zero` only \0NNN (echo), `digits` \NNN from any octal digit
	 * (printf's format), `both` either (printf %b).
	 */
	readonly octal: 'zero' | 'digits' | 'both';
	/** Keep only the low byte of an octal value (printf does, echo does not). */
	readonly byte: boolean;
}

const COMMON: Readonly<Record<string, string>> = {n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', r: '\r', v: '\v'};

export const ECHO_ESCAPES: EscapeDialect = {extra: {E: '\x1b'}, stopAtC: true, octal: 'zero', byte: false};
export const PRINTF_FORMAT_ESCAPES: EscapeDialect = {extra: {'"': '"', "'": "'"}, stopAtC: false, octal: 'digits', byte: true};
export const PRINTF_B_ESCAPES: EscapeDialect = {extra: {'"': '"', "'": "'"}, stopAtC: true, octal: 'both', byte: true};

/** Interprets the escapes of `text`; `stop` tells that a \c ended it. */
export function unescape(text: string, dialect: EscapeDialect): {text: string; stop: boolean} {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c !== '\\' || i + 1 >= text.length) {
			out += c;
			continue;
		}
		const n = text[++i]!;
		const simple = COMMON[n] ?? dialect.extra[n];
		if (simple !== undefined) out += simple;
		else if (n === 'c' && dialect.stopAtC) return {text: out, stop: true};
		else if (/[0-7]/.test(n) && (n === '0' || dialect.octal !== 'zero')) {
			// \0NNN takes up to three digits after the 0; \NNN up to three counting the first.
			const afterZero = n === '0' && dialect.octal !== 'digits';
			const digits = /^[0-7]{0,3}/.exec(text.slice(afterZero ? i + 1 : i))![0];
			const value = parseInt(digits || '0', 8);
			out += String.fromCharCode(dialect.byte ? value & 255 : value);
			i += afterZero ? digits.length : digits.length - 1;
		} else if (n === 'x') {
			const hex = /^[0-9a-fA-F]{0,2}/.exec(text.slice(i + 1))![0];
			if (hex) {
				out += String.fromCharCode(parseInt(hex, 16));
				i += hex.length;
			} else out += '\\x';
		} else out += '\\' + n;
	}
	return {text: out, stop: false};
}
