/**
 * Where a side pane (the study screen's lesson) goes for a window size:
 * beside the lab when the window is wide enough to leave the lab its 80
 * columns, above it when it is tall enough to leave 24 rows, and otherwise in
 * the place of the cluster panels (a key swaps them back).
 */
export type PanePlace = {readonly kind: 'none'} | {readonly kind: 'side'; readonly width: number} | {readonly kind: 'top'; readonly height: number} | {readonly kind: 'swap'};

export function paneLayout(columns: number, rows: number, show: boolean): PanePlace {
	if (!show) return {kind: 'none'};
	if (columns >= 130) return {kind: 'side', width: Math.min(columns - 81, Math.max(48, Math.min(72, columns - 100)))};
	if (rows >= 40) return {kind: 'top', height: Math.min(rows - 24, Math.round(rows * 0.4))};
	return {kind: 'swap'};
}
