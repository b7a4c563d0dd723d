import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, TmuxTerminal} from './helpers/tmux';

/**
 * Study mode in a real terminal (tmux), on a private progress folder: a lesson
 * picked on the home screen, its solution typed, the goal ticked; `cluster-lab
 * lesson 4` at 80×24 without colour, resumed where it was left.
 */
describe.skipIf(!hasTmux)('study mode in a real terminal (tmux)', {timeout: 90_000}, () => {
	let term: TmuxTerminal | undefined;
	afterEach(() => {
		term?.close();
		term = undefined;
	});

	const fits = (screen: string, columns: number, rows: number) => {
		const lines = screen.split('\n');
		expect(lines[rows - 1] ?? '').toBe('');
		for (const l of lines) expect([...l].length).toBeLessThanOrEqual(columns);
	};

	const config = () => mkdtempSync(path.join(tmpdir(), 'cluster-lab-study-term-'));

	it('picks lesson 4 on the home screen, types the solution and sees the goal ticked', async () => {
		term = new TmuxTerminal([], {columns: 100, rows: 30, env: {XDG_CONFIG_HOME: config()}});
		const t = term;
		await t.waitFor((s) => s.includes('Lessons') && / 4 ○ LVS: director, VIP and real servers +not started/.test(s));
		t.keys('Down', 'Down', 'Down', 'Enter');
		let screen = await t.waitFor((s) => s.includes('Lesson 4 · step 1/5 · The virtual IP') && s.includes('root@lvs1:~#'));
		expect(screen).toContain("[ ] You listed the director's addresses");
		t.keys('hostname -I', 'Enter');
		screen = await t.waitFor((s) => s.includes("[✓] You listed the director's addresses"));
		expect(screen).toContain('10.0.0.1 10.0.0.100');
		fits(screen, 100, 30);
		t.keys('answer b', 'Enter');
		await t.waitFor((s) => s.includes('✓ Step done. Type next (or F8) to go on.'));
		t.keys('F8');
		await t.waitFor((s) => s.includes('Lesson 4 · step 2/5 · An empty table'));
		t.keys('C-c');
		await t.waitFor((s) => s.includes('EXIT=0'));
	});

	it('opens `lesson 4` at 80×24 without colour, and resumes there after quitting', async () => {
		const home = config();
		term = new TmuxTerminal(['lesson', '4'], {columns: 80, rows: 24, env: {XDG_CONFIG_HOME: home, NO_COLOR: '1'}});
		let t = term;
		let screen = await t.waitFor((s) => s.includes('step 1/5') && s.includes('root@lvs1:~#'));
		fits(screen, 80, 24);
		expect(t.screen(true)).not.toMatch(/\x1b\[3[0-9]m/);
		t.keys('F8', 'F8');
		await t.waitFor((s) => s.includes('step 3/5'));
		t.keys('ipvsadm -A -t 10.0.0.100:80 -s rr', 'Enter');
		screen = await t.waitFor((s) => s.includes('[✓] The director has the TCP service'));
		fits(screen, 80, 24);
		t.keys('F2');
		screen = await t.waitFor((s) => s.includes('VIP 10.0.0.100 on lvs1'));
		fits(screen, 80, 24);
		t.keys('C-c');
		await t.waitFor((s) => s.includes('EXIT=0'));
		t.close();
		term = t = new TmuxTerminal(['lesson', '4'], {columns: 80, rows: 24, env: {XDG_CONFIG_HOME: home, NO_COLOR: '1'}});
		screen = await t.waitFor((s) => s.includes('root@lvs1:~#'));
		expect(screen).toContain('Lesson 4 · step 3/5 · Create the virtual service');
	});
});
