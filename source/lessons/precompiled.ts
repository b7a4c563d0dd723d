import {precompiled} from '../data/precompiled';
import type {Lang} from '../i18n/lang';
import type {DataError} from '../data/yaml-load';
import type {Lesson} from './model';

/** The table of shipped lesson files in dist/ (see data/precompiled.ts). */
export const LESSON_TABLE = 'lessons';

export function lessonKey(lang: Lang, fileName: string): string {
	return `${lang}/${fileName}`;
}

/** A shipped lesson file as parsed at build time, if `text` is still what was built. */
export function precompiledLesson(lang: Lang, fileName: string, text: string): {lesson?: Lesson; errors: DataError[]} | undefined {
	return precompiled(LESSON_TABLE, lessonKey(lang, fileName), text);
}
