/**
 * bash arithmetic for `$(( … ))`: 64-bit signed integers, C operators and
 * precedence, shell variables by name (unset or empty counts as 0), and the
 * assignments `=`, `+=`, `++`… that loops use to count (`i=$((i+1))`, `$((i++))`).
 */

export class ArithError extends Error {}

interface Vars {
	get(name: string): string | undefined;
	set(name: string, value: string): void;
}

type Tok = {k: 'num'; v: bigint; text: string} | {k: 'name'; v: string; text: string} | {k: 'op'; v: string; text: string};

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ','];

/** A character no token starts with: the lexer stops there. */
const BAD = '\u0000bad';

const wrap = (x: bigint) => BigInt.asIntN(64, x);

/** Evaluates `expr` as bash does; throws ArithError with bash's message text (without the `bash: ` prefix). */
export function evaluate(expr: string, vars: Vars, depth = 0): bigint {
	if (depth > 32) throw new ArithError(`${expr}: expression recursion level exceeded (error token is "${expr}")`);
	const tokens = lex(expr);
	let i = 0;
	const peek = () => tokens[i];
	const errorAt = (message: string): never => {
		// At the end of the expression bash points at the last token it read.
		const rest = tokens.slice(Math.min(i, tokens.length - 1)).map((t) => t.text).join('');
		throw new ArithError(`${expr.trim()}: ${message} (error token is "${rest || expr.trim()}")`);
	};
	const eat = (op: string) => {
		if (peek()?.k === 'op' && peek()!.v === op) {
			i++;
			return true;
		}
		return false;
	};
	const valueOf = (name: string): bigint => {
		const raw = vars.get(name) ?? '';
		if (raw.trim() === '') return 0n;
		return evaluate(raw, vars, depth + 1);
	};

	// Each level returns a value and, for a bare variable, its name (for assignments).
	type R = {v: bigint; name?: string};
	const assign = (): R => {
		const start = i;
		const left = ternary();
		const t = peek();
		if (t?.k === 'op' && /^(=|[-+*/%&^|]=|<<=|>>=)$/.test(t.v)) {
			if (left.name === undefined) {
				i = start;
				errorAt('attempted assignment to non-variable');
			}
			i++;
			const right = assign().v;
			const op = t.v.slice(0, -1);
			const v = op === '' ? right : binary(op, left.v, right);
			vars.set(left.name!, String(v));
			return {v};
		}
		return left;
	};
	const ternary = (): R => {
		const cond = binaryLevel(0);
		if (eat('?')) {
			const a = assign();
			if (!eat(':')) errorAt("`:' expected for conditional expression");
			const b = assign();
			return {v: cond.v !== 0n ? a.v : b.v};
		}
		return cond;
	};
	const LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
	const binaryLevel = (level: number): R => {
		if (level === LEVELS.length) return power();
		let left = binaryLevel(level + 1);
		for (;;) {
			const t = peek();
			if (t?.k === 'op' && t.v === BAD) errorAt('syntax error: invalid arithmetic operator');
			if (t?.k !== 'op' || !LEVELS[level]!.includes(t.v)) return left;
			i++;
			const right = binaryLevel(level + 1);
			left = {v: binary(t.v, left.v, right.v)};
		}
	};
	const power = (): R => {
		const base = unary();
		if (eat('**')) {
			const exp = power().v;
			if (exp < 0n) errorAt('exponent less than 0');
			return {v: wrap(base.v ** exp)};
		}
		return base;
	};
	const unary = (): R => {
		const t = peek();
		if (t?.k === 'op') {
			if (t.v === '++' || t.v === '--') {
				i++;
				const target = peek();
				if (target?.k !== 'name') errorAt('syntax error: operand expected');
				i++;
				const v = wrap(valueOf(target!.v as string) + (t.v === '++' ? 1n : -1n));
				vars.set(target!.v as string, String(v));
				return {v};
			}
			if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
				i++;
				const v = unary().v;
				return {v: t.v === '-' ? wrap(-v) : t.v === '+' ? v : t.v === '!' ? (v === 0n ? 1n : 0n) : wrap(~v)};
			}
		}
		return postfix();
	};
	const postfix = (): R => {
		const t = peek();
		if (!t) errorAt('syntax error: operand expected');
		if (t!.k === 'num') {
			i++;
			return {v: t!.v as bigint};
		}
		if (t!.k === 'name') {
			i++;
			const name = t!.v as string;
			const after = peek();
			if (after?.k === 'op' && (after.v === '++' || after.v === '--')) {
				i++;
				const v = valueOf(name);
				vars.set(name, String(wrap(v + (after.v === '++' ? 1n : -1n))));
				return {v};
			}
			return {v: valueOf(name), name};
		}
		if (eat('(')) {
			const v = comma();
			if (!eat(')')) errorAt('missing `)\'');
			return {v};
		}
		return errorAt('syntax error: operand expected');
	};
	const binary = (op: string, a: bigint, b: bigint): bigint => {
		switch (op) {
			case '+':
				return wrap(a + b);
			case '-':
				return wrap(a - b);
			case '*':
				return wrap(a * b);
			case '/':
			case '%':
				if (b === 0n) {
					i--;
					errorAt('division by 0');
				}
				return wrap(op === '/' ? a / b : a % b);
			case '<<':
				return wrap(a << (b & 63n));
			case '>>':
				return a >> (b & 63n);
			case '<':
				return a < b ? 1n : 0n;
			case '>':
				return a > b ? 1n : 0n;
			case '<=':
				return a <= b ? 1n : 0n;
			case '>=':
				return a >= b ? 1n : 0n;
			case '==':
				return a === b ? 1n : 0n;
			case '!=':
				return a !== b ? 1n : 0n;
			case '&':
				return a & b;
			case '^':
				return a ^ b;
			case '|':
				return a | b;
			case '&&':
				return a !== 0n && b !== 0n ? 1n : 0n;
			case '||':
				return a !== 0n || b !== 0n ? 1n : 0n;
			default:
				return errorAt('syntax error: invalid arithmetic operator');
		}
	};
	const comma = (): bigint => {
		let v = assign().v;
		while (eat(',')) v = assign().v;
		return v;
	};

	if (tokens.length === 0) return 0n;
	const v = comma();
	if (i < tokens.length) errorAt('syntax error in expression');
	return v;
}

