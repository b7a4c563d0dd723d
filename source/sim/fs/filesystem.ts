import type {Micros} from '../time';
import {basename, dirname} from './path';

export type FsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'EACCES' | 'EINVAL' | 'EROFS';

/** strerror() texts, as coreutils prints them after `cat: FILE: `. */
export const FS_ERROR_TEXT: Record<FsErrorCode, string> = {
	ENOENT: 'No such file or directory',
	EISDIR: 'Is a directory',
	ENOTDIR: 'Not a directory',
	EEXIST: 'File exists',
	EACCES: 'Permission denied',
	EINVAL: 'Invalid argument',
	EROFS: 'Read-only file system',
};

export class FsError extends Error {
	constructor(
		readonly code: FsErrorCode,
		readonly path: string,
	) {
		super(`${path}: ${FS_ERROR_TEXT[code]}`);
	}
}

export interface FileEntry {
	readonly kind: 'file';
	content: string;
	mode: number;
	owner: string;
	group: string;
	mtime: Micros;
}

export interface DirEntry {
	readonly kind: 'dir';
	mode: number;
	owner: string;
	group: string;
	mtime: Micros;
}

export type Entry = FileEntry | DirEntry;

/**
 * Files whose content is computed when read (/proc, /sys). A provider owns every
 * path under its mount point.
 */
export interface FsProvider {
	read(path: string): string | undefined;
	/** Returns an error code, or undefined when the write was accepted. */
	write?(path: string, data: string, append: boolean): FsErrorCode | undefined;
	/** Names directly inside `path`, or undefined if `path` is not a directory. */
	list?(path: string): string[] | undefined;
	isDir?(path: string): boolean;
}

/**
 * One host's in-memory file system. Paths must be absolute and normalized
 * (see resolvePath). Writes record the virtual time as mtime.
 */
export class FileSystem {
	private entries = new Map<string, Entry>();
	private mounts: Array<{prefix: string; provider: FsProvider}> = [];

	constructor(private readonly now: () => Micros) {
		this.entries.set('/', {kind: 'dir', mode: 0o755, owner: 'root', group: 'root', mtime: 0});
	}

	mount(prefix: string, provider: FsProvider): void {
		this.mounts.push({prefix, provider});
		this.mounts.sort((a, b) => b.prefix.length - a.prefix.length);
	}

	private providerFor(path: string): FsProvider | undefined {
		for (const m of this.mounts) {
			if (path === m.prefix || path.startsWith(m.prefix + '/')) return m.provider;
		}
		return undefined;
	}

	stat(path: string): Entry | undefined {
		const provider = this.providerFor(path);
		if (provider) {
			if (provider.isDir?.(path) ?? provider.list?.(path) !== undefined) {
				return {kind: 'dir', mode: 0o555, owner: 'root', group: 'root', mtime: this.now()};
			}
			const content = provider.read(path);
			if (content === undefined) return undefined;
			return {kind: 'file', content, mode: 0o444, owner: 'root', group: 'root', mtime: this.now()};
		}
		return this.entries.get(path);
	}

	exists(path: string): boolean {
		return this.stat(path) !== undefined;
	}

	isDir(path: string): boolean {
		return this.stat(path)?.kind === 'dir';
	}

	/** Reads a file; throws FsError (ENOENT, EISDIR). */
	read(path: string): string {
		const entry = this.stat(path);
		if (!entry) throw new FsError('ENOENT', path);
		if (entry.kind === 'dir') throw new FsError('EISDIR', path);
		return entry.content;
	}

	/** Reads a file, or undefined when it is missing or a directory. */
	tryRead(path: string): string | undefined {
		const entry = this.stat(path);
		return entry?.kind === 'file' ? entry.content : undefined;
	}

	/** Writes (or appends to) a file, creating it with `mode` if new. */
	write(path: string, data: string, options: {append?: boolean; mode?: number} = {}): void {
		const provider = this.providerFor(path);
		if (provider) {
			if (!provider.write) throw new FsError(provider.read(path) === undefined ? 'ENOENT' : 'EACCES', path);
			const code = provider.write(path, data, options.append ?? false);
			if (code) throw new FsError(code, path);
			return;
		}
		const existing = this.entries.get(path);
		if (existing?.kind === 'dir') throw new FsError('EISDIR', path);
		const parent = this.entries.get(dirname(path));
		if (!parent) throw new FsError('ENOENT', path);
		if (parent.kind !== 'dir') throw new FsError('ENOTDIR', path);
		if (existing) {
			existing.content = options.append ? existing.content + data : data;
			existing.mtime = this.now();
		} else {
			this.entries.set(path, {
				kind: 'file',
				content: data,
				mode: options.mode ?? 0o644,
				owner: 'root',
				group: 'root',
				mtime: this.now(),
			});
		}
	}

	/** Creates a directory and any missing parents (mkdir -p). */
	mkdirp(path: string, mode = 0o755): void {
		if (path === '/') return;
		const existing = this.entries.get(path);
		if (existing) {
			if (existing.kind !== 'dir') throw new FsError('ENOTDIR', path);
			return;
		}
		this.mkdirp(dirname(path));
		this.entries.set(path, {kind: 'dir', mode, owner: 'root', group: 'root', mtime: this.now()});
	}

	/** Writes a file, creating parent directories first (used when building scenarios). */
	put(path: string, data: string, mode = 0o644): void {
		this.mkdirp(dirname(path));
		this.write(path, data, {mode});
		const entry = this.entries.get(path);
		if (entry) entry.mode = mode;
	}

	remove(path: string): void {
		const entry = this.entries.get(path);
		if (!entry) throw new FsError('ENOENT', path);
		if (entry.kind === 'dir' && this.list(path).length > 0) throw new FsError('EEXIST', path);
		this.entries.delete(path);
	}

	chmod(path: string, mode: number): void {
		const entry = this.entries.get(path);
		if (!entry) {
			if (this.providerFor(path)) throw new FsError('EACCES', path);
			throw new FsError('ENOENT', path);
		}
		entry.mode = mode;
		entry.mtime = this.now();
	}

	/** Sorted names directly inside a directory. */
	list(path: string): string[] {
		const provider = this.providerFor(path);
		const names = new Set<string>(provider?.list?.(path) ?? []);
		const prefix = path === '/' ? '/' : path + '/';
		for (const key of this.entries.keys()) {
			if (key !== '/' && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) {
				names.add(basename(key));
			}
		}
		for (const m of this.mounts) {
			if (dirname(m.prefix) === path) names.add(basename(m.prefix));
		}
		return [...names].sort();
	}

	/** Every regular file path (for snapshots, tab completion and tests). */
	allPaths(): string[] {
		return [...this.entries.keys()].sort();
	}
}
