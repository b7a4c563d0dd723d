import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {packageRoot} from '../paths';

/**
 * Data files shipped with the lab (scenarios, lessons), already parsed and
 * validated when the lab was built: `dist/NAME.json`, written by
 * scripts/build.js. Opening a lab or a lesson then needs no YAML parser and no
 * schema check, which is most of the time loading takes. Each entry carries the
 * SHA-256 of the text it came from: a file edited since the build no longer
 * matches and goes through the full loader, so the result is always what the
 * file says.
 */
export interface PrecompiledEntry<T> {
	readonly sha256: string;
	readonly value: T;
}

const tables = new Map<string, Record<string, PrecompiledEntry<unknown>> | null>();

function table(name: string): Record<string, PrecompiledEntry<unknown>> | null {
	let found = tables.get(name);
	if (found !== undefined) return found;
	try {
		const data: unknown = JSON.parse(readFileSync(precompiledFile(name), 'utf8'));
		found = typeof data === 'object' && data !== null ? (data as Record<string, PrecompiledEntry<unknown>>) : null;
	} catch {
		// No build yet (tests from source) or an unreadable file: the full loader does the work.
		found = null;
	}
	tables.set(name, found);
	return found;
}

export function precompiledFile(name: string): string {
	return path.join(packageRoot(), 'dist', `${name}.json`);
}

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** Entry `key` of table `name` as prepared at build time, if `text` is still what was built; every call gets its own copy. */
export function precompiled<T>(name: string, key: string, text: string): T | undefined {
	const entry = table(name)?.[key];
	if (!entry || typeof entry.sha256 !== 'string' || entry.sha256 !== sha256(text)) return undefined;
	return structuredClone(entry.value) as T;
}

/** Forgets the tables read from disk (tests). */
export function resetPrecompiled(): void {
	tables.clear();
}
