import {plot as asciiPlot} from 'asciichart';
import type {Series} from '../../lab/history';
import {fill, type Messages} from '../messages';
import {padStart, wrap} from '../text/fit';
import {line, seg, type Segment} from '../text/segments';
import type {Theme} from '../theme';
import {formatRate} from './cluster-lines';

/** Averages `values` into `columns` buckets (the chart is narrower than 60 s). */
export function resample(values: readonly number[], columns: number): number[] {
	if (columns <= 0) return [];
	if (values.length <= columns) return values.slice();
	const out: number[] = [];
	for (let c = 0; c < columns; c++) {
		const from = Math.floor((c * values.length) / columns);
		const to = Math.max(from + 1, Math.floor(((c + 1) * values.length) / columns));
		let sum = 0;
		for (let i = from; i < to; i++) sum += values[i]!;
		out.push(sum / (to - from));
	}
	return out;
}

function summary(values: readonly number[]): {now: number; avg: number; min: number; max: number} {
	if (values.length === 0) return {now: 0, avg: 0, min: 0, max: 0};
	return {
		now: values[values.length - 1]!,
		avg: values.reduce((a, b) => a + b, 0) / values.length,
		min: Math.min(...values),
		max: Math.max(...values),
	};
}

/**
 * Requests per second per real server (or load per node) over the last minute
 * of virtual time, drawn by asciichart as one block of text. Each line has its
 * own colour and the legend repeats the colour next to the name and current
 * value. In plain mode the chart's numeric twin is shown instead: now, average,
 * minimum and maximum over the minute.
 */
export function chartLines(series: readonly Series[], kind: 'rates' | 'loads', width: number, height: number, theme: Theme, t: Messages, title = true): string[] {
	const out: string[] = [];
	if (title) out.push(line(width, seg(kind === 'rates' ? t.chartRates : t.chartLoads, theme.paint.title)));
	const room = height - out.length;
	const shown = series.filter((s) => s.values.length > 0);
	if (shown.length === 0 || room <= 0) return [...out, line(width, seg(t.chartEmpty, theme.paint.dim))].slice(0, height);
	if (theme.plain) {
		const nameWidth = Math.max(...shown.map((s) => s.name.length));
		for (const s of shown) {
			const m = summary(s.values);
			out.push(...wrap(`${s.name.padEnd(nameWidth)}: ${fill(t.chartNow, formatRate(m.now), formatRate(m.avg), formatRate(m.min), formatRate(m.max))}`, width, '  '));
		}
		return out.slice(0, height);
	}
	const legend = legendLines(shown, width, theme);
	const plotRows = Math.max(2, room - legend.length);
	const max = Math.max(1, ...shown.flatMap((s) => s.values));
	const labelWidth = Math.max(4, formatRate(max).length);
	const columns = Math.max(2, width - labelWidth - 2);
	const plot = asciiPlot(
		shown.map((s) => resample(s.values, columns)),
		{
			height: plotRows - 1,
			min: 0,
			max,
			colors: theme.chartColors.length > 0 ? shown.map((_, i) => theme.chartColors[i % theme.chartColors.length]!) : undefined,
			format: (x: number) => padStart(formatRate(Math.max(0, x)), labelWidth),
		},
	);
	out.push(...plot.split('\n'), ...legend);
	return out.slice(0, height);
}

function legendLines(series: readonly Series[], width: number, theme: Theme): string[] {
	const items: Segment[][] = series.map((s, i) => {
		const color = theme.chartColors[i % Math.max(1, theme.chartColors.length)];
		const mark = color ? (text: string) => color + text + '\x1b[0m' : undefined;
		return [seg('──', mark), seg(` ${s.name} ${formatRate(s.values[s.values.length - 1] ?? 0)}  `)];
	});
	const lines: string[] = [];
	let current: Segment[] = [];
	let used = 0;
	for (const item of items) {
		const w = item.reduce((n, s) => n + s.text.length, 0);
		if (used + w > width && current.length > 0) {
			lines.push(line(width, ...current));
			current = [];
			used = 0;
		}
		current.push(...item);
		used += w;
	}
	if (current.length > 0) lines.push(line(width, ...current));
	return lines;
}
