/**
 * Just enough awk to run the openMosix HOWTO's CPU test,
 * `awk 'BEGIN{for(i=0;i<10000;i++)for(j=0;j<10000;j++);}'`: a program made of
 * a BEGIN block with counted loops, assignments and prints. Loops are not run
 * one by one: their trip counts are worked out, so a 10⁸-iteration loop costs
 * nothing to simulate but the CPU time it would take.
 */

/** How many simple steps the program executes (Infinity for an endless loop), and what it prints. */
export interface AwkLoopProgram {
	readonly steps: number;
	readonly output: string;
}

type Tok = {t: 'num'; v: number} | {t: 'str'; v: string} | {t: 'id'; v: string} | {t: 'op'; v: string};

class Unsupported extends Error {}

function tokenize(src: string): Tok[] {
	const out: Tok[] = [];
	const ops = ['++', '--', '+=', '-=', '*=', '/=', '%=', '<=', '>=', '==', '!=', '&&', '||', '=', '<', '>', '+', '-', '*', '/', '%', '!', ';', '{', '}', '(', ')', ','];
	let i = 0;
	while (i < src.length) {
		const c = src[i]!;
		if (c === ' ' || c === '\t' || c === '\r') i++;
		else if (c === '\n') {
			out.push({t: 'op', v: ';'});
			i++;
		} else if (c === '#') {
			while (i < src.length && src[i] !== '\n') i++;
		} else if (/[0-9.]/.test(c)) {
			const m = /^(\d+\.?\d*([eE][+-]?\d+)?|\.\d+)/.exec(src.slice(i));
			if (!m) throw new Unsupported();
			out.push({t: 'num', v: Number(m[0])});
			i += m[0].length;
		} else if (/[A-Za-z_]/.test(c)) {
			const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
			out.push({t: 'id', v: m[0]});
			i += m[0].length;
		} else if (c === '"') {
			let s = '';
			i++;
			while (i < src.length && src[i] !== '"') {
				if (src[i] === '\\' && i + 1 < src.length) {
					const e = src[++i]!;
					s += e === 'n' ? '\n' : e === 't' ? '\t' : e;
				} else s += src[i];
				i++;
			}
			if (i >= src.length) throw new Unsupported();
			i++;
			out.push({t: 'str', v: s});
		} else {
			const op = ops.find((o) => src.startsWith(o, i));
			if (!op) throw new Unsupported();
			out.push({t: 'op', v: op});
			i += op.length;
		}
	}
	return out;
}

type Expr =
	| {k: 'num'; v: number}
	| {k: 'str'; v: string}
	| {k: 'var'; name: string}
	| {k: 'bin'; op: string; a: Expr; b: Expr}
	| {k: 'not'; a: Expr}
	| {k: 'neg'; a: Expr}
	| {k: 'assign'; op: string; name: string; value: Expr}
	| {k: 'incr'; name: string; delta: number}
	| {k: 'concat'; parts: Expr[]};

type Stmt =
	| {k: 'expr'; e: Expr}
	| {k: 'print'; args: Expr[]}
	| {k: 'block'; body: Stmt[]}
	| {k: 'for'; init?: Expr; cond?: Expr; step?: Expr; body: Stmt}
	| {k: 'while'; cond: Expr; body: Stmt};

