// Run by scripts/build.js: parses and validates every built-in scenario once and
// writes them to dist/scenarios.json (see source/scenario/precompiled.ts).
import {readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {formatDataError} from '../source/data/yaml-load';
import {builtinScenarios, parseScenario} from '../source/scenario/load';
import {PRECOMPILED_FILE, sha256} from '../source/scenario/precompiled';
import {packageRoot, scenariosDir} from '../source/paths';

const table: Record<string, unknown> = {};
let failed = false;
for (const name of builtinScenarios()) {
	const text = readFileSync(path.join(scenariosDir(), `${name}.yaml`), 'utf8');
	const loaded = parseScenario(text, `fixtures/scenarios/${name}.yaml`);
	if (!loaded.ok) {
		for (const e of loaded.errors) process.stderr.write(`${formatDataError(e)}\n`);
		failed = true;
		continue;
	}
	table[name] = {sha256: sha256(text), config: loaded.value};
}
const out = path.join(packageRoot(), 'dist', PRECOMPILED_FILE);
writeFileSync(`${out}.tmp`, JSON.stringify(table));
renameSync(`${out}.tmp`, out);
if (failed) process.exitCode = 1;
