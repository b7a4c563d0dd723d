import {precompiled} from '../data/precompiled';
import type {ScenarioConfig} from './schema';

/** The table of built-in scenarios in dist/ (see data/precompiled.ts). */
export const SCENARIO_TABLE = 'scenarios';

/** The built-in scenario `name` as validated at build time, if `text` is still what was built. */
export function precompiledScenario(name: string, text: string): ScenarioConfig | undefined {
	return precompiled<ScenarioConfig>(SCENARIO_TABLE, name, text);
}
