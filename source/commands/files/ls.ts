import type {Entry} from '../../sim/fs/filesystem';
import type {CommandContext, CommandSpec} from '../context';
import {parseOptions, q} from './args';
import {entryBlocks, entrySize, humanSize, lsDate, modeString} from './long-format';

interface Item {
	name: string;
	path: string;
	entry: Entry;
}

const LINE_WIDTH = 80;
const TAB = 8;

/** True for files computed by a mounted provider (/proc, /dev): size 0 like the kernel's. */
function isVirtual(path: string): boolean {
	return path === '/proc' || path.startsWith('/proc/') || path === '/dev' || path.startsWith('/dev/');
}

/** coreutils ls: -l -a -A -d -1 -h -r -t, several operands, columns on a terminal. */
export const ls: CommandSpec = {
	name: 'ls',
	paths: ['/bin/ls'],
	group: 'files',
	summary: {en: 'list files (-l long, -a hidden too, -h sizes in K/M)', es: 'lista archivos (-l largo, -a también ocultos, -h tamaños en K/M)'},
	run(ctx) {
		const p = parseOptions('ls', ctx.argv.slice(1), {
			flags: 'laAd1hrtSCF',
			long: {all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h', reverse: 'r'},
		});
		if (typeof p === 'string') {
			ctx.err(p);
			return 2;
		}
		const opt = {
			long: p.has('l'),
			all: p.has('a'),
			almost: p.has('A'),
			dirSelf: p.has('d'),
			one: p.has('1') || (!ctx.stdoutIsTerminal && !p.has('C')),
			human: p.has('h'),
			reverse: p.has('r'),
			time: p.has('t'),
			size: p.has('S'),
			classify: p.has('F'),
		};
		const operands = p.operands.length ? p.operands : ['.'];
		let status = 0;
		const files: Item[] = [];
		const dirs: Item[] = [];
		for (const name of operands) {
			const path = ctx.resolve(name);
			const entry = ctx.host.fs.stat(path);
			if (!entry) {
				ctx.err(`ls: cannot access ${q(name)}: No such file or directory\n`);
				status = 2;
				continue;
			}
			(entry.kind === 'dir' && !opt.dirSelf ? dirs : files).push({name, path, entry});
		}
		const blocks: string[] = [];
		if (files.length) blocks.push(render(ctx, sortItems(files, opt), opt));
		const many = operands.length > 1;
		for (const dir of sortItems(dirs, opt)) {
			const items: Item[] = [];
			const names = ctx.host.fs.list(dir.path);
			if (opt.all) items.push({name: '.', path: dir.path, entry: dir.entry}, {name: '..', path: parentOf(dir.path), entry: ctx.host.fs.stat(parentOf(dir.path))!});
			for (const n of names) {
				if (n.startsWith('.') && !opt.all && !opt.almost) continue;
				const path = dir.path === '/' ? '/' + n : dir.path + '/' + n;
				const entry = ctx.host.fs.stat(path);
				if (entry) items.push({name: n, path, entry});
			}
			const sorted = sortItems(items, opt, opt.all);
			let text = many || files.length ? `${dir.name}:\n` : '';
			if (opt.long) {
				const total = items.reduce((sum, it) => sum + entryBlocks(it.entry, isVirtual(it.path)), 0);
				text += `total ${opt.human && total > 0 ? humanSize(total * 1024) : total}\n`;
			}
			text += render(ctx, sorted, opt);
			blocks.push(text);
		}
		ctx.out(blocks.join('\n'));
		return status;
	},
};

function parentOf(path: string): string {
	if (path === '/') return '/';
	const i = path.lastIndexOf('/');
	return i <= 0 ? '/' : path.slice(0, i);
}

function sortItems(items: Item[], opt: {reverse: boolean; time: boolean; size: boolean}, keepDots = false): Item[] {
	const dots = keepDots ? items.filter((i) => i.name === '.' || i.name === '..') : [];
	const rest = items.filter((i) => !dots.includes(i));
	const byName = (a: Item, b: Item) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
	rest.sort((a, b) => {
		if (opt.time && a.entry.mtime !== b.entry.mtime) return b.entry.mtime - a.entry.mtime;
		if (opt.size) {
			const d = entrySize(b.entry, isVirtual(b.path)) - entrySize(a.entry, isVirtual(a.path));
			if (d !== 0) return d;
		}
		return byName(a, b);
	});
	const all = [...dots, ...rest];
	return opt.reverse ? all.reverse() : all;
}

function render(ctx: CommandContext, items: Item[], opt: {long: boolean; one: boolean; human: boolean; classify: boolean}): string {
	const shown = (it: Item) => it.name + (opt.classify ? classify(it.entry) : '');
	if (opt.long) {
		const rows = items.map((it) => {
			const virtual = isVirtual(it.path);
			const links = it.entry.kind === 'dir' ? 2 + subdirCount(ctx, it.path) : 1;
			const size = entrySize(it.entry, virtual);
			return {
				mode: modeString(it.entry),
				links: String(links),
				owner: it.entry.owner,
				group: it.entry.group,
				size: opt.human ? humanSize(size) : String(size),
				date: lsDate(ctx.world.scenario.epoch, it.entry.mtime, ctx.world.now),
				name: shown(it),
			};
		});
		const w = (k: 'links' | 'owner' | 'group' | 'size') => Math.max(0, ...rows.map((r) => r[k].length));
		const [wl, wo, wg, ws] = [w('links'), w('owner'), w('group'), w('size')];
		return rows.map((r) => `${r.mode} ${r.links.padStart(wl)} ${r.owner.padEnd(wo)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}\n`).join('');
	}
	const names = items.map(shown);
	if (opt.one) return names.map((n) => n + '\n').join('');
	return columns(names);
}

function classify(entry: Entry): string {
	if (entry.kind === 'dir') return '/';
	return entry.mode & 0o111 ? '*' : '';
}

function subdirCount(ctx: CommandContext, path: string): number {
	let n = 0;
	for (const name of ctx.host.fs.list(path)) if (ctx.host.fs.isDir(path === '/' ? '/' + name : path + '/' + name)) n++;
	return n;
}

/** GNU ls -C: the most columns that fit in 80, filled top to bottom, padded with tabs. */
export function columns(names: string[]): string {
	if (names.length === 0) return '';
	const n = names.length;
	const maxCols = Math.max(1, Math.min(Math.floor(LINE_WIDTH / 3), n));
	let chosen: number[] = [0];
	let cols = 1;
	for (let c = maxCols; c >= 1; c--) {
		const rows = Math.ceil(n / c);
		const widths = new Array<number>(c).fill(3);
		names.forEach((name, i) => {
			const idx = Math.floor(i / rows);
			widths[idx] = Math.max(widths[idx]!, name.length + (idx === c - 1 ? 0 : 2));
		});
		if (widths.reduce((a, b) => a + b, 0) < LINE_WIDTH || c === 1) {
			chosen = widths;
			cols = c;
			break;
		}
	}
	const rows = Math.ceil(n / cols);
	let out = '';
	for (let r = 0; r < rows; r++) {
		let pos = 0;
		let col = 0;
		for (let i = r; ; ) {
			const name = names[i]!;
			out += name;
			const width = chosen[col++]!;
			i += rows;
			if (i >= n) break;
			out += indent(pos + name.length, pos + width);
			pos += width;
		}
		out += '\n';
	}
	return out;
}

function indent(from: number, to: number): string {
	let s = '';
	while (from < to) {
		if (Math.floor(to / TAB) > Math.floor((from + 1) / TAB)) {
			s += '\t';
			from += TAB - (from % TAB);
		} else {
			s += ' ';
			from++;
		}
	}
	return s;
}

