import chalk from 'chalk';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Lang} from '../../../source/i18n/lang';
import {findLesson, loadLessonSet} from '../../../source/lessons/load';
import {Study} from '../../../source/lessons/study';
import {ProgressStore} from '../../../source/progress/store';
import {createSettings} from '../../../source/ui/settings';
import {StudyController} from '../../../source/ui/study/study-controller';
import {StudyScreen} from '../../../source/ui/study/study-screen';
import {progressSchema} from '../../../source/progress/schema';
import {renderScreen, type Rendered} from '../helpers/render';

export const SET = loadLessonSet();

export function tempStore(): ProgressStore {
	return new ProgressStore({schema: progressSchema, file: path.join(mkdtempSync(path.join(tmpdir(), 'cluster-lab-study-ui-')), 'progress.json')});
}

export interface Mounted {
	readonly r: Rendered;
	readonly controller: StudyController;
	readonly store: ProgressStore;
	quits(): number;
}

const open: Mounted[] = [];

export function closeAll(): void {
	for (const m of open.splice(0)) {
		m.r.unmount();
		m.controller.dispose();
	}
}

/** The study screen on a built-in lesson, clock paused (frames change only when the test acts). */
export function mountStudy(options: {lesson?: string; step?: string; columns?: number; rows?: number; lang?: Lang; store?: ProgressStore; plain?: boolean} = {}): Mounted {
	const lang = options.lang ?? 'en';
	const lesson = findLesson(SET, lang, options.lesson ?? 'lvs-first-service');
	if (!lesson) throw new Error('no such lesson');
	const store = options.store ?? tempStore();
	const opened = Study.open({set: SET, lesson, lang, store, step: options.step, interactive: true});
	if (!opened.ok) throw new Error(opened.message);
	chalk.level = 0;
	const settings = createSettings(lang, {plain: options.plain ?? false});
	let quits = 0;
	const controller = new StudyController({study: opened.study, set: SET, store, lang, theme: settings.theme, onQuit: () => quits++, live: {paused: true}});
	const r = renderScreen(<StudyScreen controller={controller} />, {columns: options.columns ?? 100, rows: options.rows ?? 30, settings});
	const m = {r, controller, store, quits: () => quits};
	open.push(m);
	return m;
}

/** Every line fits the width, and the frame leaves the last row free. */
export function fitsIn(frame: string, columns: number, rows: number): boolean {
	// eslint-disable-next-line no-control-regex
	const lines = frame.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	return lines.length <= rows - 1 && lines.every((l) => [...l].length <= columns);
}
