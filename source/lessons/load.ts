import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {loadYaml, yamlLocator, type DataError} from '../data/yaml-load';
import {LANGS, type Lang} from '../i18n/lang';
import {lessonsDir} from '../paths';
import {splitLesson} from './markdown';
import type {Lesson, Step} from './model';
import {precompiledLesson} from './precompiled';
import {frontMatterSchema, stepBlockSchema} from './schema';

/** Lesson file names: two digits, a dash, the lesson id. */
export const LESSON_FILE = /^(\d{2})-([a-z0-9][a-z0-9-]*)\.md$/;

/** Every lesson of a folder, per language, plus whatever could not be read. */
export interface LessonSet {
	/** Absolute folder holding `en/` and `es/`. */
	readonly root: string;
	/** Shipped with the lab (as opposed to an instructor's `--lessons DIR`). */
	readonly builtin: boolean;
	/** Language folders present. */
	readonly langs: readonly Lang[];
	/** Parsed lessons per language, in number order. */
	readonly lessons: Readonly<Record<Lang, readonly Lesson[]>>;
	readonly errors: readonly DataError[];
}

/** Parses one lesson file; errors name the file and the line in it. */
export function parseLesson(source: string, file: string, lang: Lang): {lesson?: Lesson; errors: DataError[]} {
	const errors: DataError[] = [];
	const err = (line: number, message: string) => errors.push({file, line, message});
	const name = LESSON_FILE.exec(path.basename(file));
	if (!name) err(1, 'lesson files are named NN-lesson-id.md (two digits, a dash, lower-case words joined by dashes)');
	const raw = splitLesson(source);
	for (const p of raw.problems) err(p.line, p.message);
	if (raw.frontMatter === undefined) return {errors};

	const front = loadYaml(raw.frontMatter, file, frontMatterSchema, {lineOffset: raw.frontMatterLine - 1});
	if (!front.ok) errors.push(...front.errors);
	const locateFront = yamlLocator(raw.frontMatter, raw.frontMatterLine - 1);

	if (raw.intro.trim() === '') err(raw.frontMatterLine, 'a lesson opens with an introduction before its first ## step');
	const sections = [...raw.sections];
	const last = sections[sections.length - 1];
	let summary = '';
	let summaryLine = source.split('\n').length;
	if (last?.id === 'summary') {
		sections.pop();
		summary = last.text;
		summaryLine = last.line;
		if (last.blocks.length > 0) err(last.blocks[0]!.line, 'the summary has no ```step block');
		if (summary.trim() === '') err(last.line, 'the summary is empty');
	} else {
		err(summaryLine, 'a lesson ends with a summary section: ## Summary {#summary}');
	}
	if (sections.length === 0) err(last?.line ?? summaryLine, 'a lesson needs at least one step (## Title {#step-id} followed by a ```step block)');

	const steps: Step[] = [];
	const seenSteps = new Map<string, number>();
	const seenQuiz = new Map<string, number>();
	for (const section of sections) {
		if (section.badId !== undefined) {
			err(section.line, `step id '${section.badId}' must use lower-case letters, digits and dashes`);
			continue;
		}
		if (section.id === undefined) {
			err(section.line, `step heading needs an id at its end, like: ## ${section.title || 'Title'} {#step-id}`);
			continue;
		}
		if (section.id === 'summary') {
			err(section.line, 'the summary must be the last section');
			continue;
		}
		const before = seenSteps.get(section.id);
		if (before !== undefined) err(section.line, `step id ${section.id} is already used on line ${before}`);
		seenSteps.set(section.id, section.line);
		if (section.title === '') err(section.line, 'step heading has no title');
		if (section.blocks.length === 0) {
			err(section.line, `step ${section.id} has no \`\`\`step block (goals, hints, solution)`);
			continue;
		}
		for (const extra of section.blocks.slice(1)) err(extra.line, `step ${section.id} has more than one \`\`\`step block`);
		const block = section.blocks[0]!;
		const parsed = loadYaml(block.yaml, file, stepBlockSchema, {lineOffset: block.line});
		if (!parsed.ok) {
			errors.push(...parsed.errors);
			continue;
		}
		const v = parsed.value;
		const at = yamlLocator(block.yaml, block.line);
		(v.quiz ?? []).forEach((q, i) => {
			const line = at(['quiz', i, 'id']);
			const prev = seenQuiz.get(q.id);
			if (prev !== undefined) err(line, `quiz id ${q.id} is already used on line ${prev}`);
			else seenQuiz.set(q.id, line);
		});
		steps.push({
			id: section.id,
			index: steps.length,
			title: section.title,
			text: section.text,
			scenario: v.scenario,
			fresh: v.fresh ?? v.scenario !== undefined,
			setup: v.setup ?? {},
			goals: v.goals ?? [],
			quiz: v.quiz ?? [],
			hints: v.hints ?? [],
			solution: v.solution ?? [],
			lines: {
				heading: section.line,
				block: block.line,
				goals: (v.goals ?? []).map((_, i) => at(['goals', i])),
				quiz: (v.quiz ?? []).map((_, i) => at(['quiz', i])),
				solution: (v.solution ?? []).map((_, i) => at(['solution', i])),
				setup: v.setup ? at(['setup']) : block.line,
			},
		});
	}
	if (!front.ok || !name || errors.length > 0) return {errors};
	const fm = front.value;
	return {
		errors,
		lesson: {
			id: name[2]!,
			number: Number(name[1]),
			lang,
			file,
			title: fm.title,
			scenario: fm.scenario,
			seed: fm.seed,
			requires: fm.requires,
			minutes: fm.minutes,
			intro: raw.intro,
			steps,
			summary,
			lines: {title: locateFront(['title']), scenario: locateFront(['scenario']), requires: locateFront(['requires']), summary: summaryLine},
		},
	};
}

