import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'yaml';
import type {Lang} from '../../i18n/lang';
import {scenariosDir} from '../../paths';
import {precompiledScenario} from '../../scenario/precompiled';

export interface ScenarioEntry {
	readonly name: string;
	readonly title: string;
}

/** The scenario a newcomer should open first; the home screen lists it on top. */
export const FIRST_SCENARIO = 'sandbox';

/**
 * The built-in scenarios with their titles in the learner's language, for the
 * home screen (the sandbox first, then by name). Reads only the titles of each
 * file (no validation, no world building): the full loader runs when the learner
 * opens one, and reports any mistake then.
 */
export function scenarioCatalog(lang: Lang = 'en', dir = scenariosDir()): ScenarioEntry[] {
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
			const data = (precompiledScenario(name, text) ?? parse(text)) as TitledScenario | null;
			title = scenarioTitle(data, lang) ?? name;
		} catch {
			// A broken file still gets listed; opening it shows the loader's error.
		}
		return {name, title};
	});
}

/** The part of a scenario file its title comes from (read before, or without, validation). */
type TitledScenario = {title?: unknown; translations?: Record<string, {title?: unknown} | undefined>};

/** A scenario's title in `lang` (its `translations:` entry), else its own title. */
export function scenarioTitle(data: TitledScenario | null | undefined, lang: Lang): string | undefined {
	const translated = lang === 'en' ? undefined : data?.translations?.[lang]?.title;
	if (typeof translated === 'string') return translated;
	return typeof data?.title === 'string' ? data.title : undefined;
}
