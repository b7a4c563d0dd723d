import {memo, useMemo} from 'react';
import type {EventView} from '../../lab/snapshot';
import {useSettings} from '../settings';
import {Lines} from '../text/lines';
import {eventLines} from './event-lines';

/** The timeline: what happened, when (virtual time) and why. */
export const EventsPanel = memo(function EventsPanel({events, width, height, title = true}: {events: readonly EventView[]; width: number; height: number; title?: boolean}) {
	const {theme, t, lang} = useSettings();
	const lines = useMemo(() => eventLines(events, width, height, theme, t, title, lang), [events, width, height, theme, t, title, lang]);
	return <Lines lines={lines} width={width} height={height} />;
});
