// Ink measures every line it draws with string-width, which segments graphemes
// (Intl.Segmenter) and runs emoji regexes as soon as a line has one non-ASCII
// character. The lab's lines are full of box-drawing characters, arrows and
// Spanish letters, all one column wide, so that slow path cost more than the
// rest of a frame. This drop-in counts such lines directly and hands anything
// else (emoji, CJK, combining marks, options) to the real string-width, which is
// only loaded then: building its segmenter alone costs tens of milliseconds at start.
// test/ui/text/string-width.test.ts checks the counting against string-width.
import stripAnsi from 'strip-ansi';
import {createFastStringWidth} from './string-width-fast.js';

let real;

export default createFastStringWidth((input, options) => {
	// A require() inside the bundle: esbuild initializes the module on first use.
	real ??= require('../../node_modules/string-width/index.js').default;
	return real(input, options);
}, stripAnsi);
