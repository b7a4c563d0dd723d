import {Box, useCursor} from 'ink';
import {useMemo, useSyncExternalStore} from 'react';
import type {LabSnapshot} from '../../lab/snapshot';
import {ChartPanel} from '../panels/chart-panel';
import {clusterRowsWanted} from '../panels/cluster-lines';
import {ClusterPanel} from '../panels/cluster-panel';
import {ConnPanel} from '../panels/conn-panel';
import {EventsPanel} from '../panels/events-panel';
import {helpView} from '../panels/help-lines';
import {StatusBar} from '../panels/status-bar';
import {TabBar} from '../panels/tab-bar';
import {useSettings} from '../settings';
import {shellFrame} from '../shell/shell-lines';
import {useKeys} from '../terminal/use-keys';
import {useTerminalSize} from '../terminal/use-terminal-size';
import {widthOf} from '../text/fit';
import {line, seg} from '../text/segments';
import {Lines} from '../text/lines';
import type {KeyGroup} from './keymap';
import {computeLayout, type LabLayout, type PanelName} from './layout';
import {paneLayout} from './pane-layout';
import type {LabController} from './lab-controller';
import {TooSmall} from './too-small';

function chartKind(snapshot: LabSnapshot): 'rates' | 'loads' {
	return snapshot.nodes.length > 0 && !snapshot.servers.some((s) => s.inTable) ? 'loads' : 'rates';
}

function Panel({name, snapshot, width, height, title}: {name: PanelName; snapshot: LabSnapshot; width: number; height: number; title: boolean}) {
	if (name === 'events') return <EventsPanel events={snapshot.events} width={width} height={height} title={title} />;
	if (name === 'conns') return <ConnPanel table={snapshot.connections} width={width} height={height} title={title} />;
	const kind = chartKind(snapshot);
	return <ChartPanel series={kind === 'rates' ? snapshot.rateSeries : snapshot.loadSeries} kind={kind} width={width} height={height} title={title} />;
}

function RightColumn({layout, snapshot, tab}: {layout: LabLayout; snapshot: LabSnapshot; tab: PanelName}) {
	const width = layout.right.width;
	return (
		<Box flexDirection="column" width={width} height={layout.dashboard}>
			{layout.rightPanels.map((p, i) =>
				p.name === 'tabs' ? (
					<Box key="tabs" flexDirection="column" height={p.height}>
						<TabBar tabs={layout.tabs} current={layout.tabs.includes(tab) ? tab : layout.tabs[0]!} width={width} />
						<Panel name={layout.tabs.includes(tab) ? tab : layout.tabs[0]!} snapshot={snapshot} width={width} height={p.height - 1} title={false} />
					</Box>
				) : (
					<Panel key={i} name={p.name} snapshot={snapshot} width={width} height={p.height} title />
				),
			)}
		</Box>
	);
}

/** A pane of text shown with the lab (the study screen's lesson). */
export interface SidePane {
	readonly show: boolean;
	/** The pane's lines for a size (each fitted to the width). */
	render(width: number, height: number): string[];
	/** Keys shown first in the footer. */
	readonly hints?: ReadonlyArray<readonly [string, string]>;
	/** Listed first by `?` and F1. */
	readonly keys?: KeyGroup;
}

/**
 * The lab screen: cluster topology and bars, events, connections and chart on
 * top, the shell below, status and key hints at the bottom. Everything is
 * sized from the terminal so the frame is always one row shorter than the
 * window: Ink then redraws in place instead of clearing the screen (no flicker).
 */
