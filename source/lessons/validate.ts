import {isDeepStrictEqual} from 'node:util';
import {createRegistry} from '../commands';
import type {CommandRegistry} from '../commands/registry';
import type {Translate} from '../i18n/i18n';
import type {Lang} from '../i18n/lang';
import {commandsUsed} from './commands-used';
import {describeGoal} from './describe';
import type {LessonSet} from './load';
import type {Lesson, Step} from './model';
import {correctLetters, isPrediction} from './quiz';
import {scenarioResolver, type ScenarioResolver} from './scenario';
import type {Goal, Quiz} from './schema';
import {openStep, solutionCommands} from './session';

export interface Problem {
	readonly file: string;
	readonly line: number;
	readonly message: string;
	/** `waiting`: the step needs a command this build does not have yet; it was not run. */
	readonly kind: 'error' | 'waiting';
}

export interface ValidateReport {
	readonly problems: readonly Problem[];
	readonly lessons: number;
	readonly steps: number;
	/** Steps whose reference solution ran and passed, per language. */
	readonly passed: number;
	readonly waiting: number;
}

export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}: ${p.message}`;
}

/**
 * Checks a lesson folder the way an instructor needs: every file parses, the
 * languages agree, each step's reference solution reaches its goals, and no
 * step passes before the learner has done anything.
 */
export function validateSet(set: LessonSet, t: Translate, registry: CommandRegistry = createRegistry()): ValidateReport {
	const problems: Problem[] = set.errors.map((e) => ({...e, kind: 'error' as const}));
	if (set.langs.length === 2) problems.push(...compareLanguages(set, t));
	const resolve = scenarioResolver(set.root);
	let steps = 0;
	let passed = 0;
	let waiting = 0;
	const stepsOf = new Map<string, number>();
	for (const lang of set.langs) {
		for (const lesson of set.lessons[lang]) {
			stepsOf.set(lesson.id, Math.max(stepsOf.get(lesson.id) ?? 0, lesson.steps.length));
			const result = checkLesson(lesson, lang, t, registry, resolve);
			problems.push(...result.problems);
			passed += result.passed;
			waiting += result.waiting;
		}
	}
	problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
	for (const n of stepsOf.values()) steps += n;
	return {problems, lessons: stepsOf.size, steps, passed, waiting};
}

/** Goals without their texts, for comparing languages. */
function bare(goal: Goal): unknown {
	const {text: _text, ...rest} = goal;
	if (rest.all) return {all: rest.all.map(bare)};
	if (rest.any) return {any: rest.any.map(bare)};
	if (rest.not) return {not: bare(rest.not)};
	return rest;
}

/** The language-neutral part of a quiz: kind, number of choices, right answers, what is observed. */
function quizShape(q: Quiz): unknown {
	return {
		id: q.id,
		kind: isPrediction(q) ? 'predict' : 'ask',
		choices: q.choices.length,
		answer: correctLetters(q),
		count: q.count ?? 1,
		observe: q.observe,
		expect: q.expect?.map((v) => q.choices.indexOf(v)),
	};
}

function compareLanguages(set: LessonSet, t: Translate): Problem[] {
	const problems: Problem[] = [];
	const err = (file: string, line: number, message: string) => problems.push({file, line, message, kind: 'error'});
	const en = new Map(set.lessons.en.map((l) => [l.id, l]));
	const es = new Map(set.lessons.es.map((l) => [l.id, l]));
	for (const [id, lesson] of en) if (!es.has(id)) err(lesson.file, 1, t('validate.missingLang', {lang: 'es', id}));
	for (const [id, lesson] of es) if (!en.has(id)) err(lesson.file, 1, t('validate.missingLang', {lang: 'en', id}));
	for (const [id, a] of en) {
		const b = es.get(id);
		if (!b) continue;
		const ref = (line: number) => `${a.file}:${line}`;
		if (a.number !== b.number) err(b.file, 1, t('validate.numberDiffers', {other: a.file}));
		if (a.scenario !== b.scenario) err(b.file, b.lines.scenario, t('validate.fieldDiffers', {field: 'scenario', other: ref(a.lines.scenario)}));
		if (a.seed !== b.seed) err(b.file, 1, t('validate.fieldDiffers', {field: 'seed', other: a.file}));
		if (!isDeepStrictEqual([...a.requires].sort(), [...b.requires].sort())) err(b.file, b.lines.requires, t('validate.fieldDiffers', {field: 'requires', other: ref(a.lines.requires)}));
		const aIds = a.steps.map((s) => s.id).join(', ');
		const bIds = b.steps.map((s) => s.id).join(', ');
		if (aIds !== bIds) {
			err(b.file, b.steps[0]?.lines.heading ?? 1, t('validate.stepsDiffer', {mine: bIds || '-', other: a.file, theirs: aIds || '-'}));
			continue;
		}
		a.steps.forEach((sa, i) => {
			const sb = b.steps[i]!;
			const goalsA = sa.goals.map(bare);
			const goalsB = sb.goals.map(bare);
			if (goalsA.length !== goalsB.length) err(b.file, sb.lines.block, t('validate.goalCount', {mine: goalsB.length, other: ref(sa.lines.block), theirs: goalsA.length}));
			else goalsA.forEach((g, j) => isDeepStrictEqual(g, goalsB[j]) || err(b.file, sb.lines.goals[j]!, t('validate.goalDiffers', {n: j + 1, other: ref(sa.lines.goals[j]!)})));
			const qa = sa.quiz.map(quizShape);
			const qb = sb.quiz.map(quizShape);
			if (qa.length !== qb.length) err(b.file, sb.lines.block, t('validate.quizCount', {mine: qb.length, other: ref(sa.lines.block), theirs: qa.length}));
			else qa.forEach((q, j) => isDeepStrictEqual(q, qb[j]) || err(b.file, sb.lines.quiz[j]!, t('validate.quizDiffers', {id: sb.quiz[j]!.id, other: ref(sa.lines.quiz[j]!)})));
			if (!isDeepStrictEqual(solutionCommands(sa.solution), solutionCommands(sb.solution))) err(b.file, sb.lines.solution[0] ?? sb.lines.block, t('validate.fieldDiffers', {field: 'solution', other: ref(sa.lines.solution[0] ?? sa.lines.block)}));
			if (!isDeepStrictEqual(sa.setup, sb.setup) || sa.scenario !== sb.scenario || sa.fresh !== sb.fresh) err(b.file, sb.lines.block, t('validate.fieldDiffers', {field: 'setup/scenario/fresh', other: ref(sa.lines.block)}));
			if (sa.hints.length !== sb.hints.length) err(b.file, sb.lines.block, t('validate.hintCount', {mine: sb.hints.length, other: ref(sa.lines.block), theirs: sa.hints.length}));
		});
	}
	return problems;
}

/** Every command a step runs or schedules, for spotting tools this build lacks. */
function stepCommands(step: Step): string[] {
	const lines = [...solutionCommands(step.solution).map((s) => s.line), ...(step.setup.commands ?? []), ...(step.setup.events ?? []).flatMap((e) => (e.run ? [e.run] : []))];
	return lines.flatMap(commandsUsed);
}

/** Commands a lesson needs that this build lacks (its `requires` and every command its steps run). */
export function lessonMissingCommands(lesson: Lesson, registry: CommandRegistry): string[] {
	return missingCommands([...lesson.requires, ...lesson.steps.flatMap(stepCommands)], registry);
}

function missingCommands(names: Iterable<string>, registry: CommandRegistry): string[] {
	const missing = new Set<string>();
	for (const name of names) if (!(name.includes('/') ? registry.atPath(name) : registry.named(name))) missing.add(name);
	return [...missing].sort();
}

function checkLesson(lesson: Lesson, lang: Lang, t: Translate, registry: CommandRegistry, resolve: ScenarioResolver): {problems: Problem[]; passed: number; waiting: number} {
	const problems: Problem[] = [];
	const err = (line: number, message: string) => problems.push({file: lesson.file, line, message, kind: 'error'});
	let passed = 0;
	let waiting = 0;
	const scenarios = [{name: lesson.scenario, line: lesson.lines.scenario}, ...lesson.steps.filter((s) => s.scenario).map((s) => ({name: s.scenario!, line: s.lines.block}))];
	let scenariosOk = true;
	for (const {name, line} of scenarios) {
		const found = resolve(name);
		if (!found.ok) {
			scenariosOk = false;
			err(line, t('validate.scenario', {name, message: found.message}));
			for (const e of found.errors ?? []) problems.push({...e, kind: 'error'});
		}
	}
	if (!scenariosOk) return {problems, passed, waiting};

	// A step waits for the tools its own chain of steps runs; `requires` alone only marks the lesson.
	const used = new Set(lesson.steps.flatMap(stepCommands));
	const declared = missingCommands(lesson.requires, registry).filter((name) => !used.has(name));
	if (declared.length > 0) problems.push({file: lesson.file, line: lesson.lines.requires, kind: 'waiting', message: t('validate.waitingLesson', {commands: declared.join(', ')})});
	let chainMissing = new Set<string>();
	for (const step of lesson.steps) {
		if (step.fresh) chainMissing = new Set();
		for (const name of missingCommands(stepCommands(step), registry)) chainMissing.add(name);
		const missing = [...chainMissing].sort();
		if (missing.length > 0) {
			waiting++;
			problems.push({file: lesson.file, line: step.lines.heading, kind: 'waiting', message: t('validate.waiting', {step: step.id, commands: missing.join(', ')})});
			continue;
		}
		const opened = openStep(lesson, step.index, {lang, scenario: resolve});
		if (!opened.ok) {
			err(step.lines.heading, t('validate.cannotOpen', {step: step.id, message: opened.message}));
			continue;
		}
		const session = opened.session;
		let ok = true;
		for (const r of session.setupResults) {
			if (r.status !== 0) {
				ok = false;
				err(step.lines.setup, t('validate.setupFailed', {command: r.line.split('\n')[0]!, status: r.status, output: firstLine(r.output)}));
			}
		}
		// No false passes: nothing done yet, so the step must not be complete.
		const before = session.status();
		if (step.goals.length > 0 && before.goals.every((g) => g.pass)) {
			ok = false;
			err(step.lines.block, t('validate.passesAtStart', {step: step.id}));
		} else if (before.complete) {
			ok = false;
			err(step.lines.block, t('validate.passesAtStart', {step: step.id}));
		}
		// The reference: predictions as `expect` says, right answers, then the solution's commands.
		for (const quiz of step.quiz) session.answer(quiz.id, isPrediction(quiz) ? quiz.expect!.join(' ') : correctLetters(quiz).join(' '));
		solutionCommands(step.solution).forEach(({line, status}, i) => {
			const result = session.execute(line);
			if (status !== 'any' && result.status !== status) {
				ok = false;
				const output = result.output.map((c) => c.text).join('');
				err(step.lines.solution[i]!, t('validate.solutionStatus', {command: line.split('\n')[0]!, status: result.status, expected: status, output: firstLine(output)}));
			}
		});
		const after = session.status();
		after.goals.forEach((g, i) => {
			if (g.pass) return;
			ok = false;
			err(step.lines.goals[i]!, t('validate.goalFails', {step: step.id, n: i + 1, goal: describeGoal(g.goal, t)}));
		});
		after.quizzes.forEach(({quiz, state}, i) => {
			if (!isPrediction(quiz)) return;
			if (state.kind === 'observed' && state.correct) return;
			ok = false;
			const seen = state.kind === 'predicted' || state.kind === 'observed' ? state.observed : [];
			err(
				step.lines.quiz[i]!,
				seen.length < (quiz.count ?? 1)
					? t('validate.predictionUnseen', {id: quiz.id, seen: seen.length, count: quiz.count ?? 1, values: seen.join(' ') || '-'})
					: t('validate.predictionDiffers', {id: quiz.id, seen: seen.join(' '), expect: quiz.expect!.join(' ')}),
			);
		});
		if (ok) passed++;
	}
	return {problems, passed, waiting};
}

function firstLine(text: string): string {
	const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
	return line.length > 120 ? line.slice(0, 117) + '...' : line;
}
