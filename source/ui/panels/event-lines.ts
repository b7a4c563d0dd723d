import type {Lang} from '../../i18n/lang';
import type {EventView} from '../../lab/snapshot';
import {eventText} from '../../sim/timeline';
import {formatClock} from '../../sim/time';
import type {Messages} from '../messages';
import {widthOf, wrap} from '../text/fit';
import {line, seg} from '../text/segments';
import type {Theme} from '../theme';

/**
 * The event timeline, newest at the bottom: virtual time, source, host and the
 * engine's sentence, word-wrapped under a hanging indent so the "why" is never
 * cut off. In plain mode each event is one sentence ("At 00:01:02, …",
 * "A las 00:01:02, …"). The sentence is in the screen's language.
 */
export function eventLines(events: readonly EventView[], width: number, height: number, theme: Theme, t: Messages, title = true, lang: Lang = 'en'): string[] {
	const head = title ? [line(width, seg(t.events, theme.paint.title))] : [];
	const room = height - head.length;
	if (room <= 0) return head.slice(0, height);
	if (events.length === 0) return [...head, line(width, seg(t.noEvents, theme.paint.dim))];
	const rows: string[] = [];
	for (let i = events.length - 1; i >= 0 && rows.length < room; i--) {
		const e = events[i]!;
		const time = formatClock(e.at).slice(0, 8);
		const paint = theme.source(e.source);
		const text = eventText(e, lang);
		let block: string[];
		if (theme.plain) {
			const who = e.host ? `${e.host}, ${e.source}` : e.source;
			block = wrap(`${lang === 'es' ? 'A las' : 'At'} ${time} (${who}): ${text}`, width, '  ');
		} else {
			const prefix = `${time} ${e.source}${e.host ? ' ' + e.host : ''}: `;
			const indent = ' '.repeat(9);
			const wrapped = wrap(prefix + text, width, indent);
			block = wrapped.map((row, j) => {
				if (j > 0) return row;
				const tag = prefix.slice(9, prefix.length - 2);
				return line(width, seg(time + ' ', theme.paint.dim), seg(tag, paint), ': ' + row.slice(Math.min(row.length, widthOf(prefix))));
			});
		}
		// Whole events only, unless a single event is taller than the panel.
		if (rows.length + block.length > room && rows.length > 0) break;
		rows.unshift(...block.slice(-(room - rows.length)));
	}
	return [...head, ...rows];
}
