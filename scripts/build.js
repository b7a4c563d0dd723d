// Bundles the command-line entry into one ESM file so `npx cluster-lab` starts fast,
// then writes the built-in scenarios, parsed and validated, beside it.
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {bundleOptions} from './build-options.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

await build(bundleOptions(root, path.join('source', 'cli.tsx'), path.join(root, 'dist', 'cli.js')));

const precompile = path.join(root, 'dist', '.precompile-scenarios.mjs');
await build({...bundleOptions(root, path.join('scripts', 'precompile-scenarios.ts'), precompile), minify: false});
const r = spawnSync(process.execPath, [precompile], {stdio: 'inherit'});
rmSync(precompile, {force: true});
if (r.status !== 0) {
	process.stderr.write('build: a built-in scenario does not validate (see above)\n');
	process.exit(1);
}
