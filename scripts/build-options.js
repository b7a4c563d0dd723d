// How the lab is bundled; scripts/build.js and the benchmarks share it so that
// benchmarks measure exactly what `npx cluster-lab` runs.
import {readFile} from 'node:fs/promises';
import path from 'node:path';

/** esbuild options for one self-contained ESM file (entry and outfile relative to `root`). */
export function bundleOptions(root, entry, outfile) {
	const stub = (name) => path.join(root, 'source', 'stubs', name);
	return {
		entryPoints: [path.join(root, entry)],
		outfile,
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
			// One column per character for the lab's own glyphs without grapheme segmentation (see the stub).
			'string-width': stub('string-width.js'),
		},
		plugins: [
			{
				// Turning a frame back into text skips the style diff between alike characters.
				name: 'ansi-styled-chars',
				setup(build) {
					build.onResolve({filter: /^\.\/styledChars\.js$/}, (args) => (args.importer.includes(`${path.sep}ansi-tokenize${path.sep}build${path.sep}index.js`) ? {path: stub('ansi-styled-chars.js')} : undefined));
				},
			},
			{
				// Ink sanitizes every text node on every frame; remember the answers.
				name: 'ink-sanitize-ansi',
				setup(build) {
					build.onResolve({filter: /^\.\/sanitize-ansi\.js$/}, (args) => (args.importer.endsWith(`${path.sep}ink${path.sep}build${path.sep}squash-text-nodes.js`) ? {path: stub('ink-sanitize-ansi.js')} : undefined));
				},
			},
			{
				// Ink tokenizes every line of every frame again (its caches live for one frame);
				// keep them from frame to frame, bounded, so unchanged lines cost nothing.
				name: 'ink-output-caches',
				setup(build) {
					build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async (args) => {
						const source = await readFile(args.path, 'utf8');
						const field = '    caches = new OutputCaches();';
						if (!source.includes(field)) throw new Error(`${args.path} changed: update the ink-output-caches plugin in scripts/build-options.js`);
						const shared = `
let sharedCaches;
function frameCaches() {
	if (!sharedCaches || sharedCaches.styledChars.size > 600 || sharedCaches.widths.size > 5000 || sharedCaches.blockWidths.size > 600) sharedCaches = new OutputCaches();
	return sharedCaches;
}
`;
						return {contents: source.replace(field, '    caches = frameCaches();') + shared, loader: 'js'};
					});
				},
			},
			{
				// Ink's text-size cache grows without bound on a live screen; use a bounded one.
				name: 'ink-measure-text',
				setup(build) {
					build.onResolve({filter: /^\.\/measure-text\.js$/}, (args) => (args.importer.includes(`${path.sep}ink${path.sep}build${path.sep}`) ? {path: stub('ink-measure-text.js')} : undefined));
				},
			},
		],
		// signal-exit (CommonJS) calls require(); give the ESM bundle a real one.
		banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
		logLevel: 'warning',
	};
}