export function LabScreen({controller, pane}: {controller: LabController; pane?: SidePane}) {
	const {theme, t, lang} = useSettings();
	const size = useTerminalSize();
	const live = useSyncExternalStore(controller.store.subscribe, controller.store.getView);
	const screen = useSyncExternalStore(controller.subscribe, controller.getState);
	const shell = useSyncExternalStore(controller.shell.subscribe, controller.shell.getView);
	const {setCursorPosition} = useCursor();
	useKeys((k) => controller.key(k));
	const {snapshot, clock} = live;
	const place = paneLayout(size.columns, size.rows, pane?.show ?? false);
	// The lab's own part of the window: all of it, or what the pane leaves.
	const columns = place.kind === 'side' ? size.columns - place.width - 1 : size.columns;
	const top = place.kind === 'top' ? place.height : 0;
	const layout = computeLayout(columns, size.rows - top, clusterRowsWanted(snapshot));
	const height = Math.max(1, size.rows - 1);
	controller.setSize(size.columns, height);
	const shellHeight = layout.kind === 'lab' ? layout.shell.height - 1 : 1;
	controller.shell.setViewport(columns, shellHeight);
	const focused = screen.focus === 'shell' && !screen.help && !screen.fullscreen;
	const frame = useMemo(() => shellFrame(shell, columns, shellHeight, focused, theme, t), [shell, columns, shellHeight, focused, theme, t]);

	if (layout.kind === 'too-small') {
		setCursorPosition(undefined);
		return <TooSmall columns={size.columns} rows={size.rows} />;
	}
	if (screen.fullscreen) {
		const session = screen.fullscreen;
		const ctx = controller.fullscreenContext(session.host);
		const lines = ctx ? session.tool.render(session.state, ctx) : [];
		setCursorPosition(ctx && session.tool.cursor ? session.tool.cursor(session.state, ctx) : undefined);
		return <Lines lines={lines} width={size.columns} height={height} />;
	}
	const dashboardTop = top;
	const shellTop = dashboardTop + layout.dashboard + 1;
	const left = place.kind === 'side' ? place.width + 1 : 0;
	setCursorPosition(focused ? {x: left + frame.cursor.x, y: shellTop + frame.cursor.y} : undefined);
	const ruleHead = `${theme.glyph.rule.repeat(2)} ${shell.prompt.trim()} `;
	const rule = line(
		columns,
		seg(ruleHead, focused ? theme.paint.accent : theme.paint.dim),
		seg(theme.glyph.rule.repeat(Math.max(0, columns - widthOf(ruleHead))), theme.paint.dim),
	);
	const body = layout.dashboard + layout.shell.height;
	const help = screen.help ? helpView({lang, width: size.columns, height: top + body, scroll: screen.helpScroll, theme, t, first: pane?.keys}) : undefined;
	if (help) controller.setHelpViewport(help.maxScroll, help.page);
	// Where the window is small, the lesson takes the panels' place (F2 swaps them).
	const dashboard =
		place.kind === 'swap' ? (
			<Lines lines={pane!.render(columns, layout.dashboard)} width={columns} height={layout.dashboard} />
		) : (
			<Box flexDirection="row" height={layout.dashboard}>
				<Box flexDirection="column" width={layout.left.width} height={layout.dashboard}>
					<ClusterPanel snapshot={snapshot} selected={screen.selected} focused={screen.focus === 'cluster'} nodeMeasure={screen.nodeMeasure} width={layout.left.width} height={layout.cluster} />
					{layout.leftChart ? <Panel name="chart" snapshot={snapshot} width={layout.left.width} height={layout.leftChart} title /> : null}
				</Box>
				<Separator height={layout.dashboard} />
				<RightColumn layout={layout} snapshot={snapshot} tab={screen.tab} />
			</Box>
		);
	const lab = (
		<Box flexDirection="column" width={columns} height={body}>
			{dashboard}
			<Lines lines={[rule]} width={columns} height={1} />
			<Lines lines={frame.lines} width={columns} height={shellHeight} />
		</Box>
	);
	return (
		<Box flexDirection="column" width={size.columns} height={height}>
			{screen.help ? (
				<Lines lines={help!.lines} width={size.columns} height={top + body} />
			) : place.kind === 'side' ? (
				<Box flexDirection="row" height={body}>
					<Lines lines={pane!.render(place.width, body)} width={place.width} height={body} />
					<Separator height={body} />
					{lab}
				</Box>
			) : (
				<>
					{place.kind === 'top' ? <Lines lines={[...pane!.render(size.columns, top - 1), line(size.columns, seg(theme.glyph.rule.repeat(size.columns), theme.paint.dim))]} width={size.columns} height={top} /> : null}
					{lab}
				</>
			)}
			<StatusBar now={snapshot.now} clock={clock} scenario={snapshot.scenario.name} focus={screen.focus} width={size.columns} extraHints={pane?.hints} />
		</Box>
	);
}

function Separator({height}: {height: number}) {
	const {theme} = useSettings();
	const lines = useMemo(() => new Array<string>(height).fill(theme.paint.dim(theme.plain ? '|' : '│')), [height, theme]);
	return <Lines lines={lines} width={1} height={height} />;
}
