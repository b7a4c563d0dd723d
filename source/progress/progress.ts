import type {LessonSet} from '../lessons/load';
import type {Lesson} from '../lessons/model';
import type {LessonProgress, ProgressData, StepProgress} from './schema';

/**
 * Reading and changing the learner's progress. Lessons are keyed by folder:
 * `builtin` for the lab's own, the absolute path for an instructor's, so two
 * folders may reuse lesson ids without mixing their progress.
 */
export function setKey(set: Pick<LessonSet, 'builtin' | 'root'>): string {
	return set.builtin ? 'builtin' : set.root;
}

export function lessonEntry(data: ProgressData, key: string, lessonId: string): LessonProgress {
	const set = (data.sets[key] ??= {lessons: {}});
	return (set.lessons[lessonId] ??= {steps: {}});
}

export function stepEntry(data: ProgressData, key: string, lessonId: string, stepId: string): StepProgress {
	const lesson = lessonEntry(data, key, lessonId);
	return (lesson.steps[stepId] ??= {hints: 0, quiz: {}});
}

/** Where to resume: the lesson and step the learner was last on. */
export function setPosition(data: ProgressData, key: string, lessonId: string, stepId: string | undefined, when: Date): void {
	const set = (data.sets[key] ??= {lessons: {}});
	set.current = lessonId;
	const lesson = lessonEntry(data, key, lessonId);
	lesson.started ??= when.toISOString();
	if (stepId !== undefined) lesson.step = stepId;
}

export function markStepDone(data: ProgressData, key: string, lesson: Lesson, stepId: string, when: Date): void {
	const step = stepEntry(data, key, lesson.id, stepId);
	step.done ??= when.toISOString();
	const entry = lessonEntry(data, key, lesson.id);
	entry.started ??= when.toISOString();
	if (lesson.steps.every((s) => entry.steps[s.id]?.done)) entry.completed ??= when.toISOString();
}

/** Remembers the highest rung of the hint ladder the learner opened. */
export function recordHint(data: ProgressData, key: string, lessonId: string, stepId: string, level: number): void {
	const step = stepEntry(data, key, lessonId, stepId);
	step.hints = Math.max(step.hints, level);
}

export function recordSolutionShown(data: ProgressData, key: string, lessonId: string, stepId: string): void {
	stepEntry(data, key, lessonId, stepId).solution = true;
}

export function recordQuiz(data: ProgressData, key: string, lessonId: string, stepId: string, quizId: string, answer: {answer: readonly string[]; correct: boolean; observed?: readonly string[]}): void {
	const step = stepEntry(data, key, lessonId, stepId);
	const before = step.quiz[quizId];
	step.quiz[quizId] = {answer: [...answer.answer], correct: answer.correct, attempts: (before?.attempts ?? 0) + 1, ...(answer.observed ? {observed: [...answer.observed]} : {})};
}

/** Forgets one lesson's progress (start it over). */
export function resetLesson(data: ProgressData, key: string, lessonId: string): void {
	delete data.sets[key]?.lessons[lessonId];
}

export interface LessonStatus {
	readonly state: 'new' | 'started' | 'done';
	readonly done: number;
	readonly total: number;
	/** Step to resume at. */
	readonly step?: string;
}

export function lessonStatus(data: ProgressData, key: string, lesson: Lesson): LessonStatus {
	const entry = data.sets[key]?.lessons[lesson.id];
	const total = lesson.steps.length;
	const done = lesson.steps.filter((s) => entry?.steps[s.id]?.done).length;
	const state = done === total && total > 0 ? 'done' : entry?.started || done > 0 ? 'started' : 'new';
	return {state, done, total, step: entry?.step};
}
