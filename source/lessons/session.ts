import {createLab, type Lab} from '../lab/lab';
import type {Lang} from '../i18n/lang';
import type {ExecResult} from '../shell/shell';
import type {Micros} from '../sim/time';
import {applySetup} from './events';
import type {Lesson, Step} from './model';
import {evaluate} from './predicates/evaluate';
import {isCorrect, isPrediction, observed, parseAnswer, predictionSize, type ParsedAnswer} from './quiz';
import {makeRecord, type CommandRecord} from './record';
import type {ScenarioResolver} from './scenario';
import type {Goal, Quiz, SolutionItem} from './schema';

export interface SessionOptions {
	readonly lang: Lang;
	readonly scenario: ScenarioResolver;
	/** True when the screen drives the lab (full-screen tools may take over). */
	readonly interactive?: boolean;
	/** Overrides the lesson's seed. */
	readonly seed?: number;
}

export type QuizState =
	| {readonly kind: 'open'}
	/** Multiple choice answered; `correct` tells whether the last answer was right. */
	| {readonly kind: 'answered'; readonly letters: readonly string[]; readonly correct: boolean; readonly attempts: number}
	/** A prediction waiting for the commands that show the outcome. */
	| {readonly kind: 'predicted'; readonly predicted: readonly string[]; readonly observed: readonly string[]}
	| {readonly kind: 'observed'; readonly predicted: readonly string[]; readonly observed: readonly string[]; readonly correct: boolean};

export interface GoalState {
	readonly goal: Goal;
	readonly pass: boolean;
}

export interface StepStatus {
	readonly goals: readonly GoalState[];
	readonly quizzes: ReadonlyArray<{readonly quiz: Quiz; readonly state: QuizState}>;
	/** Every goal holds and every quiz is settled (answered right, or prediction observed). */
	readonly complete: boolean;
}

export type AnswerResult =
	| {readonly ok: true; readonly state: QuizState}
	| {readonly ok: false; readonly problem: 'unknown-quiz' | 'already-predicted' | Extract<ParsedAnswer, {ok: false}>['reason']; readonly word?: string};

export type OpenResult = {ok: true; session: StepSession} | {ok: false; message: string};

/** The command lines of a solution and the exit status each should have. */
export function solutionCommands(items: readonly SolutionItem[]): Array<{line: string; status: number | 'any'}> {
	return items.map((item) => (typeof item === 'string' ? {line: item, status: 0} : {line: item.run, status: item.status ?? 0}));
}

/**
 * One step being worked on: the lab, the commands run since the step began,
 * quiz answers, and the goals' state. The study screen feeds it what the
 * learner types (`execute`, or `record` when it ran the command itself);
 * `validate` drives it headlessly with the reference solution.
 */
export class StepSession {
	readonly records: CommandRecord[] = [];
	readonly startedAt: Micros;
	readonly timelineSince: number;
	/** What the quiet setup commands printed and returned (validate reports failures). */
	readonly setupResults: ReadonlyArray<{line: string; status: number; output: string}>;
	private readonly answers = new Map<string, QuizState>();
	private readonly predictions = new Map<string, {values: string[]; from: number}>();

	constructor(
		readonly lesson: Lesson,
		readonly step: Step,
		readonly lab: Lab,
		private readonly options: SessionOptions,
	) {
		this.setupResults = applySetup(lab, step.setup, options.lang);
		this.startedAt = lab.world.now;
		this.timelineSince = lab.world.timeline.lastSeq;
	}

	/** Runs what the learner typed in the lab shell and remembers it for the goals. */
	execute(source: string): ExecResult {
		const host = this.lab.shell.session.host.name;
		const result = this.lab.shell.execute(source.endsWith('\n') ? source : source + '\n');
		this.record(source, result, host);
		return result;
	}

	/** Remembers a command the screen ran itself through `lab.shell`. */
	record(source: string, result: ExecResult, host: string): void {
		if (source.trim() === '' || source.trim().startsWith('#')) return;
		this.records.push(makeRecord(source, result, host, this.lab.world.now));
	}

	/**
	 * Answers a quiz with what the learner typed (letters or the choices' words).
	 * A prediction is taken once; its outcome comes from the commands run after it.
	 */
	answer(quizId: string, input: string): AnswerResult {
		const quiz = this.step.quiz.find((q) => q.id === quizId);
		if (!quiz) return {ok: false, problem: 'unknown-quiz'};
		if (isPrediction(quiz) && this.predictions.has(quizId)) return {ok: false, problem: 'already-predicted'};
		const parsed = parseAnswer(quiz, input);
		if (!parsed.ok) return {ok: false, problem: parsed.reason, word: parsed.word};
		if (isPrediction(quiz)) {
			this.predictions.set(quizId, {values: parsed.values, from: this.records.length});
		} else {
			const before = this.answers.get(quizId);
			const attempts = (before?.kind === 'answered' ? before.attempts : 0) + 1;
			this.answers.set(quizId, {kind: 'answered', letters: parsed.values, correct: isCorrect(quiz, parsed.values), attempts});
		}
		return {ok: true, state: this.quizState(quiz)};
	}

