import {render} from 'ink';
import type {Lang} from '../i18n/lang';
import {createLab} from '../lab/lab';
import {loadScenario} from '../scenario/load';
import {formatDataError} from '../data/yaml-load';
import {App} from './app';

/** Opens the interactive lab; resolves to the process exit code. */
export async function startInteractive(options: {scenario: string; seed: number; lang: Lang}): Promise<number> {
	const found = loadScenario(options.scenario);
	if (!found.ok) {
		process.stderr.write(`cluster-lab: ${found.message}\n`);
		for (const e of found.errors ?? []) process.stderr.write(`  ${formatDataError(e)}\n`);
		return 2;
	}
	const lab = createLab(found.config, {seed: options.seed, lang: options.lang, interactive: true});
	const instance = render(<App lab={lab} />, {exitOnCtrlC: true});
	await instance.waitUntilExit();
	return 0;
}
