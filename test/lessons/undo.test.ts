import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Lab} from '../../source/lab/lab';
import {findLesson, loadLessonSet} from '../../source/lessons/load';
import {scenarioResolver} from '../../source/lessons/scenario';
import {openStep} from '../../source/lessons/session';
import {Study} from '../../source/lessons/study';
import {ProgressStore} from '../../source/progress/store';
import {progressSchema} from '../../source/progress/schema';
import {MSEC, SEC} from '../../source/sim/time';

const SET = loadLessonSet();
const L4 = findLesson(SET, 'en', 'lvs-first-service')!;

function store(): ProgressStore {
	return new ProgressStore({schema: progressSchema, file: path.join(mkdtempSync(path.join(tmpdir(), 'cluster-lab-undo-')), 'progress.json')});
}

/** Lets time pass in screen-sized ticks, as the live clock does. */
function tick(lab: Lab, total: number): void {
	for (let t = 0; t < total; t += 50 * MSEC) lab.world.advance(50 * MSEC);
}

/** What a learner can see of the cluster: the table with counters, addresses, the clock and the event log. */
function state(lab: Lab): string {
	const run = (line: string) => lab.shell.execute(line + '\n').output.map((c) => c.text).join('');
	const events = lab.world.timeline.list().map((e) => `${e.at} ${e.host ?? ''} ${e.text}`);
	return [String(lab.world.now), run('ipvsadm -L -n'), run('ipvsadm -L -n --stats'), run('ipvsadm -L -n -c'), run('ip addr'), ...events].join('\n');
}

describe('undo', () => {
	it('takes back the last command: the cluster equals a fresh replay of the others', () => {
		const opened = Study.open({set: SET, lesson: L4, lang: 'en', store: store(), step: 'add-real-servers', interactive: true});
		if (!opened.ok) throw new Error(opened.message);
		const study = opened.study;
		study.execute('ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.11:80 -g');
		tick(study.session.lab, 3 * SEC);
		study.execute('ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.12:80 -g');
		tick(study.session.lab, 2 * SEC);
		study.execute('ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.13:80 -g');
		tick(study.session.lab, 1 * SEC);
		expect(study.status().goals.at(-1)!.pass).toBe(false);
		const before = study.session.lab;
		expect(study.undo()).toBe('ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.13:80 -g');
		expect(study.session.lab).not.toBe(before);
		// Nothing typed after the last command is lost, and the clock does not go back.
		expect(study.session.lab.world.now).toBe(before.world.now);
		expect(study.status().goals.every((g) => g.pass)).toBe(true);

		const fresh = openStep(L4, 3, {lang: 'en', scenario: scenarioResolver(SET.root), interactive: true});
		if (!fresh.ok) throw new Error(fresh.message);
		const lab = fresh.session.lab;
		fresh.session.execute('ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.11:80 -g');
		tick(lab, 3 * SEC);
		fresh.session.execute('ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.12:80 -g');
		lab.world.runUntil(before.world.now);
		expect(state(study.session.lab)).toBe(state(lab));
	});

	it('replays earlier steps of the same cluster as the learner typed them, with traffic in between', () => {
		const opened = Study.open({set: SET, lesson: L4, lang: 'en', store: store(), step: 'add-service', interactive: true});
		if (!opened.ok) throw new Error(opened.message);
		const study = opened.study;
		study.execute('ipvsadm -A -t 10.0.0.100:80 -s wrr');
		tick(study.session.lab, 1 * SEC);
		study.solve();
		expect(study.next()).toBe(true);
		study.solve();
		expect(study.next()).toBe(true);
		study.execute('ssh client');
		for (let i = 0; i < 4; i++) study.execute('curl http://10.0.0.100/');
		tick(study.session.lab, 2 * SEC);
		study.execute('curl http://10.0.0.100/');
		const now = study.session.lab.world.now;
		expect(study.undoable).toBe(6);
		expect(study.undo()).toBe('curl http://10.0.0.100/');
		expect(study.undoable).toBe(5);

		// The same by hand: the learner's own first command (wrr, then the solution's rr fails) stays.
		const fresh = openStep(L4, 2, {lang: 'en', scenario: scenarioResolver(SET.root), interactive: true});
		if (!fresh.ok) throw new Error(fresh.message);
		const lab = fresh.session.lab;
		const sh = (line: string) => lab.shell.execute(line + '\n');
		sh('ipvsadm -A -t 10.0.0.100:80 -s wrr');
		tick(lab, 1 * SEC);
		sh('ipvsadm -A -t 10.0.0.100:80 -s rr');
		sh('ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.11:80 -g');
		sh('ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.12:80 -g');
		sh('ipvsadm -L -n');
		sh('ssh client');
		for (let i = 0; i < 4; i++) sh('curl http://10.0.0.100/');
		lab.world.runUntil(now);
		sh('exit');
		study.session.lab.shell.execute('exit\n');
		expect(state(study.session.lab)).toBe(state(lab));
		expect(state(study.session.lab)).toContain('wrr');
	});

	it('has nothing to take back at the start of a step', () => {
		const opened = Study.open({set: SET, lesson: L4, lang: 'en', store: store(), step: 'empty-table'});
		if (!opened.ok) throw new Error(opened.message);
		expect(opened.study.undo()).toBeUndefined();
		opened.study.execute('ipvsadm -L -n');
		expect(opened.study.status().complete).toBe(true);
		opened.study.execute('   ');
		expect(opened.study.undoable).toBe(1);
		expect(opened.study.undo()).toBe('ipvsadm -L -n');
		expect(opened.study.status().goals[0]!.pass).toBe(false);
	});
});
