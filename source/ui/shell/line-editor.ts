import type {KeyPress} from '../terminal/keys';

/** The line being typed at the prompt and where the cursor is in it. */
export interface LineState {
	readonly text: string;
	/** Cursor position: an index into `text` (text.length = after the last character). */
	readonly cursor: number;
	/** Text removed by the last Ctrl+U/K/W, put back by Ctrl+Y. */
	readonly killed: string;
}

export const EMPTY_LINE: LineState = {text: '', cursor: 0, killed: ''};

export function lineOf(text: string): LineState {
	return {text, cursor: text.length, killed: ''};
}

const WORD = /[A-Za-z0-9_.\-~/]/;

function wordStartBefore(text: string, cursor: number): number {
	let i = cursor;
	while (i > 0 && !WORD.test(text[i - 1]!)) i--;
	while (i > 0 && WORD.test(text[i - 1]!)) i--;
	return i;
}

function wordEndAfter(text: string, cursor: number): number {
	let i = cursor;
	while (i < text.length && !WORD.test(text[i]!)) i++;
	while (i < text.length && WORD.test(text[i]!)) i++;
	return i;
}

/** Start of the whitespace-separated word before the cursor (what Ctrl+W removes in bash). */
function spaceWordStart(text: string, cursor: number): number {
	let i = cursor;
	while (i > 0 && /\s/.test(text[i - 1]!)) i--;
	while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
	return i;
}

export function insert(s: LineState, text: string): LineState {
	return {...s, text: s.text.slice(0, s.cursor) + text + s.text.slice(s.cursor), cursor: s.cursor + text.length};
}

/**
 * Applies a readline (emacs-mode) editing key; returns undefined for keys that
 * are not line editing (Enter, Tab, arrows up/down…), which the shell handles.
 */
export function editLine(s: LineState, k: KeyPress): LineState | undefined {
	const {text, cursor} = s;
	if (k.name === 'text' && !k.ctrl && !k.meta) return insert(s, k.text);
	if (k.name === 'left' && (k.ctrl || k.meta)) return {...s, cursor: wordStartBefore(text, cursor)};
	if (k.name === 'right' && (k.ctrl || k.meta)) return {...s, cursor: wordEndAfter(text, cursor)};
	if (k.name === 'backspace' && k.meta) {
		const start = wordStartBefore(text, cursor);
		return {text: text.slice(0, start) + text.slice(cursor), cursor: start, killed: text.slice(start, cursor)};
	}
	switch (k.name) {
		case 'left':
			return {...s, cursor: Math.max(0, cursor - 1)};
		case 'right':
			return {...s, cursor: Math.min(text.length, cursor + 1)};
		case 'home':
			return {...s, cursor: 0};
		case 'end':
			return {...s, cursor: text.length};
		case 'backspace':
			return cursor === 0 ? s : {...s, text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1};
		case 'delete':
			return cursor >= text.length ? s : {...s, text: text.slice(0, cursor) + text.slice(cursor + 1)};
	}
	if (k.name !== 'text') return undefined;
	if (k.meta) {
		if (k.text === 'b') return {...s, cursor: wordStartBefore(text, cursor)};
		if (k.text === 'f') return {...s, cursor: wordEndAfter(text, cursor)};
		if (k.text === 'd') {
			const end = wordEndAfter(text, cursor);
			return {text: text.slice(0, cursor) + text.slice(end), cursor, killed: text.slice(cursor, end)};
		}
		return undefined;
	}
	switch (k.text) {
		case 'a':
			return {...s, cursor: 0};
		case 'e':
			return {...s, cursor: text.length};
		case 'b':
			return {...s, cursor: Math.max(0, cursor - 1)};
		case 'f':
			return {...s, cursor: Math.min(text.length, cursor + 1)};
		case 'h':
			return editLine(s, {...k, name: 'backspace', ctrl: false, text: ''});
		case 'u':
			return {text: text.slice(cursor), cursor: 0, killed: text.slice(0, cursor)};
		case 'k':
			return {text: text.slice(0, cursor), cursor, killed: text.slice(cursor)};
		case 'w': {
			const start = spaceWordStart(text, cursor);
			return {text: text.slice(0, start) + text.slice(cursor), cursor: start, killed: text.slice(start, cursor)};
		}
		case 'y':
			return s.killed === '' ? s : insert(s, s.killed);
		case 't': {
			// Transposes the two characters before the cursor (at the end) or around it.
			if (text.length < 2 || cursor === 0) return s;
			const at = cursor === text.length ? cursor - 1 : cursor;
			const chars = text.split('');
			[chars[at - 1], chars[at]] = [chars[at]!, chars[at - 1]!];
			return {...s, text: chars.join(''), cursor: Math.min(text.length, at + 1)};
		}
	}
	return undefined;
}
