// Run by scripts/build.js: parses and validates the data shipped with the lab once
// and writes it to dist/ (see source/data/precompiled.ts): every built-in scenario
// to dist/scenarios.json, every lesson file to dist/lessons.json.
import {readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {formatDataError} from '../source/data/yaml-load';
import {precompiledFile, sha256} from '../source/data/precompiled';
import {LANGS} from '../source/i18n/lang';
import {LESSON_TABLE, lessonKey} from '../source/lessons/precompiled';
import {parseLesson} from '../source/lessons/load';
import {builtinScenarios, parseScenario} from '../source/scenario/load';
import {SCENARIO_TABLE} from '../source/scenario/precompiled';
import {lessonsDir, scenariosDir} from '../source/paths';

function write(name: string, table: Record<string, unknown>): void {
	const out = precompiledFile(name);
	writeFileSync(`${out}.tmp`, JSON.stringify(table));
	renameSync(`${out}.tmp`, out);
}

let failed = false;
const scenarios: Record<string, unknown> = {};
for (const name of builtinScenarios()) {
	const text = readFileSync(path.join(scenariosDir(), `${name}.yaml`), 'utf8');
	const loaded = parseScenario(text, `fixtures/scenarios/${name}.yaml`);
	if (!loaded.ok) {
		for (const e of loaded.errors) process.stderr.write(`${formatDataError(e)}\n`);
		failed = true;
		continue;
	}
	scenarios[name] = {sha256: sha256(text), value: loaded.value};
}
write(SCENARIO_TABLE, scenarios);

// Lessons with mistakes are kept with their errors: `validate` reports them, the build does not stop.
const lessons: Record<string, unknown> = {};
for (const lang of LANGS) {
	const folder = path.join(lessonsDir(), lang);
	for (const name of readdirSync(folder).filter((n) => n.endsWith('.md'))) {
		const text = readFileSync(path.join(folder, name), 'utf8');
		lessons[lessonKey(lang, name)] = {sha256: sha256(text), value: parseLesson(text, path.join('lessons', lang, name), lang)};
	}
}
write(LESSON_TABLE, lessons);
if (failed) process.exitCode = 1;
