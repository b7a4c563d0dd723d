import type {Entry} from '../../sim/fs/filesystem';
import {basename, dirname} from '../../sim/fs/path';
import type {CommandContext, CommandSpec} from '../context';
import {errnoText, lq, parseOptions, q} from './args';

/** Every path at or under `path` (the path itself first), from the host's file table. */
function subtree(ctx: CommandContext, path: string): string[] {
	const prefix = path === '/' ? '/' : path + '/';
	return ctx.host.fs.allPaths().filter((p) => p === path || p.startsWith(prefix));
}

function operandError(ctx: CommandContext, name: string): number {
	ctx.err(`${name}: missing operand\nTry '${name} --help' for more information.\n`);
	return 1;
}

/** coreutils touch: creates empty files or updates their time to the virtual now. */
export const touch: CommandSpec = {
	name: 'touch',
	paths: ['/usr/bin/touch'],
	group: 'files',
	summary: {en: 'create an empty file or update its time', es: 'crea un archivo vacío o actualiza su hora'},
	run(ctx) {
		const p = parseOptions('touch', ctx.argv.slice(1), {flags: 'acm', long: {'no-create': 'c'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		if (p.operands.length === 0) return operandError(ctx, 'touch');
		let status = 0;
		for (const f of p.operands) {
			const path = ctx.resolve(f);
			const entry = ctx.host.fs.stat(path);
			try {
				if (entry?.kind === 'file') ctx.host.fs.write(path, entry.content);
				else if (entry?.kind === 'dir') entry.mtime = ctx.world.now;
				else if (!p.has('c')) ctx.host.fs.write(path, '');
			} catch (error) {
				ctx.err(`touch: cannot touch ${q(f)}: ${errnoText(error)}\n`);
				status = 1;
			}
		}
		return status;
	},
};

/** coreutils mkdir [-p] [-m MODE]. */
export const mkdir: CommandSpec = {
	name: 'mkdir',
	paths: ['/bin/mkdir'],
	group: 'files',
	summary: {en: 'make directories (-p with parents)', es: 'crea directorios (-p con sus padres)'},
	run(ctx) {
		const p = parseOptions('mkdir', ctx.argv.slice(1), {flags: 'pv', values: 'm', long: {parents: 'p', verbose: 'v', 'mode=': 'm'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		if (p.operands.length === 0) return operandError(ctx, 'mkdir');
		let mode = 0o755;
		const m = p.value('m');
		if (m !== undefined) {
			const parsed = parseMode(m, 0o777, true);
			if (parsed === undefined) {
				ctx.err(`mkdir: invalid mode ${lq(m)}\n`);
				return 1;
			}
			mode = parsed;
		}
		let status = 0;
		for (const f of p.operands) {
			const path = ctx.resolve(f);
			const fs = ctx.host.fs;
			const existing = fs.stat(path);
			if (p.has('p')) {
				if (existing?.kind === 'dir') continue;
				let blocked: string | undefined;
				for (let d = path; d !== '/'; d = dirname(d)) {
					const e = fs.stat(d);
					if (e && e.kind !== 'dir') blocked = d;
				}
				if (blocked !== undefined) {
					ctx.err(blocked === path ? `mkdir: cannot create directory ${lq(f)}: File exists\n` : `mkdir: cannot create directory ${lq(f)}: Not a directory\n`);
					status = 1;
					continue;
				}
				fs.mkdirp(path, mode);
				if (p.has('v')) ctx.out(`mkdir: created directory ${q(f)}\n`);
				continue;
			}
			if (existing) {
				ctx.err(`mkdir: cannot create directory ${lq(f)}: File exists\n`);
				status = 1;
				continue;
			}
			const parent = fs.stat(dirname(path));
			if (!parent || parent.kind !== 'dir') {
				ctx.err(`mkdir: cannot create directory ${lq(f)}: ${parent ? 'Not a directory' : 'No such file or directory'}\n`);
				status = 1;
				continue;
			}
			fs.mkdirp(path, mode);
			if (p.has('v')) ctx.out(`mkdir: created directory ${q(f)}\n`);
		}
		return status;
	},
};

/** coreutils rmdir: only empty directories. */
export const rmdir: CommandSpec = {
	name: 'rmdir',
	paths: ['/bin/rmdir'],
	group: 'files',
	summary: {en: 'remove empty directories', es: 'borra directorios vacíos'},
	run(ctx) {
		const p = parseOptions('rmdir', ctx.argv.slice(1), {flags: 'pv', long: {parents: 'p', verbose: 'v'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		if (p.operands.length === 0) return operandError(ctx, 'rmdir');
		let status = 0;
		for (const f of p.operands) {
			const path = ctx.resolve(f);
			const e = ctx.host.fs.stat(path);
			let msg: string | undefined;
			if (!e) msg = 'No such file or directory';
			else if (e.kind !== 'dir') msg = 'Not a directory';
			else if (ctx.host.fs.list(path).length > 0 || f.endsWith('..') || path === '/') msg = 'Directory not empty';
			else {
				try {
					ctx.host.fs.remove(path);
				} catch (error) {
					msg = errnoText(error);
				}
			}
			if (msg) {
				ctx.err(`rmdir: failed to remove ${q(f)}: ${msg}\n`);
				status = 1;
			}
		}
		return status;
	},
};

/** coreutils rm [-r] [-f]. */
export const rm: CommandSpec = {
	name: 'rm',
	paths: ['/bin/rm'],
	group: 'files',
	summary: {en: 'remove files (-r directories too, -f no complaints)', es: 'borra archivos (-r también directorios, -f sin quejas)'},
	run(ctx) {
		const p = parseOptions('rm', ctx.argv.slice(1), {flags: 'rRfiv', long: {recursive: 'r', force: 'f', verbose: 'v'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		const force = p.has('f');
		const recursive = p.has('r') || p.has('R');
		if (p.operands.length === 0) {
			if (force) return 0;
			return operandError(ctx, 'rm');
		}
		let status = 0;
		for (const f of p.operands) {
			const path = ctx.resolve(f);
			if (/(^|\/)\.\.?$/.test(f)) {
				ctx.err(`rm: refusing to remove '.' or '..' directory: skipping ${q(f)}\n`);
				status = 1;
				continue;
			}
			if (path === '/') {
				ctx.err("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
				status = 1;
				continue;
			}
			const e = ctx.host.fs.stat(path);
			if (!e) {
				if (!force) {
					ctx.err(`rm: cannot remove ${q(f)}: No such file or directory\n`);
					status = 1;
				}
				continue;
			}
			if (e.kind === 'dir' && !recursive) {
				ctx.err(`rm: cannot remove ${q(f)}: Is a directory\n`);
				status = 1;
				continue;
			}
			const paths = e.kind === 'dir' ? subtree(ctx, path).reverse() : [path];
			try {
				for (const victim of paths) {
					ctx.host.fs.remove(victim);
					if (p.has('v')) ctx.out(`removed ${victim === path ? q(f) : q(victim)}\n`);
				}
			} catch (error) {
				ctx.err(`rm: cannot remove ${q(f)}: ${error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'Permission denied' : errnoText(error)}\n`);
				status = 1;
			}
		}
		return status;
	},
};

function copyEntry(ctx: CommandContext, from: string, to: string, entry: Entry): void {
	if (entry.kind === 'dir') ctx.host.fs.mkdirp(to, entry.mode);
	else {
		ctx.host.fs.write(to, entry.content, {mode: entry.mode});
	}
}

/** Shared by cp and mv: resolves the destination of each source. */
function targets(ctx: CommandContext, name: 'cp' | 'mv', operands: string[]): Array<{src: string; shown: string; dest: string; destShown: string}> | number {
	if (operands.length === 0) {
		ctx.err(`${name}: missing file operand\nTry '${name} --help' for more information.\n`);
		return 1;
	}
	if (operands.length === 1) {
		ctx.err(`${name}: missing destination file operand after ${q(operands[0]!)}\nTry '${name} --help' for more information.\n`);
		return 1;
	}
	const last = operands[operands.length - 1]!;
	const destPath = ctx.resolve(last);
	const destIsDir = ctx.host.fs.isDir(destPath);
	const sources = operands.slice(0, -1);
	if (sources.length > 1 && !destIsDir) {
		ctx.err(`${name}: target ${q(last)} is not a directory\n`);
		return 1;
	}
	return sources.map((s) => {
		const src = ctx.resolve(s);
		const dest = destIsDir ? (destPath === '/' ? '/' : destPath + '/') + basename(src) : destPath;
		return {src, shown: s, dest, destShown: destIsDir ? (last.endsWith('/') ? last : last + '/') + basename(src) : last};
	});
}

/** coreutils cp [-r] [-p]: files, or whole directories with -r. */
export const cp: CommandSpec = {
	name: 'cp',
	paths: ['/bin/cp'],
	group: 'files',
	summary: {en: 'copy files (-r directories)', es: 'copia archivos (-r directorios)'},
	run(ctx) {
		const p = parseOptions('cp', ctx.argv.slice(1), {flags: 'rRapfvi', long: {recursive: 'r', archive: 'a', force: 'f', verbose: 'v'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		const list = targets(ctx, 'cp', p.operands);
		if (typeof list === 'number') return list;
		const recursive = p.has('r') || p.has('R') || p.has('a');
		let status = 0;
		for (const t of list) {
			const e = ctx.host.fs.stat(t.src);
			if (!e) {
				ctx.err(`cp: cannot stat ${q(t.shown)}: No such file or directory\n`);
				status = 1;
				continue;
			}
			if (e.kind === 'dir' && !recursive) {
				ctx.err(`cp: -r not specified; omitting directory ${q(t.shown)}\n`);
				status = 1;
				continue;
			}
			if (t.src === t.dest) {
				ctx.err(`cp: ${q(t.shown)} and ${q(t.destShown)} are the same file\n`);
				status = 1;
				continue;
			}
			if (e.kind === 'dir' && (t.dest + '/').startsWith(t.src + '/')) {
				ctx.err(`cp: cannot copy a directory, ${q(t.shown)}, into itself, ${q(t.destShown)}\n`);
				status = 1;
				continue;
			}
			try {
				const paths = e.kind === 'dir' ? subtree(ctx, t.src) : [t.src];
				for (const from of paths) copyEntry(ctx, from, t.dest + from.slice(t.src.length), ctx.host.fs.stat(from)!);
				if (p.has('v')) ctx.out(`${q(t.shown)} -> ${q(t.destShown)}\n`);
			} catch (error) {
				ctx.err(`cp: cannot create regular file ${q(t.destShown)}: ${errnoText(error)}\n`);
				status = 1;
			}
		}
		return status;
	},
};

/** coreutils mv: renames files and directories (modes and owners kept). */
export const mv: CommandSpec = {
	name: 'mv',
	paths: ['/bin/mv'],
	group: 'files',
	summary: {en: 'move or rename files', es: 'mueve o renombra archivos'},
	run(ctx) {
		const p = parseOptions('mv', ctx.argv.slice(1), {flags: 'fiv', long: {force: 'f', verbose: 'v'}});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		const list = targets(ctx, 'mv', p.operands);
		if (typeof list === 'number') return list;
		let status = 0;
		for (const t of list) {
			const e = ctx.host.fs.stat(t.src);
			if (!e) {
				ctx.err(`mv: cannot stat ${q(t.shown)}: No such file or directory\n`);
				status = 1;
				continue;
			}
			if (t.src === t.dest) {
				ctx.err(`mv: ${q(t.shown)} and ${q(t.destShown)} are the same file\n`);
				status = 1;
				continue;
			}
			if (e.kind === 'dir' && (t.dest + '/').startsWith(t.src + '/')) {
				ctx.err(`mv: cannot move ${q(t.shown)} to a subdirectory of itself, ${q(t.destShown)}\n`);
				status = 1;
				continue;
			}
			const destEntry = ctx.host.fs.stat(t.dest);
			if (destEntry?.kind === 'dir' && e.kind !== 'dir') {
				ctx.err(`mv: cannot overwrite directory ${q(t.destShown)} with non-directory\n`);
				status = 1;
				continue;
			}
			try {
				const paths = e.kind === 'dir' ? subtree(ctx, t.src) : [t.src];
				for (const from of paths) {
					const src = ctx.host.fs.stat(from)!;
					const to = t.dest + from.slice(t.src.length);
					copyEntry(ctx, from, to, src);
					const copy = ctx.host.fs.stat(to)!;
					copy.owner = src.owner;
					copy.group = src.group;
					copy.mtime = src.mtime;
				}
				for (const from of [...paths].reverse()) ctx.host.fs.remove(from);
				if (p.has('v')) ctx.out(`renamed ${q(t.shown)} -> ${q(t.destShown)}\n`);
			} catch (error) {
				ctx.err(`mv: cannot move ${q(t.shown)} to ${q(t.destShown)}: ${errnoText(error)}\n`);
				status = 1;
			}
		}
		return status;
	},
};

/**
 * Parses a chmod mode: octal (`600`, `0755`) or symbolic (`u+x,go-w`, `a=r`, `+x`).
 * Returns the new mode for a file whose current mode is `current`.
 */
export function parseMode(text: string, current: number, isDir: boolean): number | undefined {
	if (/^[0-7]{1,4}$/.test(text)) return parseInt(text, 8);
	let mode = current & 0o7777;
	for (const clause of text.split(',')) {
		const m = /^([ugoa]*)((?:[-+=][rwxXst]*|[-+=][ugo])+)$/.exec(clause);
		if (!m) return undefined;
		const who = m[1] || 'a';
		const umaskDefault = !m[1];
		let mask = 0;
		if (who.includes('u') || who.includes('a')) mask |= 0o4700;
		if (who.includes('g') || who.includes('a')) mask |= 0o2070;
		if (who.includes('o') || who.includes('a')) mask |= 0o1007;
		for (const op of m[2]!.match(/[-+=][rwxXstugo]*/g) ?? []) {
			const perms = op.slice(1);
			let bits = 0;
			if (/^[ugo]$/.test(perms)) {
				const src = perms === 'u' ? (mode >> 6) & 7 : perms === 'g' ? (mode >> 3) & 7 : mode & 7;
				bits = (src << 6) | (src << 3) | src;
			} else {
				for (const c of perms) {
					if (c === 'r') bits |= 0o444;
					if (c === 'w') bits |= 0o222;
					if (c === 'x' || (c === 'X' && (isDir || (mode & 0o111) !== 0))) bits |= 0o111;
					if (c === 's') bits |= 0o6000;
					if (c === 't') bits |= 0o1000;
				}
			}
			let effective = bits & mask;
			// Without u/g/o/a, + and = leave the umask (022) bits alone, as coreutils does.
			if (umaskDefault && op[0] !== '-') effective &= ~0o022 | 0o7000;
			if (op[0] === '+') mode |= effective;
			else if (op[0] === '-') mode &= ~effective;
			else mode = (mode & ~mask) | effective;
		}
	}
	return mode;
}

/** coreutils chmod: octal and symbolic modes, -R. */
export const chmod: CommandSpec = {
	name: 'chmod',
	paths: ['/bin/chmod'],
	group: 'files',
	summary: {en: 'change permissions: chmod 600 FILE, chmod u+x,go-w FILE', es: 'cambia permisos: chmod 600 ARCHIVO, chmod u+x,go-w ARCHIVO'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		let recursive = false;
		let verbose = false;
		const rest: string[] = [];
		for (const a of args) {
			if (a === '-R' || a === '--recursive') recursive = true;
			else if (a === '-v' || a === '--verbose') verbose = true;
			else if (/^-[^rwxXst]/.test(a) && a !== '-') {
				ctx.err(a.startsWith('--') ? `chmod: unrecognized option '${a}'\nTry 'chmod --help' for more information.\n` : `chmod: invalid option -- '${a[1]}'\nTry 'chmod --help' for more information.\n`);
				return 1;
			} else rest.push(a);
		}
		const [modeText, ...files] = rest;
		if (modeText === undefined) return operandError(ctx, 'chmod');
		if (files.length === 0) {
			ctx.err(`chmod: missing operand after ${lq(modeText)}\nTry 'chmod --help' for more information.\n`);
			return 1;
		}
		if (parseMode(modeText, 0, false) === undefined) {
			ctx.err(`chmod: invalid mode: ${lq(modeText)}\nTry 'chmod --help' for more information.\n`);
			return 1;
		}
		let status = 0;
		for (const f of files) {
			const path = ctx.resolve(f);
			const e = ctx.host.fs.stat(path);
			if (!e) {
				ctx.err(`chmod: cannot access ${q(f)}: No such file or directory\n`);
				status = 1;
				continue;
			}
			const paths = recursive && e.kind === 'dir' ? subtree(ctx, path) : [path];
			for (const target of paths) {
				const entry = ctx.host.fs.stat(target)!;
				const mode = parseMode(modeText, entry.mode, entry.kind === 'dir')!;
				try {
					ctx.host.fs.chmod(target, mode);
					if (verbose) ctx.out(`mode of ${q(target === path ? f : target)} changed from ${octal(entry.mode)} to ${octal(mode)}\n`);
				} catch (error) {
					ctx.err(`chmod: changing permissions of ${q(f)}: ${error instanceof Error && 'code' in error && error.code === 'EACCES' ? 'Operation not permitted' : errnoText(error)}\n`);
					status = 1;
				}
			}
		}
		return status;
	},
};

function octal(mode: number): string {
	const m = mode & 0o7777;
	return `${m.toString(8).padStart(4, '0')} (${'-' + ['---', '--x', '-w-', '-wx', 'r--', 'r-x', 'rw-', 'rwx'][(m >> 6) & 7]}${['---', '--x', '-w-', '-wx', 'r--', 'r-x', 'rw-', 'rwx'][(m >> 3) & 7]}${['---', '--x', '-w-', '-wx', 'r--', 'r-x', 'rw-', 'rwx'][m & 7]})`;
}

const USERS = new Set(['root', 'daemon', 'bin', 'sys', 'www-data', 'nobody', 'hacluster', 'haclient', 'backup', 'mail', 'news']);

/** coreutils chown USER[:GROUP] FILE… (the users a Debian host with heartbeat has). */
export const chown: CommandSpec = {
	name: 'chown',
	paths: ['/bin/chown'],
	group: 'files',
	summary: {en: 'change owner: chown USER[:GROUP] FILE', es: 'cambia el dueño: chown USUARIO[:GRUPO] ARCHIVO'},
	run(ctx) {
		const args = ctx.argv.slice(1).filter((a) => a !== '-R' && a !== '-v' && a !== '--recursive');
		const [spec, ...files] = args;
		if (spec === undefined) return operandError(ctx, 'chown');
		if (files.length === 0) {
			ctx.err(`chown: missing operand after ${lq(spec)}\nTry 'chown --help' for more information.\n`);
			return 1;
		}
		const [user, group] = spec.split(/[:.]/) as [string, string | undefined];
		if (user && !USERS.has(user)) {
			ctx.err(`chown: invalid user: ${lq(spec)}\n`);
			return 1;
		}
		if (group && !USERS.has(group)) {
			ctx.err(`chown: invalid group: ${lq(spec)}\n`);
			return 1;
		}
		let status = 0;
		for (const f of files) {
			const e = ctx.host.fs.stat(ctx.resolve(f));
			if (!e) {
				ctx.err(`chown: cannot access ${q(f)}: No such file or directory\n`);
				status = 1;
				continue;
			}
			if (user) e.owner = user;
			if (group) e.group = group;
			else if (spec.endsWith(':') && user) e.group = user;
		}
		return status;
	},
};
