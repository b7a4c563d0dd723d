import {createRegistry} from '../commands';
import {formatDataError} from '../data/yaml-load';
import type {Translate} from '../i18n/i18n';
import type {Lang} from '../i18n/lang';
import {findLesson, lessonsIn, loadLessonSet, type LessonSet} from '../lessons/load';
import {renderLessonText} from '../lessons/render-text';
import {formatProblem, lessonMissingCommands, validateSet} from '../lessons/validate';
import {lessonStatus, setKey} from '../progress/progress';
import type {ProgressStore} from '../progress/store';
import type {Io} from './context';
import {openStudy} from './study';

export interface LessonCommandOptions {
	/** `--lessons DIR`, or undefined for the built-in lessons. */
	readonly dir?: string;
	readonly lang: Lang;
	readonly t: Translate;
	readonly store: ProgressStore;
	readonly io: Io;
}

/** Loads the lesson folder and mentions broken files on stderr (validate lists them in full). */
function loadSet(options: LessonCommandOptions): LessonSet {
	const set = loadLessonSet(options.dir);
	if (set.errors.length > 0) {
		options.io.writeError(`cluster-lab: ${options.t('lessons.invalid')}\n`);
		for (const e of set.errors.slice(0, 5)) options.io.writeError(`  ${formatDataError(e)}\n`);
		if (set.errors.length > 5) options.io.writeError('  …\n');
	}
	return set;
}

/** `cluster-lab lessons [--json]`: every lesson with the learner's progress. */
export function listLessons(options: LessonCommandOptions & {json: boolean}): number {
	const {t, io} = options;
	const set = loadSet(options);
	const lessons = lessonsIn(set, options.lang);
	const data = options.store.load();
	const key = setKey(set);
	const registry = createRegistry();
	const rows = lessons.map((lesson) => {
		const status = lessonStatus(data, key, lesson);
		return {lesson, status, waitingFor: lessonMissingCommands(lesson, registry)};
	});
	if (options.json) {
		const json = rows.map(({lesson, status, waitingFor}) => ({
			id: lesson.id,
			number: lesson.number,
			lang: lesson.lang,
			title: lesson.title,
			minutes: lesson.minutes ?? null,
			steps: lesson.steps.map((s) => s.id),
			status: status.state,
			done: status.done,
			total: status.total,
			step: status.step ?? null,
			waitingFor,
		}));
		io.write(JSON.stringify(json, null, 2) + '\n');
		return lessons.length === 0 && set.errors.length > 0 ? 1 : 0;
	}
	if (lessons.length === 0) {
		io.write(t('lessons.none') + '\n');
		return set.errors.length > 0 ? 1 : 0;
	}
	const width = Math.max(...lessons.map((l) => l.title.length));
	let text = `${t('lessons.heading')}\n`;
	for (const {lesson, status, waitingFor} of rows) {
		const state = waitingFor.length > 0 && status.state === 'new' ? t('lessons.waiting', {commands: waitingFor.join(', ')}) : t(`lessons.status.${status.state}`, {done: status.done, total: status.total});
		text += `  ${String(lesson.number).padStart(2)}  ${lesson.title.padEnd(width)}  ${state}\n`;
	}
	if (!set.langs.includes(options.lang) && set.langs[0]) text += `(${t('lessons.onlyLanguage', {lang: set.langs[0]})})\n`;
	const current = data.sets[key]?.current;
	const resume = current === undefined ? undefined : lessons.find((l) => l.id === current);
	const next = resume && lessonStatus(data, key, resume).state !== 'done' ? resume : rows.find((r) => r.status.state !== 'done' && r.waitingFor.length === 0)?.lesson;
	if (next) text += '\n' + (next === resume ? t('lessons.resume', {id: next.number}) : t('lessons.start', {id: next.number})) + '\n';
	io.write(text);
	return 0;
}

/** `cluster-lab lesson ID`: the study screen in a terminal, the lesson text otherwise. */
export async function showLesson(options: LessonCommandOptions & {id: string; terminal: boolean; seed?: number; plain?: boolean}): Promise<number> {
	const set = loadSet(options);
	const lesson = findLesson(set, options.lang, options.id);
	if (!lesson) {
		options.io.writeError(`cluster-lab: ${options.t('lessons.unknown', {id: options.id})}\n`);
		return 2;
	}
	if (options.terminal) return openStudy({set, lesson, lang: options.lang, t: options.t, store: options.store, io: options.io, seed: options.seed, plain: options.plain});
	options.io.write(renderLessonText(lesson, options.t));
	options.io.write('\n' + options.t('lesson.studyInTerminal', {id: lesson.number, scenario: lesson.scenario}) + '\n');
	return 0;
}

/** `cluster-lab validate [DIR]`: every check an instructor needs, as `file:line: message`. */
export function validateLessons(options: Omit<LessonCommandOptions, 'store'>): number {
	const set = loadLessonSet(options.dir);
	const report = validateSet(set, options.t);
	for (const p of report.problems) options.io.write(formatProblem(p) + '\n');
	const errors = report.problems.filter((p) => p.kind === 'error').length;
	if (report.problems.length === 0) {
		options.io.write(options.t('validate.ok', {lessons: report.lessons, steps: report.steps}) + '\n');
		return 0;
	}
	options.io.write(options.t(report.waiting > 0 ? 'validate.summaryWaiting' : 'validate.summary', {errors, waiting: report.waiting, passed: report.passed}) + '\n');
	return 1;
}
