// The counting behind source/stubs/string-width.js, separate so tests can run it
// against the real string-width (see that file for why it exists).

/** Code units that string-width counts as exactly one column on their own and in any sequence of them. */
export function isSingleColumn(c) {
	if (c >= 0x20 && c <= 0x7e) return true;
	// Latin-1 Supplement and Latin Extended-A/B (not the soft hyphen, which is invisible).
	if (c >= 0xa0 && c <= 0x24f) return c !== 0xad;
	// General punctuation: dashes, quotes, bullets, ellipsis (not the zero-width and bidi marks).
	if (c >= 0x2010 && c <= 0x2027) return true;
	// Arrows.
	if (c >= 0x2190 && c <= 0x21ff) return true;
	// Box drawing, block elements and geometric shapes, except the two drawn as emoji.
	if (c >= 0x2500 && c <= 0x25ff) return c < 0x25fd || c > 0x25fe;
	// Symbols the lab uses: ␣ ★ ✓ ✕ ✗.
	return c === 0x2423 || c === 0x2605 || c === 0x2713 || c === 0x2715 || c === 0x2717;
}

/** string-width for lines of one-column characters; anything else goes to `slow` (the real string-width). */
export function createFastStringWidth(slow, stripAnsi) {
	return function fastStringWidth(input, options) {
		if (typeof input !== 'string' || input.length === 0) return 0;
		if (options && (options.countAnsiEscapeCodes || options.ambiguousIsNarrow === false)) return slow(input, options);
		const text = input.includes('\u001B') || input.includes('\u009B') ? stripAnsi(input) : input;
		for (let i = 0; i < text.length; i++) {
			if (!isSingleColumn(text.charCodeAt(i))) return slow(input, options);
		}
		return text.length;
	};
}
