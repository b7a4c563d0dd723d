import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import path from 'node:path';
import {emptyProgress, PROGRESS_VERSION} from './format';
import type {ProgressData, ProgressSchema} from './schema';

/** Why a progress file was set aside. */
export interface ProgressWarning {
	readonly kind: 'corrupt' | 'newer' | 'unwritable';
	readonly file: string;
	/** Where the old file now is (corrupt / newer). */
	readonly keptAs?: string;
	readonly detail?: string;
}

export interface ProgressStoreOptions {
	readonly file: string;
	readonly warn?: (warning: ProgressWarning) => void;
	/** Wall clock for time stamps (tests pin it). */
	readonly now?: () => Date;
	/**
	 * The checker for the file's contents. Without it the store loads it itself
	 * (`ready()`), so that a start with no progress file yet does not wait for it.
	 */
	readonly schema?: ProgressSchema;
}

/** How long a lock may be held before others consider its owner dead. */
const STALE_LOCK_MS = 10_000;
/** How long to wait for a lock before writing anyway (the rename keeps the file whole regardless). */
const LOCK_WAIT_MS = 3_000;
const TEMP_MAX_AGE_MS = 60_000;

/**
 * The learner's progress on disk. Reads never throw; writes go to a temporary
 * file that is flushed and renamed over the old one, so a crash or a kill
 * leaves either the old or the new file, never half of one. Writers take a
 * lock file and re-read before changing, so two labs open at once do not
 * lose each other's updates.
 */
export class ProgressStore {
	readonly file: string;
	private readonly warn: (warning: ProgressWarning) => void;
	private readonly now: () => Date;
	/** Set when a bad file could not be moved aside: never overwrite it. */
	private readOnly = false;
	private schema: ProgressSchema | undefined;
	/** The text this store last wrote: reading it back needs no check. */
	private lastWritten: string | undefined;

	constructor(options: ProgressStoreOptions) {
		this.file = options.file;
		this.warn = options.warn ?? (() => {});
		this.now = options.now ?? (() => new Date());
		this.schema = options.schema;
	}

	/** Loads the checker for the file's contents; call before reading a file this store did not write. */
	async ready(): Promise<void> {
		this.schema ??= (await import('./schema')).progressSchema;
	}

	/** Whether a progress file is there (the start loads the checker only then). */
	exists(): boolean {
		return exists(this.file);
	}

	/** The saved progress, or a clean start when there is none or it could not be used. */
	load(): ProgressData {
		this.removeStaleTemps();
		let text: string;
		try {
			text = readFileSync(this.file, 'utf8');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT' && code !== 'ENOTDIR') this.warn({kind: 'unwritable', file: this.file, detail: code});
			return emptyProgress();
		}
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch (error) {
			return this.setAside('corrupt', (error as Error).message);
		}
		const version = typeof json === 'object' && json !== null ? (json as {schemaVersion?: unknown}).schemaVersion : undefined;
		if (typeof version === 'number' && version > PROGRESS_VERSION) return this.setAside('newer', `schemaVersion ${version}`);
		if (!this.schema) {
			if (text === this.lastWritten) return json as ProgressData;
			// Another lab wrote it before this one loaded its checker (every caller awaits
			// ready() first, so this should not happen): read nothing, overwrite nothing.
			this.readOnly = true;
			return emptyProgress();
		}
		const parsed = this.schema.safeParse(json);
		if (!parsed.success) return this.setAside('corrupt', parsed.error.issues[0]?.message);
		return parsed.data;
	}

	/** Changes the progress safely: lock, re-read, change, write atomically. Returns what was saved. */
	update(change: (data: ProgressData) => void): ProgressData {
		const unlock = this.lock();
		try {
			const data = this.load();
			change(data);
			this.write(data);
			return data;
		} finally {
			unlock();
		}
	}

	private write(data: ProgressData): void {
		if (this.readOnly) return;
		const dir = path.dirname(this.file);
		const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
		try {
			mkdirSync(dir, {recursive: true});
			const fd = openSync(temp, 'w', 0o600);
			const text = JSON.stringify(data, null, '\t') + '\n';
			try {
				writeSync(fd, text);
				fsyncSync(fd);
			} finally {
				closeSync(fd);
			}
			renameSync(temp, this.file);
			this.lastWritten = text;
			syncDir(dir);
		} catch (error) {
			try {
				unlinkSync(temp);
			} catch {
				// Nothing was created.
			}
			this.warn({kind: 'unwritable', file: this.file, detail: (error as NodeJS.ErrnoException).code ?? String(error)});
		}
	}

	/** Moves an unusable file out of the way (keeping it for the learner) and starts clean. */
	private setAside(kind: 'corrupt' | 'newer', detail: string | undefined): ProgressData {
		const stamp = this.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
		let keptAs = `${this.file}.${kind}-${stamp}`;
		for (let n = 2; exists(keptAs); n++) keptAs = `${this.file}.${kind}-${stamp}-${n}`;
		try {
			renameSync(this.file, keptAs);
		} catch {
			this.readOnly = true;
			this.warn({kind, file: this.file, detail});
			return emptyProgress();
		}
		this.warn({kind, file: this.file, keptAs, detail});
		return emptyProgress();
	}

	/** Takes `progress.json.lock`; returns the function that releases it. */
	private lock(): () => void {
		const lockFile = `${this.file}.lock`;
		try {
			mkdirSync(path.dirname(this.file), {recursive: true});
		} catch {
			return () => {};
		}
		const deadline = Date.now() + LOCK_WAIT_MS;
		for (;;) {
			try {
				const fd = openSync(lockFile, 'wx', 0o600);
				writeSync(fd, String(process.pid));
				closeSync(fd);
				return () => {
					try {
						unlinkSync(lockFile);
					} catch {
						// Already gone (taken over as stale).
					}
				};
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return () => {};
			}
			try {
				if (Date.now() - statSync(lockFile).mtimeMs > STALE_LOCK_MS || ownerIsGone(lockFile)) unlinkSync(lockFile);
			} catch {
				// Released meanwhile: try again.
			}
			if (Date.now() > deadline) return () => {};
			sleepSync(5);
		}
	}

	/** Temporary files left by a writer that was killed mid-write. */
	private removeStaleTemps(): void {
		const dir = path.dirname(this.file);
		const base = path.basename(this.file);
		let names: string[];
		try {
			names = readdirSync(dir);
		} catch {
			return;
		}
		for (const name of names) {
			if (!name.startsWith(base + '.') || !name.endsWith('.tmp')) continue;
			const full = path.join(dir, name);
			try {
				if (Date.now() - statSync(full).mtimeMs > TEMP_MAX_AGE_MS) unlinkSync(full);
			} catch {
				// Another lab removed it first.
			}
		}
	}
}

/** The lock's owner (its pid is in the file) no longer runs: it was killed while writing. */
function ownerIsGone(lockFile: string): boolean {
	const pid = Number(readFileSync(lockFile, 'utf8'));
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

function exists(file: string): boolean {
	try {
		statSync(file);
		return true;
	} catch {
		return false;
	}
}

function syncDir(dir: string): void {
	// Makes the rename itself durable; not every platform can open a directory.
	try {
		const fd = openSync(dir, 'r');
		try {
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
	} catch {
		// Best effort.
	}
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleepSync(ms: number): void {
	Atomics.wait(sleeper, 0, 0, ms);
}
