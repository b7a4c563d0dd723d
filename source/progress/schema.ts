import * as z from 'zod';

import {PROGRESS_VERSION} from './format';

export {emptyProgress, PROGRESS_VERSION} from './format';

const quizAnswer = z.looseObject({
	/** Letters for multiple choice, values for predictions. */
	answer: z.array(z.string()),
	correct: z.boolean(),
	attempts: z.number().int().nonnegative().default(1),
	/** Predictions: what then happened. */
	observed: z.array(z.string()).optional(),
});

const stepProgress = z.looseObject({
	/** ISO time the step was completed. */
	done: z.string().optional(),
	/** Highest rung of the hint ladder shown (0 = none). */
	hints: z.number().int().nonnegative().default(0),
	/** Reference solution shown or run for the learner. */
	solution: z.boolean().optional(),
	quiz: z.record(z.string(), quizAnswer).default({}),
});

const lessonProgress = z.looseObject({
	/** Step to resume at. */
	step: z.string().optional(),
	started: z.string().optional(),
	completed: z.string().optional(),
	steps: z.record(z.string(), stepProgress).default({}),
});

const setProgress = z.looseObject({
	/** Lesson (and its step) to resume at. */
	current: z.string().optional(),
	lessons: z.record(z.string(), lessonProgress).default({}),
});

export const progressSchema = z.looseObject({
	schemaVersion: z.literal(PROGRESS_VERSION),
	/** Language chosen in the lab (`--lang` still wins). */
	lang: z.enum(['en', 'es']).optional(),
	/** Per lesson folder: `builtin`, or the absolute path of an instructor's folder. */
	sets: z.record(z.string(), setProgress).default({}),
});

export type ProgressData = z.output<typeof progressSchema>;
export type LessonProgress = z.output<typeof lessonProgress>;
export type StepProgress = z.output<typeof stepProgress>;
export type SetProgress = z.output<typeof setProgress>;

export type ProgressSchema = typeof progressSchema;
