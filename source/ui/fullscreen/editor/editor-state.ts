import {isCtrl, type KeyPress} from '../../terminal/keys';

export type EditorFlavor = 'vi' | 'nano';

/**
 * The editor's whole state. Both flavours share the buffer and cursor; `vi`
 * starts in normal mode and has a `:` command line, `nano` always inserts and
 * asks before leaving a modified buffer.
 */
export interface EditorState {
	readonly flavor: EditorFlavor;
	readonly path: string;
	readonly lines: readonly string[];
	readonly row: number;
	readonly col: number;
	/** First buffer line on screen. */
	readonly top: number;
	readonly modified: boolean;
	readonly mode: 'insert' | 'normal' | 'command' | 'confirm-exit';
	/** The `:` command being typed (vi). */
	readonly command: string;
	/** One-line message on the status line. */
	readonly message: string;
	/** Lines cut with ^K (nano) or dd (vi), for pasting back. */
	readonly clipboard: readonly string[];
	/** A `d` or `Z` waiting for its second key (vi's dd and ZZ). */
	readonly pending: string;
}

/** What the editor asks its surroundings to do after a key. */
export type EditorAction = {readonly kind: 'none'} | {readonly kind: 'save'; readonly quit: boolean} | {readonly kind: 'quit'};

export function openEditor(flavor: EditorFlavor, path: string, content: string | undefined, message: string): EditorState {
	const text = content ?? '';
	// nano keeps an empty line after the last newline (the cursor can go there); vi does not.
	const lines = text === '' ? [''] : flavor === 'nano' ? text.split('\n') : text.replace(/\n$/, '').split('\n');
	return {flavor, path, lines, row: 0, col: 0, top: 0, modified: false, mode: flavor === 'vi' ? 'normal' : 'insert', command: '', message, clipboard: [], pending: ''};
}

/** File content of the buffer: lines joined, ending in a newline (empty buffer: empty file). */
export function bufferText(state: EditorState): string {
	const text = state.lines.join('\n');
	if (text === '') return '';
	if (state.flavor === 'nano') return text.endsWith('\n') ? text : text + '\n';
	return text + '\n';
}

function clampCol(state: EditorState, row: number, col: number): number {
	const max = state.lines[row]!.length - (state.mode === 'normal' && state.lines[row]!.length > 0 ? 1 : 0);
	return Math.max(0, Math.min(col, max));
}

function moveTo(state: EditorState, row: number, col: number): EditorState {
	const r = Math.max(0, Math.min(row, state.lines.length - 1));
	return {...state, row: r, col: clampCol(state, r, col)};
}

function setLines(state: EditorState, lines: string[], row: number, col: number): EditorState {
	return {...state, lines, row, col, modified: true};
}

function insertText(state: EditorState, text: string): EditorState {
	const lines = state.lines.slice();
	const current = lines[state.row]!;
	lines[state.row] = current.slice(0, state.col) + text + current.slice(state.col);
	return setLines(state, lines, state.row, state.col + text.length);
}

function newline(state: EditorState): EditorState {
	const lines = state.lines.slice();
	const current = lines[state.row]!;
	lines.splice(state.row, 1, current.slice(0, state.col), current.slice(state.col));
	return setLines(state, lines, state.row + 1, 0);
}

function backspace(state: EditorState): EditorState {
	const lines = state.lines.slice();
	if (state.col > 0) {
		const current = lines[state.row]!;
		lines[state.row] = current.slice(0, state.col - 1) + current.slice(state.col);
		return setLines(state, lines, state.row, state.col - 1);
	}
	if (state.row === 0) return state;
	const previous = lines[state.row - 1]!;
	lines.splice(state.row - 1, 2, previous + lines[state.row]!);
	return setLines(state, lines, state.row - 1, previous.length);
}

function deleteChar(state: EditorState): EditorState {
	const lines = state.lines.slice();
	const current = lines[state.row]!;
	if (state.col < current.length) {
		lines[state.row] = current.slice(0, state.col) + current.slice(state.col + 1);
		const next = setLines(state, lines, state.row, state.col);
		return {...next, col: clampCol(next, next.row, next.col)};
	}
	if (state.row >= lines.length - 1) return state;
	lines.splice(state.row, 2, current + lines[state.row + 1]!);
	return setLines(state, lines, state.row, state.col);
}

function cutLine(state: EditorState): EditorState {
	const lines = state.lines.slice();
	const [cut] = lines.splice(state.row, 1);
	if (lines.length === 0) lines.push('');
	const next = setLines(state, lines, Math.min(state.row, lines.length - 1), 0);
	return {...next, clipboard: [cut!]};
}

