import {describe, expect, it} from 'vitest';
import {decodeKeys} from '../../../source/ui/terminal/keys';

const names = (data: string) => decodeKeys(data).map((k) => `${k.ctrl ? 'C-' : ''}${k.meta ? 'M-' : ''}${k.shift ? 'S-' : ''}${k.name === 'text' ? k.text : k.name}`);

describe('decoding terminal input', () => {
	it('tells Backspace (DEL) from Delete (ESC [3~)', () => {
		expect(names('\x7f')).toEqual(['backspace']);
		expect(names('\b')).toEqual(['backspace']);
		expect(names('\x1b[3~')).toEqual(['delete']);
	});

	it('splits a run of typed text at Enter, Tab and control keys', () => {
		expect(names('ipvsadm -L\r')).toEqual(['ipvsadm -L', 'enter']);
		expect(names('ls\tx\x01y\x15')).toEqual(['ls', 'tab', 'x', 'C-a', 'y', 'C-u']);
		expect(names('a\r\nb\n')).toEqual(['a', 'enter', 'b', 'enter']);
	});

	it('reads arrows, Home/End, paging and F1 in their xterm and rxvt forms', () => {
		expect(names('\x1b[A')).toEqual(['up']);
		expect(names('\x1bOB')).toEqual(['down']);
		expect(names('\x1b[H')).toEqual(['home']);
		expect(names('\x1b[1~')).toEqual(['home']);
		expect(names('\x1b[4~')).toEqual(['end']);
		expect(names('\x1b[5~')).toEqual(['pageup']);
		expect(names('\x1b[6~')).toEqual(['pagedown']);
		expect(names('\x1bOP')).toEqual(['f1']);
		expect(names('\x1b[Z')).toEqual(['S-backtab']);
	});

	it('reads F2 to F10 (the study keys) in their xterm and rxvt forms', () => {
		expect(['\x1bOQ', '\x1bOR', '\x1bOS', '\x1b[15~', '\x1b[17~', '\x1b[18~', '\x1b[19~', '\x1b[20~', '\x1b[21~'].flatMap(names)).toEqual(['f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10']);
		expect(['\x1b[12~', '\x1b[13~', '\x1b[14~'].flatMap(names)).toEqual(['f2', 'f3', 'f4']);
	});

	it('reads modifiers: Ctrl+Left, Alt+b, Alt+Backspace, Esc alone', () => {
		expect(names('\x1b[1;5D')).toEqual(['C-left']);
		expect(names('\x1bb')).toEqual(['M-b']);
		expect(names('\x1b\x7f')).toEqual(['M-backspace']);
		expect(names('\x1b')).toEqual(['escape']);
	});
});
