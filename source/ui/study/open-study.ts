import type {Lang} from '../../i18n/lang';
import type {LessonSet} from '../../lessons/load';
import type {Lesson} from '../../lessons/model';
import {Study} from '../../lessons/study';
import type {ProgressStore} from '../../progress/store';
import type {LabStoreOptions} from '../live/lab-store';
import type {Theme} from '../theme';
import {StudyController} from './study-controller';

export type OpenedStudy = {readonly ok: true; readonly controller: StudyController} | {readonly ok: false; readonly message: string};

/**
 * Opens a lesson for the study screen: resumes it where the learner left off
 * (saved progress), builds that step's cluster, and wraps it in the controller
 * the screen runs on. The home screen imports this lazily.
 */
export function openStudy(options: {set: LessonSet; lesson: Lesson; lang: Lang; store: ProgressStore; theme: Theme; seed?: number; onQuit(): void; live?: LabStoreOptions}): OpenedStudy {
	const opened = Study.open({set: options.set, lesson: options.lesson, lang: options.lang, store: options.store, seed: options.seed, interactive: true});
	if (!opened.ok) return opened;
	return {ok: true, controller: new StudyController({study: opened.study, set: options.set, store: options.store, lang: options.lang, theme: options.theme, onQuit: options.onQuit, live: options.live})};
}