function lex(expr: string): Tok[] {
	const out: Tok[] = [];
	let p = 0;
	while (p < expr.length) {
		const c = expr[p]!;
		if (/\s/.test(c)) {
			p++;
			continue;
		}
		const num = /^(0[xX][0-9a-fA-F]+|\d+#[0-9a-zA-Z@_]+|\d+[A-Za-z_]*)/.exec(expr.slice(p));
		if (num) {
			out.push({k: 'num', v: number(num[0], expr), text: num[0]});
			p += num[0].length;
			continue;
		}
		const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(p));
		if (name) {
			out.push({k: 'name', v: name[0], text: name[0]});
			p += name[0].length;
			continue;
		}
		const op = OPS.find((o) => expr.startsWith(o, p));
		if (!op) {
			// bash reads tokens as it goes: what it says depends on whether an operand or an operator stands here.
			out.push({k: 'op', v: BAD, text: expr.slice(p)});
			break;
		}
		out.push({k: 'op', v: op, text: op});
		p += op.length;
	}
	return out;
}

/** An integer constant: decimal, 0x hex, leading-0 octal or BASE#digits. */
function number(text: string, expr: string): bigint {
	const bad = (): never => {
		throw new ArithError(`${text}: value too great for base (error token is "${text}")`);
	};
	if (/^0[xX]/.test(text)) return wrap(BigInt(text));
	const based = /^(\d+)#(.+)$/.exec(text);
	if (based) {
		const base = Number(based[1]);
		if (base < 2 || base > 64) throw new ArithError(`${expr.trim()}: invalid arithmetic base (error token is "${text}")`);
		let v = 0n;
		for (const ch of based[2]!) {
			const d = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch >= 'a' && ch <= 'z' ? ch.charCodeAt(0) - 87 : ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - (base <= 36 ? 55 : 29) : ch === '@' ? 62 : 63;
			if (d >= base) bad();
			v = v * BigInt(base) + BigInt(d);
		}
		return wrap(v);
	}
	if (/[^0-9]/.test(text)) bad();
	if (text.length > 1 && text.startsWith('0')) {
		if (/[89]/.test(text)) bad();
		return wrap(BigInt('0o' + text.slice(1)));
	}
	return wrap(BigInt(text));
}
