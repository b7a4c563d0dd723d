import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createRegistry} from '../../source/commands';
import {loadLessonSet} from '../../source/lessons/load';
import {lessonMissingCommands} from '../../source/lessons/validate';
import {cli} from '../helpers/cli';

function home(progress?: unknown): Record<string, string> {
	const dir = mkdtempSync(path.join(tmpdir(), 'cluster-lab-home-'));
	if (progress !== undefined) {
		mkdirSync(path.join(dir, 'cluster-lab'));
		writeFileSync(path.join(dir, 'cluster-lab', 'progress.json'), JSON.stringify(progress));
	}
	return {XDG_CONFIG_HOME: dir};
}

describe('cluster-lab lessons', () => {
	it('lists every lesson with its status, and lessons waiting for tools as coming soon', () => {
		const r = cli(['lessons'], undefined, home());
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		const lines = r.stdout.split('\n');
		expect(lines[0]).toBe('Lessons');
		const registry = createRegistry();
		const lessons = loadLessonSet().lessons.en;
		lessons.forEach((lesson, i) => {
			const missing = lessonMissingCommands(lesson, registry);
			const status = missing.length > 0 ? `coming soon (needs ${missing.join(', ')})` : 'not started';
			expect(lines[i + 1]).toMatch(new RegExp(`^ +${lesson.number}  ${lesson.title.replace(/[()]/g, '\\$&')} +${status.replace(/[()]/g, '\\$&')}$`));
		});
		expect(lines[1]).toMatch(/^ {3}1 {2}What a cluster is +not started$/);
		expect(r.stdout.endsWith('\nStart with: cluster-lab lesson 1\n')).toBe(true);
	});

	it('shows progress from the saved file and where to resume', () => {
		const done = {done: '2026-11-26T10:00:00.000Z', hints: 0, quiz: {}};
		const env = home({
			schemaVersion: 1,
			sets: {
				builtin: {
					current: 'classifying-clusters',
					lessons: {
						'what-is-a-cluster': {steps: {'meet-the-machines': done, 'visit-a-node': done, 'the-network': done, 'software-levels': done, cost: done}},
						'classifying-clusters': {step: 'control', started: '2026-11-26T10:00:00.000Z', steps: {coupling: done}},
					},
				},
			},
		});
		const r = cli(['lessons'], undefined, env);
		expect(r.stdout).toMatch(/\n {3}1 {2}What a cluster is +done\n/);
		expect(r.stdout).toMatch(/\n {3}2 {2}Classifying clusters +in progress 1\/4\n/);
		expect(r.stdout.endsWith('\nResume with: cluster-lab lesson 2\n')).toBe(true);
		const json = JSON.parse(cli(['lessons', '--json'], undefined, env).stdout);
		expect(json[0]).toMatchObject({id: 'what-is-a-cluster', number: 1, lang: 'en', status: 'done', done: 5, total: 5});
		expect(json[1]).toMatchObject({id: 'classifying-clusters', status: 'started', done: 1, total: 4, step: 'control', steps: ['coupling', 'control', 'homogeneity', 'scalability']});
		expect(json[2]).toMatchObject({id: 'kinds-of-clusters', status: 'new', done: 0, step: null, waitingFor: []});
		const spanish = cli(['lessons', '--lang', 'es'], undefined, env).stdout;
		expect(spanish).toMatch(/^Lecciones\n {3}1 {2}Qué es un cluster +terminada\n {3}2 {2}Cómo se clasifican los clusters +en curso 1\/4\n/);
		expect(spanish.endsWith('\nContinúa con: cluster-lab lesson 2\n')).toBe(true);
	});
});

describe('cluster-lab lesson', () => {
	it('prints the lesson text when not in a terminal, without hints or solutions', () => {
		const r = cli(['lesson', '1'], undefined, home());
		expect(r.status).toBe(0);
		expect(r.stdout.startsWith('Lesson 1 · What a cluster is\nabout 15 minutes · scenario: sandbox\n\nA **cluster** is a group')).toBe(true);
		expect(r.stdout).toContain('── Step 1/5 · The machines in this lab ─');
		expect(r.stdout).toContain('Goals:\n  [ ] You printed /etc/hosts\n');
		expect(r.stdout).toContain('Question:\n  How many nodes does the sandbox cluster have?');
		expect(r.stdout).toContain('    a) 4\n    b) 5\n    c) 6\n');
		expect(r.stdout).toContain('── Summary ─');
		expect(r.stdout.endsWith('\nIn a terminal, cluster-lab lesson 1 opens this lesson beside its live cluster (the sandbox scenario), with goals that check themselves.\n')).toBe(true);
		// Hints stay hidden, and the step blocks are not shown as text.
		expect(r.stdout).not.toContain('The list of machines is a small text file');
		expect(r.stdout).not.toContain('```step');
		expect(r.stdout).not.toContain('solution:');
		expect(cli(['lesson', 'what-is-a-cluster'], undefined, home()).stdout).toBe(r.stdout);
		expect(cli(['lesson', '01-what-is-a-cluster'], undefined, home()).stdout).toBe(r.stdout);
	});

	it('prints it in Spanish, including predictions', () => {
		const r = cli(['lesson', '7', '--lang', 'es'], undefined, home());
		expect(r.stdout.startsWith('Lección 7 · Planificadores: rr, wrr, lc, wlc y compañía\n')).toBe(true);
		expect(r.stdout).toContain('Predice, luego ejecuta los comandos y observa:\n  ¿Qué servidores reales responden las próximas tres peticiones, en orden? (elige 3, en orden)\n    a) rs1\n');
		expect(r.stdout).toContain('── Resumen ─');
	});

	it('rejects an unknown lesson clearly', () => {
		const r = cli(['lesson', '99'], undefined, home());
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe("cluster-lab: no lesson '99' (see cluster-lab lessons)\n");
	});

	it('uses an instructor folder with --lessons, even one with a single language', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'cluster-lab-course-'));
		mkdirSync(path.join(dir, 'es'));
		writeFileSync(
			path.join(dir, 'es', '01-mi-leccion.md'),
			'---\ntitle: Mi lección\n---\n\nIntroducción.\n\n## Mira {#mira}\n\nTexto.\n\n```step\nquiz:\n  - {id: p, ask: ¿Sí?, choices: [sí, no], answer: a}\n```\n\n## Resumen {#summary}\n\nFin.\n',
		);
		writeFileSync(path.join(dir, 'es', '02-rota.md'), '---\ntitle: [rota\n---\n');
		const env = home();
		const list = cli(['lessons', '--lessons', dir], undefined, env);
		expect(list.stdout).toBe('Lessons\n   1  Mi lección  not started\n(these lessons exist only in es)\n\nStart with: cluster-lab lesson 1\n');
		expect(list.stderr).toMatch(/^cluster-lab: some lesson files have problems \(cluster-lab validate shows them all\):\n {2}.*es\/02-rota\.md:2: /);
		const one = cli(['lesson', '1', '--lessons', dir], undefined, env);
		expect(one.stdout).toContain('Lesson 1 · Mi lección\n');
		expect(one.stdout).toContain('  ¿Sí?\n    a) sí\n    b) no\n');
		const valid = cli(['validate', dir], undefined, env);
		expect(valid.status).toBe(1);
		expect(valid.stdout).toMatch(new RegExp(`^${path.join(dir, 'es', '02-rota.md').replace(/[.]/g, '\\.')}:2: `));
	});
});
