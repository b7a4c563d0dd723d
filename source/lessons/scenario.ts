import path from 'node:path';
import type {DataError} from '../data/yaml-load';
import {loadScenario} from '../scenario/load';
import type {ScenarioConfig} from '../scenario/schema';

export type ScenarioFound = {ok: true; config: ScenarioConfig} | {ok: false; message: string; errors?: readonly DataError[]};

/** Turns a lesson's `scenario:` into a scenario: a built-in name, or a file relative to the lesson folder. */
export type ScenarioResolver = (name: string) => ScenarioFound;

export function scenarioResolver(root: string): ScenarioResolver {
	const cache = new Map<string, ScenarioFound>();
	return (name) => {
		let found = cache.get(name);
		if (!found) {
			const isPath = name.includes('/') || /\.ya?ml$/.test(name);
			found = loadScenario(isPath ? path.resolve(root, name) : name);
			cache.set(name, found);
		}
		return found;
	};
}
