import {afterEach, describe, expect, it} from 'vitest';
import {KEY} from '../helpers/render';
import {closeAll, fitsIn, mountStudy, tempStore} from './helpers';

afterEach(closeAll);

const F = {f2: '\x1bOQ', f3: '\x1bOR', f4: '\x1bOS', f5: '\x1b[15~', f6: '\x1b[17~', f7: '\x1b[18~', f8: '\x1b[19~', ctrlDown: '\x1b[1;5B', ctrlUp: '\x1b[1;5A'};

describe('the study screen', () => {
	it('shows the step, its goals and its question beside the lab, and ticks a goal when a typed command meets it', async () => {
		const {r} = mountStudy({columns: 160, rows: 50});
		let frame = await r.waitFor((f) => f.includes('root@lvs1:~#'));
		expect(frame).toContain('Lesson 4 · step 1/5 · The virtual IP');
		expect(frame).toContain("[ ] You listed the director's addresses");
		// The VIP is there from the start: that goal is met before anything is typed.
		expect(frame).toContain("[✓] The VIP 10.0.0.100 is on the director's");
		expect(frame).toContain("[ ] Question: A visitor types the web site's");
		expect(frame).toContain('b) The virtual IP, held by the director');
		expect(frame).toContain('F3 hint');
		await r.press('hostname -I', KEY.enter);
		frame = await r.waitFor((f) => f.includes("[✓] You listed the director's addresses"));
		expect(frame).toMatch(/root@lvs1:~# hostname -I\s*\n.*│10\.0\.0\.1 10\.0\.0\.100/);
		// The question is still open: the step is not done yet.
		expect(frame).not.toContain('Step done');
		await r.press('answer a', KEY.enter);
		frame = await r.waitFor((f) => f.includes('Not quite. Try again.'));
		expect(frame).toContain('not quite, try again');
		await r.press('answer b', KEY.enter);
		frame = await r.waitFor((f) => f.includes('✓ Step done. Type next (or F8) to go on.'));
		expect(frame).toContain("[✓] Question: A visitor types the web site's");
		expect(frame).toContain('Right. Visitors only ever see the VIP.');
	});

	it('climbs the hint ladder with F3 or hint, then gives the solution', async () => {
		const {r} = mountStudy();
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		await r.press(F.f3);
		await r.waitFor((f) => f.includes('Hint 1 of 3: A machine can list all its addresses'));
		await r.press('hint', KEY.enter);
		await r.waitFor((f) => f.includes('Hint 2 of 3: hostname -I lists every address'));
		await r.press(F.f3);
		await r.waitFor((f) => f.includes('Hint 3 of 3: hostname -I'));
		await r.press(F.f3);
		const frame = await r.waitFor((f) => f.includes('Solution for this step:\n  hostname -I'));
		// The hint command is the lab's: nothing ran in the cluster's shell.
		expect(frame).not.toContain('command not found');
	});

	it('asks before showing the solution while hints are left: n keeps it hidden, y shows it', async () => {
		const {r, controller} = mountStudy();
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		await r.press(F.f4);
		await r.waitFor((f) => f.includes('Show the solution anyway? (y/n)'));
		await r.press('n');
		let frame = await r.waitFor((f) => f.includes('Solution not shown.'));
		expect(frame).not.toContain('Solution for this step');
		// The n was an answer, not typed into the shell.
		expect(frame).toMatch(/root@lvs1:~# *$/m);
		await r.press('solution', KEY.enter);
		await r.waitFor((f) => (f.match(/\(y\/n\)/g) ?? []).length === 2);
		await r.press('y');
		frame = await r.waitFor((f) => f.includes('Solution for this step:\n  hostname -I'));
		expect(controller.study.hintsSeen).toBe(0);
	});

	it('shows the solution at once after every hint was seen', async () => {
		const {r} = mountStudy();
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		await r.press(F.f3, F.f3, F.f3);
		await r.waitFor((f) => f.includes('Hint 3 of 3'));
		await r.press(F.f4);
		const frame = await r.waitFor((f) => f.includes('Solution for this step:'));
		expect(frame).not.toContain('(y/n)');
	});

	it('moves between steps with F8/F7 and next/prev, and restarts a step with reset', async () => {
		const {r} = mountStudy();
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		await r.press(F.f8);
		let frame = await r.waitFor((f) => f.includes('Lesson 4 · step 2/5 · An empty table'));
		expect(frame).toContain('Moving on without finishing this step: the cluster was rebuilt as the lesson expects it here');
		expect(frame).toContain('[ ] You listed the IPVS table');
		await r.press('next', KEY.enter);
		frame = await r.waitFor((f) => f.includes('step 3/5 · Create the virtual service'));
		await r.press('ipvsadm -A -t 10.0.0.100:80 -s rr', KEY.enter);
		await r.waitFor((f) => f.includes('[✓] The director has the TCP service 10.0.0.100:80'));
		await r.press('reset', KEY.enter);
		frame = await r.waitFor((f) => f.includes('Step 3 starts again on a fresh copy of its cluster.'));
		expect(frame).toContain('[ ] The director has the TCP service 10.0.0.100:80');
		await r.press(F.f7);
		await r.waitFor((f) => f.includes('step 2/5 · An empty table'));
		await r.press('prev', KEY.enter, 'prev', KEY.enter);
		frame = await r.waitFor((f) => f.includes('This is the first step.'));
		expect(frame).toContain('step 1/5 · The virtual IP');
	});

	it('keeps study commands in the history (↑ brings them back, across a rebuilt cluster) and completes them with Tab', async () => {
		const {r} = mountStudy();
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		const typing = (f: string) => /root@lvs1:~# ?(.*)$/.exec(f.split('\n').filter((l) => l.includes('root@lvs1:~#')).at(-1) ?? '')?.[1]?.trimEnd();
		await r.press('hin', KEY.tab);
		await r.waitFor((f) => typing(f) === 'hint');
		await r.press(KEY.enter);
		await r.waitFor((f) => f.includes('Hint 1 of 3'));
		// Several study commands start alike: a second Tab lists them, as bash lists commands.
		await r.press('sol', KEY.tab);
		await r.waitFor((f) => /^solution +solve$/m.test(f));
		await r.press(KEY.ctrl('u'), 'hostname -I', KEY.enter, 'reset', KEY.enter);
		await r.waitFor((f) => f.includes('Step 1 starts again on a fresh copy of its cluster.'));
		for (const line of ['reset', 'hostname -I', 'hint']) {
			await r.press(KEY.up);
			await r.waitFor((f) => typing(f) === line);
		}
		await r.press(KEY.down, KEY.down, KEY.down);
		await r.waitFor((f) => typing(f) === '');
		// The shell's own history agrees with ↑.
		await r.press('history', KEY.enter);
		const frame = await r.waitFor((f) => f.includes('    4  history'));
		expect(frame).toMatch(/ {4}1 {2}hint\n.* {4}2 {2}hostname -I\n.* {4}3 {2}reset\n/);
	});

	it('after the last step shows the summary and says whether the lesson is done', async () => {
		const store = tempStore();
		const {r} = mountStudy({store});
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		for (let n = 1; n <= 5; n++) {
			await r.press('solve', KEY.enter);
			// The pane says so (the shell's note starts with a tick).
			await r.waitFor((f) => f.includes(`step ${n}/5`) && (n < 5 ? /^Step done\. Type next \(or F8\) to go on\./m : /^Last step done\. Type next \(or F8\) for the summary\./m).test(f));
			await r.press(F.f8);
			if (n < 5) await r.waitFor((f) => f.includes(`step ${n + 1}/5`));
		}
		const frame = await r.waitFor((f) => f.includes('Lesson 4 · summary'));
		expect(frame).toContain('Lesson done: every step is complete.');
		expect(frame).toContain('An LVS cluster looks like one server');
		expect(store.load().sets.builtin!.lessons['lvs-first-service']!.completed).toBeDefined();
	});

	it('takes back the last command with F5 or undo: the goal it met is open again', async () => {
		const {r, controller} = mountStudy({step: 'add-service'});
		await r.waitFor((f) => f.includes('step 3/5'));
		const before = controller.lab.lab;
		await r.press('ipvsadm -A -t 10.0.0.100:80 -s rr', KEY.enter);
		await r.waitFor((f) => f.includes('[✓] The director has the TCP service'));
		await r.press(F.f5);
		let frame = await r.waitFor((f) => f.includes('Took back: ipvsadm -A -t 10.0.0.100:80 -s rr'));
		expect(frame).toContain('[ ] The director has the TCP service');
		// The screen runs on the rebuilt cluster: its shell is the one the lesson checks.
		expect(controller.lab.lab).toBe(controller.study.session.lab);
		expect(controller.lab.lab).not.toBe(before);
		await r.press('ipvsadm -L -n', KEY.enter);
		frame = await r.waitFor((f) => f.includes('Prot LocalAddress:Port Scheduler Flags'));
		expect(frame).not.toMatch(/TCP +10\.0\.0\.100:80 rr/);
		await r.press('undo', KEY.enter, 'undo', KEY.enter);
		await r.waitFor((f) => f.includes('Nothing to undo in this step.'));
	});

	it('takes a prediction, then shows what was observed', async () => {
		const {r} = mountStudy({lesson: 'schedulers', step: 'rr-order', columns: 160, rows: 50});
		let frame = await r.waitFor((f) => f.includes('Predict: Which real servers answer the next three'));
		expect(frame).toContain('(3 values, in order)');
		expect(frame).toContain('type: answer rs1 rs2 rs3');
		await r.press('answer rs1 rs2 rs3', KEY.enter);
		await r.waitFor((f) => f.includes('Prediction noted: rs1 rs2 rs3.'));
		await r.press('ssh client', KEY.enter);
		for (let i = 0; i < 3; i++) await r.press('curl http://10.0.0.100/', KEY.enter);
		frame = await r.waitFor((f) => f.includes('you predicted rs1 rs2 rs3; it was rs3 rs2 rs1'));
		expect(frame).toContain('Step done');
	});

	it('opens the first step with the lesson\'s introduction; later steps show only their own text', async () => {
		const {r} = mountStudy({lesson: 'what-is-a-cluster', columns: 80, rows: 24});
		let frame = await r.waitFor((f) => f.includes('root@lvs1:~#'));
		expect(frame).toContain('Lesson 1 · step 1/5 · The machines in this lab');
		expect(frame).toContain('A cluster is a group of ordinary computers, joined by a network');
		await r.press(F.f8);
		frame = await r.waitFor((f) => f.includes('step 2/5'));
		expect(frame).not.toContain('A cluster is a group of ordinary computers');
		expect(frame).toContain('A node is not a processor card inside a big box');
	});

	it('lists the letters on offer instead of suggesting one', async () => {
		const {r} = mountStudy({lesson: 'what-is-a-cluster', columns: 160, rows: 50});
		const frame = await r.waitFor((f) => f.includes('root@lvs1:~#'));
		expect(frame).toContain('type: answer + a letter (a, b or c)');
		expect(frame).not.toContain('type: answer b');
		const es = mountStudy({lesson: 'what-is-a-cluster', columns: 160, rows: 50, lang: 'es'});
		expect(await es.r.waitFor((f) => f.includes('root@lvs1:~#'))).toContain('escribe: answer + una letra (a, b o c)');
	});

	it('at 80×24 keeps the prediction\'s outcome in sight when the question sits below the text', async () => {
		const {r} = mountStudy({lesson: 'schedulers', step: 'rr-order', columns: 80, rows: 24});
		let frame = await r.waitFor((f) => f.includes('root@lvs1:~#'));
		expect(frame).toContain('A question below the text · Ctrl+↓');
		await r.press('answer rs1 rs2 rs3', KEY.enter, 'ssh client', KEY.enter);
		frame = await r.waitFor((f) => f.includes('root@client:~#'));
		// A prediction made but not yet seen: nothing left to answer.
		expect(frame).not.toContain('below the text');
		for (let i = 0; i < 3; i++) await r.press('curl http://10.0.0.100/', KEY.enter);
		frame = await r.waitFor((f) => f.includes('you predicted rs1 rs2 rs3; it was rs3 rs2 rs1'));
		expect(fitsIn(frame, 80, 24)).toBe(true);
		expect(frame).toContain('Step done');
	});

	it('scrolled to the end, the last line of the text stays visible above the scroll mark', async () => {
		const {r} = mountStudy({lesson: 'classifying-clusters', columns: 80, rows: 24});
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		for (let i = 0; i < 30; i++) await r.press(F.ctrlDown);
		const frame = await r.waitFor((f) => f.includes('↑ Ctrl+↑ back'));
		expect(frame).toMatch(/c\) Tightly\n {4}type: answer openmosix-coupling \+ a letter \(a, b or c\)\n↑ Ctrl\+↑ back/);
	});

	it('shows a question\'s command without the Markdown backticks around it', async () => {
		const {r} = mountStudy({lesson: 'openmosix-migration', step: 'together', columns: 160, rows: 50});
		const frame = await r.waitFor((f) => f.includes('root@mosix1:~#'));
		expect(frame).toContain('Question: time wait printed a user time');
		expect(frame).not.toContain('`time wait`');
	});

	it('offers letters, not its first choice, for a one-value prediction', async () => {
		const {r} = mountStudy({lesson: 'heartbeat-failover', step: 'standby', columns: 160, rows: 50});
		const frame = await r.waitFor((f) => f.includes('root@debian1:~#'));
		expect(frame).toContain('Predict: Which MAC address does the client');
		expect(frame).toContain('type: answer + a letter (a or b)');
		expect(frame).not.toContain('type: answer 00:50:56:4f:30:07');
	});

	it('resumes at the saved step after quitting and opening the lesson again', async () => {
		const store = tempStore();
		const first = mountStudy({store});
		await first.r.waitFor((f) => f.includes('step 1/5'));
		await first.r.press(F.f8, F.f8);
		await first.r.waitFor((f) => f.includes('step 3/5 · Create the virtual service'));
		await first.r.press(KEY.ctrl('c'));
		expect(first.quits()).toBe(1);
		closeAll();
		const again = mountStudy({store});
		const frame = await again.r.waitFor((f) => f.includes('root@lvs1:~#'));
		expect(frame).toContain('Lesson 4 · step 3/5 · Create the virtual service');
	});

	it('with --plain the title and scroll marks use ASCII: | for ·, Up/Down for arrows', async () => {
		const {r} = mountStudy({columns: 80, rows: 24, plain: true});
		const top = await r.waitFor((f) => /Down \d+ more \| Ctrl\+Down/.test(f));
		await r.press(F.ctrlDown);
		const middle = await r.waitFor((f) => f.includes('| Ctrl+Up back'));
		for (const frame of [top, middle]) expect(frame).not.toMatch(/[↑↓·]/);
	});

	it('Ctrl+↓ and Ctrl+↑ move the text a page at a time, keeping one row in sight', async () => {
		const {r} = mountStudy({columns: 100, rows: 30, lesson: 'heartbeat-failover'});
		const first = await r.waitFor((f) => /↓ \d+ more/.test(f));
		const before = Number(/↓ (\d+) more/.exec(first)![1]);
		const textRows = first.split('\n').findIndex((l) => l.includes('↓')) - 1;
		await r.press(F.ctrlDown);
		const after = await r.waitFor((f) => /↓ (\d+) more/.exec(f)?.[1] !== String(before));
		expect(Number(/↓ (\d+) more/.exec(after)![1])).toBe(before - (textRows - 1));
		await r.press(F.ctrlUp);
		await r.waitFor((f) => f.includes(`↓ ${before} more`));
	});

	it('fits 80×24 with the lesson in the panels\' place; F2 swaps back to the cluster, Ctrl+↓ scrolls the text', async () => {
		const {r} = mountStudy({columns: 80, rows: 24});
		let frame = await r.waitFor((f) => f.includes('root@lvs1:~#'));
		expect(fitsIn(frame, 80, 24)).toBe(true);
		expect(frame).toContain('step 1/5');
		expect(frame).toContain("[ ] You listed the director's addresses");
		expect(frame).toMatch(/↓ \d+ more · Ctrl\+↓/);
		expect(frame).not.toContain('VIP 10.0.0.100 on lvs1');
		// The question does not fit beside the goals: a pinned line points below the text.
		expect(frame).toContain('A question below the text · Ctrl+↓');
		await r.press(F.f2);
		frame = await r.waitFor((f) => f.includes('VIP 10.0.0.100 on lvs1'));
		expect(fitsIn(frame, 80, 24)).toBe(true);
		expect(frame).not.toContain('step 1/5');
		await r.press('lesson', KEY.enter);
		await r.waitFor((f) => f.includes('step 1/5'));
		for (let i = 0; i < 12; i++) await r.press(F.ctrlDown);
		frame = await r.waitFor((f) => f.includes('Ctrl+↑ back') && f.includes('b) The virtual IP, held by the director'));
		await r.press('hostname -I', KEY.enter, F.f3, F.f3);
		frame = await r.waitFor((f) => f.includes('Hint 2 of 3'));
		expect(fitsIn(frame, 80, 24)).toBe(true);
		expect(frame).toContain("[✓] You listed the director's addresses");
	});

	it.each([
		[130, 40],
		[100, 44],
		[160, 50],
	])('at %i×%i shows the lesson and the cluster together', async (columns, rows) => {
		const {r} = mountStudy({columns, rows});
		const frame = await r.waitFor((f) => f.includes('root@lvs1:~#') && f.includes('VIP 10.0.0.100 on lvs1'));
		expect(frame).toContain('step 1/5');
		expect(frame).toContain('Goals');
		expect(fitsIn(frame, columns, rows)).toBe(true);
	});

	it('lists the study keys first under F1', async () => {
		const {r} = mountStudy();
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		await r.press(KEY.f1);
		const frame = await r.waitFor((f) => f.includes('KEYS ('));
		expect(frame.split('\n')[1]).toBe('Study (the lesson beside the lab)');
		expect(frame).toContain('F5 · undo');
	});

	it('speaks Spanish with --lang es, and marks goals without drawing characters in --plain', async () => {
		const {r} = mountStudy({lang: 'es', plain: true});
		await r.press('hostname -I', KEY.enter);
		const frame = await r.waitFor((f) => f.includes('[x] '));
		expect(frame).toContain('Lección 4 | paso 1/5');
		expect(frame).toContain('Objetivos');
		expect(frame).toContain('F3 pista');
		expect(frame).not.toContain('✓');
	});
});
