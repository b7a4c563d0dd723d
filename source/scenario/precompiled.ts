import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {packageRoot} from '../paths';
import type {ScenarioConfig} from './schema';

/**
 * The built-in scenarios, already parsed and validated when the lab was built
 * (`dist/scenarios.json`, written by scripts/build.js). Opening the lab then
 * needs no YAML parser and no schema check, which is most of the time a
 * scenario takes to load. Each entry carries the SHA-256 of the YAML it came
 * from: a file edited since the build no longer matches and goes through the
 * full loader, so the result is always what the YAML says.
 */
export interface PrecompiledScenario {
	readonly sha256: string;
	readonly config: ScenarioConfig;
}

export const PRECOMPILED_FILE = 'scenarios.json';

let table: Record<string, PrecompiledScenario> | null | undefined;

function load(): Record<string, PrecompiledScenario> | null {
	if (table !== undefined) return table;
	try {
		const data: unknown = JSON.parse(readFileSync(path.join(packageRoot(), 'dist', PRECOMPILED_FILE), 'utf8'));
		table = typeof data === 'object' && data !== null ? (data as Record<string, PrecompiledScenario>) : null;
	} catch {
		// No build yet (tests from source) or an unreadable file: the full loader does the work.
		table = null;
	}
	return table;
}

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** The built-in scenario `name` as validated at build time, if `text` is still what was built. */
export function precompiledScenario(name: string, text: string): ScenarioConfig | undefined {
	const entry = load()?.[name];
	if (!entry || typeof entry.sha256 !== 'string' || entry.sha256 !== sha256(text)) return undefined;
	return structuredClone(entry.config);
}

/** Forgets the table read from disk (tests). */
export function resetPrecompiled(): void {
	table = undefined;
}
