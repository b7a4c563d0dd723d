import {describe, expect, it} from 'vitest';
import {parseAnswer} from '../../source/lessons/quiz';
import {SEC} from '../../source/sim/time';
import {lesson, open} from './helpers';

const TWO_STEPS = `
## Write a file {#write}

\`\`\`step
setup:
  commands:
    - echo prepared > /root/setup.txt
goals:
  - file-contains: {host: lvs1, path: /root/notes.txt, text: hello}
hints: [write it]
solution:
  - echo hello > /root/notes.txt
\`\`\`

## Read it back {#read}

\`\`\`step
goals:
  - command-ran: {match: '^cat /root/notes.txt$', success: true}
hints: [read it]
solution:
  - cat /root/notes.txt
\`\`\`

## Start again {#again}

\`\`\`step
fresh: true
goals:
  - file-exists: {host: lvs1, path: /root/again}
hints: [touch]
solution:
  - echo > /root/again
\`\`\`
`;

describe('step sessions', () => {
	it('runs setup quietly, records what the learner types and checks the goals', () => {
		const s = open(lesson(TWO_STEPS), 0);
		const fs = s.lab.world.host('lvs1')!.fs;
		expect(fs.read('/root/setup.txt')).toBe('prepared\n');
		expect(s.lab.shell.session.history).toEqual([]);
		expect(s.status().complete).toBe(false);
		const result = s.execute('echo hello > /root/notes.txt');
		expect(result.status).toBe(0);
		expect(s.records.map((r) => r.line)).toEqual(['echo hello > /root/notes.txt']);
		const status = s.status();
		expect(status.goals.map((g) => g.pass)).toEqual([true]);
		expect(status.complete).toBe(true);
	});

	it('continues on the same cluster, and jumping in replays the earlier solutions', () => {
		const l = lesson(TWO_STEPS);
		const first = open(l, 0);
		first.execute('echo hello > /root/notes.txt');
		const next = first.next();
		expect(next?.ok).toBe(true);
		const second = next!.ok ? next!.session : undefined!;
		expect(second.lab).toBe(first.lab);
		expect(second.records).toEqual([]);
		expect(second.status().complete).toBe(false);
		second.execute('cat /root/notes.txt');
		expect(second.status().complete).toBe(true);

		// Resuming at step 2 rebuilds the cluster as step 1's solution left it.
		const jumped = open(l, 1);
		expect(jumped.lab).not.toBe(first.lab);
		expect(jumped.lab.world.host('lvs1')!.fs.read('/root/notes.txt')).toBe('hello\n');

		// A fresh step starts from the scenario again.
		const third = second.next()!;
		expect(third.ok && third.session.lab !== second.lab).toBe(true);
		expect(third.ok && third.session.lab.world.host('lvs1')!.fs.exists('/root/notes.txt')).toBe(false);
		expect(second.next() && third.ok && third.session.next()).toBeUndefined();
	});

	it('fires timed events as data: unplug, power off and on, ARP flush, commands', () => {
		const s = open(
			lesson(`
## Faults {#faults}

\`\`\`step
setup:
  events:
    - {at: 10s, unplug: rs1}
    - {at: 15s, plug: 'rs1:eth0'}
    - {at: 20s, power-off: rs2}
    - {at: 25s, power-on: rs2}
    - {at: 1500ms, arp-flush: client}
    - {at: 2m, run: 'echo late > /root/late.txt', host: rs3}
goals:
  - host-state: {host: rs1, plugged: false}
hints: [wait]
solution:
  - sleep 12
\`\`\`
`),
		);
		const world = s.lab.world;
		world.host('client')!.neighbors.set(1, {mac: '00:00:00:00:00:01', dev: 'eth0', state: 'REACHABLE', updated: 0});
		expect(s.status().complete).toBe(false);
		s.execute('sleep 12');
		expect(world.now).toBe(12 * SEC);
		expect(world.host('client')!.neighbors.size).toBe(0);
		expect(s.status().complete).toBe(true);
		world.advance(4 * SEC);
		expect(world.host('rs1')!.interfaces.get('eth0')!.plugged).toBe(true);
		world.advance(5 * SEC);
		expect(world.host('rs2')!.powered).toBe(false);
		world.advance(5 * SEC);
		expect(world.host('rs2')!.powered).toBe(true);
		world.advance(2 * 60 * SEC);
		expect(world.host('rs3')!.fs.read('/root/late.txt')).toBe('late\n');
		// Booting again starts the host's init scripts, as the lab's boot command does.
		expect(world.timeline.list().some((e) => e.at === 25 * SEC && e.host === 'rs2' && /^apache2 started/.test(e.text))).toBe(true);
		const lab = world.timeline.list().filter((e) => e.source === 'lab');
		expect(lab.map((e) => `${e.at / SEC} ${e.host} ${e.text}`)).toEqual([
			'1.5 client ARP cache of client emptied',
			'10 rs1 cable pulled out of rs1 eth0',
			'15 rs1 cable plugged back into rs1 eth0',
			'20 rs2 rs2 powered off',
			'25 rs2 rs2 powered on and booting',
			'120 rs3 ran: echo late > /root/late.txt',
		]);
	});

	it('takes multiple-choice answers by letter or word, and counts attempts', () => {
		const s = open(
			lesson(`
## Ask {#ask}

\`\`\`step
quiz:
  - id: one
    ask: Which?
    choices: [Alpha, Beta, Gamma]
    answer: b
  - id: two
    ask: Which two?
    choices: [x, y, z]
    answer: [a, c]
\`\`\`
`),
		);
		expect(s.answer('one', 'a')).toEqual({ok: true, state: {kind: 'answered', letters: ['a'], correct: false, attempts: 1}});
		expect(s.status().complete).toBe(false);
		expect(s.answer('one', 'beta')).toEqual({ok: true, state: {kind: 'answered', letters: ['b'], correct: true, attempts: 2}});
		expect(s.answer('two', 'c, a')).toMatchObject({ok: true, state: {letters: ['a', 'c'], correct: true}});
		expect(s.status().complete).toBe(true);
		expect(s.answer('two', 'q')).toEqual({ok: false, problem: 'unknown', word: 'q'});
		expect(s.answer('two', '  ')).toEqual({ok: false, problem: 'empty', word: undefined});
		expect(s.answer('nope', 'a')).toEqual({ok: false, problem: 'unknown-quiz'});
	});

	it('checks a prediction against what the commands then print', () => {
		const l = lesson(`
## Predict {#predict}

\`\`\`step
quiz:
  - id: names
    predict: Which hosts answer?
    choices: [lvs1, rs1, rs2]
    count: 2
    observe: {command: '^ssh rs[12] hostname$', output: '^(\\w+)$'}
    expect: [rs2, rs1]
\`\`\`
`);
		const s = open(l);
		// Output before the prediction does not count.
		s.execute('ssh rs1 hostname');
		expect(s.answer('names', 'rs2')).toEqual({ok: false, problem: 'count', word: undefined});
		expect(s.answer('names', 'c b')).toEqual({ok: true, state: {kind: 'predicted', predicted: ['rs2', 'rs1'], observed: []}});
		expect(s.answer('names', 'rs1 rs1')).toEqual({ok: false, problem: 'already-predicted'});
		s.execute('ssh rs2 hostname');
		s.execute('hostname');
		expect(s.status().quizzes[0]!.state).toEqual({kind: 'predicted', predicted: ['rs2', 'rs1'], observed: ['rs2']});
		expect(s.status().complete).toBe(false);
		s.execute('ssh rs2 hostname');
		expect(s.status().quizzes[0]!.state).toEqual({kind: 'observed', predicted: ['rs2', 'rs1'], observed: ['rs2', 'rs2'], correct: false});
		// A wrong prediction still completes the step: the point is to observe.
		expect(s.status().complete).toBe(true);
		expect(parseAnswer(l.steps[0]!.quiz[0]!, 'RS1, Rs2')).toEqual({ok: true, values: ['rs1', 'rs2']});
	});
});
