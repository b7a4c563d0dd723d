import type {Translate} from '../i18n/i18n';
import type {Lang} from '../i18n/lang';
import type {LessonSet} from '../lessons/load';
import type {Lesson} from '../lessons/model';
import type {ProgressStore} from '../progress/store';
import type {Io} from './context';

/** Everything the study screen needs to open a lesson. */
export interface StudyOptions {
	readonly set: LessonSet;
	readonly lesson: Lesson;
	readonly lang: Lang;
	readonly t: Translate;
	/** Progress: resume position (`progress.ts` setPosition/markStepDone/recordHint/recordQuiz). */
	readonly store: ProgressStore;
	readonly io: Io;
	/** `--seed`: overrides the lesson's own. */
	readonly seed?: number;
	/** `--plain`: no drawing characters. */
	readonly plain?: boolean;
}

/**
 * Opens a lesson in a terminal: the study screen, resumed where the learner
 * left off (the lesson beside its live cluster, goals ticking as the learner
 * works). Resolves to the exit code once the learner leaves.
 */
export async function openStudy(options: StudyOptions): Promise<number> {
	const {startInteractive} = await import('../ui/start');
	return startInteractive({seed: options.seed ?? options.lesson.seed, lang: options.lang, plain: options.plain ?? false, store: options.store, lesson: {set: options.set, lesson: options.lesson, seed: options.seed}});
}
