import type {Lang} from '../../i18n/lang';
import {KEYMAP, type KeyGroup} from '../lab/keymap';
import {fill, type Messages} from '../messages';
import {pad, widthOf, wrap} from '../text/fit';
import {line, seg} from '../text/segments';
import type {Theme} from '../theme';
import {screenText} from './status-lines';

/** Below this width the key list keeps to one column (two would wrap nearly every line). */
const TWO_COLUMNS = 120;

/** The key list as the help overlay shows it, scrolled to `scroll`. */
export interface HelpView {
	/** Exactly the rows given (or fewer): the title, the visible part of the list, the scroll mark. */
	readonly lines: string[];
	/** How far the list scrolls (0 when it fits). */
	readonly maxScroll: number;
	/** Rows of the list in sight: PgUp/PgDn move by this less one. */
	readonly page: number;
	/** The scroll actually shown (`scroll` kept within 0…maxScroll, as after a resize). */
	readonly scroll: number;
}

/** Every key group laid out in `width` columns: a title line, then one line per key (long texts wrap under their text). */
function blocks(groups: readonly KeyGroup[], lang: Lang, width: number, theme: Theme): string[][] {
	const text = (s: string) => screenText(theme, s);
	const keyWidth = Math.max(...groups.flatMap((g) => g.keys.map((k) => widthOf(text(k.keys))))) + 2;
	return groups.map((group) => [
		line(width, seg(text(group.title[lang]), theme.paint.strong)),
		...group.keys.flatMap((k) => wrap(text(k.text[lang]), Math.max(10, width - keyWidth - 2)).map((chunk, i) => line(width, seg('  '), seg(pad(i === 0 ? text(k.keys) : '', keyWidth), theme.paint.key), chunk))),
	]);
}

/** The whole list, without its title: one column, or two side by side on a wide screen when one is too tall. */
function body(groups: readonly KeyGroup[], lang: Lang, width: number, rows: number, theme: Theme): string[] {
	const one = blocks(groups, lang, width, theme).flatMap((b) => [...b, '']);
	one.pop();
	if (one.length <= rows || width < TWO_COLUMNS) return one;
	const half = Math.floor((width - 1) / 2);
	const left: string[] = [];
	const right: string[] = [];
	for (const block of blocks(groups, lang, half, theme)) {
		const column = left.length <= right.length ? left : right;
		if (column.length > 0) column.push('');
		column.push(...block);
	}
	const out: string[] = [];
	for (let i = 0; i < Math.max(left.length, right.length); i++) out.push(padAnsi(left[i] ?? '', half) + ' ' + (right[i] ?? ''));
	return out;
}

/**
 * The full key list (`?`/F1) in `height` rows: the title, then the groups (the
 * study keys first when a lesson is open). When the list is taller than the
 * window it scrolls (↑↓ PgUp PgDn Home End): the title says so and the last row
 * tells how much is above and below.
 */
export function helpView(input: {lang: Lang; width: number; height: number; scroll: number; theme: Theme; t: Messages; first?: KeyGroup}): HelpView {
	const {lang, width, height, theme, t} = input;
	const text = (s: string) => screenText(theme, s);
	const groups = input.first ? [input.first, ...KEYMAP] : KEYMAP;
	const all = body(groups, lang, width, height - 1, theme);
	if (all.length <= height - 1) return {lines: [line(width, seg(text(t.helpTitle), theme.paint.title)), ...all], maxScroll: 0, page: Math.max(1, height - 1), scroll: 0};
	// Title and scroll mark take a row each; the rest shows the list.
	const page = Math.max(1, height - 2);
	const maxScroll = all.length - page;
	const scroll = Math.max(0, Math.min(maxScroll, input.scroll));
	const below = maxScroll - scroll;
	const [up, down] = theme.plain ? ['^', 'v'] : ['↑', '↓'];
	const mark = [scroll > 0 ? `${up} ${fill(t.helpAbove, scroll)}` : '', below > 0 ? `${down} ${fill(t.helpBelow, below)}` : ''].filter((s) => s !== '').join(theme.plain ? ' | ' : ' · ');
	return {
		lines: [line(width, seg(text(t.helpTitleScroll), theme.paint.title)), ...all.slice(scroll, scroll + page), line(width, seg(mark, theme.paint.dim))],
		maxScroll,
		page,
		scroll,
	};
}

/** Pads a painted line to `width` columns (ANSI codes take no room). */
function padAnsi(text: string, width: number): string {
	// eslint-disable-next-line no-control-regex
	const visible = text.replace(/\x1b\[[0-9;]*m/g, '');
	return text + ' '.repeat(Math.max(0, width - widthOf(visible)));
}