class Parser {
	i = 0;
	constructor(private readonly toks: Tok[]) {}
	peek(): Tok | undefined {
		return this.toks[this.i];
	}
	isOp(v: string): boolean {
		const t = this.peek();
		return t?.t === 'op' && t.v === v;
	}
	expect(v: string): void {
		if (!this.isOp(v)) throw new Unsupported();
		this.i++;
	}
	skipSeps(): void {
		while (this.isOp(';')) this.i++;
	}
	program(): Stmt[] {
		const body: Stmt[] = [];
		this.skipSeps();
		while (this.peek()) {
			const t = this.peek()!;
			if (t.t !== 'id' || t.v !== 'BEGIN') throw new Unsupported();
			this.i++;
			this.skipNewlinesOnly();
			body.push(this.block());
			this.skipSeps();
		}
		if (body.length === 0) throw new Unsupported();
		return body;
	}
	skipNewlinesOnly(): void {
		this.skipSeps();
	}
	block(): Stmt {
		this.expect('{');
		const body: Stmt[] = [];
		this.skipSeps();
		while (!this.isOp('}')) {
			if (!this.peek()) throw new Unsupported();
			body.push(this.statement());
			this.skipSeps();
		}
		this.i++;
		return {k: 'block', body};
	}
	statement(): Stmt {
		const t = this.peek();
		if (!t) throw new Unsupported();
		if (t.t === 'op' && t.v === '{') return this.block();
		if (t.t === 'op' && t.v === ';') {
			this.i++;
			return {k: 'block', body: []};
		}
		if (t.t === 'id' && t.v === 'for') {
			this.i++;
			this.expect('(');
			const init = this.isOp(';') ? undefined : this.expr();
			this.expect(';');
			const cond = this.isOp(';') ? undefined : this.expr();
			this.expect(';');
			const step = this.isOp(')') ? undefined : this.expr();
			this.expect(')');
			return {k: 'for', init, cond, step, body: this.body()};
		}
		if (t.t === 'id' && t.v === 'while') {
			this.i++;
			this.expect('(');
			const cond = this.expr();
			this.expect(')');
			return {k: 'while', cond, body: this.body()};
		}
		if (t.t === 'id' && t.v === 'print') {
			this.i++;
			const args: Expr[] = [];
			if (!this.isOp(';') && !this.isOp('}') && this.peek()) {
				args.push(this.expr());
				while (this.isOp(',')) {
					this.i++;
					args.push(this.expr());
				}
			}
			return {k: 'print', args};
		}
		return {k: 'expr', e: this.expr()};
	}
	/** A loop body: `;` alone is the empty statement. */
	body(): Stmt {
		if (this.isOp(';')) {
			this.i++;
			return {k: 'block', body: []};
		}
		return this.statement();
	}
	expr(): Expr {
		const t = this.peek();
		const next = this.toks[this.i + 1];
		if (t?.t === 'id' && next?.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%='].includes(next.v)) {
			this.i += 2;
			return {k: 'assign', op: next.v, name: t.v, value: this.expr()};
		}
		return this.or();
	}
	or(): Expr {
		let a = this.and();
		while (this.isOp('||')) {
			this.i++;
			a = {k: 'bin', op: '||', a, b: this.and()};
		}
		return a;
	}
	and(): Expr {
		let a = this.compare();
		while (this.isOp('&&')) {
			this.i++;
			a = {k: 'bin', op: '&&', a, b: this.compare()};
		}
		return a;
	}
	compare(): Expr {
		const a = this.concat();
		for (const op of ['<=', '>=', '==', '!=', '<', '>']) {
			if (this.isOp(op)) {
				this.i++;
				return {k: 'bin', op, a, b: this.concat()};
			}
		}
		return a;
	}
	concat(): Expr {
		const parts = [this.additive()];
		for (;;) {
			const t = this.peek();
			if (t && (t.t === 'num' || t.t === 'str' || (t.t === 'id' && !['for', 'while', 'print'].includes(t.v)) || (t.t === 'op' && (t.v === '(' || t.v === '!')))) parts.push(this.additive());
			else break;
		}
		return parts.length === 1 ? parts[0]! : {k: 'concat', parts};
	}
	additive(): Expr {
		let a = this.term();
		while (this.isOp('+') || this.isOp('-')) {
			const op = (this.toks[this.i++] as {v: string}).v;
			a = {k: 'bin', op, a, b: this.term()};
		}
		return a;
	}
	term(): Expr {
		let a = this.unary();
		while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
			const op = (this.toks[this.i++] as {v: string}).v;
			a = {k: 'bin', op, a, b: this.unary()};
		}
		return a;
	}
	unary(): Expr {
		if (this.isOp('!')) {
			this.i++;
			return {k: 'not', a: this.unary()};
		}
		if (this.isOp('-')) {
			this.i++;
			return {k: 'neg', a: this.unary()};
		}
		if (this.isOp('++') || this.isOp('--')) {
			const delta = (this.toks[this.i++] as {v: string}).v === '++' ? 1 : -1;
			const t = this.peek();
			if (t?.t !== 'id') throw new Unsupported();
			this.i++;
			return {k: 'incr', name: t.v, delta};
		}
		return this.primary();
	}
	primary(): Expr {
		const t = this.peek();
		if (!t) throw new Unsupported();
		this.i++;
		if (t.t === 'num') return {k: 'num', v: t.v};
		if (t.t === 'str') return {k: 'str', v: t.v};
		if (t.t === 'id') {
			if (this.isOp('++') || this.isOp('--')) {
				const delta = (this.toks[this.i++] as {v: string}).v === '++' ? 1 : -1;
				return {k: 'incr', name: t.v, delta};
			}
			if (this.isOp('(')) throw new Unsupported();
			return {k: 'var', name: t.v};
		}
		if (t.v === '(') {
			const e = this.expr();
			this.expect(')');
			return e;
		}
		throw new Unsupported();
	}
}

