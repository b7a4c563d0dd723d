import {describe, expect, it} from 'vitest';
import {computeLayout, type LabLayout} from '../../../source/ui/lab/layout';

function lab(columns: number, rows: number, cluster = 9): LabLayout {
	const layout = computeLayout(columns, rows, cluster);
	if (layout.kind !== 'lab') throw new Error('too small');
	return layout;
}

describe('screen layout', () => {
	it('refuses terminals below 80×24', () => {
		expect(computeLayout(79, 40, 9).kind).toBe('too-small');
		expect(computeLayout(120, 23, 9).kind).toBe('too-small');
		expect(computeLayout(80, 24, 9).kind).toBe('lab');
	});

	it('never uses the last row (Ink would clear the screen on every frame)', () => {
		for (const [w, h] of [[80, 24], [100, 30], [120, 40], [200, 60], [80, 60], [250, 24]] as const) {
			const l = lab(w, h);
			expect(l.height).toBe(h - 1);
			expect(l.dashboard + l.shell.height + l.footer).toBe(h - 1);
			expect(l.left.width + 1 + l.right.width).toBe(w);
			expect(l.rightPanels.reduce((n, p) => n + p.height, 0)).toBe(l.dashboard);
			expect(l.cluster + (l.leftChart ?? 0)).toBe(l.dashboard);
		}
	});

	it('at 80×24 the right panels take turns; on big terminals all panels show', () => {
		const small = lab(80, 24);
		expect(small.tabs).toEqual(['events', 'conns', 'chart']);
		expect(small.shell.height).toBeGreaterThanOrEqual(7);
		const big = lab(160, 50);
		expect(big.tabs).toEqual([]);
		expect(big.leftChart).toBeGreaterThanOrEqual(8);
		expect(big.rightPanels.map((p) => p.name)).toEqual(['events', 'conns']);
	});
});
