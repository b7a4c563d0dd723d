import {Text} from 'ink';
import {memo} from 'react';
import type {PanelName} from '../lab/layout';
import {useSettings} from '../settings';
import {line, seg, type Segment} from '../text/segments';

const KEYS: Record<PanelName, string> = {events: 'e', conns: 'c', chart: 'g'};

/** Names of the panels that take turns, the shown one marked, each with its key. */
export const TabBar = memo(function TabBar({tabs, current, width}: {tabs: readonly PanelName[]; current: PanelName; width: number}) {
	const {theme, t} = useSettings();
	const parts: Segment[] = [];
	tabs.forEach((tab, i) => {
		if (i > 0) parts.push(seg(theme.plain ? ' | ' : ' · ', theme.paint.dim));
		const label = `${KEYS[tab]} ${t.tabs[tab]}`;
		// The shown panel in capitals and brackets (and inverse video when there is colour).
		parts.push(tab === current ? seg(`[${label.toUpperCase()}]`, theme.paint.selected) : seg(label, theme.paint.dim));
	});
	return <Text>{line(width, ...parts)}</Text>;
});
