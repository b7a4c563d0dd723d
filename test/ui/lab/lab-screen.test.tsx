import {afterEach, describe, expect, it} from 'vitest';
import {KEY} from '../helpers/render';
import {closeLabs, fits, mountLab} from './mount';

afterEach(closeLabs);

describe('the lab screen', () => {
	it.each([
		[80, 24],
		[100, 30],
		[160, 50],
	])('fits a %i×%i terminal with one row to spare', async (columns, rows) => {
		const {r} = mountLab({columns, rows});
		const frame = await r.waitFor((f) => f.includes('VIP 10.0.0.100') && f.includes('root@lvs1:~#'));
		fits(frame, columns, rows);
		expect(frame).toContain('PAUSED');
		expect(frame.split('\n')).toHaveLength(rows - 1);
	});

	it('runs typed commands and shows the output under the prompt', async () => {
		const {r} = mountLab();
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		await r.press('hostname', KEY.enter);
		const frame = await r.waitFor((f) => f.includes('root@lvs1:~# hostname\nlvs1'));
		fits(frame, 100, 30);
	});

	it('Tab offers no study commands when no lesson is open', async () => {
		const {r} = mountLab();
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		await r.press('hostn', KEY.tab);
		await r.waitFor((f) => /root@lvs1:~# hostname *$/m.test(f));
		await r.press(KEY.ctrl('u'), 'hin', KEY.tab, KEY.tab, '!');
		const frame = await r.waitFor((f) => /root@lvs1:~# hin!$/m.test(f));
		expect(frame).not.toContain('hint');
	});

	it('Tab completes the names of shell functions defined at the prompt', async () => {
		const {r} = mountLab();
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		await r.press('hits_per_server() { ipvsadm -Ln --stats; }', KEY.enter);
		await r.waitFor((f) => /root@lvs1:~# *$/m.test(f.split('\n').filter((l) => l.includes('root@lvs1')).at(-1) ?? ''));
		await r.press('hits_p', KEY.tab);
		await r.waitFor((f) => /root@lvs1:~# hits_per_server *$/m.test(f));
	});

	it('Esc gives the keyboard to the cluster: select rs2, u unplugs it through the shell', async () => {
		const {r, lab} = mountLab();
		await r.waitFor((f) => f.includes('[SHELL]'));
		await r.press(KEY.escape);
		await r.waitFor((f) => f.includes('[CLUSTER KEYS]'));
		await r.press(KEY.down, KEY.down, 'u');
		const frame = await r.waitFor((f) => f.includes('✕ unplugged'));
		expect(frame).toMatch(/▸ rs2 +✕ unplugged/);
		// The key ran the lab command like typed input: it is in the scrollback and history.
		expect(frame).toContain('root@lvs1:~# unplug rs2');
		expect(frame).toContain('rs2: cable pulled out of eth0');
		expect(lab.shell.session.history.at(-1)).toBe('unplug rs2');
		await r.press('p');
		await r.waitFor((f) => /rs2 +● up/.test(f));
	});

	it('keys in the cluster drive the clock: space, step, speed', async () => {
		const {r, store} = mountLab();
		await r.press(KEY.escape, '.');
		await r.waitFor((f) => f.includes('00:00:01.0'));
		await r.press('+', '+');
		await r.waitFor((f) => f.includes('×5'));
		await r.press(' ');
		await r.waitFor((f) => f.includes('RUNNING'));
		expect(store.clockView).toEqual({paused: false, speed: 5});
		await r.press(' ');
		await r.waitFor((f) => f.includes('PAUSED'));
	});

	it('the pause/resume/speed commands reach the clock', async () => {
		const {r, store} = mountLab();
		await r.press('speed 20', KEY.enter);
		await r.waitFor((f) => f.includes('×20'));
		await r.press('resume', KEY.enter);
		await r.waitFor((f) => f.includes('RUNNING'));
		await r.press('pause', KEY.enter);
		await r.waitFor((f) => f.includes('PAUSED'));
		expect(store.clockView.speed).toBe(20);
	});

	it('switches the right-hand panel with e, c and g at 80×24', async () => {
		const {r} = mountLab({columns: 80, rows: 24});
		await r.waitFor((f) => f.includes('[E EVENTS]'));
		await r.press(KEY.escape, 'c');
		await r.waitFor((f) => f.includes('[C CONNS]') && f.includes('no connection entries'));
		await r.press('g');
		await r.waitFor((f) => f.includes('[G GRAPH]') && f.includes('no data yet'));
	});

	it('? and F1 show every key at once on a large screen; any key closes the list', async () => {
		const {r} = mountLab({columns: 160, rows: 50});
		await r.press(KEY.f1);
		const help = await r.waitFor((f) => f.includes('KEYS (any key closes this)'));
		expect(help).toContain('unplug / plug the selected host');
		expect(help).toContain('leave the lab');
		expect(help).not.toContain('more below');
		fits(help, 160, 50);
		// Nothing to scroll: even ↓ closes it.
		await r.press(KEY.down);
		await r.waitFor((f) => f.includes('VIP 10.0.0.100'));
		await r.press(KEY.escape, '?');
		await r.waitFor((f) => f.includes('KEYS (any key closes this)'));
	});

	it('asks for a larger window below 80×24 and comes back when resized', async () => {
		const {r} = mountLab();
		await r.waitFor((f) => f.includes('VIP 10.0.0.100'));
		r.stdout.resize(70, 20);
		const small = await r.waitFor((f) => f.includes('Make the window larger'));
		expect(small).toContain('at least 80×24 (now 70×20)');
		fits(small, 70, 20);
		r.stdout.resize(80, 24);
		fits(await r.waitFor((f) => f.includes('VIP 10.0.0.100')), 80, 24);
	});

	it('vi takes the whole screen and gives it back on :q', async () => {
		const {r, lab} = mountLab();
		lab.world.host('lvs1')!.fs.put('/etc/ha.d/ha.cf', 'keepalive 2\n');
		await r.press('vi /etc/ha.d/ha.cf', KEY.enter);
		const editor = await r.waitFor((f) => f.includes('keepalive 2'));
		expect(editor).not.toContain('VIP 10.0.0.100');
		expect(editor).toContain(':wq save and quit');
		await r.press('o', 'deadtime 10', KEY.escape, ':wq', KEY.enter);
		await r.waitFor((f) => f.includes('VIP 10.0.0.100'));
		expect(lab.world.host('lvs1')!.fs.read('/etc/ha.d/ha.cf')).toBe('keepalive 2\ndeadtime 10\n');
	});

	it('says so when a full-screen tool has no view yet', async () => {
		const {r, controller} = mountLab();
		controller.shell.run('true');
		(controller as unknown as {effect(e: unknown): void}).effect({kind: 'fullscreen', tool: 'xeyes', host: 'lvs1', args: []});
		await r.waitFor((f) => f.includes('xeyes: this full-screen view is not available'));
	});

	it('Ctrl+C quits from the shell, the cluster keys and the editor', async () => {
		const {r, quits} = mountLab();
		await r.press(KEY.ctrl('c'));
		await r.press(KEY.escape, KEY.ctrl('c'));
		await r.press(KEY.escape, 'nano /tmp/x', KEY.enter, KEY.ctrl('c'));
		expect(quits()).toBe(3);
	});

	it('has no colour codes without colour, and colour codes with it', async () => {
		const plain = mountLab({color: false});
		await plain.r.press(KEY.escape, 'u');
		// eslint-disable-next-line no-control-regex
		expect(await plain.r.waitFor((f) => f.includes('unplugged'))).not.toMatch(/\x1b\[/);
		const colour = mountLab({color: true});
		expect(await colour.r.waitFor((f) => f.includes('VIP 10.0.0.100'))).toMatch(/\x1b\[38;2;/);
	});

	it('speaks Spanish with --lang es and still fits 80×24', async () => {
		const {r} = mountLab({columns: 80, rows: 24, lang: 'es'});
		await r.press(KEY.escape);
		const frame = await r.waitFor((f) => f.includes('TECLAS DEL CLÚSTER'));
		fits(frame, 80, 24);
		expect(frame).toContain(' ida    client ─▶ 10.0.0.100 ─▶ lvs1 ─▶ rs');
		expect(frame).toContain(' vuelta rs ─▶ lvs1 ─▶ client  NAT ');
		expect(frame).toContain('u desenchufar');
		expect(frame).toContain('? todas las teclas');
		expect(frame).toContain('[E EVENTOS] · c conex. · g gráfica');
	});

	it('in plain mode uses only ASCII', async () => {
		const {r} = mountLab({plain: true});
		await r.press(KEY.escape, KEY.down, 'u');
		const frame = await r.waitFor((f) => /rs1 +unplugged/.test(f));
		expect(frame.split('\n').filter((l) => /[^\x20-\x7e]/.test(l))).toEqual([]);
	});
});
