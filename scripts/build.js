// Bundles the command-line entry into one ESM file so `npx cluster-lab` starts fast.
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {bundleOptions} from './build-options.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

await build(bundleOptions(root, path.join('source', 'cli.tsx'), path.join(root, 'dist', 'cli.js')));
