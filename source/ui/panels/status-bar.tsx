import {memo, useMemo} from 'react';
import type {Micros} from '../../sim/time';
import type {ClockView} from '../live/lab-store';
import {useSettings} from '../settings';
import {Lines} from '../text/lines';
import {statusLines, type Focus} from './status-lines';

/** Clock, speed or PAUSED, scenario, focus, and the keys that work now. */
export const StatusBar = memo(function StatusBar({now, clock, scenario, focus, width, extraHints}: {now: Micros; clock: ClockView; scenario: string; focus: Focus; width: number; extraHints?: ReadonlyArray<readonly [string, string]>}) {
	const {theme, t} = useSettings();
	// Tenths of a second are enough on screen; finer changes would redraw for nothing.
	const shown = Math.floor(now / 100_000) * 100_000;
	const lines = useMemo(() => statusLines({now: shown, clock, scenario, focus, width, theme, t, extraHints}), [shown, clock, scenario, focus, width, theme, t, extraHints]);
	return <Lines lines={lines} width={width} height={2} />;
});
