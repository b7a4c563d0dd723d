import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, TmuxTerminal} from './helpers/tmux';

/**
 * The lab in a real terminal (tmux): `node dist/cli.js sandbox` at 100×30 and
 * 80×24, typed commands, a cable pulled with the cluster keys, resizing below
 * 80×24 and back, and a usable terminal after every way of leaving.
 */
if (!hasTmux) {
	console.warn('Skipping the real-terminal tests: tmux is not installed (apt-get install tmux). CI installs it.');
}


describe.skipIf(!hasTmux)('the lab in a real terminal (tmux)', {timeout: 90_000}, () => {
	let term: TmuxTerminal | undefined;
	afterEach(() => {
		term?.close();
		term = undefined;
	});

	const start = (columns: number, rows: number, env: Record<string, string> = {}, args = ['sandbox']) => {
		term = new TmuxTerminal(args, {columns, rows, env});
		return term;
	};

	/** Every line fits the width and the last row stays free (Ink redraws in place). */
	const fits = (screen: string, columns: number, rows: number) => {
		const lines = screen.split('\n');
		expect(lines.length).toBeLessThanOrEqual(rows + 1);
		expect(lines[rows - 1] ?? '').toBe('');
		for (const l of lines) expect([...l].length).toBeLessThanOrEqual(columns);
	};

	/** After exit: status 0, cooked mode with echo, cursor shown. */
	const leftCleanly = async (t: TmuxTerminal) => {
		const after = await t.waitFor((s) => /EXIT=\d+\n.*echo/.test(s));
		expect(after).toContain('EXIT=0');
		expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
		expect(after).toMatch(/(^|\s)echo(\s|$)/m);
		expect(t.cursorVisible()).toBe(true);
	};

	it.each([
		[100, 30],
		[80, 24],
	])('at %i×%i: types commands, pulls a cable with the cluster keys, quits with Ctrl+C', async (columns, rows) => {
		const t = start(columns, rows);
		fits(await t.waitFor((s) => s.includes('VIP 10.0.0.100') && s.includes('root@lvs1:~#')), columns, rows);
		t.keys('echo hello from the lab', 'Enter');
		await t.waitFor((s) => s.includes('root@lvs1:~# echo hello from the lab\nhello from the lab'));
		t.keys('ssh rs', 'Tab', 'Tab');
		await t.waitFor((s) => s.includes('rs1  rs2  rs3  rs4'));
		t.keys('C-u');
		t.keys('Escape');
		await t.waitFor((s) => s.includes('[CLUSTER KEYS]'));
		t.keys('j', 'j', 'u');
		await t.waitFor((s) => s.includes('root@lvs1:~# unplug rs2'));
		fits(await t.waitFor((s) => /rs2 +✕ unplugged/.test(s)), columns, rows);
		t.keys(' ');
		await t.waitFor((s) => s.includes('PAUSED'));
		t.keys('C-c');
		await leftCleanly(t);
	});

	it('traffic shows in bars, chart, table and timeline; a pulled cable drops that server to zero', async () => {
		const t = start(100, 30);
		await t.waitFor((s) => s.includes('root@lvs1:~#'));
		for (const line of ['ipvsadm -A -t 10.0.0.100:80 -s rr', ...[1, 2, 3, 4].map((n) => `ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.1${n} -m`), 'load start --rate 40', 'speed 10']) {
			t.keys(line, 'Enter');
		}
		// Each real server answers about 10 requests a second, and the connection table fills.
		// (One condition: a screen read while a frame is being drawn may hold only part of it.)
		await t.waitFor((s) => /rs2 +● up .* (9\.\d|1\d)\/s/.test(s) && /CONNECTIONS on lvs1: [1-9]/.test(s) && /── rs1 \d/.test(s));
		t.keys('unplug rs2', 'Enter');
		// The director still sends rs2 its share; rs2 answers nothing; the timeline says why.
		// Its half-open connections (SYN_RECV) show in the table as they arrive.
		const after = await t.waitFor((s) => /rs2 +✕ unplugged .* 0\.0\/s sent \d/.test(s) && s.includes('cable pulled out of rs2 eth0') && /SYN_RECV/.test(s));
		fits(after, 100, 30);
		t.keys('C-c');
		await leftCleanly(t);
	});

	it('asks for a larger window below 80×24 and recovers when resized back', async () => {
		const t = start(100, 30);
		await t.waitFor((s) => s.includes('VIP 10.0.0.100'));
		t.resize(70, 20);
		fits(await t.waitFor((s) => s.includes('Make the window larger')), 70, 20);
		t.resize(80, 24);
		const back = await t.waitFor((s) => s.includes('VIP 10.0.0.100') && !s.includes('Make the window larger'));
		fits(back, 80, 24);
		// Growing and shrinking leave no stale lines behind: every part of the frame appears once.
		t.resize(120, 40);
		// The rule above the prompt spans the whole width.
		await t.waitFor((s) => s.includes('─'.repeat(100)));
		t.resize(90, 26);
		const again = await t.waitFor((s) => (s.match(/VIP 10\.0\.0\.100 on lvs1/g) ?? []).length === 1 && s.includes('RUNNING') && s.split('\n').length <= 27 && !/.{91}/.test(s));
		expect(again.match(/── root@lvs1:~# ─/g)).toHaveLength(1);
		expect(again.match(/RUNNING/g)).toHaveLength(1);
		fits(again, 90, 26);
		t.keys('quit', 'Enter');
		await leftCleanly(t);
	});

	it('exit at the top shell leaves; exit inside ssh only logs out', async () => {
		const t = start(100, 30);
		await t.waitFor((s) => s.includes('root@lvs1:~#'));
		t.keys('ssh rs1', 'Enter');
		await t.waitFor((s) => s.includes('root@rs1:~#'));
		t.keys('exit', 'Enter');
		await t.waitFor((s) => s.includes('Connection to rs1 closed.'));
		t.keys('exit', 'Enter');
		await leftCleanly(t);
	});

	it('home screen: choose the sandbox, then q from the home screen leaves', async () => {
		const t = start(100, 30, {}, []);
		await t.waitFor((s) => s.includes('Scenarios') && s.includes('sandbox'));
		t.keys('q');
		await leftCleanly(t);
		// A private progress folder: the home screen lists the lessons (first) with it.
		const u = start(100, 30, {XDG_CONFIG_HOME: mkdtempSync(path.join(tmpdir(), 'cluster-lab-home-'))}, []);
		await u.waitFor((s) => s.includes('sandbox') && s.includes('Lessons'));
		t.close();
		u.keys(...new Array<string>(13).fill('Down'));
		await u.waitFor((s) => s.includes('▸ sandbox'));
		u.keys('Enter');
		await u.waitFor((s) => s.includes('VIP 10.0.0.100') && s.includes('root@lvs1:~#'));
		u.keys('C-c');
		await leftCleanly(u);
	});

	it('--scenario without a command opens that scenario\'s lab, not the home screen', async () => {
		const t = start(100, 30, {}, ['--scenario', 'ultramonkey']);
		const screen = await t.waitFor((s) => s.includes('root@debian1:~#'));
		expect(screen).not.toContain('Scenarios');
		t.keys('C-c');
		await leftCleanly(t);
	});

	it('with NO_COLOR the screen has no colour codes; without it, it has', async () => {
		const t = start(100, 30, {NO_COLOR: '1'});
		await t.waitFor((s) => s.includes('VIP 10.0.0.100'));
		// eslint-disable-next-line no-control-regex
		expect(t.screen(true)).not.toMatch(/\x1b\[[0-9;]*m/);
		t.close();
		const c = start(100, 30);
		await c.waitFor((s) => s.includes('VIP 10.0.0.100'));
		// eslint-disable-next-line no-control-regex
		expect(c.screen(true)).toMatch(/\x1b\[[0-9;]*m/);
	});

	it('--no-color and --plain: no colour, only ASCII', async () => {
		const t = start(100, 30, {}, ['sandbox', '--no-color', '--plain']);
		const screen = await t.waitFor((s) => s.includes('VIP 10.0.0.100'));
		// eslint-disable-next-line no-control-regex
		expect(t.screen(true)).not.toMatch(/\x1b\[[0-9;]*m/);
		expect(screen.split('\n').filter((l) => /[^\x20-\x7e]/.test(l))).toEqual([]);
	});

	it('vi opens full screen and gives the lab back on :q', async () => {
		const t = start(100, 30);
		await t.waitFor((s) => s.includes('root@lvs1:~#'));
		t.keys('vi /etc/hostname', 'Enter');
		const editor = await t.waitFor((s) => s.includes(':wq save and quit'));
		expect(editor.split('\n')[0]).toBe('lvs1');
		t.keys(':q', 'Enter');
		await t.waitFor((s) => s.includes('VIP 10.0.0.100'));
		t.keys('C-c');
		await leftCleanly(t);
	});
});
