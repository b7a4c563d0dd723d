import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * Golden transcripts: each file under golden/ is exactly what `cluster-lab run`
 * prints for its commands, plus `## ` comment lines (anywhere) for the reader.
 * A `## scenario: NAME` line picks the scenario (a built-in name or a .yaml file
 * next to this helper); `## seed: N` the seed. To write a new one, run its commands
 * with `node dist/cli.js run --scenario NAME -`, check the output against the real
 * tool, and paste it with `## ` lines explaining what each part shows.
 */
export interface Golden {
	name: string;
	file: string;
	scenario: string;
	seed: number;
	/** The commands, extracted from the prompt lines (and `> ` continuation lines). */
	script: string;
	/** The transcript the commands must print. */
	expected: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const PROMPT = /^[a-z_][a-z0-9_-]*@[a-z0-9-]+:[^\n#]*# /;

export function goldenFiles(): string[] {
	const dir = path.join(here, 'golden');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => path.join(dir, f));
}

export function readGolden(file: string): Golden {
	const lines = readFileSync(file, 'utf8').split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	let scenario = 'sandbox';
	let seed = 1;
	const kept: string[] = [];
	const script: string[] = [];
	let inCommand = false;
	for (const line of lines) {
		if (line === '##' || line.startsWith('## ')) {
			const directive = /^## (scenario|seed): (\S+)$/.exec(line);
			if (directive?.[1] === 'scenario') scenario = directive[2]!;
			if (directive?.[1] === 'seed') seed = Number(directive[2]);
			continue;
		}
		kept.push(line);
		const prompt = PROMPT.exec(line);
		if (prompt) {
			script.push(line.slice(prompt[0].length));
			inCommand = true;
		} else if (inCommand && line.startsWith('> ')) script.push(line.slice(2));
		else inCommand = false;
	}
	const local = path.join(here, `${scenario}.yaml`);
	return {
		name: path.basename(file, '.txt'),
		file,
		scenario: existsSync(local) ? local : scenario,
		seed,
		script: script.join('\n') + '\n',
		expected: kept.length ? kept.join('\n') + '\n' : '',
	};
}

/** Marks every line end with `$` (as `cat -A` does) so a diff shows trailing spaces. */
export function visible(text: string): string {
	return text.replace(/\n/g, '$\n');
}
