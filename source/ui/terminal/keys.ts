/**
 * Decodes what the terminal sends into key presses. Ink splits its input into
 * escape sequences and runs of plain text; a run can hold typed or pasted
 * characters, Enter, Tab, Backspace and control keys all at once, so it is
 * walked character by character. (Ink's own key object cannot tell Backspace
 * from Delete: both arrive as `delete`.)
 */
export type KeyName =
	| 'text'
	| 'enter'
	| 'tab'
	| 'backtab'
	| 'backspace'
	| 'delete'
	| 'escape'
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'home'
	| 'end'
	| 'pageup'
	| 'pagedown'
	| 'insert'
	| 'f1'
	| 'f2'
	| 'f3'
	| 'f4'
	| 'f5'
	| 'f6'
	| 'f7'
	| 'f8'
	| 'f9'
	| 'f10';

export interface KeyPress {
	readonly name: KeyName;
	/** The characters typed, for `text`; the letter for Ctrl/Alt combinations. */
	readonly text: string;
	readonly ctrl: boolean;
	readonly meta: boolean;
	readonly shift: boolean;
}

function key(name: KeyName, options: Partial<Omit<KeyPress, 'name'>> = {}): KeyPress {
	return {name, text: options.text ?? '', ctrl: options.ctrl ?? false, meta: options.meta ?? false, shift: options.shift ?? false};
}

/** Convenience constructors for tests and for code that synthesizes keys. */
export const Keys = {
	text: (text: string) => key('text', {text}),
	ctrl: (letter: string) => key('text', {text: letter, ctrl: true}),
	meta: (letter: string) => key('text', {text: letter, meta: true}),
	named: (name: KeyName, options?: Partial<Omit<KeyPress, 'name'>>) => key(name, options),
};

const CSI_FINAL: Record<string, KeyName> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'backtab', P: 'f1', Q: 'f2', R: 'f3', S: 'f4'};
const CSI_TILDE: Record<string, KeyName> = {'1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'pageup', '6': 'pagedown', '7': 'home', '8': 'end', '11': 'f1', '12': 'f2', '13': 'f3', '14': 'f4', '15': 'f5', '17': 'f6', '18': 'f7', '19': 'f8', '20': 'f9', '21': 'f10'};

/** Modifier parameter of xterm sequences (`ESC [ 1 ; 5 D` = Ctrl+Left). */
function modifiers(param: string | undefined): {ctrl: boolean; meta: boolean; shift: boolean} {
	const m = Math.max(0, Number(param ?? '1') - 1);
	return {shift: (m & 1) !== 0, meta: (m & 2) !== 0, ctrl: (m & 4) !== 0};
}

function decodeEscape(seq: string): KeyPress | undefined {
	if (seq === '\x1b' || seq === '\x1b\x1b') return key('escape');
	let m = /^\x1b+\[(\d+)(?:;(\d+))?~$/.exec(seq);
	if (m) {
		const name = CSI_TILDE[m[1]!];
		return name ? key(name, modifiers(m[2])) : undefined;
	}
	m = /^\x1b+\[(?:1;(\d+))?([A-Z])$/.exec(seq) ?? /^\x1b+O()([A-Z])$/.exec(seq);
	if (m) {
		const name = CSI_FINAL[m[2]!];
		if (!name) return undefined;
		return key(name, {...modifiers(m[1] || undefined), shift: m[2] === 'Z' || modifiers(m[1] || undefined).shift});
	}
	// Alt+key arrives as ESC followed by the key.
	const rest = seq.slice(1);
	if (rest === '\x7f' || rest === '\b') return key('backspace', {meta: true});
	if (rest === '\r') return key('enter', {meta: true});
	if (rest.length === 1 && rest >= ' ') return key('text', {text: rest, meta: true});
	return undefined;
}

/** Key presses in one chunk of terminal input, in order. */
export function decodeKeys(data: string): KeyPress[] {
	if (data.startsWith('\x1b')) {
		const k = decodeEscape(data);
		return k ? [k] : [];
	}
	const keys: KeyPress[] = [];
	let text = '';
	const flush = () => {
		if (text !== '') keys.push(key('text', {text}));
		text = '';
	};
	for (let i = 0; i < data.length; i++) {
		const c = data[i]!;
		const code = c.charCodeAt(0);
		if (code >= 0x20 && code !== 0x7f) {
			text += c;
			continue;
		}
		flush();
		if (c === '\r') {
			// A pasted CRLF is one line end.
			if (data[i + 1] === '\n') i++;
			keys.push(key('enter'));
		} else if (c === '\n') keys.push(key('enter'));
		else if (c === '\t') keys.push(key('tab'));
		else if (c === '\x7f' || c === '\b') keys.push(key('backspace'));
		else if (code === 0) keys.push(key('text', {text: ' ', ctrl: true}));
		else if (code < 0x20) keys.push(key('text', {text: String.fromCharCode(code + 0x60), ctrl: true}));
	}
	flush();
	return keys;
}

/** True for Ctrl+`letter`. */
export function isCtrl(k: KeyPress, letter: string): boolean {
	return k.ctrl && k.name === 'text' && k.text === letter;
}

/** True for one plain printable character (no Ctrl/Alt). */
export function isChar(k: KeyPress, char?: string): boolean {
	return k.name === 'text' && !k.ctrl && !k.meta && (char === undefined ? k.text.length === 1 : k.text === char);
}
