import {translator, type Translate} from '../../i18n/i18n';
import type {Lang} from '../../i18n/lang';
import type {StepStatus} from '../../lessons/session';
import type {Study} from '../../lessons/study';
import {lessonEntry, setKey} from '../../progress/progress';
import type {ProgressStore} from '../../progress/store';
import type {LessonSet} from '../../lessons/load';
import {LabController} from '../lab/lab-controller';
import {LabStore, type LabStoreOptions} from '../live/lab-store';
import {fill} from '../messages';
import {isChar, type KeyPress} from '../terminal/keys';
import type {Theme} from '../theme';
import {unquote} from './lesson-pane';
import {studyMessages, type StudyMessages} from './study-messages';

/** What the study screen shows besides the lab. Replaced on every change. */
export interface StudyState {
	readonly status: StepStatus;
	/** The lesson pane is shown (where the window is small it takes the panels' place). */
	readonly showLesson: boolean;
	readonly scroll: number;
	/** The summary after the last step. */
	readonly summary: boolean;
	/** Asking whether to show the solution before every hint was seen. */
	readonly confirming: boolean;
	readonly stepsDone: number;
}

export interface StudyControllerOptions {
	readonly study: Study;
	readonly set: LessonSet;
	readonly store: ProgressStore;
	readonly lang: Lang;
	readonly theme: Theme;
	onQuit(): void;
	/** Store settings (tests pause the clock). */
	readonly live?: LabStoreOptions;
}

/** Lines the learner types that the study screen answers itself. */
const COMMANDS = ['hint', 'solution', 'solve', 'undo', 'reset', 'next', 'prev', 'answer', 'lesson'] as const;
type StudyCommand = (typeof COMMANDS)[number];

/**
 * The study screen's brain: a lesson (`Study`) beside the lab screen. Every
 * line typed in the shell runs through the lesson, so goals and quizzes see
 * it; the goal checklist is re-read on each snapshot the live store publishes.
 * Study keys (F2–F8) and study commands typed at the prompt (`hint`, `next`…)
 * do the same things; their answers go to the shell as notes.
 */
export class StudyController {
	readonly lab: LabController;
	readonly s: StudyMessages;
	readonly tr: Translate;
	private state: StudyState;
	private readonly listeners = new Set<() => void>();
	private unsubscribeStore: () => void;
	private announced = false;
	private maxScroll = 0;
	private page = 4;

	constructor(private readonly options: StudyControllerOptions) {
		this.s = studyMessages(options.lang);
		this.tr = translator(options.lang);
		const {study} = options;
		this.lab = new LabController(study.session.lab, new LabStore(study.session.lab, options.live), {
			lang: options.lang,
			theme: options.theme,
			onQuit: options.onQuit,
			intercept: (k) => this.key(k),
			afterCommand: () => this.refresh(),
			shell: {
				execute: (source) => study.execute(source).result,
				intercept: (line) => this.command(line),
				words: COMMANDS,
			},
		});
		const status = study.status();
		this.announced = status.complete;
		this.state = {status, showLesson: true, scroll: 0, summary: false, confirming: false, stepsDone: this.stepsDone()};
		this.unsubscribeStore = this.lab.store.subscribe(this.refresh);
	}

