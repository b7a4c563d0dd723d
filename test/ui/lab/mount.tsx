import chalk from 'chalk';
import {expect} from 'vitest';
import type {Lang} from '../../../source/i18n/lang';
import {LabController} from '../../../source/ui/lab/lab-controller';
import {LabScreen} from '../../../source/ui/lab/lab-screen';
import {LabStore} from '../../../source/ui/live/lab-store';
import {createSettings} from '../../../source/ui/settings';
import {renderScreen, type Rendered} from '../helpers/render';
import {addWebService, labOn, sandboxWorld} from '../helpers/worlds';

let open: Array<{r: Rendered; store: LabStore}> = [];

/** Unmounts every lab screen mounted since the last call (for afterEach). */
export function closeLabs(): void {
	for (const {r, store} of open) {
		r.unmount();
		store.dispose();
	}
	open = [];
}

/** The lab screen on the sandbox with a web service, clock paused (frames change only when the test acts). */
export function mountLab(options: {columns?: number; rows?: number; color?: boolean; plain?: boolean; lang?: Lang} = {}) {
	const world = sandboxWorld();
	addWebService(world);
	const lab = labOn(world);
	const store = new LabStore(lab, {paused: true});
	let quit = 0;
	// The theme takes its colours from chalk's level, so set it before building the settings.
	chalk.level = options.color ? 3 : 0;
	const settings = createSettings(options.lang ?? 'en', {plain: options.plain ?? false});
	const controller = new LabController(lab, store, {lang: settings.lang, theme: settings.theme, onQuit: () => quit++});
	const r = renderScreen(<LabScreen controller={controller} />, {...options, settings});
	open.push({r, store});
	return {r, lab, store, controller, quits: () => quit};
}

/** A frame without its colour codes. */
// eslint-disable-next-line no-control-regex
export const text = (frame: string) => frame.replace(/\x1b\[[0-9;]*m/g, '');

/** Every line fits the width, and the frame leaves the last row free. */
export function fits(frame: string, columns: number, rows: number): void {
	const lines = text(frame).split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows - 1);
	for (const l of lines) expect([...l].length).toBeLessThanOrEqual(columns);
}
