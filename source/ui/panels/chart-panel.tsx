import {memo, useMemo} from 'react';
import type {Series} from '../../lab/history';
import {useSettings} from '../settings';
import {Lines} from '../text/lines';
import {chartLines} from './chart-lines';

/** Requests/s per real server (or load per node) over the last 60 s of virtual time. */
export const ChartPanel = memo(function ChartPanel({series, kind, width, height, title = true}: {series: readonly Series[]; kind: 'rates' | 'loads'; width: number; height: number; title?: boolean}) {
	const {theme, t} = useSettings();
	const lines = useMemo(() => chartLines(series, kind, width, height, theme, t, title), [series, kind, width, height, theme, t, title]);
	return <Lines lines={lines} width={width} height={height} />;
});
