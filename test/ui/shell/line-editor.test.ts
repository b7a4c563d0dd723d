import {describe, expect, it} from 'vitest';
import {editLine, lineOf, type LineState} from '../../../source/ui/shell/line-editor';
import {Keys, type KeyPress} from '../../../source/ui/terminal/keys';

function apply(start: LineState, ...keys: KeyPress[]): LineState {
	return keys.reduce((s, k) => editLine(s, k) ?? s, start);
}

const show = (s: LineState) => s.text.slice(0, s.cursor) + '|' + s.text.slice(s.cursor);

describe('line editing at the prompt', () => {
	it('types, moves left/right/home/end and deletes on both sides of the cursor', () => {
		let s = apply(lineOf(''), Keys.text('ipvsdm'), Keys.named('left'), Keys.named('left'), Keys.text('a'));
		expect(show(s)).toBe('ipvsa|dm');
		s = apply(s, Keys.named('delete'), Keys.named('backspace'));
		expect(show(s)).toBe('ipvs|m');
		expect(show(apply(s, Keys.named('home')))).toBe('|ipvsm');
		expect(show(apply(s, Keys.named('end')))).toBe('ipvsm|');
	});

	it('has the readline keys: Ctrl+A/E/U/K/W/Y and word moves', () => {
		const s = lineOf('ipvsadm -a -t 10.0.0.100:80');
		expect(show(apply(s, Keys.ctrl('a')))).toBe('|ipvsadm -a -t 10.0.0.100:80');
		expect(show(apply(s, Keys.ctrl('a'), Keys.ctrl('e')))).toBe('ipvsadm -a -t 10.0.0.100:80|');
		expect(show(apply(s, Keys.ctrl('w')))).toBe('ipvsadm -a -t |');
		expect(show(apply(s, Keys.meta('b'), Keys.ctrl('k')))).toBe('ipvsadm -a -t 10.0.0.100:|');
		expect(show(apply(s, Keys.meta('b'), Keys.ctrl('u')))).toBe('|80');
		expect(show(apply(s, Keys.ctrl('w'), Keys.ctrl('y')))).toBe('ipvsadm -a -t 10.0.0.100:80|');
		expect(show(apply(lineOf('a b'), Keys.named('left', {ctrl: true})))).toBe('a |b');
	});

	it('leaves Enter, Tab and history keys to the shell', () => {
		expect(editLine(lineOf('x'), Keys.named('enter'))).toBeUndefined();
		expect(editLine(lineOf('x'), Keys.named('tab'))).toBeUndefined();
		expect(editLine(lineOf('x'), Keys.named('up'))).toBeUndefined();
	});
});
