import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {builtinScenarios, loadScenario, parseScenario} from '../../source/scenario/load';
import {precompiledFile, resetPrecompiled} from '../../source/data/precompiled';
import {precompiledScenario, SCENARIO_TABLE} from '../../source/scenario/precompiled';
import {scenariosDir} from '../../source/paths';

// `npm test` builds first, so the table the bundle ships is the one checked here.
const table = precompiledFile(SCENARIO_TABLE);

describe('built-in scenarios validated at build time', () => {
	it('the build wrote every built-in scenario', () => {
		expect(existsSync(table)).toBe(true);
		expect(Object.keys(JSON.parse(readFileSync(table, 'utf8'))).sort()).toEqual(builtinScenarios());
	});

	it.each(builtinScenarios())('%s: the prepared config is exactly what the YAML gives', (name) => {
		resetPrecompiled();
		const text = readFileSync(path.join(scenariosDir(), `${name}.yaml`), 'utf8');
		const parsed = parseScenario(text, name);
		expect(parsed.ok).toBe(true);
		const built = precompiledScenario(name, text);
		expect(built).toBeDefined();
		expect(built).toEqual(parsed.ok ? parsed.value : undefined);
	});

	it('a scenario file edited after the build is read from its YAML again', () => {
		resetPrecompiled();
		const text = readFileSync(path.join(scenariosDir(), 'sandbox.yaml'), 'utf8');
		expect(precompiledScenario('sandbox', text)).toBeDefined();
		expect(precompiledScenario('sandbox', text.replace('lvs1', 'lvs9'))).toBeUndefined();
		expect(precompiledScenario('no-such-scenario', text)).toBeUndefined();
	});

	it('every load gets its own copy, so one lab cannot change the next', () => {
		resetPrecompiled();
		const a = loadScenario('sandbox');
		const b = loadScenario('sandbox');
		expect(a.ok && b.ok).toBe(true);
		if (!a.ok || !b.ok) return;
		expect(a.config).not.toBe(b.config);
		(a.config.hosts as Record<string, unknown>)['extra'] = {};
		expect(Object.keys(b.config.hosts)).not.toContain('extra');
	});
});
