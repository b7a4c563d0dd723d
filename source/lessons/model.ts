import type {Lang} from '../i18n/lang';
import type {Goal, Quiz, Setup, SolutionItem} from './schema';

/** One step of a lesson: text to read, and what the lab checks. */
export interface Step {
	/** From the heading's `{#id}`; the same in every language. */
	readonly id: string;
	readonly index: number;
	readonly title: string;
	/** Markdown, without the ```step block. */
	readonly text: string;
	/** Starts on a fresh copy of this scenario instead of continuing the previous step's cluster. */
	readonly scenario?: string;
	readonly fresh: boolean;
	readonly setup: Setup;
	readonly goals: readonly Goal[];
	readonly quiz: readonly Quiz[];
	readonly hints: readonly string[];
	readonly solution: readonly SolutionItem[];
	/** Lines in the lesson file, for messages that point at them. */
	readonly lines: StepLines;
}

export interface StepLines {
	readonly heading: number;
	readonly block: number;
	readonly goals: readonly number[];
	readonly quiz: readonly number[];
	readonly solution: readonly number[];
	readonly setup: number;
}

/** One lesson in one language, parsed from `NN-slug.md`. */
export interface Lesson {
	/** The slug of the file name: `lvs-first-service`. */
	readonly id: string;
	/** The NN of the file name. */
	readonly number: number;
	readonly lang: Lang;
	/** Path as shown in messages (relative for the built-in lessons). */
	readonly file: string;
	readonly title: string;
	readonly scenario: string;
	readonly seed: number;
	readonly requires: readonly string[];
	readonly minutes?: number;
	readonly intro: string;
	readonly steps: readonly Step[];
	readonly summary: string;
	readonly lines: {readonly title: number; readonly scenario: number; readonly requires: number; readonly summary: number};
}
