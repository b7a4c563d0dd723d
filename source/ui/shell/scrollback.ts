import {hardWrap, widthOf, wrap} from '../text/fit';

export type LineKind = 'echo' | 'out' | 'err' | 'note';

/** One line of the shell's scrollback, as the terminal shows it. */
export interface OutputLine {
	readonly id: number;
	readonly text: string;
	readonly kind: LineKind;
}

/** Lines kept for scrolling back; older ones are dropped. */
export const SCROLLBACK_LINES = 5000;

/** Splits command output into lines (a final line without newline still counts). */
export function splitOutput(text: string): string[] {
	const lines = text.split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	return lines.map((l) => l.replace(/\t/g, (_, offset: number) => ' '.repeat(8 - (offset % 8))));
}

/**
 * A line as screen rows: command output breaks at the edge like a terminal's,
 * the lab's own notes (hints, answers, step messages) between words.
 */
function rowsOf(line: OutputLine, width: number): string[] {
	if (line.text === '') return [''];
	if (line.kind !== 'note' || widthOf(line.text) <= width) return hardWrap(line.text, width);
	// An indented note (a solution's commands) keeps its indent on every row.
	const indent = /^ */.exec(line.text)![0];
	if (indent.length * 2 >= width) return hardWrap(line.text, width);
	return wrap(line.text.slice(indent.length), width - indent.length).map((row) => indent + row);
}

/**
 * The screen rows of the last lines of `lines` wrapped at `width`, skipping the
 * newest `skip` rows (scrolled back), at most `rows` of them, oldest first.
 */
export function visibleRows(lines: readonly OutputLine[], width: number, rows: number, skip: number): Array<{text: string; kind: LineKind}> {
	const out: Array<{text: string; kind: LineKind}> = [];
	let toSkip = skip;
	for (let i = lines.length - 1; i >= 0 && out.length < rows; i--) {
		const line = lines[i]!;
		const wrapped = rowsOf(line, width);
		for (let j = wrapped.length - 1; j >= 0 && out.length < rows; j--) {
			if (toSkip > 0) {
				toSkip--;
				continue;
			}
			out.push({text: wrapped[j]!, kind: line.kind});
		}
	}
	return out.reverse();
}

/** Rows all of `lines` take at `width`. */
export function totalRows(lines: readonly OutputLine[], width: number): number {
	let n = 0;
	for (const line of lines) n += line.kind === 'note' ? rowsOf(line, Math.max(1, width)).length : Math.max(1, Math.ceil(line.text.length / Math.max(1, width)));
	return n;
}