function paste(state: EditorState, below: boolean): EditorState {
	if (state.clipboard.length === 0) return state;
	const lines = state.lines.slice();
	const at = below ? state.row + 1 : state.row;
	lines.splice(at, 0, ...state.clipboard);
	return setLines(state, lines, at, 0);
}

/** Cursor movement shared by both flavours; undefined for other keys. */
function movement(state: EditorState, k: KeyPress, page: number): EditorState | undefined {
	switch (k.name) {
		case 'left':
			return moveTo(state, state.row, state.col - 1);
		case 'right':
			return moveTo(state, state.row, state.col + 1);
		case 'up':
			return moveTo(state, state.row - 1, state.col);
		case 'down':
			return moveTo(state, state.row + 1, state.col);
		case 'home':
			return moveTo(state, state.row, 0);
		case 'end':
			return moveTo(state, state.row, Infinity);
		case 'pageup':
			return moveTo(state, state.row - page, state.col);
		case 'pagedown':
			return moveTo(state, state.row + page, state.col);
		default:
			return undefined;
	}
}

const none: EditorAction = {kind: 'none'};

/** Applies one key; `page` is how many lines PgUp/PgDn move. */
export function editorKey(state: EditorState, k: KeyPress, page: number): {state: EditorState; action: EditorAction} {
	if (state.mode !== 'insert' && k.name === 'text' && !k.ctrl && !k.meta && k.text.length > 1) {
		// Commands typed fast arrive together (`dd`, `:wq`): one key at a time.
		let current = {state, action: none as EditorAction};
		for (const char of k.text) {
			current = editorKey(current.state, {...k, text: char}, page);
			if (current.action.kind !== 'none') break;
		}
		return current;
	}
	const cleared = {...state, message: ''};
	// Shortcuts that work in every mode: nano's save and exit, in both flavours.
	if (state.mode !== 'confirm-exit') {
		if (isCtrl(k, 'o') || isCtrl(k, 's')) return {state: cleared, action: {kind: 'save', quit: false}};
		if (isCtrl(k, 'x')) {
			if (!state.modified) return {state: cleared, action: {kind: 'quit'}};
			return {state: {...cleared, mode: 'confirm-exit'}, action: none};
		}
	}
	switch (state.mode) {
		case 'confirm-exit':
			return confirmKey(state, k);
		case 'command':
			return commandKey(state, k);
		case 'normal':
			return normalKey(cleared, k, page);
		default:
			return insertKey(cleared, k, page);
	}
}

function confirmKey(state: EditorState, k: KeyPress): {state: EditorState; action: EditorAction} {
	const answer = k.name === 'text' && !k.ctrl ? k.text.toLowerCase() : '';
	if (answer === 'y') return {state: {...state, mode: state.flavor === 'vi' ? 'normal' : 'insert'}, action: {kind: 'save', quit: true}};
	if (answer === 'n') return {state, action: {kind: 'quit'}};
	if (answer === 'c' || k.name === 'escape' || isCtrl(k, 'c')) return {state: {...state, mode: state.flavor === 'vi' ? 'normal' : 'insert', message: ''}, action: none};
	return {state, action: none};
}

function insertKey(state: EditorState, k: KeyPress, page: number): {state: EditorState; action: EditorAction} {
	const moved = movement(state, k, page);
	if (moved) return {state: moved, action: none};
	if (k.name === 'escape' && state.flavor === 'vi') return {state: moveTo({...state, mode: 'normal'}, state.row, state.col - 1), action: none};
	if (k.name === 'enter') return {state: newline(state), action: none};
	if (k.name === 'backspace') return {state: backspace(state), action: none};
	if (k.name === 'delete') return {state: deleteChar(state), action: none};
	if (k.name === 'tab') return {state: insertText(state, '\t'), action: none};
	if (isCtrl(k, 'k')) return {state: cutLine(state), action: none};
	if (isCtrl(k, 'u')) return {state: paste(state, false), action: none};
	if (k.name === 'text' && !k.ctrl && !k.meta) {
		// Pasted text may hold line ends: split into lines as typed.
		let next = state;
		k.text.split(/\r?\n/).forEach((part, i) => {
			if (i > 0) next = newline(next);
			if (part) next = insertText(next, part);
		});
		return {state: next, action: none};
	}
	return {state, action: none};
}

