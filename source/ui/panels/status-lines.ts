import type {Lang} from '../../i18n/lang';
import {formatClock, type Micros} from '../../sim/time';
import type {ClockView} from '../live/lab-store';
import {KEYMAP, type KeyGroup} from '../lab/keymap';
import type {Messages} from '../messages';
import {pad, widthOf, wrap} from '../text/fit';
import {line, seg, type Segment} from '../text/segments';
import type {Theme} from '../theme';

export type Focus = 'shell' | 'cluster';

/** Hint text without the drawing characters, for --plain. */
export function plainText(text: string): string {
	return text.replace(/ · /g, ' | ').replace(/␣/g, 'Space').replace(/↑↓/g, 'Up/Down').replace(/↑ ↓/g, 'Up Down').replace(/← →/g, 'Left Right').replace(/×/g, 'x').replace(/↑/g, '^');
}

/**
 * The two footer lines: the clock (running or PAUSED, speed, virtual time),
 * the scenario and which part of the screen has the keyboard, then the keys
 * that work right now, flowing over the rest of both lines. Every key of the
 * current focus is listed when it fits; the help key is always there.
 */
export function statusLines(input: {now: Micros; clock: ClockView; scenario: string; focus: Focus; width: number; theme: Theme; t: Messages; extraHints?: ReadonlyArray<readonly [string, string]>}): string[] {
	const {now, clock, scenario, focus, width, theme, t} = input;
	const text = (s: string) => (theme.plain ? plainText(s) : s);
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

/** The full key list (`?`/F1), in two columns when it is taller than the screen and the screen is wide. */
export function helpLines(lang: Lang, width: number, height: number, theme: Theme, t: Messages, first?: KeyGroup): string[] {
	const groups = first ? [first, ...KEYMAP] : KEYMAP;
	const blocksAt = (w: number): string[][] => {
		const keyWidth = Math.max(...groups.flatMap((g) => g.keys.map((k) => k.keys.length))) + 2;
		return groups.map((group) => [
			line(w, seg(group.title[lang], theme.paint.strong)),
			...group.keys.flatMap((k) => {
				const keys = theme.plain ? plainText(k.keys) : k.keys;
				return wrap(k.text[lang], Math.max(10, w - keyWidth - 2)).map((chunk, i) => line(w, seg('  '), seg(pad(i === 0 ? keys : '', keyWidth), theme.paint.key), chunk));
			}),
		]);
	};
	const out: string[] = [line(width, seg(t.helpTitle, theme.paint.title))];
	let blocks = blocksAt(width);
	const rows = blocks.reduce((n, b) => n + b.length + 1, 0);
	if (rows > height - 1 && width >= 120) {
		const half = Math.floor((width - 1) / 2);
		blocks = blocksAt(half);
		const left: string[] = [];
		const right: string[] = [];
		for (const block of blocks) (left.length <= right.length ? left : right).push(...block, '');
		for (let i = 0; i < Math.max(left.length, right.length); i++) out.push(padAnsi(left[i] ?? '', half) + ' ' + (right[i] ?? ''));
		return out.slice(0, height);
	}
	for (const block of blocks) out.push(...block, '');
	return out.slice(0, height);
}

/** Pads a painted line to `width` columns (ANSI codes take no room). */
function padAnsi(text: string, width: number): string {
	// eslint-disable-next-line no-control-regex
	const visible = text.replace(/\x1b\[[0-9;]*m/g, '');
	return text + ' '.repeat(Math.max(0, width - Array.from(visible).length));
}
