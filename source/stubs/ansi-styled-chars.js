// Ink turns every frame back into a string one character at a time, and for each
// character @alcalzone/ansi-tokenize computes the style difference to the one
// before it, building three Sets each time, even when both are unstyled or
// styled alike. On a 100×30 screen that is thousands of Sets per frame. This
// is the same function with the "nothing changed" case answered first; it gives
// byte-identical output (test/ui/text/ansi-styled-chars.test.ts).
import {ansiCodesToString} from '../../node_modules/@alcalzone/ansi-tokenize/build/ansiCodes.js';
import {diffAnsiCodes} from '../../node_modules/@alcalzone/ansi-tokenize/build/diff.js';
export {styledCharsFromTokens} from '../../node_modules/@alcalzone/ansi-tokenize/build/styledChars.js';

/** Two reduced style lists that apply the same codes in the same order. */
function same(a, b) {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code) return false;
	return true;
}

export function styledCharsToString(chars) {
	let ret = '';
	for (let i = 0; i < chars.length; i++) {
		const char = chars[i];
		if (i === 0) {
			if (char.styles.length > 0) ret += ansiCodesToString(char.styles);
		} else {
			const previous = chars[i - 1].styles;
			if (!same(previous, char.styles)) ret += ansiCodesToString(diffAnsiCodes(previous, char.styles));
		}
		ret += char.value;
		if (i === chars.length - 1 && char.styles.length > 0) ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
	}
	return ret;
}
