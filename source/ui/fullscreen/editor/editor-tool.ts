import {FsError, FS_ERROR_TEXT} from '../../../sim/fs/filesystem';
import {dirname} from '../../../sim/fs/path';
import {pad} from '../../text/fit';
import {line, seg} from '../../text/segments';
import type {FullscreenContext, FullscreenTool, KeyResult} from '../tool';
import {bufferText, editorKey, type EditorFlavor, type EditorState, openEditor, scrollTop} from './editor-state';

const HINTS = {
	nano: {
		en: ['^O Save   ^X Exit (asks to save)   ^K Cut line   ^U Paste line', 'Arrows, Home, End, PgUp, PgDn move   (^S also saves)'],
		es: ['^O Guardar   ^X Salir (pregunta si guardar)   ^K Cortar línea   ^U Pegar línea', 'Flechas, Inicio, Fin, RePág, AvPág mueven   (^S también guarda)'],
	},
	vi: {
		en: ['i insert · Esc stop inserting · :w save · :wq save and quit · :q! quit without saving', 'hjkl or arrows move · x delete · dd cut line · p paste · (^O save, ^X exit also work)'],
		es: ['i insertar · Esc dejar de insertar · :w guardar · :wq guardar y salir · :q! salir sin guardar', 'hjkl o flechas mueven · x borrar · dd cortar línea · p pegar · (^O guardar, ^X salir también valen)'],
	},
};

const CONFIRM = {en: 'Save modified buffer?  Y Yes   N No (quit without saving)   C Cancel', es: '¿Guardar los cambios?  Y Sí   N No (salir sin guardar)   C Cancelar'};

/** Display column of character `col` with tabs expanded to 8. */
function displayCol(text: string, col: number): number {
	let x = 0;
	for (let i = 0; i < col && i < text.length; i++) x = text[i] === '\t' ? (Math.floor(x / 8) + 1) * 8 : x + 1;
	return x;
}

function expandTabs(text: string): string {
	let out = '';
	for (const c of text) out += c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c;
	return out;
}

/** First column shown of the cursor's line: it scrolls sideways so the cursor stays visible. */
function leftOf(text: string, col: number, width: number): number {
	const x = displayCol(text, col);
	return x >= width - 1 ? x - width + 2 : 0;
}

/** One buffer line on screen; long lines end in `$` as in nano, the cursor's line is scrolled. */
function bufferLine(text: string, width: number, cursorCol: number | undefined): string {
	const chars = Array.from(expandTabs(text));
	if (cursorCol === undefined) return chars.length > width ? chars.slice(0, width - 1).join('') + '$' : chars.join('');
	const left = leftOf(text, cursorCol, width);
	return chars.slice(left, left + width).join('');
}

function save(state: EditorState, ctx: FullscreenContext): EditorState {
	const text = bufferText(state);
	const fs = ctx.host.fs;
	const lines = text === '' ? 0 : text.replace(/\n$/, '').split('\n').length;
	try {
		if (!fs.isDir(dirname(state.path))) throw new FsError('ENOENT', state.path);
		fs.write(state.path, text);
	} catch (error) {
		const reason = error instanceof FsError ? FS_ERROR_TEXT[error.code] : String(error);
		const message = state.flavor === 'vi' ? `"${state.path}" E212: Can't open file for writing: ${reason}` : `[ Error writing ${state.path}: ${reason} ]`;
		return {...state, message, mode: state.flavor === 'vi' ? 'normal' : 'insert'};
	}
	ctx.world.revision++;
	const message = state.flavor === 'vi' ? `"${state.path}" ${lines}L, ${text.length}B written` : `[ Wrote ${lines} line${lines === 1 ? '' : 's'} ]`;
	return {...state, modified: false, message};
}

/**
 * The lab's small editor behind `vi FILE` and `nano FILE`: arrows and typing,
 * save, save and quit, quit without saving, with the keys always on screen.
 * It reads and writes the file on the simulated host the command ran on.
 */
export function editorTool(flavor: EditorFlavor): FullscreenTool<EditorState> {
	const hintsFor = (ctx: FullscreenContext) => HINTS[flavor][ctx.lang];
	/** Buffer lines on screen: all rows but the nano title, the status line and the hints. */
	const rowsFor = (ctx: FullscreenContext) => Math.max(1, ctx.height - (flavor === 'nano' ? 1 : 0) - 1 - hintsFor(ctx).length);
	return {
		open(args, ctx) {
			const path = args[0];
			if (!path) return {error: `${flavor}: no file given`};
			const content = ctx.host.fs.tryRead(path);
			const exists = content !== undefined;
			const lines = content === undefined || content === '' ? 0 : content.replace(/\n$/, '').split('\n').length;
			const message = flavor === 'vi' ? (exists ? `"${path}" ${lines}L, ${content.length}B` : `"${path}" [New]`) : exists ? `[ Read ${lines} line${lines === 1 ? '' : 's'} ]` : '[ New File ]';
			return {state: openEditor(flavor, path, content, message)};
		},
		key(state, key, ctx): KeyResult<EditorState> {
			const rows = rowsFor(ctx);
			const {state: edited, action} = editorKey(state, key, Math.max(1, rows - 1));
			if (action.kind === 'quit') return {close: true};
			let next = edited;
			if (action.kind === 'save') {
				next = save(edited, ctx);
				if (action.quit && !next.modified) return {close: true};
			}
			return {state: {...next, top: scrollTop(next, rows)}};
		},
		cursor(state, ctx) {
			const rows = rowsFor(ctx);
			const header = flavor === 'nano' ? 1 : 0;
			if (state.mode === 'command') return {x: Math.min(ctx.width - 1, 1 + state.command.length), y: header + rows};
			if (state.mode === 'confirm-exit') return undefined;
			const top = scrollTop(state, rows);
			const text = state.lines[state.row]!;
			return {x: displayCol(text, state.col) - leftOf(text, state.col, ctx.width), y: header + state.row - top};
		},
		render(state, ctx) {
			const {theme, width, height} = ctx;
			const hints = hintsFor(ctx);
			const rows = rowsFor(ctx);
			// After a resize the cursor's line may be off screen until the next key.
			const top = scrollTop(state, rows);
			const out: string[] = [];
			if (flavor === 'nano') {
				const title = `  nano (cluster-lab)   ${state.path}`;
				const flag = state.modified ? 'Modified  ' : '';
				out.push(theme.paint.selected(pad(title, Math.max(0, width - flag.length)) + flag));
			}
			for (let r = 0; r < rows; r++) {
				const i = top + r;
				if (i >= state.lines.length) out.push(flavor === 'vi' ? theme.paint.dim('~') : '');
				else out.push(bufferLine(state.lines[i]!, width, i === state.row && state.mode !== 'command' && state.mode !== 'confirm-exit' ? state.col : undefined));
			}
			let status: string;
			if (state.mode === 'confirm-exit') status = line(width, seg(CONFIRM[ctx.lang], theme.paint.selected));
			else if (state.mode === 'command') status = line(width, ':' + state.command);
			else if (state.message) status = line(width, seg(state.message, state.message.startsWith('E') || state.message.includes('Error') ? theme.paint.error : undefined));
			else if (flavor === 'vi' && state.mode === 'insert') status = line(width, seg('-- INSERT --', theme.paint.strong));
			else status = '';
			out.push(status, ...hints.map((h) => line(width, seg(theme.plain ? h.replace(/ · /g, ' | ') : h, theme.paint.dim))));
			return out.slice(0, height);
		},
	};
}
