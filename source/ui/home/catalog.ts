import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'yaml';
import {scenariosDir} from '../../paths';

export interface ScenarioEntry {
	readonly name: string;
	readonly title: string;
}

/**
 * The built-in scenarios with their titles, for the home screen. Reads only
 * the title of each file (no validation, no world building): the full loader
 * runs when the learner opens one, and reports any mistake then.
 */
export function scenarioCatalog(dir = scenariosDir()): ScenarioEntry[] {
	let files: string[];
	try {
		files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
	} catch {
		return [];
	}
	return files.map((file) => {
		const name = file.slice(0, -'.yaml'.length);
		let title = name;
		try {
			const data = parse(readFileSync(path.join(dir, file), 'utf8')) as {title?: unknown} | null;
			if (typeof data?.title === 'string') title = data.title;
		} catch {
			// A broken file still gets listed; opening it shows the loader's error.
		}
		return {name, title};
	});
}
