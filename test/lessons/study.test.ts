import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {findLesson, loadLessonSet, type LessonSet} from '../../source/lessons/load';
import {Study} from '../../source/lessons/study';
import {lessonsDir} from '../../source/paths';
import {ProgressStore} from '../../source/progress/store';
import {progressSchema} from '../../source/progress/schema';
import {lesson} from './helpers';

const L = lesson(`
## Write {#write}

\`\`\`step
goals:
  - file-contains: {host: lvs1, path: /root/a.txt, text: hi}
quiz:
  - {id: sure, ask: Sure?, choices: ['yes', 'no'], answer: a}
hints: [A file., Use echo and >., echo hi > /root/a.txt]
solution:
  - echo hi > /root/a.txt
\`\`\`

## Predict {#predict}

\`\`\`step
quiz:
  - id: who
    predict: Who answers?
    choices: [rs1, rs2]
    observe: {command: '^ssh', output: '^(rs\\d)$'}
    expect: [rs2]
\`\`\`
`);

const SET: LessonSet = {root: lessonsDir(), builtin: true, langs: ['en'], lessons: {en: [L], es: []}, errors: []};
const NOW = () => new Date('2026-11-26T12:00:00Z');

function store(): ProgressStore {
	return new ProgressStore({schema: progressSchema, file: path.join(mkdtempSync(path.join(tmpdir(), 'cluster-lab-study-')), 'progress.json'), now: NOW});
}

describe('study', () => {
	it('runs a step, gives hints then the solution, and saves everything as progress', () => {
		const s = store();
		const opened = Study.open({set: SET, lesson: L, lang: 'en', store: s, now: NOW});
		expect(opened.ok).toBe(true);
		const study = opened.ok ? opened.study : undefined!;
		expect(study.session.step.id).toBe('write');
		expect(s.load().sets.builtin!.current).toBe('test');
		expect(study.hint()).toEqual({kind: 'hint', level: 1, total: 3, text: 'A file.'});
		expect(study.hint()).toMatchObject({level: 2});
		expect(study.hint()).toMatchObject({level: 3, text: 'echo hi > /root/a.txt'});
		expect(study.hint()).toEqual({kind: 'solution', commands: ['echo hi > /root/a.txt']});
		expect(study.execute('echo hi > /root/a.txt').completed).toBe(false);
		expect(study.answer('sure', 'b')).toMatchObject({ok: true, state: {correct: false}});
		expect(study.status().complete).toBe(false);
		expect(study.answer('sure', 'yes')).toMatchObject({ok: true, state: {correct: true, attempts: 2}});
		const step = s.load().sets.builtin!.lessons.test!.steps.write!;
		expect(step).toEqual({done: '2026-11-26T12:00:00.000Z', hints: 3, solution: true, quiz: {sure: {answer: ['a'], correct: true, attempts: 2}}});

		expect(study.next()).toBe(true);
		expect(study.session.step.id).toBe('predict');
		expect(s.load().sets.builtin!.lessons.test!.step).toBe('predict');
		expect(study.answer('who', 'rs1')).toMatchObject({ok: true, state: {kind: 'predicted'}});
		expect(study.execute('ssh rs2 hostname').completed).toBe(true);
		const saved = s.load().sets.builtin!.lessons.test!;
		expect(saved.steps.predict!.quiz.who).toEqual({answer: ['rs1'], correct: false, attempts: 1, observed: ['rs2']});
		expect(saved.completed).toBe('2026-11-26T12:00:00.000Z');
		expect(study.next()).toBe(false);
	});

	it('counts requests sent with curl at the director\'s prompt: traffic tools act from the client PC', () => {
		const set = loadLessonSet();
		const schedulers = findLesson(set, 'en', 'schedulers')!;
		const opened = Study.open({set, lesson: schedulers, lang: 'en', store: store(), now: NOW});
		const study = opened.ok ? opened.study : undefined!;
		expect(study.session.step.id).toBe('rr-order');
		for (let i = 0; i < 3; i++) study.execute('curl -s http://10.0.0.100/');
		expect(study.status().goals.map((g) => g.pass)).toEqual([true]);
	});

	it('resumes where the learner left off, on the cluster the earlier steps leave', () => {
		const s = store();
		const first = Study.open({set: SET, lesson: L, lang: 'en', store: s});
		if (!first.ok) throw new Error(first.message);
		first.study.goTo(1);
		const again = Study.open({set: SET, lesson: L, lang: 'en', store: s});
		if (!again.ok) throw new Error(again.message);
		expect(again.study.session.step.id).toBe('predict');
		expect(again.study.session.lab.world.host('lvs1')!.fs.read('/root/a.txt')).toBe('hi\n');
		const chosen = Study.open({set: SET, lesson: L, lang: 'en', store: s, step: 'write'});
		expect(chosen.ok && chosen.study.session.step.id).toBe('write');
	});

	it('can skip a step by running its reference solution', () => {
		const s = store();
		const opened = Study.open({set: SET, lesson: L, lang: 'en', store: s, now: NOW});
		if (!opened.ok) throw new Error(opened.message);
		const ran = opened.study.solve();
		expect(ran.map((r) => [r.line, r.result.status])).toEqual([['echo hi > /root/a.txt', 0]]);
		expect(opened.study.status().complete).toBe(true);
		expect(s.load().sets.builtin!.lessons.test!.steps.write).toMatchObject({done: '2026-11-26T12:00:00.000Z', solution: true});
		// The learner's history shows what was run for them.
		expect(opened.study.session.lab.shell.session.history).toEqual(['echo hi > /root/a.txt']);
	});
});
