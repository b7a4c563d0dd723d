import {describe, expect, it} from 'vitest';
import chalk from 'chalk';
import {editorTool} from '../../../source/ui/fullscreen/editor/editor-tool';
import type {FullscreenContext} from '../../../source/ui/fullscreen/tool';
import {createTheme} from '../../../source/ui/theme';
import {Keys, type KeyPress} from '../../../source/ui/terminal/keys';
import {lab, run, sh} from '../../helpers/lab';

function session(flavor: 'vi' | 'nano', path: string, content?: string) {
	chalk.level = 0;
	const l = lab();
	const host = l.world.host('lvs1')!;
	if (content !== undefined) host.fs.put(path, content);
	const ctx: FullscreenContext = {world: l.world, host, lang: 'en', theme: createTheme({plain: false}), width: 60, height: 12};
	const tool = editorTool(flavor);
	const opened = tool.open([path], ctx);
	if ('error' in opened) throw new Error(opened.error);
	let state = opened.state;
	let closed = false;
	const press = (...keys: Array<KeyPress | string>) => {
		for (const k of keys) {
			const result = tool.key(state, typeof k === 'string' ? Keys.text(k) : k, ctx);
			if ('close' in result) {
				closed = true;
				return;
			}
			state = result.state;
		}
	};
	return {host, press, frame: () => tool.render(state, ctx), closed: () => closed, state: () => state};
}

describe('the lab editor (vi and nano)', () => {
	it('nano: types, saves with ^O, shows what it wrote, and leaves with ^X', () => {
		const s = session('nano', '/etc/ha.d/authkeys', 'auth 1\n');
		expect(s.frame()[0]).toContain('/etc/ha.d/authkeys');
		expect(s.frame()).toContain('[ Read 1 line ]');
		s.press(Keys.named('down'), '1 sha1 secret', Keys.named('enter'), Keys.ctrl('o'));
		expect(s.host.fs.read('/etc/ha.d/authkeys')).toBe('auth 1\n1 sha1 secret\n');
		expect(s.frame()).toContain('[ Wrote 2 lines ]');
		expect(s.frame().at(-2)).toContain('^O Save');
		s.press(Keys.ctrl('x'));
		expect(s.closed()).toBe(true);
	});

	it('nano: ^X on a modified buffer asks; N quits without saving, Y saves and quits', () => {
		const a = session('nano', '/tmp/a', 'old\n');
		a.press('new ', Keys.ctrl('x'));
		expect(a.frame().join('\n')).toContain('Save modified buffer?');
		a.press('n');
		expect(a.closed()).toBe(true);
		expect(a.host.fs.read('/tmp/a')).toBe('old\n');
		const b = session('nano', '/tmp/b');
		expect(b.frame()).toContain('[ New File ]');
		b.press('hello', Keys.ctrl('x'), 'y');
		expect(b.closed()).toBe(true);
		expect(b.host.fs.read('/tmp/b')).toBe('hello\n');
	});

	it('vi: normal mode, i to insert, Esc, :wq saves and quits; :q refuses a modified buffer', () => {
		const s = session('vi', '/etc/hosts.allow', 'ALL: 10.0.0.\n');
		s.press('A', '0/24', Keys.named('escape'));
		s.press(':', 'q', Keys.named('enter'));
		expect(s.closed()).toBe(false);
		expect(s.frame().join('\n')).toContain('E37: No write since last change');
		s.press(':wq', Keys.named('enter'));
		expect(s.closed()).toBe(true);
		expect(s.host.fs.read('/etc/hosts.allow')).toBe('ALL: 10.0.0.0/24\n');
	});

	it('vi: dd cuts a line, p pastes it, x deletes, :q! quits without saving', () => {
		const s = session('vi', '/tmp/v', 'one\ntwo\nthree\n');
		s.press('dd', 'p');
		expect(s.state().lines).toEqual(['two', 'one', 'three']);
		s.press('x');
		expect(s.state().lines[1]).toBe('ne');
		s.press(':q!', Keys.named('enter'));
		expect(s.closed()).toBe(true);
		expect(s.host.fs.read('/tmp/v')).toBe('one\ntwo\nthree\n');
	});

	it('reports a file it cannot write instead of failing', () => {
		const s = session('nano', '/nodir/x');
		s.press('x', Keys.ctrl('o'));
		expect(s.frame().join('\n')).toContain('[ Error writing /nodir/x: No such file or directory ]');
	});

	it('keeps the cursor line on screen while moving through a long file', () => {
		const s = session('vi', '/tmp/long', Array.from({length: 50}, (_, i) => `line ${i}`).join('\n') + '\n');
		for (let i = 0; i < 30; i++) s.press('j');
		const shown = s.frame();
		expect(shown.length).toBeLessThanOrEqual(12);
		expect(shown.some((l) => l.startsWith('line 30'))).toBe(true);
	});
});

describe('vi and nano as commands', () => {
	it('in run, print one clear line and exit 1', () => {
		expect(run('nano /etc/hosts\necho $?\n')).toBe("root@lvs1:~# nano /etc/hosts\nnano: the editor works only in the lab screen; in a script write the file with cat > FILE <<'EOF'\nroot@lvs1:~# echo $?\n1\n");
		expect(run('vi /etc/hosts\n')).toContain('vi: the editor works only in the lab screen');
	});

	it('in the lab screen, ask for the full-screen editor on the resolved path', () => {
		const l = lab();
		(l.shell.options as {interactive: boolean}).interactive = true;
		sh(l, 'cd /etc');
		expect(l.shell.execute('vi hosts\n').effects).toEqual([{kind: 'fullscreen', tool: 'vi', host: 'lvs1', args: ['/etc/hosts']}]);
		expect(sh(l, 'nano /etc')).toEqual({out: 'nano: /etc: Is a directory\n', status: 1});
	});
});
