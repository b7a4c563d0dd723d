import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {lessonJsonSchemaText} from '../../source/lessons/json-schema';
import {loadLessonSet} from '../../source/lessons/load';
import type {Goal} from '../../source/lessons/schema';
import {lessonsDir} from '../../source/paths';

function bare(goal: Goal): unknown {
	const {text: _text, ...rest} = goal;
	if (rest.all) return {all: rest.all.map(bare)};
	if (rest.any) return {any: rest.any.map(bare)};
	if (rest.not) return {not: bare(rest.not)};
	return rest;
}

describe('shipped lessons', () => {
	const set = loadLessonSet();

	it('load without errors, numbered 1-7 and 11-13 with room left for the others', () => {
		expect(set.errors).toEqual([]);
		expect(set.langs).toEqual(['en', 'es']);
		expect(set.lessons.en.map((l) => `${l.number} ${l.id}`)).toEqual([
			'1 what-is-a-cluster',
			'2 classifying-clusters',
			'3 kinds-of-clusters',
			'4 lvs-first-service',
			'5 forwarding-methods',
			'6 the-arp-problem',
			'7 schedulers',
			'11 openmosix-migration',
			'12 openmosix-shared-memory',
			'13 choosing-a-solution',
		]);
	});

	it('exist in both languages with the same steps, goals, quizzes, hints and solutions', () => {
		expect(set.lessons.es.map((l) => l.id)).toEqual(set.lessons.en.map((l) => l.id));
		set.lessons.en.forEach((a, i) => {
			const b = set.lessons.es[i]!;
			expect(b.steps.map((s) => s.id), a.id).toEqual(a.steps.map((s) => s.id));
			expect(b.scenario).toBe(a.scenario);
			expect(b.requires).toEqual(a.requires);
			a.steps.forEach((sa, j) => {
				const sb = b.steps[j]!;
				const where = `${a.id}#${sa.id}`;
				expect(sb.goals.map(bare), where).toEqual(sa.goals.map(bare));
				expect(sb.solution, where).toEqual(sa.solution);
				expect(sb.setup, where).toEqual(sa.setup);
				expect(sb.hints.length, where).toBe(sa.hints.length);
				expect(sb.quiz.map((q) => [q.id, q.answer, q.choices.length, q.count, q.observe, q.expect]), where).toEqual(sa.quiz.map((q) => [q.id, q.answer, q.choices.length, q.count, q.observe, q.expect]));
				// Goals and hints are written for the learner in each language, not left untranslated.
				sa.goals.forEach((g, k) => expect(g.text && sb.goals[k]!.text !== g.text, `${where} goal ${k + 1}`).toBe(true));
				expect(sb.title, where).not.toBe('');
			});
			expect(b.intro).not.toBe(a.intro);
			expect(b.summary).not.toBe(a.summary);
		});
	});

	it('give every step with goals a ladder of hints ending in the exact commands, and end with a summary', () => {
		for (const lesson of [...set.lessons.en, ...set.lessons.es]) {
			expect(lesson.summary.length, lesson.file).toBeGreaterThan(100);
			for (const step of lesson.steps) {
				if (step.goals.length === 0) continue;
				expect(step.hints.length, `${lesson.file}#${step.id}`).toBe(3);
			}
		}
	});
});

describe('lessons/schema.json', () => {
	it('is the JSON Schema generated from the lesson format (run node scripts/lessons-schema.js after changing it)', () => {
		expect(readFileSync(path.join(lessonsDir(), 'schema.json'), 'utf8')).toBe(lessonJsonSchemaText());
	});
});
