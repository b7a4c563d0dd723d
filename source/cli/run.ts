import {readFileSync} from 'node:fs';
import {formatDataError} from '../data/yaml-load';
import {translator} from '../i18n/i18n';
import type {Lang} from '../i18n/lang';
import {createLab} from '../lab/lab';
import {loadScenario} from '../scenario/load';
import {transcript} from './transcript';

export interface RunOptions {
	scenario: string;
	seed: number;
	lang: Lang;
	/** Script path, or `-`/undefined for standard input. */
	script: string | undefined;
	write(text: string): void;
	writeError(text: string): void;
	readStdin(): string;
}

/** `cluster-lab run`: executes a script headlessly and prints its transcript. Returns the exit code. */
export function runScript(options: RunOptions): number {
	let script: string;
	if (options.script === undefined || options.script === '-') {
		script = options.readStdin();
	} else {
		try {
			script = readFileSync(options.script, 'utf8');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			const t = translator(options.lang);
			const reason = code === 'ENOENT' ? t('cli.noSuchFile') : code === 'EISDIR' ? t('cli.isDirectory') : String(code);
			options.writeError(`cluster-lab: ${t('cli.cannotReadScript', {file: options.script, reason})}\n`);
			return 2;
		}
	}
	const found = loadScenario(options.scenario);
	if (!found.ok) {
		options.writeError(`cluster-lab: ${found.message}\n`);
		for (const e of found.errors ?? []) options.writeError(`  ${formatDataError(e)}\n`);
		return 2;
	}
	const lab = createLab(found.config, {seed: options.seed, lang: options.lang, interactive: false});
	const steps = transcript(lab, script);
	let text = '';
	for (;;) {
		const step = steps.next();
		if (step.done) break;
		text += step.value;
		if (text.length > 65536) {
			options.write(text);
			text = '';
		}
	}
	options.write(text);
	return 0;
}
