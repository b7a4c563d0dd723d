// Writes lessons/schema.json from the zod schemas in source/lessons/schema.ts.
// Run after changing the lesson format: node scripts/lessons-schema.js
import {build} from 'esbuild';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = mkdtempSync(path.join(tmpdir(), 'cluster-lab-schema-'));
const out = path.join(dir, 'schema.mjs');
try {
	await build({
		entryPoints: [path.join(root, 'source', 'lessons', 'json-schema.ts')],
		outfile: out,
		bundle: true,
		platform: 'node',
		format: 'esm',
		logLevel: 'warning',
	});
	const {lessonJsonSchemaText} = await import(pathToFileURL(out).href);
	writeFileSync(path.join(root, 'lessons', 'schema.json'), lessonJsonSchemaText());
	console.log('wrote lessons/schema.json');
} finally {
	rmSync(dir, {recursive: true, force: true});
}
