import type {Lang} from '../i18n/lang';
import {lessonEntry, markStepDone, recordHint, recordQuiz, recordSolutionShown, setKey, setPosition} from '../progress/progress';
import type {ProgressStore} from '../progress/store';
import type {ExecResult} from '../shell/shell';
import type {LessonSet} from './load';
import type {Lesson} from './model';
import {correctLetters} from './quiz';
import {scenarioResolver} from './scenario';
import {openStep, replayJournal, solutionCommands, type AnswerResult, type StepJournal, type StepSession, type StepStatus} from './session';

export interface StudyOptions {
	readonly set: LessonSet;
	readonly lesson: Lesson;
	readonly lang: Lang;
	readonly store: ProgressStore;
	/** Overrides the lesson's seed. */
	readonly seed?: number;
	/** Start at this step instead of where the learner left off. */
	readonly step?: string;
	readonly interactive?: boolean;
	/** Wall clock for progress time stamps (tests pin it). */
	readonly now?: () => Date;
}

export type HintResult = {readonly kind: 'hint'; readonly level: number; readonly total: number; readonly text: string} | {readonly kind: 'solution'; readonly commands: readonly string[]};

/**
 * A learner working through one lesson: the headless core of the study
 * screen. It opens the step to resume at, runs what the learner types, gives
 * hints one rung at a time, takes quiz answers, notices when a step is done,
 * and saves all of it as progress. The screen only draws and forwards keys.
 */
export class Study {
	private current: StepSession;
	private hintsShown = 0;
	private doneSaved = false;
	private readonly predictionsSaved = new Set<string>();
	private readonly key: string;
	private readonly now: () => Date;
	/** What was typed since the cluster was built, step by step: undo replays it. */
	private journal: StepJournal[];

	private constructor(
		private readonly options: StudyOptions,
		session: StepSession,
	) {
		this.current = session;
		this.journal = [{index: session.step.index, commands: []}];
		this.key = setKey(options.set);
		this.now = options.now ?? (() => new Date());
		this.savePosition();
	}

	/** Opens a lesson at the requested step, the saved one, or the first step not done yet. */
	static open(options: StudyOptions): {ok: true; study: Study} | {ok: false; message: string} {
		const saved = lessonEntry(options.store.load(), setKey(options.set), options.lesson.id);
		const steps = options.lesson.steps;
		let index = steps.findIndex((s) => s.id === (options.step ?? saved.step));
		if (index < 0) index = Math.max(0, steps.findIndex((s) => !saved.steps[s.id]?.done));
		const opened = openStep(options.lesson, index, Study.sessionOptions(options));
		if (!opened.ok) return opened;
		return {ok: true, study: new Study(options, opened.session)};
	}

	private static sessionOptions(options: StudyOptions) {
		return {lang: options.lang, scenario: scenarioResolver(options.set.root), seed: options.seed, interactive: options.interactive};
	}

	get session(): StepSession {
		return this.current;
	}

	get lesson(): Lesson {
		return this.options.lesson;
	}

	/** Runs a command line typed by the learner; returns its result and whether it completed the step. */
	execute(line: string): {result: ExecResult; completed: boolean} {
		const result = this.run(line);
		return {result, completed: this.checkDone()};
	}

	/** Runs a line in the step's shell and writes it in the journal. */
	private run(line: string): ExecResult {
		const at = this.current.lab.world.now;
		const result = this.current.execute(line);
		if (line.trim() !== '' && !line.trim().startsWith('#')) this.journal[this.journal.length - 1]!.commands.push({line, at});
		return result;
	}

	/** Commands of this step that undo can take back. */
	get undoable(): number {
		return this.journal[this.journal.length - 1]!.commands.length;
	}

	/**
	 * Takes back the last command of this step: rebuilds the cluster and replays
	 * everything typed since it was built except that command, each at the
	 * virtual time it was typed. Hints seen and quiz answers stay.
	 * Returns the line taken back, or undefined when the step has none.
	 */
	undo(): string | undefined {
		const part = this.journal[this.journal.length - 1]!;
		const last = part.commands.at(-1);
		if (!last) return undefined;
		const journal = [...this.journal.slice(0, -1), {index: part.index, commands: part.commands.slice(0, -1)}];
		const replayed = replayJournal(this.lesson, journal, Study.sessionOptions(this.options), this.current.lab.world.now);
		if (!replayed.ok) return undefined;
		replayed.session.adoptAnswers(this.current);
		this.journal = journal;
		this.current = replayed.session;
		return last.line;
	}

	/** Rungs of the hint ladder seen on this step. */
	get hintsSeen(): number {
		return this.hintsShown;
	}