/**
 * Loads a lesson folder: `DIR/en/NN-id.md` and `DIR/es/NN-id.md`. Without a
 * folder, the lessons shipped with the lab. Never throws: unreadable files
 * become errors with file and line.
 */
export function loadLessonSet(dir?: string): LessonSet {
	const builtin = dir === undefined;
	const root = path.resolve(dir ?? lessonsDir());
	const shown = (lang: Lang, name: string) => (builtin ? path.join('lessons', lang, name) : path.join(dir!, lang, name));
	const errors: DataError[] = [];
	const lessons: Record<Lang, Lesson[]> = {en: [], es: []};
	const langs: Lang[] = [];
	if (!isDir(root)) {
		errors.push({file: dir ?? root, line: 1, message: existsSync(root) ? 'not a folder' : 'no such folder'});
		return {root, builtin, langs, lessons, errors};
	}
	for (const lang of LANGS) {
		const folder = path.join(root, lang);
		if (!isDir(folder)) continue;
		langs.push(lang);
		const numbers = new Map<number, string>();
		for (const name of readdirSync(folder).sort()) {
			if (!name.endsWith('.md')) continue;
			const file = shown(lang, name);
			let text: string;
			try {
				text = readFileSync(path.join(folder, name), 'utf8');
			} catch (error) {
				errors.push({file, line: 1, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`});
				continue;
			}
			const parsed = (builtin ? precompiledLesson(lang, name, text) : undefined) ?? parseLesson(text, file, lang);
			errors.push(...parsed.errors);
			const m = LESSON_FILE.exec(name);
			if (m) {
				const other = numbers.get(Number(m[1]));
				if (other) errors.push({file, line: 1, message: `lesson number ${m[1]} is also used by ${other}`});
				numbers.set(Number(m[1]), name);
			}
			if (parsed.lesson) lessons[lang].push(parsed.lesson);
		}
		lessons[lang].sort((a, b) => a.number - b.number);
	}
	if (langs.length === 0) errors.push({file: dir ?? root, line: 1, message: 'no lessons here: expected en/ and es/ folders of NN-lesson-id.md files'});
	return {root, builtin, langs, lessons, errors};
}

function isDir(p: string): boolean {
	try {
		return statSync(p).isDirectory();
	} catch {
		return false;
	}
}

/** The lessons to show in a language: that language's, or the set's only language. */
export function lessonsIn(set: LessonSet, lang: Lang): readonly Lesson[] {
	if (set.langs.includes(lang)) return set.lessons[lang];
	const other = set.langs[0];
	return other ? set.lessons[other] : [];
}

/** Finds a lesson by id, number (`4`, `04`) or file name. */
export function findLesson(set: LessonSet, lang: Lang, key: string): Lesson | undefined {
	const list = lessonsIn(set, lang);
	const k = key.replace(/\.md$/, '');
	return list.find((l) => l.id === k || (/^\d+$/.test(k) && l.number === Number(k)) || `${String(l.number).padStart(2, '0')}-${l.id}` === k);
}
