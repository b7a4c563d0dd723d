import {memo, useMemo} from 'react';
import type {ConnTableView} from '../../lab/snapshot';
import {useSettings} from '../settings';
import {Lines} from '../text/lines';
import {connLines} from './conn-lines';

/**
 * The newest connection entries. A memoized hand-rolled table of plain lines
 * instead of ink-table, which costs 10-70 ms per update (a Box per cell and a
 * hash per row); the store also reads the kernel table at most four times a second.
 */
export const ConnPanel = memo(function ConnPanel({table, width, height, title = true}: {table: ConnTableView; width: number; height: number; title?: boolean}) {
	const {theme, t} = useSettings();
	const lines = useMemo(() => connLines(table, width, height, theme, t, title), [table, width, height, theme, t, title]);
	return <Lines lines={lines} width={width} height={height} />;
});
