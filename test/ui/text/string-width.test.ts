import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
// @ts-expect-error plain JS module without types (it replaces string-width in the bundle)
import {createFastStringWidth, isSingleColumn} from '../../../source/stubs/string-width-fast.js';

const fastStringWidth = createFastStringWidth(stringWidth, stripAnsi);

describe('the bundle\'s fast string-width', () => {
	it('agrees with string-width on every code point it counts itself', () => {
		const wrong: string[] = [];
		for (let c = 0x20; c <= 0x2800; c++) {
			if (!isSingleColumn(c)) continue;
			const ch = String.fromCharCode(c);
			if (stringWidth(ch) !== 1 || stringWidth('a' + ch + 'b') !== 3) wrong.push(c.toString(16));
		}
		expect(wrong).toEqual([]);
	});

	it('gives the same widths as string-width for the lab\'s lines, colour codes, emoji and CJK', () => {
		const samples = [
			'',
			'CLUSTER  VIP 10.0.0.100 on lvs1',
			'▸ rs2    ✕ unplugged   w1 ████▒▒▒····  12/30  5.0/s',
			'\x1b[38;5;117m● up\x1b[39m  ─▶ 10.0.0.100',
			'señal · conexión · ¿Guardar? ×20 ␣ pausa',
			' 10 ┼    ╭╯',
			'emoji 🙂 here',
			'日本語',
			'e\u0301 combining',
			'soft\u00adhyphen',
			'⏸ PAUSED',
		];
		for (const s of samples) expect(fastStringWidth(s)).toBe(stringWidth(s));
		expect(fastStringWidth('\x1b[31mred\x1b[39m', {countAnsiEscapeCodes: true})).toBe(stringWidth('\x1b[31mred\x1b[39m', {countAnsiEscapeCodes: true}));
	});
});