function normalKey(state: EditorState, k: KeyPress, page: number): {state: EditorState; action: EditorAction} {
	const moved = movement(state, k, page);
	if (moved) return {state: {...moved, pending: ''}, action: none};
	if (k.name !== 'text' || k.ctrl || k.meta) return {state: {...state, pending: ''}, action: none};
	const c = k.text;
	if (state.pending === 'd') return {state: c === 'd' ? {...cutLine(state), pending: ''} : {...state, pending: ''}, action: none};
	if (state.pending === 'Z') {
		if (c === 'Z') return {state: {...state, pending: ''}, action: state.modified ? {kind: 'save', quit: true} : {kind: 'quit'}};
		if (c === 'Q') return {state, action: {kind: 'quit'}};
		return {state: {...state, pending: ''}, action: none};
	}
	const insertMode = (s: EditorState) => ({...s, mode: 'insert' as const});
	switch (c) {
		case 'h':
			return {state: moveTo(state, state.row, state.col - 1), action: none};
		case 'l':
			return {state: moveTo(state, state.row, state.col + 1), action: none};
		case 'k':
			return {state: moveTo(state, state.row - 1, state.col), action: none};
		case 'j':
			return {state: moveTo(state, state.row + 1, state.col), action: none};
		case '0':
			return {state: moveTo(state, state.row, 0), action: none};
		case '$':
			return {state: moveTo(state, state.row, Infinity), action: none};
		case 'G':
			return {state: moveTo(state, state.lines.length - 1, 0), action: none};
		case 'g':
			return {state: moveTo(state, 0, 0), action: none};
		case 'i':
			return {state: insertMode(state), action: none};
		case 'a':
			return {state: {...insertMode(state), col: Math.min(state.lines[state.row]!.length, state.col + (state.lines[state.row]!.length > 0 ? 1 : 0))}, action: none};
		case 'A':
			return {state: {...insertMode(state), col: state.lines[state.row]!.length}, action: none};
		case 'I':
			return {state: {...insertMode(state), col: 0}, action: none};
		case 'o': {
			const lines = state.lines.slice();
			lines.splice(state.row + 1, 0, '');
			return {state: insertMode(setLines(state, lines, state.row + 1, 0)), action: none};
		}
		case 'O': {
			const lines = state.lines.slice();
			lines.splice(state.row, 0, '');
			return {state: insertMode(setLines(state, lines, state.row, 0)), action: none};
		}
		case 'x':
			return {state: state.lines[state.row]!.length === 0 ? state : deleteChar(state), action: none};
		case 'd':
		case 'Z':
			return {state: {...state, pending: c}, action: none};
		case 'p':
			return {state: paste(state, true), action: none};
		case 'P':
			return {state: paste(state, false), action: none};
		case ':':
			return {state: {...state, mode: 'command', command: ''}, action: none};
		default:
			return {state, action: none};
	}
}

function commandKey(state: EditorState, k: KeyPress): {state: EditorState; action: EditorAction} {
	if (k.name === 'escape') return {state: {...state, mode: 'normal', command: ''}, action: none};
	if (k.name === 'backspace') {
		if (state.command === '') return {state: {...state, mode: 'normal'}, action: none};
		return {state: {...state, command: state.command.slice(0, -1)}, action: none};
	}
	if (k.name === 'text' && !k.ctrl && !k.meta) return {state: {...state, command: state.command + k.text}, action: none};
	if (k.name !== 'enter') return {state, action: none};
	const cmd = state.command.trim();
	const back = {...state, mode: 'normal' as const, command: ''};
	switch (cmd) {
		case 'w':
			return {state: back, action: {kind: 'save', quit: false}};
		case 'wq':
		case 'x':
		case 'wq!':
			return {state: back, action: {kind: 'save', quit: true}};
		case 'q':
			if (state.modified) return {state: {...back, message: 'E37: No write since last change (add ! to override)'}, action: none};
			return {state: back, action: {kind: 'quit'}};
		case 'q!':
			return {state: back, action: {kind: 'quit'}};
		case '':
			return {state: back, action: none};
		default:
			if (/^\d+$/.test(cmd)) return {state: moveTo(back, Number(cmd) - 1, 0), action: none};
			return {state: {...back, message: `E492: Not an editor command: ${cmd}`}, action: none};
	}
}

/** Keeps the cursor's line on screen: returns the first line to show in `rows` rows. */
export function scrollTop(state: EditorState, rows: number): number {
	if (state.row < state.top) return state.row;
	if (state.row >= state.top + rows) return state.row - rows + 1;
	return state.top;
}