	get study(): Study {
		return this.options.study;
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getState = (): StudyState => this.state;

	/** The pane tells how far its text can scroll and how many rows it shows (both depend on the window). */
	setMaxScroll(max: number, page = 4): void {
		this.maxScroll = max;
		this.page = page;
	}

	dispose(): void {
		this.unsubscribeStore();
		this.lab.store.dispose();
		this.listeners.clear();
	}

	private update(patch: Partial<StudyState>): void {
		this.state = {...this.state, ...patch};
		for (const l of this.listeners) l();
	}

	private stepsDone(): number {
		const entry = lessonEntry(this.options.store.load(), setKey(this.options.set), this.study.lesson.id);
		return this.study.lesson.steps.filter((s) => entry.steps[s.id]?.done).length;
	}

	/** Re-reads the goals (on every snapshot and after every command); announces a finished step once. */
	refresh = (): void => {
		const status = this.study.status();
		const before = this.state.status;
		const same = status.complete === before.complete && status.goals.every((g, i) => g.pass === before.goals[i]?.pass) && status.quizzes.every((q, i) => JSON.stringify(q.state) === JSON.stringify(before.quizzes[i]?.state));
		if (status.complete && !this.announced) {
			this.announced = true;
			const last = this.study.session.step.index === this.study.lesson.steps.length - 1;
			this.lab.shell.note(`${this.options.theme.plain ? '*' : '✓'} ${last ? this.s.lastStepDone : this.s.stepDone}`);
		}
		if (!same || status.goals.length !== before.goals.length || status.quizzes.length !== before.quizzes.length) this.update({status, stepsDone: this.stepsDone()});
	};

	/** The study session may now run on another cluster: the lab screen follows it. */
	private follow(): void {
		const lab = this.study.session.lab;
		if (lab !== this.lab.lab) {
			this.unsubscribeStore();
			this.lab.replaceLab(lab, new LabStore(lab, {...this.options.live, paused: this.lab.store.clockView.paused, speed: this.lab.store.clockView.speed}));
			this.unsubscribeStore = this.lab.store.subscribe(this.refresh);
		}
		const status = this.study.status();
		this.announced = status.complete;
		this.update({status, stepsDone: this.stepsDone()});
	}

	/** Study keys; true when the key was one. */
	key(k: KeyPress): boolean {
		if (this.state.confirming) {
			const yes = isChar(k, 'y') || isChar(k, 'Y') || isChar(k, 's') || isChar(k, 'S');
			this.update({confirming: false});
			if (yes) this.showSolution();
			else this.lab.shell.note(this.s.solutionNo);
			return true;
		}
		const action: Partial<Record<KeyPress['name'], StudyCommand>> = {f2: 'lesson', f3: 'hint', f4: 'solution', f5: 'undo', f6: 'reset', f7: 'prev', f8: 'next'};
		const command = action[k.name];
		if (command) {
			this.run(command, []);
			return true;
		}
		if ((k.name === 'up' || k.name === 'down') && k.ctrl) {
			// A page at a time, keeping the last row in sight: long lessons read in a few presses.
			const step = Math.max(1, this.page - 1);
			this.scrollBy(k.name === 'up' ? -step : step);
			return true;
		}
		return false;
	}

	private scrollBy(rows: number): void {
		const scroll = Math.max(0, Math.min(this.maxScroll, this.state.scroll + rows));
		if (scroll !== this.state.scroll) this.update({scroll});
	}

	/** A line typed at the prompt: the study's own commands are handled here. */
	command(line: string): (() => void) | undefined {
		const words = line.trim().split(/\s+/);
		const name = words[0] as StudyCommand;
		if (!COMMANDS.includes(name)) return undefined;
		// Only the bare word (answer takes arguments): `next 3` or `reset --hard` are left to the shell.
		if (name !== 'answer' && words.length > 1) return undefined;
		return () => this.run(name, words.slice(1));
	}

	private run(command: StudyCommand, args: string[]): void {
		switch (command) {
			case 'lesson':
				this.update({showLesson: !this.state.showLesson});
				return;
			case 'hint':
				return this.hint();
			case 'solution':
				if (this.study.hintsSeen >= this.study.session.step.hints.length) return this.showSolution();
				this.lab.shell.note(this.s.solutionAsk);
				this.update({confirming: true});
				return;
			case 'solve':
				this.study.solve();
				this.lab.shell.note(this.s.solved);
				this.lab.store.refresh();
				this.refresh();
				return;
			case 'undo': {
				const line = this.study.undo();
				this.lab.shell.note(line === undefined ? this.s.nothingToUndo : fill(this.s.undone, line.trim()));
				this.follow();
				return;
			}
			case 'reset':
				this.goTo(this.study.session.step.index, fill(this.s.reset, this.study.session.step.index + 1));
				return;
			case 'prev':
				if (this.state.summary) {
					this.update({summary: false, scroll: 0});
					this.noteStep();
					return;
				}
				if (this.study.session.step.index === 0) return this.lab.shell.note(this.s.firstStep);
				this.goTo(this.study.session.step.index - 1);
				return;
			case 'next':
				return this.next();
			case 'answer':
				return this.answer(args);
		}
	}

	private hint(): void {
		const step = this.study.session.step;
		if (step.hints.length === 0 && step.solution.length === 0) return this.lab.shell.note(this.s.noHints);
		const h = this.study.hint();
		if (h.kind === 'hint') this.lab.shell.note(fill(this.s.hint, h.level, h.total, h.text.replace(/`/g, '')));
		else this.printSolution(h.commands);
	}

	private showSolution(): void {
		this.printSolution(this.study.solution());
	}

	private printSolution(commands: readonly string[]): void {
		if (commands.length === 0) return this.lab.shell.note(this.s.solutionNone);
		this.lab.shell.note([this.s.solutionHead, ...commands.map((c) => '  ' + c)].join('\n'));
	}

	private noteStep(extra?: string): void {
		const {step} = this.study.session;
		const text = fill(this.s.movedTo, step.index + 1, this.study.lesson.steps.length, step.title);
		this.lab.shell.note(extra ? `${text}\n${extra}` : text);
	}

	private goTo(index: number, message?: string): void {
		if (!this.study.goTo(index)) return this.lab.shell.note(fill(this.s.cannotOpen, index + 1));
		this.update({summary: false, scroll: 0, confirming: false});
		this.follow();
		this.noteStep(message ?? this.s.rebuilt);
	}

	private next(): void {
		if (this.state.summary) return this.lab.shell.note(this.s.summaryShown);
		const {index} = this.study.session.step;
		const last = index === this.study.lesson.steps.length - 1;
		if (last) {
			// After the last step: the summary.
			this.update({summary: true, scroll: 0, stepsDone: this.stepsDone()});
			this.lab.shell.note(this.s.summaryShown);
			return;
		}
		if (!this.study.status().complete) {
			// Skipping: the next step opens on a cluster rebuilt with the earlier steps' solutions,
			// so it starts where the lesson expects instead of where this one was left.
			this.goTo(index + 1, this.s.notFinished);
			return;
		}
		const before = this.study.session.lab;
		if (!this.study.next()) return this.lab.shell.note(fill(this.s.cannotOpen, index + 2));
		this.update({scroll: 0, confirming: false});
		this.follow();
		this.noteStep(this.study.session.lab === before ? undefined : this.s.freshCluster);
	}

	private answer(args: string[]): void {
		const quizzes = this.study.session.step.quiz;
		if (quizzes.length === 0) return this.lab.shell.note(this.s.noQuiz);
		if (args.length === 0) return this.lab.shell.note(this.s.answerUsage);
		let quiz = quizzes.find((q) => q.id === args[0]);
		let words = args;
		if (quiz && args.length > 1) words = args.slice(1);
		else {
			// Without a name: the first question not settled yet.
			const status = this.study.status();
			const open = status.quizzes.find(({state}) => !((state.kind === 'answered' && state.correct) || state.kind === 'observed' || state.kind === 'predicted'));
			quiz = (open ?? status.quizzes[0]!).quiz;
		}
		const result = this.study.answer(quiz.id, words.join(' '));
		if (!result.ok) {
			const p = result.problem;
			const text =
				p === 'already-predicted' ? this.s.alreadyPredicted : p === 'unknown' ? fill(this.s.badChoice, result.word ?? words.join(' ')) : p === 'count' ? fill(this.s.countWrong, quiz.count ?? 1) : p === 'unknown-quiz' ? fill(this.s.unknownQuiz, args[0]!, quizzes.map((q) => q.id).join(', ')) : this.s.answerUsage;
			this.lab.shell.note(text);
			return;
		}
		const {state} = result;
		if (state.kind === 'answered') this.lab.shell.note(state.correct ? fill(this.s.right, unquote(quiz.explain ?? '')).trim() : this.s.wrong);
		else if (state.kind === 'predicted') this.lab.shell.note(fill(this.s.predictionNoted, state.predicted.join(' ')));
		this.refresh();
	}
}