	quizState(quiz: Quiz): QuizState {
		if (!isPrediction(quiz)) return this.answers.get(quiz.id) ?? {kind: 'open'};
		const p = this.predictions.get(quiz.id);
		if (!p) return {kind: 'open'};
		const seen = observed(quiz, this.records.slice(p.from));
		if (seen.length < predictionSize(quiz)) return {kind: 'predicted', predicted: p.values, observed: seen};
		return {kind: 'observed', predicted: p.values, observed: seen, correct: seen.every((v, i) => v === p.values[i])};
	}

	goalPasses(goal: Goal): boolean {
		return evaluate(goal, {lab: this.lab, records: this.records, timelineSince: this.timelineSince});
	}

	status(): StepStatus {
		const goals = this.step.goals.map((goal) => ({goal, pass: this.goalPasses(goal)}));
		const quizzes = this.step.quiz.map((quiz) => ({quiz, state: this.quizState(quiz)}));
		const settled = quizzes.every(({state}) => (state.kind === 'answered' && state.correct) || state.kind === 'observed');
		return {goals, quizzes, complete: settled && goals.every((g) => g.pass)};
	}

	/**
	 * Takes over the quiz answers of the session this one replaces (undo rebuilds
	 * the step): multiple-choice answers, and predictions made before the
	 * commands that are still there.
	 */
	adoptAnswers(from: StepSession): void {
		for (const [id, state] of from.answers) this.answers.set(id, state);
		for (const [id, p] of from.predictions) if (p.from <= this.records.length) this.predictions.set(id, p);
	}

	/** The next step on the same cluster, or on a fresh one when it starts fresh; undefined after the last. */
	next(): OpenResult | undefined {
		const following = this.lesson.steps[this.step.index + 1];
		if (!following) return undefined;
		if (following.fresh) return openStep(this.lesson, following.index, this.options);
		return {ok: true, session: new StepSession(this.lesson, following, this.lab, this.options)};
	}
}

/** A command the learner ran and the virtual time it started at. */
export interface JournalEntry {
	readonly line: string;
	readonly at: Micros;
}

/** The commands run during one step, in order. */
export interface StepJournal {
	readonly index: number;
	readonly commands: JournalEntry[];
}

/**
 * Rebuilds a cluster from what the learner did: opens the first journal's
 * step as \`openStep\` does, then replays every step's commands at the virtual
 * time each was typed (the engine is deterministic, so the cluster ends up as
 * it was), moving on to the next journal's step on the same cluster. The
 * clock then runs on to \`until\`, so undoing never turns time back.
 */
export function replayJournal(lesson: Lesson, journal: readonly StepJournal[], options: SessionOptions, until?: Micros): OpenResult {
	const first = journal[0];
	if (!first) return {ok: false, message: 'nothing to replay'};
	const opened = openStep(lesson, first.index, options);
	if (!opened.ok) return opened;
	let session = opened.session;
	journal.forEach((part, n) => {
		if (n > 0) session = new StepSession(lesson, lesson.steps[part.index]!, session.lab, options);
		for (const {line, at} of part.commands) {
			if (at > session.lab.world.now) session.lab.world.runUntil(at);
			session.execute(line);
		}
	});
	if (until !== undefined && until > session.lab.world.now) session.lab.world.runUntil(until);
	return {ok: true, session};
}

/** The step chain a step belongs to starts at the last fresh step at or before it. */
function chainStart(lesson: Lesson, index: number): number {
	for (let i = index; i > 0; i--) if (lesson.steps[i]!.fresh) return i;
	return 0;
}

/**
 * Opens a step from scratch (jumping or resuming): builds its scenario, then
 * replays the earlier steps of its chain (their setup and reference solution)
 * so the cluster is where a learner who did them would have left it.
 */
export function openStep(lesson: Lesson, index: number, options: SessionOptions): OpenResult {
	const step = lesson.steps[index];
	if (!step) return {ok: false, message: `no step ${index + 1} in ${lesson.id}`};
	const first = chainStart(lesson, index);
	const scenarioName = lesson.steps[first]!.scenario ?? lesson.scenario;
	const found = options.scenario(scenarioName);
	if (!found.ok) return {ok: false, message: found.message};
	const lab = createLab(found.config, {seed: options.seed ?? lesson.seed, lang: options.lang, interactive: options.interactive ?? false});
	for (let i = first; i < index; i++) {
		const earlier = lesson.steps[i]!;
		applySetup(lab, earlier.setup, options.lang);
		for (const {line} of solutionCommands(earlier.solution)) lab.shell.execute(line.endsWith('\n') ? line : line + '\n');
	}
	return {ok: true, session: new StepSession(lesson, step, lab, options)};
}
