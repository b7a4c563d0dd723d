import type {Translate} from '../i18n/i18n';
import type {Lang} from '../i18n/lang';
import type {LessonSet} from '../lessons/load';
import type {Lesson} from '../lessons/model';
import {renderLessonText} from '../lessons/render-text';
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
	readonly seed?: number;
}

/**
 * Opens a lesson in a terminal. This is where the interactive study screen
 * plugs in: `Study.open` (lessons/study.ts) resumes the lesson at the right
 * step with its cluster built; the screen forwards typed lines to
 * `study.execute`, shows `study.status()` (goals, quizzes), and calls
 * `hint`, `solve`, `answer`, `next` and `goTo`; progress is saved as it goes. Until
 * that screen exists, this prints the lesson text and says how to work
 * through it in the lab.
 */
export async function openStudy(options: StudyOptions): Promise<number> {
	options.io.write(renderLessonText(options.lesson, options.t));
	options.io.write('\n' + options.t('lesson.studyLater', {scenario: options.lesson.scenario}) + '\n');
	return 0;
}
