import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {precompiledFile, resetPrecompiled} from '../../source/data/precompiled';
import {LANGS} from '../../source/i18n/lang';
import {loadLessonSet, parseLesson} from '../../source/lessons/load';
import {LESSON_TABLE, lessonKey, precompiledLesson} from '../../source/lessons/precompiled';
import {lessonsDir} from '../../source/paths';

// `npm test` builds first, so the table the bundle ships is the one checked here.
const files = LANGS.flatMap((lang) => readdirSync(path.join(lessonsDir(), lang)).filter((n) => n.endsWith('.md')).map((name) => ({lang, name})));

describe('shipped lessons parsed at build time', () => {
	it('the build wrote every lesson file in both languages', () => {
		expect(existsSync(precompiledFile(LESSON_TABLE))).toBe(true);
		const table = JSON.parse(readFileSync(precompiledFile(LESSON_TABLE), 'utf8')) as Record<string, unknown>;
		expect(Object.keys(table).sort()).toEqual(files.map((f) => lessonKey(f.lang, f.name)).sort());
	});

	it.each(files.map((f) => [`${f.lang}/${f.name}`, f] as const))('%s: the prepared lesson is exactly what the file gives', (_key, {lang, name}) => {
		resetPrecompiled();
		const text = readFileSync(path.join(lessonsDir(), lang, name), 'utf8');
		expect(precompiledLesson(lang, name, text)).toEqual(parseLesson(text, path.join('lessons', lang, name), lang));
	});

	it('an edited lesson file is parsed again, so its new text and its mistakes show', () => {
		resetPrecompiled();
		const {lang, name} = files[0]!;
		const text = readFileSync(path.join(lessonsDir(), lang, name), 'utf8');
		expect(precompiledLesson(lang, name, text)).toBeDefined();
		expect(precompiledLesson(lang, name, text.replace('title:', 'title: Edited'))).toBeUndefined();
	});

	it('the built-in set loads the same with and without the prepared table', () => {
		resetPrecompiled();
		const fast = loadLessonSet();
		const slow = loadLessonSet(lessonsDir());
		expect(fast.builtin).toBe(true);
		expect(fast.errors).toEqual([]);
		// Only the file names differ: the shipped set names its files relative to the package.
		for (const lang of LANGS) expect(fast.lessons[lang].map((l) => ({...l, file: path.basename(l.file)}))).toEqual(slow.lessons[lang].map((l) => ({...l, file: path.basename(l.file)})));
	});
});
