import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import {Chalk} from 'chalk';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
// @ts-expect-error plain JS module without types (it replaces part of ansi-tokenize in the bundle)
import {styledCharsToString as fast} from '../../../source/stubs/ansi-styled-chars.js';

describe('the bundle\'s faster styledCharsToString', () => {
	it('gives byte-identical output to ansi-tokenize for styled, unstyled and mixed lines', () => {
		const c = new Chalk({level: 3});
		const styles = [(t: string) => t, c.bold, c.dim, c.inverse, c.hex('#E69F00'), c.hex('#56B4E9'), (t: string) => c.bold(c.hex('#D55E00')(t)), c.gray, (t: string) => `\x1b[36m${t}\x1b[0m`];
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat(styles.length - 1), fc.string({minLength: 0, maxLength: 6})), {maxLength: 12}), (parts) => {
				const text = parts.map(([s, t]) => styles[s]!(t)).join('');
				const chars = styledCharsFromTokens(tokenize(text));
				expect(fast(chars)).toBe(styledCharsToString(chars));
			}),
			{numRuns: 300},
		);
	});
});
