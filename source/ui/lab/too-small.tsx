import {memo} from 'react';
import {fill} from '../messages';
import {useSettings} from '../settings';
import {wrap} from '../text/fit';
import {Lines} from '../text/lines';
import {MIN_COLUMNS, MIN_ROWS} from './layout';

/** Shown instead of the lab below 80×24; the lab comes back as soon as the window grows. */
export const TooSmall = memo(function TooSmall({columns, rows}: {columns: number; rows: number}) {
	const {theme, t} = useSettings();
	const width = Math.max(1, columns);
	const height = Math.max(1, rows - 1);
	const text = wrap(fill(t.tooSmall, MIN_COLUMNS, MIN_ROWS, columns, rows), width).map((l) => theme.paint.warn(l));
	return <Lines lines={text.slice(0, height)} width={width} height={Math.min(height, text.length)} />;
});
