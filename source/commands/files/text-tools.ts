import type {CommandContext, CommandSpec} from '../context';
import {errnoText, parseOptions, q, splitLines} from './args';
import {byteLength} from './long-format';

/** Reads every operand (default stdin); prints `NAME: FILE: error` for the missing ones. */
function readAll(ctx: CommandContext, name: string, files: string[], style: 'plain' | 'sort' = 'plain'): {texts: Array<{file: string; text: string}>; status: number} {
	const texts: Array<{file: string; text: string}> = [];
	let status = 0;
	for (const f of files.length ? files : ['-']) {
		if (f === '-') {
			texts.push({file: f, text: ctx.stdin ?? ''});
			continue;
		}
		try {
			texts.push({file: f, text: ctx.host.fs.read(ctx.resolve(f))});
		} catch (error) {
			const msg = errnoText(error);
			ctx.err(style === 'sort' ? `${name}: ${msg === 'Is a directory' ? 'read failed' : 'cannot read'}: ${f}: ${msg}\n` : `${name}: ${f}: ${msg}\n`);
			status = style === 'sort' ? 2 : 1;
		}
	}
	return {texts, status};
}

/** coreutils wc: lines, words, bytes; -l -w -c -m; a total line for several files. */
export const wc: CommandSpec = {
	name: 'wc',
	paths: ['/usr/bin/wc'],
	group: 'files',
	summary: {en: 'count lines, words and bytes (-l lines only)', es: 'cuenta líneas, palabras y bytes (-l solo líneas)'},
	run(ctx) {
		const p = parseOptions('wc', ctx.argv.slice(1), {flags: 'lwcm', long: {lines: 'l', words: 'w', bytes: 'c', chars: 'm'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		const want = ['l', 'w', 'c', 'm'].filter((k) => p.has(k));
		const fields = want.length ? (['l', 'w', 'm', 'c'] as const).filter((k) => want.includes(k)) : (['l', 'w', 'c'] as const);
		const {texts, status} = readAll(ctx, 'wc', p.operands);
		const rows = texts.map(({file, text}) => {
			const counts: Record<string, number> = {
				l: (text.match(/\n/g) ?? []).length,
				w: text.split(/\s+/).filter((x) => x !== '').length,
				c: byteLength(text),
				m: [...text].length,
			};
			return {file, counts};
		});
		if (rows.length > 1) {
			const total: Record<string, number> = {l: 0, w: 0, c: 0, m: 0};
			for (const r of rows) for (const k of Object.keys(total)) total[k]! += r.counts[k]!;
			rows.push({file: 'total', counts: total});
		}
		const onlyStdin = texts.every((t) => t.file === '-');
		let width = 1;
		if (fields.length === 1 && rows.length === 1) width = 1;
		else if (onlyStdin) width = 7;
		else width = Math.max(1, ...rows.map((r) => String(r.counts.c).length));
		let out = '';
		for (const r of rows) {
			out += fields.map((k) => String(r.counts[k]).padStart(width)).join(' ') + (r.file === '-' ? '' : ' ' + r.file) + '\n';
		}
		ctx.out(out);
		return status;
	},
};

/** coreutils sort: -r -n -u -k N -t C -f. */
export const sort: CommandSpec = {
	name: 'sort',
	paths: ['/usr/bin/sort'],
	group: 'files',
	summary: {en: 'sort lines (-n numeric, -r reverse, -u unique)', es: 'ordena líneas (-n numérico, -r inverso, -u únicas)'},
	run(ctx) {
		const p = parseOptions('sort', ctx.argv.slice(1), {flags: 'rnufb', values: 'kt', long: {reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f', 'key=': 'k', 'field-separator=': 't'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 2;
		}
		const {texts, status} = readAll(ctx, 'sort', p.operands, 'sort');
		if (status) return status;
		const lines = texts.flatMap((t) => splitLines(t.text));
		const keySpec = p.value('k');
		const sep = p.value('t');
		let field = 0;
		if (keySpec !== undefined) {
			const m = /^(\d+)/.exec(keySpec);
			if (!m || Number(m[1]) === 0) {
				ctx.err(`sort: invalid number at field start: invalid count at start of ${q(keySpec)}\n`);
				return 2;
			}
			field = Number(m[1]);
		}
		const keyOf = (line: string) => {
			if (!field) return line;
			const parts = sep !== undefined ? line.split(sep) : line.split(/(?<=\S)(?=\s)/);
			return parts.slice(field - 1).join(sep ?? '');
		};
		const numeric = p.has('n');
		const fold = p.has('f');
		const cmp = (a: string, b: string) => {
			const ka = keyOf(a);
			const kb = keyOf(b);
			if (numeric) {
				const d = (parseFloat(ka.trim()) || 0) - (parseFloat(kb.trim()) || 0);
				if (d !== 0) return d;
			} else {
				const x = fold ? ka.toUpperCase() : ka;
				const y = fold ? kb.toUpperCase() : kb;
				if (x !== y) return x < y ? -1 : 1;
			}
			return a < b ? -1 : a > b ? 1 : 0;
		};
		let sorted = [...lines].sort(cmp);
		if (p.has('r')) sorted.reverse();
		if (p.has('u')) sorted = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1]!, l) !== 0);
		ctx.out(sorted.map((l) => l + '\n').join(''));
		return 0;
	},
};

/** coreutils uniq: adjacent duplicates; -c counts, -d only repeated, -u only unique. */
export const uniq: CommandSpec = {
	name: 'uniq',
	paths: ['/usr/bin/uniq'],
	group: 'files',
	summary: {en: 'drop repeated adjacent lines (-c counts them)', es: 'quita líneas repetidas consecutivas (-c las cuenta)'},
	run(ctx) {
		const p = parseOptions('uniq', ctx.argv.slice(1), {flags: 'cdui', long: {count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		const {texts, status} = readAll(ctx, 'uniq', p.operands.slice(0, 1));
		if (status) return status;
		const lines = splitLines(texts[0]?.text ?? '');
		const same = (a: string, b: string) => (p.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
		let out = '';
		for (let i = 0; i < lines.length; ) {
			let j = i + 1;
			while (j < lines.length && same(lines[j]!, lines[i]!)) j++;
			const n = j - i;
			if (!(p.has('d') && n < 2) && !(p.has('u') && n > 1)) out += (p.has('c') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n';
			i = j;
		}
		ctx.out(out);
		return 0;
	},
};

/** Parses cut's LIST (`1,3-5,7-`) into a membership test. */
function cutList(list: string): ((n: number) => boolean) | undefined {
	const ranges: Array<[number, number]> = [];
	for (const part of list.split(',')) {
		const m = /^(\d*)(-?)(\d*)$/.exec(part);
		if (!m || (m[1] === '' && m[3] === '') || part === '') return undefined;
		const lo = m[1] ? Number(m[1]) : 1;
		const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
		if (lo === 0) return undefined;
		ranges.push([lo, hi]);
	}
	return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

/** coreutils cut: -f LIST with -d C, -c LIST. */
export const cut: CommandSpec = {
	name: 'cut',
	paths: ['/usr/bin/cut'],
	group: 'files',
	summary: {en: 'pick fields (-d: -f1) or characters (-c1-5) of each line', es: 'extrae campos (-d: -f1) o caracteres (-c1-5) de cada línea'},
	run(ctx) {
		const p = parseOptions('cut', ctx.argv.slice(1), {flags: 's', values: 'fdcb', long: {'fields=': 'f', 'delimiter=': 'd', 'characters=': 'c', 'bytes=': 'b', 'only-delimited': 's'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		const fields = p.value('f');
		const chars = p.value('c') ?? p.value('b');
		if (fields === undefined && chars === undefined) {
			ctx.err("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
			return 1;
		}
		const delim = p.value('d') ?? '\t';
		if (delim.length !== 1) {
			ctx.err("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
			return 1;
		}
		const test = cutList((fields ?? chars)!);
		if (!test) {
			ctx.err(`cut: invalid field value ${q((fields ?? chars)!)}\nTry 'cut --help' for more information.\n`);
			return 1;
		}
		const {texts, status} = readAll(ctx, 'cut', p.operands);
		let out = '';
		for (const {text} of texts) {
			for (const line of splitLines(text)) {
				if (chars !== undefined) out += [...line].filter((_, i) => test(i + 1)).join('') + '\n';
				else if (!line.includes(delim)) {
					if (!p.has('s')) out += line + '\n';
				} else out += line.split(delim).filter((_, i) => test(i + 1)).join(delim) + '\n';
			}
		}
		ctx.out(out);
		return status;
	},
};

/** Expands tr's SET syntax: ranges a-z, classes [:upper:], escapes. */
function trSet(set: string): string {
	const classes: Record<string, string> = {
		upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
		lower: 'abcdefghijklmnopqrstuvwxyz',
		digit: '0123456789',
		space: ' \t\n\r\f\v',
		blank: ' \t',
	};
	let s = set.replace(/\[:(\w+):\]/g, (m, name: string) => classes[name] ?? m);
	s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
	let out = '';
	const chars = [...s];
	for (let i = 0; i < chars.length; i++) {
		if (chars[i + 1] === '-' && i + 2 < chars.length) {
			const a = chars[i]!.codePointAt(0)!;
			const b = chars[i + 2]!.codePointAt(0)!;
			for (let c = a; c <= b; c++) out += String.fromCodePoint(c);
			i += 2;
		} else out += chars[i];
	}
	return out;
}

/** coreutils tr: SET1 SET2 translation, -d delete, -s squeeze. */
export const tr: CommandSpec = {
	name: 'tr',
	paths: ['/usr/bin/tr'],
	group: 'files',
	summary: {en: "translate or delete characters: tr a-z A-Z, tr -d '\\r'", es: "traduce o borra caracteres: tr a-z A-Z, tr -d '\\r'"},
	run(ctx) {
		const p = parseOptions('tr', ctx.argv.slice(1), {flags: 'ds', long: {delete: 'd', 'squeeze-repeats': 's'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		const [s1, s2, extra] = p.operands;
		const del = p.has('d');
		if (s1 === undefined) {
			ctx.err("tr: missing operand\nTry 'tr --help' for more information.\n");
			return 1;
		}
		if (!del && !p.has('s') && s2 === undefined) {
			ctx.err(`tr: missing operand after ${q(s1)}\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
			return 1;
		}
		if (extra !== undefined || (del && s2 !== undefined && !p.has('s'))) {
			ctx.err(`tr: extra operand ${q(extra ?? s2!)}\nTry 'tr --help' for more information.\n`);
			return 1;
		}
		const from = [...trSet(s1)];
		const to = s2 !== undefined ? [...trSet(s2)] : [];
		let out = '';
		let last = '';
		for (const ch of ctx.stdin ?? '') {
			let c: string | undefined = ch;
			const i = from.indexOf(ch);
			if (del && i >= 0) continue;
			if (!del && i >= 0 && to.length) c = to[Math.min(i, to.length - 1)]!;
			if (p.has('s') && c === last && (to.length ? to.includes(c) : from.includes(c))) continue;
			out += c;
			last = c;
		}
		ctx.out(out);
		return 0;
	},
};

/** coreutils tee: copies standard input to the screen and to files (-a appends). */
export const tee: CommandSpec = {
	name: 'tee',
	paths: ['/usr/bin/tee'],
	group: 'files',
	summary: {en: 'copy standard input to files and to the screen (-a append)', es: 'copia la entrada estándar a archivos y a la pantalla (-a añade)'},
	run(ctx) {
		const p = parseOptions('tee', ctx.argv.slice(1), {flags: 'ai', long: {append: 'a'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		const text = ctx.stdin ?? '';
		let status = 0;
		for (const f of p.operands) {
			try {
				ctx.host.fs.write(ctx.resolve(f), text, {append: p.has('a')});
			} catch (error) {
				ctx.err(`tee: ${f}: ${errnoText(error)}\n`);
				status = 1;
			}
		}
		ctx.out(text);
		return status;
	},
};
