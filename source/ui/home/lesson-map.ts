import type {ProgressData} from '../../progress/schema';
import {fill, type Messages} from '../messages';
import type {Theme} from '../theme';
import type {HomeSection} from './home-screen';
import {cardStatus, type LessonCard} from './lesson-catalog';

/**
 * The lesson map on the home screen: every lesson by number and title, with a
 * mark and words for the learner's progress (not started, N of M steps, done).
 * Choosing one opens study mode where the learner left off.
 */
export function lessonSection(input: {t: Messages; theme: Theme; lessons: readonly LessonCard[]; progress: ProgressData; setKey: string}): HomeSection {
	const {t, theme} = input;
	const marks = theme.plain ? {new: '[ ]', started: '[~]', done: '[x]'} : {new: '○', started: '◐', done: '●'};
	// Numbers right-aligned in one column; the home screen lines up marks, titles and progress after them.
	const numberWidth = Math.max(2, ...input.lessons.map((l) => String(l.number).length));
	return {
		title: t.home.lessons,
		labelWidth: numberWidth,
		entries: input.lessons.map((lesson) => {
			const status = cardStatus(input.progress, input.setKey, lesson);
			const detail = status.state === 'done' ? t.home.lessonDone : status.state === 'started' ? fill(t.home.lessonStarted, status.done, status.total) : t.home.lessonNew;
			return {label: String(lesson.number).padStart(numberWidth), description: `${marks[status.state]} ${lesson.title}`, detail, action: {kind: 'lesson', id: lesson.id}};
		}),
	};
}
