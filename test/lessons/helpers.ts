import {cpSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {translator} from '../../source/i18n/i18n';
import {lessonsDir} from '../../source/paths';
import {parseLesson} from '../../source/lessons/load';
import type {Lesson} from '../../source/lessons/model';
import {scenarioResolver} from '../../source/lessons/scenario';
import {openStep, type StepSession} from '../../source/lessons/session';

export const en = translator('en');

/** A lesson file's text: front matter, intro, the given step sections and a summary. */
export function lessonText(steps: string, front = 'title: Test lesson\nscenario: sandbox'): string {
	return `---\n${front}\n---\n\nIntro text.\n\n${steps.trim()}\n\n## Summary {#summary}\n\n- Done.\n`;
}

/** Parses a lesson or fails the test with its errors. */
export function lesson(steps: string, front?: string): Lesson {
	const parsed = parseLesson(lessonText(steps, front), 'lessons/en/01-test.md', 'en');
	if (!parsed.lesson) throw new Error(parsed.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
	return parsed.lesson;
}

export function errorsOf(text: string, file = 'lessons/en/01-test.md'): string[] {
	return parseLesson(text, file, 'en').errors.map((e) => `${e.file}:${e.line}: ${e.message}`);
}

/** Opens a step of a lesson on the built-in scenarios. */
export function open(l: Lesson, index = 0): StepSession {
	const opened = openStep(l, index, {lang: 'en', scenario: scenarioResolver(lessonsDir())});
	if (!opened.ok) throw new Error(opened.message);
	return opened.session;
}

/** A copy of the built-in lessons in a temporary folder, to break on purpose. */
export function copyOfBuiltinLessons(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'cluster-lab-lessons-'));
	cpSync(lessonsDir(), dir, {recursive: true});
	return dir;
}