	/** The reference solution, at once (saved as "solution shown"). */
	solution(): string[] {
		const {step} = this.current;
		this.options.store.update((d) => recordSolutionShown(d, this.key, this.lesson.id, step.id));
		return solutionCommands(step.solution).map((s) => s.line);
	}

	/** The goals and quizzes right now; saves the step as done the first time it is complete (time passing can complete it too). */
	status(): StepStatus {
		const status = this.current.status();
		if (status.complete) this.checkDone(status);
		return status;
	}

	/** The next rung of the hint ladder, then the reference solution. */
	hint(): HintResult {
		const {step} = this.current;
		if (this.hintsShown < step.hints.length) {
			this.hintsShown++;
			this.options.store.update((d) => recordHint(d, this.key, this.lesson.id, step.id, this.hintsShown));
			return {kind: 'hint', level: this.hintsShown, total: step.hints.length, text: step.hints[this.hintsShown - 1]!};
		}
		this.options.store.update((d) => recordSolutionShown(d, this.key, this.lesson.id, step.id));
		return {kind: 'solution', commands: solutionCommands(step.solution).map((s) => s.line)};
	}

	/**
	 * Skips ahead: runs the reference solution in the learner's shell (as if
	 * typed, so the cluster really gets there) and answers the quizzes with the
	 * reference answers. Recorded as "solution shown" in the progress.
	 */
	solve(): Array<{line: string; result: ExecResult}> {
		const {step} = this.current;
		this.options.store.update((d) => recordSolutionShown(d, this.key, this.lesson.id, step.id));
		for (const quiz of step.quiz) {
			const state = this.current.quizState(quiz);
			if (quiz.predict !== undefined && state.kind === 'open') this.current.answer(quiz.id, quiz.expect!.join(' '));
			if (quiz.ask !== undefined && !(state.kind === 'answered' && state.correct)) this.current.answer(quiz.id, correctLetters(quiz).join(' '));
		}
		const ran = solutionCommands(step.solution).map(({line}) => ({line, result: this.run(line)}));
		this.checkDone();
		return ran;
	}

	/** Answers a quiz (letters or the choices' words) and saves the answer. */
	answer(quizId: string, input: string): AnswerResult {
		const result = this.current.answer(quizId, input);
		if (result.ok && result.state.kind === 'answered') {
			const state = result.state;
			this.options.store.update((d) => recordQuiz(d, this.key, this.lesson.id, this.current.step.id, quizId, {answer: state.letters, correct: state.correct}));
		}
		this.checkDone();
		return result;
	}

	/** Moves to the next step (on the same cluster unless it starts fresh). False after the last step. */
	next(): boolean {
		const moved = this.current.next();
		if (!moved?.ok) return false;
		const index = moved.session.step.index;
		if (moved.session.lab === this.current.lab) this.journal.push({index, commands: []});
		else this.journal = [{index, commands: []}];
		this.switchTo(moved.session);
		return true;
	}

	/** Jumps to any step, rebuilding the cluster as the earlier steps leave it; `goTo(current)` restarts the step. */
	goTo(stepIndex: number): boolean {
		const opened = openStep(this.lesson, stepIndex, Study.sessionOptions(this.options));
		if (!opened.ok) return false;
		this.journal = [{index: stepIndex, commands: []}];
		this.switchTo(opened.session);
		return true;
	}

	private switchTo(session: StepSession): void {
		this.saveQuizOutcomes();
		this.current = session;
		this.hintsShown = 0;
		this.doneSaved = false;
		this.predictionsSaved.clear();
		this.savePosition();
	}

	private savePosition(): void {
		this.options.store.update((d) => setPosition(d, this.key, this.lesson.id, this.current.step.id, this.now()));
	}

	private checkDone(status: StepStatus = this.current.status()): boolean {
		if (!status.complete || this.doneSaved) return false;
		this.doneSaved = true;
		this.saveQuizOutcomes();
		this.options.store.update((d) => markStepDone(d, this.key, this.lesson, this.current.step.id, this.now()));
		return true;
	}

	/** Predictions are saved with what then happened. */
	private saveQuizOutcomes(): void {
		for (const {quiz, state} of this.current.status().quizzes) {
			if (state.kind !== 'observed' || this.predictionsSaved.has(quiz.id)) continue;
			this.predictionsSaved.add(quiz.id);
			this.options.store.update((d) => recordQuiz(d, this.key, this.lesson.id, this.current.step.id, quiz.id, {answer: state.predicted, correct: state.correct, observed: state.observed}));
		}
	}
}
