import type {Translate} from '../../i18n/i18n';
import {describeGoal} from '../../lessons/describe';
import type {Lesson, Step} from '../../lessons/model';
import {letterOf, predictionSize} from '../../lessons/quiz';
import type {QuizState, StepStatus} from '../../lessons/session';
import {fill} from '../messages';
import {wrap} from '../text/fit';
import {line, seg} from '../text/segments';
import type {Theme} from '../theme';
import {screenText} from '../panels/status-lines';
import {markdownLines} from './markdown-lines';
import type {StudyMessages} from './study-messages';

export interface PaneInput {
	readonly lesson: Lesson;
	readonly step: Step;
	readonly status: StepStatus;
	/** After the last step: the summary instead of a step. */
	readonly summary: boolean;
	/** Steps saved as done (for the summary's closing line). */
	readonly stepsDone: number;
	/** Lines the text is scrolled down. */
	readonly scroll: number;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
	readonly s: StudyMessages;
	/** The lessons' own catalog: goal sentences generated from predicates. */
	readonly tr: Translate;
}

export interface Pane {
	readonly lines: string[];
	/** Largest useful scroll (the keys stop there). */
	readonly maxScroll: number;
	/** Rows of text in view: one press of Ctrl+↓ moves that many, less one kept for context. */
	readonly page: number;
}

function quizLine(state: QuizState, s: StudyMessages): string | undefined {
	switch (state.kind) {
		case 'open':
			return undefined;
		case 'answered':
			return state.correct ? s.answeredRight : s.answeredWrong;
		case 'predicted':
			return fill(s.predicted, state.predicted.join(' '));
		case 'observed':
			return state.correct ? fill(s.observedRight, state.predicted.join(' ')) : fill(s.observedWrong, state.predicted.join(' '), state.observed.join(' '));
	}
}

const box = (pass: boolean, theme: Theme) => (pass ? (theme.plain ? '[x] ' : '[✓] ') : '[ ] ');

/** Wraps with every line indented by `indent` (wrap() itself keeps no leading spaces). */
function indented(text: string, width: number, indent: string, hanging = ''): string[] {
	return wrap(text, Math.max(1, width - indent.length), hanging).map((t) => indent + t);
}

/** The goal checklist: what the learner checks off, kept in sight under the text. */
function goalLines(input: PaneInput): string[] {
	const {status, width, theme, s, tr, step} = input;
	const out: string[] = [];
	if (status.goals.length > 0) {
		out.push(line(width, seg(s.goals, theme.paint.strong)));
		for (const {goal, pass} of status.goals) {
			const text = wrap(describeGoal(goal, tr), width - 4, '    ');
			text.forEach((t, i) => out.push(i === 0 ? line(width, seg(box(pass, theme), pass ? theme.paint.ok : theme.paint.dim), pass ? seg(t, theme.paint.ok) : t) : pass ? theme.paint.ok(t) : t));
		}
	} else if (step.quiz.length === 0) out.push(line(width, seg(s.noGoals, theme.paint.dim)));
	return out;
}

