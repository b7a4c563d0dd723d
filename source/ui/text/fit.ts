/**
 * Fitting text into terminal columns. The lab's own strings are plain (colour is
 * added after fitting), so width is counted in code points; every glyph the
 * screen uses is one column wide.
 */

const ASCII = /^[\x20-\x7e]*$/;

let ellipsis = '…';

/** The mark for cut text: `…`, or `...` where only ASCII may be shown (--plain). */
export function setEllipsis(mark: string): void {
	ellipsis = mark;
}

export function currentEllipsis(): string {
	return ellipsis;
}

/** Columns `text` takes. */
export function widthOf(text: string): number {
	return ASCII.test(text) ? text.length : Array.from(text).length;
}

/** The first `width` columns of `text`. */
export function cut(text: string, width: number): string {
	if (width <= 0) return '';
	if (ASCII.test(text)) return text.length <= width ? text : text.slice(0, width);
	const chars = Array.from(text);
	return chars.length <= width ? text : chars.slice(0, width).join('');
}

/** `text` in at most `width` columns, ending in `…` when it had to be shortened. */
export function clip(text: string, width: number, mark = ellipsis): string {
	if (widthOf(text) <= width) return text;
	if (width <= mark.length) return cut(text, width);
	return cut(text, width - mark.length) + mark;
}

/** `text` clipped and then padded with spaces to exactly `width` columns. */
export function pad(text: string, width: number): string {
	const clipped = clip(text, width);
	return clipped + ' '.repeat(Math.max(0, width - widthOf(clipped)));
}

/** Right-aligned in exactly `width` columns. */
export function padStart(text: string, width: number): string {
	const clipped = clip(text, width);
	return ' '.repeat(Math.max(0, width - widthOf(clipped))) + clipped;
}

/** Word-wraps `text` into lines of at most `width` columns; `indent` starts every line after the first. */
export function wrap(text: string, width: number, indent = ''): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		let first = true;
		const room = () => (first ? width : width - indent.length);
		const flush = () => {
			lines.push(first ? line : indent + line);
			first = false;
			line = '';
		};
		for (const word of paragraph.split(' ')) {
			let w = word;
			while (widthOf(w) > room()) {
				if (line !== '') flush();
				lines.push((first ? '' : indent) + cut(w, room()));
				w = Array.from(w).slice(room()).join('');
				first = false;
			}
			if (line === '') line = w;
			else if (widthOf(line) + 1 + widthOf(w) <= room()) line += ' ' + w;
			else {
				flush();
				line = w;
			}
		}
		flush();
	}
	return lines;
}

/** Hard-wraps a terminal line (no word breaks), as a terminal does with long output. */
export function hardWrap(text: string, width: number): string[] {
	if (width <= 0) return [];
	const n = widthOf(text);
	if (n <= width) return [text];
	const chars = ASCII.test(text) ? null : Array.from(text);
	const lines: string[] = [];
	for (let i = 0; i < n; i += width) lines.push(chars ? chars.slice(i, i + width).join('') : text.slice(i, i + width));
	return lines;
}
