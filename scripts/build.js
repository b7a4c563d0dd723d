// Bundles the command line into dist/cli.js so `npx cluster-lab` starts fast. Code
// that only some commands need (the engine, the lessons, the script runner) goes
// into chunks under dist/chunks/ that load when first used: the lab screen draws
// its first frame before the engine has even been read. Then the built-in
// scenarios and lessons are written, parsed and validated, beside it.
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {bundleOptions} from './build-options.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const {outfile: _single, ...options} = bundleOptions(root, path.join('source', 'cli.tsx'), path.join(root, 'dist', 'cli.js'));
// Chunks of an earlier build would pile up under new names.
rmSync(path.join(root, 'dist', 'chunks'), {recursive: true, force: true});
await build({...options, outdir: path.join(root, 'dist'), splitting: true, entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]'});

const precompile = path.join(root, 'dist', '.precompile.mjs');
await build({...bundleOptions(root, path.join('scripts', 'precompile.ts'), precompile), minify: false});
const r = spawnSync(process.execPath, [precompile], {stdio: 'inherit'});
rmSync(precompile, {force: true});
if (r.status !== 0) {
	process.stderr.write('build: a built-in scenario does not validate (see above)\n');
	process.exit(1);
}
