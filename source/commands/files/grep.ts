import type {CommandContext, CommandSpec} from '../context';
import {errnoText, parseOptions, splitLines} from './args';
import {compile} from './regex';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** GNU grep: -i -v -n -c -l -L -q -s -h -H -o -E -F -w -x -r, exit 0 (match) 1 (none) 2 (trouble). */
export const grep: CommandSpec = {
	name: 'grep',
	paths: ['/bin/grep'],
	group: 'files',
	summary: {en: 'print lines matching a pattern (-i, -v, -n, -c, -r, -E)', es: 'muestra las líneas que coinciden con un patrón (-i, -v, -n, -c, -r, -E)'},
	run: (ctx) => runGrep(ctx, ctx.argv[0] === 'egrep' ? 'E' : ctx.argv[0] === 'fgrep' ? 'F' : undefined),
};

export const egrep: CommandSpec = {name: 'egrep', paths: ['/bin/egrep'], group: 'files', run: (ctx) => runGrep(ctx, 'E')};

function runGrep(ctx: CommandContext, mode: 'E' | 'F' | undefined): number {
	const p = parseOptions('grep', ctx.argv.slice(1), {
		flags: 'ivnclLqshHoEFGwxrRyz',
		values: 'efAB',
		long: {
			'ignore-case': 'i',
			'invert-match': 'v',
			'line-number': 'n',
			count: 'c',
			'files-with-matches': 'l',
			'files-without-match': 'L',
			quiet: 'q',
			silent: 'q',
			'no-messages': 's',
			'no-filename': 'h',
			'with-filename': 'H',
			'only-matching': 'o',
			'extended-regexp': 'E',
			'fixed-strings': 'F',
			'word-regexp': 'w',
			'line-regexp': 'x',
			recursive: 'r',
			'regexp=': 'e',
		},
	});
	if (typeof p === 'string') {
		ctx.err(p.replace(/Try 'grep --help'/, USAGE.split('\n')[0] + "\nTry 'grep --help'"));
		return 2;
	}
	const operands = [...p.operands];
	const patterns: string[] = p.options.filter((o) => o.name === 'e').map((o) => o.value!);
	if (patterns.length === 0) {
		const first = operands.shift();
		if (first === undefined) {
			ctx.err(USAGE);
			return 2;
		}
		patterns.push(...first.split('\n'));
	}
	const fixed = p.has('F') || mode === 'F';
	const extended = !fixed && (p.has('E') || mode === 'E');
	const flags = p.has('i') || p.has('y') ? 'i' : '';
	const sources: string[] = [];
	for (const pat of patterns) {
		let src: string;
		if (fixed) src = escapeRe(pat);
		else {
			const re = compile(pat, extended);
			if (typeof re === 'string') {
				ctx.err(`grep: ${re}\n`);
				return 2;
			}
			src = re.source;
		}
		if (p.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
		if (p.has('x')) src = `^(?:${src})$`;
		sources.push(src);
	}
	const re = new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags + 'g');
	const invert = p.has('v');
	const recursive = p.has('r') || p.has('R');
	const quiet = p.has('q');
	const noMessages = p.has('s');
	if (operands.length === 0) operands.push(recursive ? '.' : '-');
	const files: Array<{shown: string; text?: string; error?: string}> = [];
	for (const name of operands) {
		if (name === '-') {
			files.push({shown: '(standard input)', text: ctx.stdin ?? ''});
			continue;
		}
		const path = ctx.resolve(name);
		const entry = ctx.host.fs.stat(path);
		if (entry?.kind === 'dir') {
			if (!recursive) {
				files.push({shown: name, error: 'Is a directory'});
				continue;
			}
			for (const f of walk(ctx, path)) files.push({shown: (name.endsWith('/') ? name.slice(0, -1) : name) + f.slice(path.length), text: ctx.host.fs.tryRead(f) ?? ''});
			continue;
		}
		try {
			files.push({shown: name, text: ctx.host.fs.read(path)});
		} catch (error) {
			files.push({shown: name, error: errnoText(error)});
		}
	}
	const showName = p.has('H') || (!p.has('h') && (files.length > 1 || recursive));
	let matched = false;
	let trouble = false;
	for (const f of files) {
		if (f.error !== undefined) {
			if (!noMessages) ctx.err(`grep: ${f.shown}: ${f.error}\n`);
			trouble = true;
			continue;
		}
		let count = 0;
		let out = '';
		const lines = splitLines(f.text!);
		for (let i = 0; i < lines.length; i++) {
			const line = lines[i]!;
			re.lastIndex = 0;
			const hit = re.test(line);
			if (hit === invert) continue;
			count++;
			if (quiet) return 0;
			if (p.has('l') || p.has('L') || p.has('c')) continue;
			const prefix = (showName ? `${f.shown}:` : '') + (p.has('n') ? `${i + 1}:` : '');
			if (p.has('o') && !invert) {
				re.lastIndex = 0;
				for (const m of line.matchAll(re)) if (m[0] !== '') out += prefix + m[0] + '\n';
			} else out += prefix + line + '\n';
		}
		if (count > 0) matched = true;
		if (p.has('l')) {
			if (count > 0) out = f.shown + '\n';
		} else if (p.has('L')) {
			if (count === 0) out = f.shown + '\n';
		} else if (p.has('c')) out = (showName ? `${f.shown}:` : '') + count + '\n';
		ctx.out(out);
	}
	if (trouble && !(quiet && matched)) return 2;
	return matched ? 0 : 1;
}

/** Regular files under a directory, in name order, as grep -r visits them. */
function walk(ctx: CommandContext, dir: string): string[] {
	const out: string[] = [];
	for (const name of ctx.host.fs.list(dir)) {
		const path = dir === '/' ? '/' + name : dir + '/' + name;
		if (path === '/proc' || path === '/dev') continue;
		const e = ctx.host.fs.stat(path);
		if (e?.kind === 'dir') out.push(...walk(ctx, path));
		else if (e) out.push(path);
	}
	return out;
}
