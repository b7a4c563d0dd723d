import {fill, type Messages} from '../messages';
import {hardWrap, widthOf} from '../text/fit';
import {line, seg} from '../text/segments';
import type {Theme} from '../theme';
import type {ShellView} from './shell-controller';
import {totalRows, visibleRows} from './scrollback';

export interface ShellFrame {
	readonly lines: string[];
	/** Where the terminal cursor goes (column, row within the pane). */
	readonly cursor: {readonly x: number; readonly y: number};
}

/**
 * The shell pane as lines: the newest output that fits (or older output when
 * scrolled back), then the prompt and the line being typed, like a terminal.
 */
export function shellFrame(view: ShellView, width: number, height: number, focused: boolean, theme: Theme, t: Messages): ShellFrame {
	const parts = view.line.text.split('\n');
	const input: string[] = [];
	let cursor = {x: 0, y: 0};
	let offset = 0;
	parts.forEach((text, i) => {
		const prefix = i === 0 ? (view.pending.length === 0 ? view.prompt : '> ') : '> ';
		const full = prefix + text;
		const rows = full === '' ? [''] : hardWrap(full, width);
		// A cursor after the last column sits at the start of the next row.
		const end = offset + text.length;
		if (view.line.cursor >= offset && view.line.cursor <= end) {
			const at = widthOf(prefix) + widthOf(text.slice(0, view.line.cursor - offset));
			cursor = {x: at % width, y: input.length + Math.floor(at / width)};
			if (Math.floor(at / width) >= rows.length) rows.push('');
		}
		offset = end + 1;
		rows.forEach((row, j) => {
			if (j === 0 && i === 0) {
				const promptPart = row.slice(0, prefix.length);
				input.push(line(width, seg(promptPart, focused ? theme.paint.strong : theme.paint.dim), row.slice(prefix.length)));
			} else input.push(row);
		});
	});
	const scrolled = view.scroll > 0;
	const room = Math.max(0, height - input.length - (scrolled ? 1 : 0));
	const skip = Math.min(view.scroll, Math.max(0, totalRows(view.lines, width) - room));
	const out = visibleRows(view.lines, width, room, skip).map((r) =>
		r.kind === 'err' ? theme.paint.error(r.text) : r.kind === 'note' ? theme.paint.dim(r.text) : r.text,
	);
	if (scrolled) out.push(line(width, seg(fill(t.scrolled, skip), theme.paint.key)));
	const lines = [...out, ...input].slice(-height);
	const shift = out.length + input.length - lines.length;
	return {lines, cursor: {x: cursor.x, y: Math.max(0, out.length - shift + cursor.y)}};
}
