/** The smallest terminal the lab screen works in. */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export type PanelName = 'events' | 'conns' | 'chart';

export interface Rect {
	readonly width: number;
	readonly height: number;
}

export interface LabLayout {
	readonly kind: 'lab';
	readonly width: number;
	/** Rows the whole screen uses: one less than the terminal, so Ink never scrolls or clears it. */
	readonly height: number;
	readonly dashboard: number;
	readonly left: Rect;
	readonly cluster: number;
	/** The chart under the cluster, when the left column has room for it. */
	readonly leftChart?: number;
	readonly right: Rect;
	/** Panels stacked in the right column, with their heights; one entry with `tabs` when they take turns. */
	readonly rightPanels: ReadonlyArray<{readonly name: PanelName | 'tabs'; readonly height: number}>;
	/** Panels that take turns in the right column (switched with e/c/g). */
	readonly tabs: readonly PanelName[];
	readonly shell: Rect;
	readonly footer: number;
}

export type Layout = LabLayout | {readonly kind: 'too-small'; readonly width: number; readonly height: number};

const PANEL_MIN = 8;

/**
 * Splits the terminal between the dashboard (cluster, events, connections,
 * chart), the shell and the two-line footer. Pure: the same size and cluster
 * give the same layout, so it is tested without a terminal.
 */
export function computeLayout(columns: number, rows: number, clusterRows: number): Layout {
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) return {kind: 'too-small', width: columns, height: rows};
	const height = rows - 1;
	const footer = 2;
	const shellRows = Math.max(7, Math.min(14, Math.round((height - footer) * 0.38)));
	const dashboard = height - footer - shellRows;
	const leftWidth = Math.max(44, Math.floor(columns * 0.5));
	const rightWidth = columns - leftWidth - 1;
	const cluster = Math.min(dashboard, Math.max(4, clusterRows));
	const free = dashboard - cluster;
	const leftChart = free >= PANEL_MIN ? free : undefined;
	const remaining: PanelName[] = leftChart ? ['events', 'conns'] : ['events', 'conns', 'chart'];
	let rightPanels: LabLayout['rightPanels'];
	let tabs: PanelName[] = [];
	if (Math.floor(dashboard / remaining.length) >= PANEL_MIN) {
		const each = Math.floor(dashboard / remaining.length);
		rightPanels = remaining.map((name, i) => ({name, height: i === 0 ? dashboard - each * (remaining.length - 1) : each}));
	} else {
		rightPanels = [{name: 'tabs', height: dashboard}];
		tabs = remaining;
	}
	return {
		kind: 'lab',
		width: columns,
		height,
		dashboard,
		left: {width: leftWidth, height: dashboard},
		cluster: leftChart ? cluster : dashboard,
		leftChart,
		right: {width: rightWidth, height: dashboard},
		rightPanels,
		tabs,
		shell: {width: columns, height: shellRows},
		footer,
	};
}
