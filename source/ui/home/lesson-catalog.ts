import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'yaml';
import {LANGS, type Lang} from '../../i18n/lang';
import {splitLesson} from '../../lessons/markdown';
import {precompiledLesson} from '../../lessons/precompiled';
import {lessonsDir} from '../../paths';
import type {ProgressData} from '../../progress/schema';

/** What the lesson map shows of a lesson: no goals, no validation. */
export interface LessonCard {
	readonly id: string;
	readonly number: number;
	readonly title: string;
	readonly steps: ReadonlyArray<{readonly id: string}>;
}

/** The lessons of a folder, in a language, and the progress key of that folder. */
export interface LessonCatalog {
	readonly setKey: string;
	readonly lessons: readonly LessonCard[];
}

// The same file names and folder rules as the full loader (lessons/load.ts).
const LESSON_FILE = /^(\d{2})-([a-z0-9][a-z0-9-]*)\.md$/;

function isDir(p: string): boolean {
	try {
		return statSync(p).isDirectory();
	} catch {
		return false;
	}
}

/**
 * The lesson map's list, read quickly for the home screen: each file's title
 * and step ids only (the full loader parses and checks every step block, which
 * takes long enough to delay the first frame). A lesson with mistakes is still
 * listed; opening it runs the full loader, which reports them.
 */
export function lessonCatalog(lang: Lang, dir?: string): LessonCatalog {
	const root = path.resolve(dir ?? lessonsDir());
	const setKey = dir === undefined ? 'builtin' : root;
	const langs = LANGS.filter((l) => isDir(path.join(root, l)));
	const chosen = langs.includes(lang) ? lang : langs[0];
	if (!chosen) return {setKey, lessons: []};
	const folder = path.join(root, chosen);
	const lessons: LessonCard[] = [];
	for (const name of readdirSync(folder).sort()) {
		const m = LESSON_FILE.exec(name);
		if (!m) continue;
		try {
			const text = readFileSync(path.join(folder, name), 'utf8');
			// Shipped lessons come ready from the build; others are skimmed here.
			const built = dir === undefined ? precompiledLesson(chosen, name, text)?.lesson : undefined;
			if (built) {
				lessons.push({id: m[2]!, number: Number(m[1]), title: built.title, steps: built.steps.map((s) => ({id: s.id}))});
				continue;
			}
			const raw = splitLesson(text);
			const front = raw.frontMatter === undefined ? undefined : (parse(raw.frontMatter) as {title?: unknown} | null);
			const title = typeof front?.title === 'string' ? front.title : m[2]!;
			const steps = raw.sections.filter((s) => s.id !== undefined && s.id !== 'summary').map((s) => ({id: s.id!}));
			lessons.push({id: m[2]!, number: Number(m[1]), title, steps});
		} catch {
			lessons.push({id: m[2]!, number: Number(m[1]), title: m[2]!, steps: []});
		}
	}
	return {setKey, lessons: lessons.sort((a, b) => a.number - b.number)};
}

/** Not started, started (with steps done) or done, by the same rule as `cluster-lab lessons`. */
export function cardStatus(data: ProgressData, setKey: string, card: LessonCard): {state: 'new' | 'started' | 'done'; done: number; total: number} {
	const entry = data.sets[setKey]?.lessons[card.id];
	const total = card.steps.length;
	const done = card.steps.filter((s) => entry?.steps[s.id]?.done).length;
	const state = done === total && total > 0 ? 'done' : entry?.started || done > 0 ? 'started' : 'new';
	return {state, done, total};
}
