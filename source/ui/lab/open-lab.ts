import {formatDataError} from '../../data/yaml-load';
import type {Lang} from '../../i18n/lang';
import {createLab} from '../../lab/lab';
import {loadScenario} from '../../scenario/load';
import {LabStore} from '../live/lab-store';
import type {Theme} from '../theme';
import {LabController} from './lab-controller';

export type OpenedLab = {readonly ok: true; readonly controller: LabController} | {readonly ok: false; readonly message: string};

/**
 * Loads a scenario and builds everything the lab screen runs on: the world and
 * shell, the store that drives the clock, and the controller that reads keys.
 * The home screen imports this lazily, so it starts without the engine.
 */
export function openLab(options: {scenario: string; seed: number; lang: Lang; theme: Theme; onQuit(): void}): OpenedLab {
	const found = loadScenario(options.scenario);
	if (!found.ok) {
		const details = (found.errors ?? []).map((e) => `  ${formatDataError(e)}`);
		return {ok: false, message: [found.message, ...details].join('\n')};
	}
	const lab = createLab(found.config, {seed: options.seed, lang: options.lang, interactive: true});
	const store = new LabStore(lab);
	const controller = new LabController(lab, store, {lang: options.lang, theme: options.theme, onQuit: options.onQuit});
	return {ok: true, controller};
}