/** Variables known to hold a number or string; undefined entries are unknown. */
type Env = Map<string, number | string | undefined>;

function num(v: number | string | undefined): number {
	if (v === undefined) throw new Unsupported();
	if (typeof v === 'number') return v;
	const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v);
	return m ? Number(m[0]) : 0;
}

function str(v: number | string | undefined): string {
	if (v === undefined) throw new Unsupported();
	if (typeof v === 'string') return v;
	return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function evaluate(e: Expr, env: Env): number | string {
	switch (e.k) {
		case 'num':
			return e.v;
		case 'str':
			return e.v;
		case 'var':
			return env.has(e.name) ? num2(env.get(e.name)) : '';
		case 'not':
			return truthy(evaluate(e.a, env)) ? 0 : 1;
		case 'neg':
			return -num(evaluate(e.a, env));
		case 'concat':
			return e.parts.map((p) => str(evaluate(p, env))).join('');
		case 'incr': {
			const old = env.has(e.name) ? num(env.get(e.name)) : 0;
			env.set(e.name, old + e.delta);
			return old;
		}
		case 'assign': {
			const value = evaluate(e.value, env);
			const old = env.has(e.name) ? num(env.get(e.name)) : 0;
			const ops: Record<string, (a: number, b: number) => number> = {'+=': (a, b) => a + b, '-=': (a, b) => a - b, '*=': (a, b) => a * b, '/=': (a, b) => a / b, '%=': (a, b) => a % b};
			const result = e.op === '=' ? value : ops[e.op]!(old, num(value));
			env.set(e.name, result);
			return result;
		}
		case 'bin': {
			if (e.op === '&&') return truthy(evaluate(e.a, env)) && truthy(evaluate(e.b, env)) ? 1 : 0;
			if (e.op === '||') return truthy(evaluate(e.a, env)) || truthy(evaluate(e.b, env)) ? 1 : 0;
			const a = num(evaluate(e.a, env));
			const b = num(evaluate(e.b, env));
			switch (e.op) {
				case '+':
					return a + b;
				case '-':
					return a - b;
				case '*':
					return a * b;
				case '/':
					if (b === 0) throw new Unsupported();
					return a / b;
				case '%':
					return a % b;
				case '<':
					return a < b ? 1 : 0;
				case '<=':
					return a <= b ? 1 : 0;
				case '>':
					return a > b ? 1 : 0;
				case '>=':
					return a >= b ? 1 : 0;
				case '==':
					return a === b ? 1 : 0;
				default:
					return a !== b ? 1 : 0;
			}
		}
	}
}

function num2(v: number | string | undefined): number | string {
	if (v === undefined) throw new Unsupported();
	return v;
}

function truthy(v: number | string): boolean {
	return typeof v === 'number' ? v !== 0 : v !== '';
}

/** Names a statement assigns. */
function assigned(s: Stmt, out = new Set<string>()): Set<string> {
	const visit = (e: Expr | undefined): void => {
		if (!e) return;
		if (e.k === 'assign' || e.k === 'incr') out.add(e.name);
		if (e.k === 'assign') visit(e.value);
		if (e.k === 'bin') {
			visit(e.a);
			visit(e.b);
		}
		if (e.k === 'not' || e.k === 'neg') visit(e.a);
		if (e.k === 'concat') e.parts.forEach(visit);
	};
	if (s.k === 'expr') visit(s.e);
	else if (s.k === 'print') s.args.forEach(visit);
	else if (s.k === 'block') s.body.forEach((b) => assigned(b, out));
	else if (s.k === 'for') {
		visit(s.init);
		visit(s.cond);
		visit(s.step);
		assigned(s.body, out);
	} else {
		visit(s.cond);
		assigned(s.body, out);
	}
	return out;
}

function printsInside(s: Stmt): boolean {
	if (s.k === 'print') return true;
	if (s.k === 'block') return s.body.some(printsInside);
	if (s.k === 'for' || s.k === 'while') return printsInside(s.body);
	return false;
}

/** Loop-free cost of running a statement once with unknown inputs (used inside counted loops). */
function bodyCost(s: Stmt): number {
	if (s.k === 'block') return s.body.reduce((sum, b) => sum + bodyCost(b), 0);
	if (s.k === 'for' || s.k === 'while') throw new Unsupported();
	return 1;
}

/** Trip count of `for (v = a; v OP b; v += step)`, or Infinity when it never ends. */
function tripCount(s: Stmt & {k: 'for'}, env: Env): {name: string; count: number; final: number} {
	if (!s.cond) return {name: '', count: Infinity, final: 0};
	const c = s.cond;
	if (c.k !== 'bin' || c.a.k !== 'var' || !['<', '<=', '>', '>=', '!='].includes(c.op)) throw new Unsupported();
	const name = c.a.name;
	if (assigned(s.body).has(name)) throw new Unsupported();
	const limit = num(evaluate(c.b, new Map(env)));
	const start = env.has(name) ? num(env.get(name)) : 0;
	let step: number;
	const st = s.step;
	if (st?.k === 'incr' && st.name === name) step = st.delta;
	else if (st?.k === 'assign' && st.name === name && (st.op === '+=' || st.op === '-=')) step = (st.op === '+=' ? 1 : -1) * num(evaluate(st.value, new Map(env)));
	else throw new Unsupported();
	const holds = (v: number) => evaluate({k: 'bin', op: c.op, a: {k: 'num', v}, b: {k: 'num', v: limit}}, env) !== 0;
	if (!holds(start)) return {name, count: 0, final: start};
	let count: number;
	if (step === 0) count = Infinity;
	else if (c.op === '<' || c.op === '<=') count = step < 0 ? Infinity : c.op === '<' ? Math.ceil((limit - start) / step) : Math.floor((limit - start) / step) + 1;
	else if (c.op === '>' || c.op === '>=') count = step > 0 ? Infinity : c.op === '>' ? Math.ceil((start - limit) / -step) : Math.floor((start - limit) / -step) + 1;
	else {
		const d = (limit - start) / step;
		count = d > 0 && Number.isInteger(d) ? d : Infinity;
	}
	if (count === Infinity) return {name, count, final: start};
	return {name, count, final: start + count * step};
}

function run(s: Stmt, env: Env, out: string[]): number {
	switch (s.k) {
		case 'expr':
			evaluate(s.e, env);
			return 1;
		case 'print':
			out.push((s.args.length === 0 ? '' : s.args.map((a) => str(evaluate(a, env))).join(' ')) + '\n');
			return 1;
		case 'block':
			return s.body.reduce((sum, b) => sum + run(b, env, out), 0);
		case 'while': {
			const v = evaluate(s.cond, new Map(env));
			if (!truthy(v)) return 1;
			if (assigned(s).size === 0 || (s.cond.k === 'num' && s.cond.v !== 0)) return Infinity;
			throw new Unsupported();
		}
		case 'for': {
			if (s.init) evaluate(s.init, env);
			if (printsInside(s.body)) throw new Unsupported();
			const {name, count, final} = tripCount(s, env);
			if (count === Infinity) return Infinity;
			const inner = innerCost(s.body, env);
			for (const v of assigned(s.body)) env.set(v, undefined);
			if (name) env.set(name, final);
			return 1 + count * (2 + inner);
		}
	}
}

/** Cost of one pass of a loop body; nested counted loops multiply. */
function innerCost(s: Stmt, env: Env): number {
	if (s.k === 'block') return s.body.reduce((sum, b) => sum + innerCost(b, env), 0);
	if (s.k === 'for') {
		const scratch: Env = new Map(env);
		if (s.init) evaluate(s.init, scratch);
		const {count} = tripCount(s, scratch);
		if (count === Infinity) return Infinity;
		return 1 + count * (2 + innerCost(s.body, scratch));
	}
	return bodyCost(s);
}

/** Analyses an awk program; undefined when it is not a BEGIN-only loop program the lab can run. */
export function analyzeAwkLoops(source: string): AwkLoopProgram | undefined {
	try {
		const program = new Parser(tokenize(source)).program();
		const env: Env = new Map();
		const out: string[] = [];
		let steps = 0;
		for (const block of program) {
			steps += run(block, env, out);
			if (steps === Infinity) break;
		}
		return {steps, output: out.join('')};
	} catch (error) {
		if (error instanceof Unsupported) return undefined;
		throw error;
	}
}
