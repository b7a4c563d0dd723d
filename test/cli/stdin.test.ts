import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('cluster-lab run -', () => {
	it('reads a large script from a pipe that fills slowly, to its end', () => {
		// The writer sends 2 MB in pieces, so the reader finds the pipe empty now and then.
		const writer = `const line = 'echo ' + 'a'.repeat(1000000) + '\\n'; process.stdout.write(line); setTimeout(() => process.stdout.write(line + 'echo done\\n'), 200);`;
		const r = spawnSync('sh', ['-c', `'${process.execPath}' -e "${writer}" | '${process.execPath}' dist/cli.js run - | tail -n 1`], {cwd: root, encoding: 'utf8'});
		expect(r.stderr).toBe('');
		expect(r.stdout).toBe('done\n');
	});
});