/** Questions are plain text, not Markdown: the backticks a writer puts around a command are dropped. */
export function unquote(text: string): string {
	return text.replace(/`/g, '');
}

/** `a, b or c` for three choices. */
function letterList(count: number, s: StudyMessages): string {
	const letters = Array.from({length: count}, (_, i) => letterOf(i));
	return letters.length < 2 ? letters.join('') : `${letters.slice(0, -1).join(', ')} ${s.or} ${letters[letters.length - 1]}`;
}

/** The step's questions, their choices and what became of the answers. */
function quizLines(input: PaneInput): string[] {
	const {status, width, theme, s} = input;
	const out: string[] = [];
	const several = status.quizzes.length > 1;
	for (const {quiz, state} of status.quizzes) {
		const prediction = quiz.predict !== undefined;
		const settled = (state.kind === 'answered' && state.correct) || state.kind === 'observed';
		const n = predictionSize(quiz);
		const head = prediction ? s.predict : s.quiz;
		const question = `${unquote(prediction ? quiz.predict! : quiz.ask!)}${prediction && n > 1 ? ' ' + fill(s.predictCount, n) : ''}`;
		out.push(...wrap(`${box(settled, theme)}${head}: ${question}`, width, '    ').map((t, i) => (i === 0 ? theme.paint.strong(t) : t)));
		quiz.choices.forEach((c, i) => out.push(...indented(`${letterOf(i)}) ${unquote(c)}`, width, '    ', '   ')));
		const said = quizLine(state, s);
		if (said) out.push(...indented(said, width, '    ').map((t) => (settled ? theme.paint.ok(t) : theme.paint.warn(t))));
		if (!settled && state.kind !== 'predicted') {
			// The letters on offer rather than one example letter, which a learner could take for a nudge.
			// A one-value prediction is answered like a question: showing its first choice as the example
			// would read as a suggestion.
			const how = prediction && n > 1
				? several
					? fill(s.answerHowId, quiz.id, quiz.choices.slice(0, n).join(' '))
					: fill(s.answerHow, quiz.choices.slice(0, n).join(' '))
				: several
					? fill(s.answerLetterId, quiz.id, letterList(quiz.choices.length, s))
					: fill(s.answerLetter, letterList(quiz.choices.length, s));
			out.push(...indented(how, width, '    ').map((t) => theme.paint.dim(t)));
		}
		if (state.kind === 'answered' && state.correct && quiz.explain) out.push(...indented(unquote(quiz.explain), width, '    ').map((t) => theme.paint.dim(t)));
	}
	return out;
}

/**
 * The lesson pane of the study screen: a title line, the step's text, and the
 * goal checklist with the step's questions. The checklist stays pinned under
 * the text when there is room (it is what changes as the learner works); the
 * text scrolls above it. After the last step: the lesson's summary.
 */
export function lessonPane(input: PaneInput): Pane {
	const {lesson, step, status, width, height, theme, s} = input;
	const title = input.summary ? fill(s.summaryTitle, lesson.number) : fill(s.paneTitle, lesson.number, step.index + 1, lesson.steps.length);
	const heading = input.summary ? lesson.title : step.title;
	const head = line(width, seg(screenText(theme, title), theme.paint.title), seg(screenText(theme, ' · '), theme.paint.dim), seg(heading, theme.paint.strong));
	let body: string[];
	let pinned: string[];
	const room = height - 1;
	// The checklist gets up to two thirds of the pane; when even the goals need more, everything
	// scrolls together. The questions join it only if the text keeps a readable stretch (half the
	// pane, at least 6 rows); otherwise they follow the text and a pinned line points to them.
	const limit = Math.floor(room * 0.67);
	if (input.summary) {
		body = markdownLines(lesson.summary, width, theme);
		const done = input.stepsDone === lesson.steps.length;
		pinned = ['', ...wrap(done ? s.lessonDone : fill(s.lessonPartly, input.stepsDone, lesson.steps.length), width).map((t) => (done ? theme.paint.ok(t) : theme.paint.warn(t)))];
	} else {
		// The lesson's introduction (what it is about, why it matters) opens its first step:
		// otherwise a learner would never see it. The step's own title then marks where the work starts.
		const text = step.index === 0 && lesson.intro.trim() ? `${lesson.intro.trim()}\n\n## ${step.title}\n\n${step.text}` : step.text;
		body = text ? markdownLines(text, width, theme) : [];
		const goals = goalLines(input);
		const questions = quizLines(input);
		const last = step.index === lesson.steps.length - 1;
		const done = status.complete ? wrap(last ? s.lastStepDone : s.stepDone, width).map((t) => theme.paint.ok(t)) : [];
		const textMin = Math.min(body.length, Math.max(6, Math.floor(room / 2)));
		if (goals.length + questions.length + done.length <= Math.min(limit, room - 1 - textMin)) pinned = [...goals, ...questions, ...done];
		else {
			const open = status.quizzes.filter(({state}) => state.kind === 'open' || (state.kind === 'answered' && !state.correct)).length;
			const below = open === 0 ? [] : [theme.paint.warn(line(width, screenText(theme, fill(s.questionsBelow, open === 1 ? s.questionsBelowOne : fill(s.questionsBelowMany, open)))))];
			// A prediction's outcome stays in sight: it is what the step was about.
			const outcomes = status.quizzes.filter(({state}) => state.kind === 'observed').flatMap(({state}) => wrap(quizLine(state, s)!, width).map((t) => ((state as {correct: boolean}).correct ? theme.paint.ok(t) : theme.paint.warn(t))));
			pinned = [...goals, ...below, ...outcomes, ...done];
			if (questions.length) body = [...body, '', ...questions];
		}
	}
	const pin = pinned.length <= limit && body.length > 0;
	const scrolled = pin ? body : [...body, ...(body.length ? [''] : []), ...pinned];
	const textRows = pin ? room - pinned.length - 1 : room;
	// When the text overflows, its last row is kept for the scroll indicator, so no line hides under it
	// (the last line of the text included, once scrolled to the end).
	const overflow = scrolled.length > textRows && textRows > 1;
	const shown = overflow ? textRows - 1 : textRows;
	const maxScroll = Math.max(0, scrolled.length - shown);
	const scroll = Math.min(Math.max(0, input.scroll), maxScroll);
	const window = scrolled.slice(scroll, scroll + shown);
	const below = scrolled.length - scroll - shown;
	if (overflow && below > 0) window.push(theme.paint.dim(line(width, screenText(theme, `↓ ${fill(s.scrollMore, below)}${scroll > 0 ? ' · ' + s.scrollBack : ''}`))));
	else if (overflow) window.push(theme.paint.dim(line(width, screenText(theme, `↑ ${s.scrollBack}`))));
	const lines = [head, ...window];
	if (pin) {
		while (lines.length < 1 + textRows) lines.push('');
		lines.push(theme.paint.dim((theme.plain ? '-' : '─').repeat(width)), ...pinned);
	}
	return {lines: lines.slice(0, height), maxScroll, page: shown};
}
