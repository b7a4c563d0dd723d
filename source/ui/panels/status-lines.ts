import {formatClock, type Micros} from '../../sim/time';
import type {ClockView} from '../live/lab-store';
import type {Messages} from '../messages';
import {pad, widthOf} from '../text/fit';
import {line, seg, type Segment} from '../text/segments';
import type {Theme} from '../theme';

export type Focus = 'shell' | 'cluster';

/** Hint text without the drawing characters, for --plain. */
export function plainText(text: string): string {
	return text.replace(/ · /g, ' | ').replace(/␣/g, 'Space').replace(/↑↓/g, 'Up/Down').replace(/↑ ↓/g, 'Up Down').replace(/← →/g, 'Left Right').replace(/×/g, 'x').replace(/↑/g, 'Up').replace(/↓/g, 'Down').replace(/←/g, 'Left').replace(/→/g, 'Right');
}

/** `text` as the screen shows it: spelled in ASCII with --plain, as written otherwise. */
export function screenText(theme: Theme, text: string): string {
	return theme.plain ? plainText(text) : text;
}

/**
 * The two footer lines: the clock (running or PAUSED, speed, virtual time),
 * the scenario and which part of the screen has the keyboard, then the keys
 * that work right now, flowing over the rest of both lines. Every key of the
 * current focus is listed when it fits; the help key is always there.
 */
export function statusLines(input: {now: Micros; clock: ClockView; scenario: string; focus: Focus; width: number; theme: Theme; t: Messages; extraHints?: ReadonlyArray<readonly [string, string]>}): string[] {
	const {now, clock, scenario, focus, width, theme, t} = input;
	const text = (s: string) => screenText(theme, s);
	const state = clock.paused ? seg(` ${theme.plain ? '||' : '⏸'} ${t.paused} `, theme.paint.warn) : seg(` ${theme.plain ? '>' : '▶'} ${t.running} `, theme.paint.ok);
	const speed = `${theme.plain ? 'x' : '×'}${clock.speed}`;
	const focusText = focus === 'shell' ? t.focusShell : t.focusCluster;
	const head = [
		state,
		seg(pad(speed, 4), clock.paused ? theme.paint.dim : theme.paint.strong),
		seg('  '),
		seg(formatClock(now).slice(0, 10), theme.paint.strong),
		seg('  '),
		seg(scenario, theme.paint.dim),
		seg('  '),
		seg(`[${focusText}]`, focus === 'cluster' ? theme.paint.key : theme.paint.accent),
		seg('  '),
	];
	const hints = [...(input.extraHints ?? []), ...(focus === 'shell' ? t.hintsShell : t.hintsCluster)];
	const items = hints.map(([key, label]) => [seg(text(key), theme.paint.key), seg(' ' + label)]);
	const itemWidth = (i: number) => text(hints[i]![0]).length + 1 + hints[i]![1].length;
	const separator = theme.plain ? ' | ' : ' · ';
	// Flow the hints: first after the status on line one, then over line two.
	const lines: Segment[][] = [[...head], []];
	const start = [head.length, 0];
	const used = [head.reduce((n, s) => n + widthOf(s.text), 0), 0];
	let row = 0;
	// The help key (F1) and the last hint must always show: keep room for them on line two.
	const last = hints.length - 1;
	const kept = (i: number) => i === last || hints[i]![0] === 'F1';
	const reserveFrom = (i: number) => {
		let n = 0;
		for (let j = i + 1; j < hints.length; j++) if (kept(j)) n += separator.length + itemWidth(j);
		return n;
	};
	for (let i = 0; i < hints.length; i++) {
		const w = itemWidth(i) + (lines[row]!.length > start[row]! ? separator.length : 0);
		const reserve = row === 1 ? reserveFrom(i) : 0;
		if (used[row]! + w + reserve > width) {
			if (row === 0) {
				row = 1;
				i--;
				continue;
			}
			// Hints are listed most useful first: once one does not fit, only the kept ones follow.
			if (!kept(i)) continue;
		}
		if (lines[row]!.length > start[row]!) lines[row]!.push(seg(separator, theme.paint.dim));
		lines[row]!.push(...items[i]!);
		used[row]! += w;
	}
	return lines.map((segs) => line(width, ...segs));
}
