import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'yaml';
import {scenariosDir} from '../../paths';
import {precompiledScenario} from '../../scenario/precompiled';

export interface ScenarioEntry {
	readonly name: string;
	readonly title: string;
}

/** The scenario a newcomer should open first; the home screen lists it on top. */
export const FIRST_SCENARIO = 'sandbox';

/**
 * The built-in scenarios with their titles, for the home screen (the sandbox
 * first, then by name). Reads only
 * the title of each file (no validation, no world building): the full loader
 * runs when the learner opens one, and reports any mistake then.
 */
export function scenarioCatalog(dir = scenariosDir()): ScenarioEntry[] {
	let files: string[];
	try {
		const names = readdirSync(dir)
			.filter((f) => f.endsWith('.yaml'))
			.map((f) => f.slice(0, -'.yaml'.length))
			.sort((a, b) => Number(b === FIRST_SCENARIO) - Number(a === FIRST_SCENARIO) || (a < b ? -1 : a > b ? 1 : 0));
		files = names.map((n) => `${n}.yaml`);
	} catch {
		return [];
	}
	return files.map((file) => {
		const name = file.slice(0, -'.yaml'.length);
		let title = name;
		try {
			const text = readFileSync(path.join(dir, file), 'utf8');
			const data = (precompiledScenario(name, text) ?? parse(text)) as {title?: unknown} | null;
			if (typeof data?.title === 'string') title = data.title;
		} catch {
			// A broken file still gets listed; opening it shows the loader's error.
		}
		return {name, title};
	});
}
