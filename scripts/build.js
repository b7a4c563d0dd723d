// Bundles the command-line entry into one ESM file so `npx cluster-lab` starts fast.
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stub = (name) => path.join(root, 'source', 'stubs', name);

await build({
	entryPoints: [path.join(root, 'source', 'cli.tsx')],
	outfile: path.join(root, 'dist', 'cli.js'),
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minify: true,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink imports its devtools bridge lazily; `--external` would crash at run time, so it is stubbed.
	alias: {
		'react-devtools-core': stub('devtools.js'),
		ws: stub('ws.js'),
	},
	// signal-exit (CommonJS) calls require(); give the ESM bundle a real one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	logLevel: 'warning',
});
