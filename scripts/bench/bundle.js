// Bundles a benchmark entry exactly as scripts/build.js bundles the lab (ESM,
// minified, production React, stubbed devtools), so numbers compare like for like.
import {build} from 'esbuild';
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundleOptions} from '../build-options.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bundles `entry` (relative to the package) like the lab itself, into dist/bench/ (inside the package, where the lab finds its fixtures). */
export async function bundle(entry) {
	const dir = path.join(root, 'dist', 'bench');
	mkdirSync(dir, {recursive: true});
	const outfile = path.join(dir, path.basename(entry).replace(/\.[jt]sx?$/, '.js'));
	await build(bundleOptions(root, entry, outfile));
	return outfile;
}

/** p-th percentile (0-100) of numbers. */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i];
}

export const median = (values) => percentile(values, 50);

/**
 * The environment of an interactive terminal: no CI variable (Ink would then
 * skip drawing until exit; even CI= counts) and no NO_COLOR.
 */
export function terminalEnv() {
	const env = {...process.env};
	delete env.CI;
	delete env.NO_COLOR;
	return env;
}
