import {currentEllipsis, cut, widthOf} from './fit';

export {setEllipsis} from './fit';

/** Adds colour or emphasis to already-fitted text (identity when colour is off). */
export type Paint = (text: string) => string;

/** A run of text with one style. */
export interface Segment {
	readonly text: string;
	readonly paint?: Paint;
}

export type SegmentLike = Segment | string | false | undefined | null;

export function seg(text: string, paint?: Paint): Segment {
	return {text, paint};
}

/**
 * Joins segments into one line of at most `width` columns. Text is fitted
 * first and painted after, so ANSI codes never count as columns and never get cut.
 */
export function line(width: number, ...parts: SegmentLike[]): string {
	let out = '';
	let left = width;
	for (const part of parts) {
		if (!part) continue;
		const s = typeof part === 'string' ? {text: part} : part;
		if (left <= 0 || s.text === '') continue;
		const w = widthOf(s.text);
		let text = s.text;
		if (w > left) {
			const mark = currentEllipsis();
			text = left > mark.length ? cut(text, left - mark.length) + mark : cut(text, left);
		}
		left -= widthOf(text);
		out += s.paint ? s.paint(text) : text;
	}
	return out;
}
