import type {CommandContext, CommandSpec} from '../context';
import {errnoText, q} from './args';

interface Count {
	n: number;
	/** tail +N / head -n -N forms. */
	fromStart: boolean;
	bytes: boolean;
}

function parse(ctx: CommandContext, name: 'head' | 'tail'): {count: Count; files: string[]; follow: boolean; headers: boolean | undefined} | number {
	const args = ctx.argv.slice(1);
	const count: Count = {n: 10, fromStart: false, bytes: false};
	const files: string[] = [];
	let follow = false;
	let headers: boolean | undefined;
	const setCount = (value: string, bytes: boolean): boolean => {
		const m = /^([+-]?)(\d+)$/.exec(value);
		if (!m) {
			ctx.err(`${name}: invalid number of ${bytes ? 'bytes' : 'lines'}: ${q(value)}\n`);
			return false;
		}
		count.n = Number(m[2]);
		count.bytes = bytes;
		count.fromStart = name === 'tail' ? m[1] === '+' : m[1] === '-';
		return true;
	};
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === '--') {
			files.push(...args.slice(i + 1));
			break;
		}
		if (/^-\d+$/.test(a)) count.n = Number(a.slice(1));
		else if (name === 'tail' && /^\+\d+$/.test(a) && files.length === 0) {
			count.n = Number(a.slice(1));
			count.fromStart = true;
		} else if (a === '-n' || a === '-c' || a === '--lines' || a === '--bytes') {
			const v = args[++i];
			if (v === undefined) {
				ctx.err(`${name}: option requires an argument -- '${a === '--bytes' || a === '-c' ? 'c' : 'n'}'\nTry '${name} --help' for more information.\n`);
				return 1;
			}
			if (!setCount(v, a === '-c' || a === '--bytes')) return 1;
		} else if (/^-[nc].+/.test(a)) {
			if (!setCount(a.slice(2), a[1] === 'c')) return 1;
		} else if (a.startsWith('--lines=') || a.startsWith('--bytes=')) {
			if (!setCount(a.slice(8), a.startsWith('--bytes'))) return 1;
		} else if (a === '-f' || a === '-F' || a === '--follow') follow = true;
		else if (a === '-q' || a === '--quiet' || a === '--silent') headers = false;
		else if (a === '-v' || a === '--verbose') headers = true;
		else if (a.startsWith('-') && a !== '-') {
			ctx.err(a.startsWith('--') ? `${name}: unrecognized option '${a}'\nTry '${name} --help' for more information.\n` : `${name}: invalid option -- '${a[1]}'\nTry '${name} --help' for more information.\n`);
			return 1;
		} else files.push(a);
	}
	if (files.length === 0) files.push('-');
	return {count, files, follow, headers};
}

function pick(text: string, count: Count, name: 'head' | 'tail'): string {
	if (count.bytes) {
		if (name === 'head') return count.fromStart ? text.slice(0, Math.max(0, text.length - count.n)) : text.slice(0, count.n);
		return count.fromStart ? text.slice(Math.max(0, count.n - 1)) : count.n === 0 ? '' : text.slice(-count.n);
	}
	const lines = text.split('\n');
	const trailing = text.endsWith('\n');
	if (trailing) lines.pop();
	if (text === '') return '';
	let chosen: string[];
	let endsAtEnd: boolean;
	if (name === 'head') {
		chosen = count.fromStart ? lines.slice(0, Math.max(0, lines.length - count.n)) : lines.slice(0, count.n);
		endsAtEnd = chosen.length === lines.length;
	} else {
		chosen = count.fromStart ? lines.slice(Math.max(0, count.n - 1)) : count.n === 0 ? [] : lines.slice(-count.n);
		endsAtEnd = true;
	}
	if (chosen.length === 0) return '';
	return chosen.join('\n') + (endsAtEnd && !trailing ? '' : '\n');
}

function run(ctx: CommandContext, name: 'head' | 'tail'): number {
	const parsed = parse(ctx, name);
	if (typeof parsed === 'number') return parsed;
	const showHeaders = parsed.headers ?? parsed.files.length > 1;
	let status = 0;
	let first = true;
	for (const f of parsed.files) {
		let text: string;
		if (f === '-') text = ctx.stdin ?? '';
		else {
			try {
				text = ctx.host.fs.read(ctx.resolve(f));
			} catch (error) {
				const msg = errnoText(error);
				ctx.err(msg === 'Is a directory' ? `${name}: error reading ${q(f)}: Is a directory\n` : `${name}: cannot open ${q(f)} for reading: ${msg}\n`);
				status = 1;
				continue;
			}
		}
		if (showHeaders) ctx.out(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
		first = false;
		ctx.out(pick(text, parsed.count, name));
	}
	return status;
}

/** coreutils head: -n N, -N, -c N, several files with ==> headers. */
export const head: CommandSpec = {
	name: 'head',
	paths: ['/usr/bin/head'],
	group: 'files',
	summary: {en: 'first lines of a file (-n N)', es: 'primeras líneas de un archivo (-n N)'},
	run: (ctx) => run(ctx, 'head'),
};

/** coreutils tail: -n N, -N, +N, -c; -f prints the current tail once (the lab has no live follow here). */
export const tail: CommandSpec = {
	name: 'tail',
	paths: ['/usr/bin/tail'],
	group: 'files',
	summary: {en: 'last lines of a file (-n N, -f)', es: 'últimas líneas de un archivo (-n N, -f)'},
	run: (ctx) => run(ctx, 'tail'),
};
