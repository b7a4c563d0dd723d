import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Compares output with a golden transcript under test/<dir>/golden/. Run with
 * UPDATE_GOLDEN=1 to write them after a deliberate change (then read the diff).
 */
export function expectGolden(file: string, actual: string): void {
	const full = path.join(root, file);
	if (process.env.UPDATE_GOLDEN) {
		mkdirSync(path.dirname(full), {recursive: true});
		writeFileSync(full, actual);
		return;
	}
	if (!existsSync(full)) throw new Error(`missing golden file ${file} (run with UPDATE_GOLDEN=1 to create it)`);
	expect(actual).toBe(readFileSync(full, 'utf8'));
}
