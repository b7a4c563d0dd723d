import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'source');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
	});
}

describe('what the lab loads at start', () => {
	it('imports zod as a namespace everywhere: `import {z}` bundles all of its locales and slows every start', () => {
		const offenders = files(source).filter((f) => /^import \{[^}]*\bz\b[^}]*\} from 'zod'/m.test(readFileSync(f, 'utf8')));
		expect(offenders.map((f) => path.relative(source, f))).toEqual([]);
	});
});
