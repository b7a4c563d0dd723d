import type {CommandContext, CommandSpec} from '../context';

class TestError extends Error {}

/** Evaluates test(1) expressions with bash's builtin rules (POSIX argument-count cases first). */
function evaluate(ctx: CommandContext, name: string, args: string[]): boolean {
	const fs = ctx.host.fs;
	const int = (s: string): number => {
		if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`bash: ${name}: ${s}: integer expression expected\n`);
		return Number(s);
	};
	const unary = (op: string, arg: string): boolean => {
		const path = ctx.resolve(arg);
		const e = arg === '' ? undefined : fs.stat(path);
		switch (op) {
			case '-e':
			case '-a':
				return e !== undefined;
			case '-f':
				return e?.kind === 'file';
			case '-d':
				return e?.kind === 'dir';
			case '-s':
				return e?.kind === 'dir' || (e?.kind === 'file' && e.content.length > 0);
			case '-r':
			case '-w':
				return e !== undefined;
			case '-x':
				return e !== undefined && (e.kind === 'dir' || (e.mode & 0o111) !== 0);
			case '-L':
			case '-h':
			case '-p':
			case '-S':
			case '-b':
			case '-c':
				return false;
			case '-z':
				return arg.length === 0;
			case '-n':
				return arg.length > 0;
		}
		throw new TestError(`bash: ${name}: ${op}: unary operator expected\n`);
	};
	const binaryOps = ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>', '-nt', '-ot'];
	const binary = (a: string, op: string, b: string): boolean => {
		switch (op) {
			case '=':
			case '==':
				return a === b;
			case '!=':
				return a !== b;
			case '<':
				return a < b;
			case '>':
				return a > b;
			case '-eq':
				return int(a) === int(b);
			case '-ne':
				return int(a) !== int(b);
			case '-lt':
				return int(a) < int(b);
			case '-le':
				return int(a) <= int(b);
			case '-gt':
				return int(a) > int(b);
			case '-ge':
				return int(a) >= int(b);
			default:
				return false;
		}
	};
	const isUnary = (s: string | undefined) => s !== undefined && /^-[eafdsrwxLhpSbczn]$/.test(s);
	// Recursive descent for longer expressions: expr := and ('-o' and)*; and := not ('-a' not)*.
	let i = 0;
	const primary = (): boolean => {
		const t = args[i];
		if (t === undefined) throw new TestError(`bash: ${name}: argument expected\n`);
		if (t === '!') {
			i++;
			return !primary();
		}
		if (t === '(') {
			i++;
			const v = orExpr();
			if (args[i] !== ')') throw new TestError(`bash: ${name}: \`)' expected\n`);
			i++;
			return v;
		}
		if (args[i + 1] !== undefined && binaryOps.includes(args[i + 1]!)) {
			const v = binary(t, args[i + 1]!, args[i + 2] ?? '');
			if (args[i + 2] === undefined) throw new TestError(`bash: ${name}: argument expected\n`);
			i += 3;
			return v;
		}
		if (isUnary(t) && args[i + 1] !== undefined) {
			i += 2;
			return unary(t, args[i - 1]!);
		}
		i++;
		return t.length > 0;
	};
	const andExpr = (): boolean => {
		let v = primary();
		while (args[i] === '-a') {
			i++;
			v = primary() && v;
		}
		return v;
	};
	const orExpr = (): boolean => {
		let v = andExpr();
		while (args[i] === '-o') {
			i++;
			v = andExpr() || v;
		}
		return v;
	};
	switch (args.length) {
		case 0:
			return false;
		case 1:
			return args[0]!.length > 0;
		case 2:
			if (args[0] === '!') return args[1]!.length === 0;
			if (isUnary(args[0])) return unary(args[0]!, args[1]!);
			throw new TestError(`bash: ${name}: ${args[0]}: unary operator expected\n`);
		case 3:
			if (binaryOps.includes(args[1]!)) return binary(args[0]!, args[1]!, args[2]!);
			if (args[0] === '!') return !evaluate(ctx, name, args.slice(1));
			if (args[0] === '(' && args[2] === ')') return args[1]!.length > 0;
			if (args[1] === '-a') return args[0]!.length > 0 && args[2]!.length > 0;
			if (args[1] === '-o') return args[0]!.length > 0 || args[2]!.length > 0;
			throw new TestError(`bash: ${name}: ${args[1]}: binary operator expected\n`);
	}
	const v = orExpr();
	if (i < args.length) throw new TestError(`bash: ${name}: too many arguments\n`);
	return v;
}

function run(ctx: CommandContext, name: 'test' | '['): number {
	let args = ctx.argv.slice(1);
	if (name === '[') {
		if (args[args.length - 1] !== ']') {
			ctx.err("bash: [: missing `]'\n");
			return 2;
		}
		args = args.slice(0, -1);
	}
	try {
		return evaluate(ctx, name, args) ? 0 : 1;
	} catch (error) {
		if (!(error instanceof TestError)) throw error;
		ctx.err(error.message);
		return 2;
	}
}

/** bash's builtin test: files (-e -f -d -s -x), strings (-z -n = !=), integers (-eq …), ! -a -o ( ). */
export const test: CommandSpec = {
	name: 'test',
	paths: ['/usr/bin/test'],
	group: 'shell',
	summary: {en: 'check a condition: test -f FILE, [ "$X" = yes ]', es: 'comprueba una condición: test -f ARCHIVO, [ "$X" = yes ]'},
	run: (ctx) => run(ctx, 'test'),
};

export const bracket: CommandSpec = {name: '[', paths: ['/usr/bin/['], group: 'shell', run: (ctx) => run(ctx, '[')};
