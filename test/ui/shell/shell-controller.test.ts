import {describe, expect, it} from 'vitest';
import type {ShellEffect} from '../../../source/commands/context';
import {ShellController} from '../../../source/ui/shell/shell-controller';
import {Keys, type KeyPress} from '../../../source/ui/terminal/keys';
import {lab, run} from '../../helpers/lab';

function controller() {
	const effects: ShellEffect[] = [];
	const l = lab();
	const c = new ShellController(l, {onEffect: (e) => effects.push(e)});
	const type = (...keys: Array<KeyPress | string>) => {
		for (const k of keys) {
			if (typeof k !== 'string') c.key(k);
			else
				for (const [i, part] of k.split('\n').entries()) {
					if (i > 0) c.key(Keys.named('enter'));
					if (part) c.key(Keys.text(part));
				}
		}
	};
	const screen = () => c.getView().lines.map((l) => l.text).join('\n') + '\n';
	return {c, l, effects, type, screen};
}

const SCRIPT = `echo one > /tmp/f
cat /tmp/f /nope
ssh rs2
hostname
cat > /tmp/g <<'END'
line 1
line "2"
END
cat /tmp/g
echo "open
quote"
exit
`;

describe('the interactive shell', () => {
	it('prints exactly the transcript cluster-lab run prints', () => {
		const {type, screen} = controller();
		type(SCRIPT);
		expect(screen()).toBe(run(SCRIPT));
	});

	it('shows the continuation of an open heredoc or quote with "> "', () => {
		const {c, type} = controller();
		type("cat <<'X'\nhello\n");
		expect(c.getView().pending).toEqual(["cat <<'X'", 'hello']);
		expect(c.getView().lines.map((l) => l.text)).toEqual(["root@lvs1:~# cat <<'X'", '> hello']);
		type('X\n');
		expect(c.getView().lines.map((l) => l.text).slice(-2)).toEqual(['> X', 'hello']);
		expect(c.getView().pending).toEqual([]);
	});

	it('recalls history with up and down and keeps the line being typed', () => {
		const {c, type} = controller();
		type('echo a\necho b\necho dra');
		type(Keys.named('up'));
		expect(c.getView().line.text).toBe('echo b');
		type(Keys.named('up'), Keys.named('up'));
		expect(c.getView().line.text).toBe('echo a');
		type(Keys.named('down'), Keys.named('down'));
		expect(c.getView().line.text).toBe('echo dra');
	});

	it('completes on Tab and lists choices when the word cannot grow', () => {
		const {c, type} = controller();
		type('ssh rs', Keys.named('tab'));
		expect(c.getView().line.text).toBe('ssh rs');
		expect(c.getView().lines.map((l) => l.text)).toEqual(['root@lvs1:~# ssh rs', 'rs1  rs2  rs3  rs4']);
		type('3', Keys.named('tab'));
		expect(c.getView().line.text).toBe('ssh rs3 ');
	});

	it('clears the scrollback with clear and Ctrl+L', () => {
		const {c, type} = controller();
		type('echo x\nclear\n');
		expect(c.getView().lines).toEqual([]);
		type('echo y\n', Keys.ctrl('l'));
		expect(c.getView().lines).toEqual([]);
	});

	it('passes effects on: quit from exit at the top, clock from pause', () => {
		const {type, effects} = controller();
		type('pause\n');
		type(Keys.ctrl('d'));
		expect(effects).toEqual([{kind: 'clock', action: 'pause'}, {kind: 'quit'}]);
	});

	it("runs a command for the screen's keys without losing the half-typed line", () => {
		const {c, type} = controller();
		type('ipvsadm -L');
		c.run('hostname');
		expect(c.getView().lines.map((l) => l.text)).toEqual(['root@lvs1:~# hostname', 'lvs1']);
		expect(c.getView().line.text).toBe('ipvsadm -L');
	});

	it('scrolls back a page at a time and stops at the oldest line', () => {
		const {c, type} = controller();
		c.setViewport(80, 5);
		for (let i = 0; i < 10; i++) type(`echo ${i}\n`);
		type(Keys.named('pageup'));
		expect(c.getView().scroll).toBe(4);
		for (let i = 0; i < 10; i++) type(Keys.named('pageup'));
		expect(c.getView().scroll).toBe(20 - 4);
		for (let i = 0; i < 5; i++) type(Keys.named('pagedown'));
		expect(c.getView().scroll).toBe(0);
	});
});
