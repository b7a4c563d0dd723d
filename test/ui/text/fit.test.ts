import {describe, expect, it} from 'vitest';
import {clip, hardWrap, pad, padStart, widthOf, wrap} from '../../../source/ui/text/fit';
import {line, seg} from '../../../source/ui/text/segments';

describe('fitting text into columns', () => {
	it('clips with an ellipsis and pads to an exact width', () => {
		expect(clip('unplugged', 6)).toBe('unplu…');
		expect(clip('up', 6)).toBe('up');
		expect(pad('rs1', 6)).toBe('rs1   ');
		expect(pad('client-pc', 6)).toBe('clien…');
		expect(padStart('12', 4)).toBe('  12');
	});

	it('counts glyphs as one column each', () => {
		expect(widthOf('● up')).toBe(4);
		expect(clip('✕ unplugged', 5)).toBe('✕ un…');
	});

	it('word-wraps under a hanging indent and hard-wraps long words', () => {
		expect(wrap('heartbeat on lvs2 takes over the VIP', 16, '  ')).toEqual(['heartbeat on', '  lvs2 takes', '  over the VIP']);
		expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
		expect(hardWrap('0123456789', 4)).toEqual(['0123', '4567', '89']);
	});

	it('joins painted segments without counting or cutting escape codes', () => {
		const red = (t: string) => `\x1b[31m${t}\x1b[39m`;
		expect(line(8, seg('abc', red), 'defghij')).toBe('\x1b[31mabc\x1b[39mdefg…');
		expect(line(3, 'abc', seg('def', red))).toBe('abc');
	});
});
