import type {CommandRegistry} from '../../commands/registry';
import {dirname, resolvePath} from '../../sim/fs/path';
import type {Host} from '../../sim/host';
import type {World} from '../../sim/world';

export interface CompletionContext {
	readonly registry: CommandRegistry;
	readonly world: World;
	readonly host: Host;
	readonly cwd: string;
	readonly home?: string;
	/** Words the screen answers itself (study commands), offered with the command names. */
	readonly words?: readonly string[];
}

export interface Completion {
	/** Where the word being completed starts in the line. */
	readonly start: number;
	/** Replacement for the word (the common part of every candidate). */
	readonly text: string;
	/** Every candidate, for listing when there is more than one. */
	readonly candidates: readonly string[];
	/** Exactly one candidate: the word is finished (a space follows, or `/` for a directory). */
	readonly done: boolean;
}

const BREAKS = /[\s;|&<>()]/;

/** Command groups whose arguments are usually host names (when the command has no completion of its own). */
const HOST_GROUPS = new Set(['lab', 'network', 'traffic']);

/** Words already typed on the current command (after the last `;`, `|`, `&&`…), before `start`. */
function wordsBefore(line: string, start: number): string[] {
	const head = line.slice(0, start);
	const segment = head.split(/;|\|\|?|&&?|\$\(|\(/).pop() ?? '';
	return segment.split(/\s+/).filter((w) => w !== '' && !/^[<>]/.test(w));
}

function commonPrefix(items: readonly string[]): string {
	if (items.length === 0) return '';
	let prefix = items[0]!;
	for (const item of items) while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}

/** Files and directories matching a partial path; directories end in `/`. */
export function completePath(ctx: CompletionContext, partial: string): string[] {
	const slash = partial.lastIndexOf('/');
	const dirPart = slash >= 0 ? partial.slice(0, slash + 1) : '';
	const base = slash >= 0 ? partial.slice(slash + 1) : partial;
	const dir = dirPart === '' ? ctx.cwd : resolvePath(ctx.cwd, dirPart, ctx.home);
	if (!ctx.host.fs.isDir(dir)) return [];
	const prefix = dir === '/' ? '/' : dir + '/';
	return ctx.host.fs
		.list(dir)
		.filter((name) => name.startsWith(base) && (base.startsWith('.') || !name.startsWith('.')))
		.map((name) => dirPart + name + (ctx.host.fs.isDir(prefix + name) ? '/' : ''));
}

/** Command names (and, for a word with `/`, command paths) installed on the host. */
function completeCommand(ctx: CompletionContext, partial: string): string[] {
	if (partial.includes('/')) {
		const fromFs = completePath(ctx, partial);
		const absolute = resolvePath(ctx.cwd, partial, ctx.home);
		const fromRegistry = ctx.registry
			.paths()
			.filter((p) => p.startsWith(absolute) && partial.startsWith('/'))
			.filter((p) => ctx.registry.atPath(p)?.installed?.(ctx.host) ?? true)
			.map((p) => (partial.startsWith('/') ? p : partial + p.slice(absolute.length)));
		// Directories on the way to a command path (`/sb` → `/sbin/`).
		const dirs = fromRegistry.map((p) => dirname(p) + '/').filter((d) => d.startsWith(partial) && d !== partial);
		return [...new Set([...fromFs, ...(dirs.length ? dirs : fromRegistry)])].sort();
	}
	const names = ctx.registry
		.all()
		.filter((s) => !s.pathOnly && s.name.startsWith(partial) && (s.installed?.(ctx.host) ?? true))
		.map((s) => s.name);
	return [...names, ...(ctx.words ?? []).filter((w) => w.startsWith(partial))];
}

/**
 * Tab completion of the word that ends at `cursor`: command names in command
 * position, then the command's own `complete` when it has one, else file paths.
 * Returns undefined when nothing matches.
 */
export function complete(ctx: CompletionContext, line: string, cursor: number): Completion | undefined {
	let start = cursor;
	while (start > 0 && !BREAKS.test(line[start - 1]!)) start--;
	const partial = line.slice(start, cursor);
	const words = wordsBefore(line, start);
	let candidates: string[];
	let paths = false;
	if (words.length === 0) {
		candidates = completeCommand(ctx, partial);
		paths = partial.includes('/');
	} else {
		const spec = ctx.registry.get(words[0]!) ?? ctx.registry.atPath(resolvePath(ctx.cwd, words[0]!, ctx.home));
		const own = spec?.complete?.({host: ctx.host, world: ctx.world}, words, partial);
		if (own && own.length > 0) candidates = own.filter((c) => c.startsWith(partial));
		else {
			candidates = completePath(ctx, partial);
			paths = true;
			// Lab, network and traffic commands mostly take a host: offer host names too.
			if (spec && HOST_GROUPS.has(spec.group) && !partial.includes('/') && !partial.startsWith('-')) {
				const hosts = [...ctx.world.hosts.keys()].filter((h) => h.startsWith(partial));
				if (hosts.length > 0) {
					candidates = [...hosts, ...candidates];
					paths = candidates.length > hosts.length;
				}
			}
		}
	}
	candidates = [...new Set(candidates)].sort();
	if (candidates.length === 0) return undefined;
	const done = candidates.length === 1;
	const text = done ? candidates[0]! + (paths && candidates[0]!.endsWith('/') ? '' : ' ') : commonPrefix(candidates);
	return {start, text, candidates, done};
}

/** How candidates are listed under the prompt: names only (directories keep their `/`), in columns. */
export function formatCandidates(candidates: readonly string[], width: number): string[] {
	const shown = candidates.map((c) => {
		const trimmed = c.endsWith('/') ? c.slice(0, -1) : c;
		const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
		return name + (c.endsWith('/') ? '/' : '');
	});
	const cell = Math.max(...shown.map((s) => s.length)) + 2;
	const perRow = Math.max(1, Math.floor(width / cell));
	const rows: string[] = [];
	for (let i = 0; i < shown.length; i += perRow) {
		rows.push(
			shown
				.slice(i, i + perRow)
				.map((s) => s.padEnd(cell))
				.join('')
				.trimEnd(),
		);
	}
	return rows;
}
