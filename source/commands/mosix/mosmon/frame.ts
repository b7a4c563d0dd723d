import type {ClusterSnapshot, NodeSnapshot} from '../../../sim/mosix/snapshot';
import {DEFAULT_MOSMON, type MosmonOptions, type MosmonView} from './options';

/** Column of the Y axis; labels take the five columns before it, the view's name runs down column 0. */
const AXIS = 7;
const FIRST_BAR = AXIS + 3;

const TITLES: Readonly<Record<MosmonView, string>> = {load: 'LOAD', logload: 'LOAD', speed: 'SPEED', mem: 'MEMORY', rmem: 'RAWMEM', util: 'UTIL'};

const HELP = [
	'mosmon - openMosix load monitor',
	'',
	'  l  load (default)            L  load on a log scale',
	'  s  speed (and CPUs of SMP)   u  utilizability (%)',
	'  m  memory: used #, free +    r  raw memory: used #, free +',
	'  w  wide numbering            v  vertical numbering',
	'  V  tight vertical numbering  a  automatic numbering',
	'  d  show dead nodes           t  total of active nodes and CPUs',
	'  Left/Right  scroll nodes     h  this help',
	'  q  quit',
];

interface Column {
	readonly node: NodeSnapshot;
	readonly x: number;
}

function value(node: NodeSnapshot, view: MosmonView): number {
	switch (view) {
		case 'load':
		case 'logload':
			return node.load;
		case 'speed':
			return node.speed;
		case 'mem':
			return node.usedMb;
		case 'rmem':
			return node.rawUsedMb;
		case 'util':
			return node.util;
	}
}

function scaleMax(nodes: readonly NodeSnapshot[], view: MosmonView): number {
	const up = nodes.filter((n) => n.up);
	if (view === 'util') return 100;
	if (view === 'mem' || view === 'rmem') return Math.max(1, ...up.map((n) => n.totalMb));
	const top = Math.max(0, ...up.map((n) => value(n, view)));
	return top > 0 ? top : 1;
}

/** Fraction of the chart's height a value reaches. */
function fraction(v: number, max: number, view: MosmonView): number {
	if (view === 'logload') return Math.log10(1 + v) / Math.log10(1 + max);
	return v / max;
}

/** The value at a fraction of the height (for the axis labels). */
function inverse(f: number, max: number, view: MosmonView): number {
	if (view === 'logload') return Math.pow(10, f * Math.log10(1 + max)) - 1;
	return f * max;
}

function label(v: number, view: MosmonView): string {
	if (v === 0) return '0';
	if (view === 'load' || view === 'logload') return v.toFixed(2);
	return String(Math.round(v));
}

/**
 * One mosmon screen as text lines (no trailing spaces), for `run` and for the
 * live screen: a bar per node on a Y axis scaled to the busiest node shown,
 * labels at quarters of the maximum, the view's name down the left side and
 * `Node #` with the node numbers under the bars. Pure: same input, same frame.
 */
export function renderMosmonFrame(snapshot: ClusterSnapshot, frame: Partial<MosmonOptions> & {readonly width: number; readonly height: number}): string {
	const options = {...DEFAULT_MOSMON, ...frame};
	const width = Math.max(20, options.width);
	const height = Math.max(8, options.height);
	if (options.help) return HELP.slice(0, height).join('\n') + '\n';
	const view = options.view;
	const shown = snapshot.nodes.filter((n) => (n.up || options.dead) && n.id >= options.start);
	const digits = Math.max(1, ...shown.map((n) => String(n.id).length));
	const room = width - FIRST_BAR;
	const fitsVertical = shown.length <= Math.floor(room / 3) + 1;
	const numbering = options.numbering === 'auto' ? (fitsVertical ? 'vertical' : 'wide') : options.numbering;
	const pitch = numbering === 'wide' ? Math.max(3, digits + 1) : numbering === 'vertical' ? 3 : 2;
	const columns: Column[] = [];
	for (const node of shown) {
		const x = FIRST_BAR + columns.length * pitch;
		if (x >= width) break;
		columns.push({node, x});
	}
	const labelRows = numbering === 'wide' ? 1 : digits;
	const lines: string[] = [];
	if (options.total) {
		const up = snapshot.nodes.filter((n) => n.up);
		lines.push(`Active nodes: ${up.length} of ${snapshot.nodes.length}, CPUs: ${up.reduce((s, n) => s + n.cpus, 0)}`);
	}
	const rows = Math.max(4, height - lines.length - 1 - labelRows);
	const max = scaleMax(shown, view);
	const grid: string[][] = Array.from({length: rows + 1}, () => Array<string>(width).fill(' '));
	// Axis, labels at quarters, the title down column 0.
	for (let r = 0; r < rows; r++) grid[r]![AXIS] = '|';
	const base = grid[rows]!;
	base[AXIS] = '+';
	for (let x = AXIS + 1; x < width; x++) base[x] = '-';
	const put = (r: number, x: number, text: string) => {
		for (let i = 0; i < text.length && x + i < width; i++) if (x + i >= 0) grid[r]![x + i] = text[i]!;
	};
	put(rows, 0, label(0, view).padStart(AXIS - 1));
	const title = TITLES[view].slice(0, rows);
	const top = Math.floor((rows - title.length) / 2);
	for (let i = 0; i < title.length; i++) grid[top + i]![0] = title[i]!;
	for (const f of columns.length > 0 ? [1, 0.75, 0.5, 0.25] : []) {
		const r = rows - Math.round(f * rows);
		let text = label(inverse(f, max, view), view);
		// Keep a space between a letter of the title and a wide label (21.35 → 21.4).
		if (text.length > 4 && grid[r]![0] !== ' ' && text.includes('.')) text = inverse(f, max, view).toFixed(1);
		put(r, 1, text.padStart(5).slice(-5));
	}
	// Bars.
	for (const {node, x} of columns) {
		if (!node.up) {
			const word = 'DEAD'.slice(0, rows);
			for (let i = 0; i < word.length; i++) grid[rows - word.length + i]![x] = word[i]!;
			continue;
		}
		const v = value(node, view);
		const h = Math.min(rows, Math.round(fraction(v, max, view) * rows));
		for (let r = rows - h; r < rows; r++) grid[r]![x] = '#';
		if (v > 0) base[x] = '#';
		if (view === 'mem' || view === 'rmem') {
			const total = Math.min(rows, Math.round(fraction(node.totalMb, max, view) * rows));
			for (let r = rows - total; r < rows - h; r++) grid[r]![x] = '+';
		}
		if (view === 'speed' && node.cpus > 1 && rows - h - 1 >= 0) grid[rows - h - 1]![x] = String(Math.min(9, node.cpus));
	}
	for (const row of grid) lines.push(row.join('').replace(/ +$/, ''));
	// Node numbers under the bars.
	if (numbering === 'wide') {
		const row = Array<string>(width).fill(' ');
		'Node #'.split('').forEach((c, i) => (row[i] = c));
		for (const {node, x} of columns) {
			const text = String(node.id);
			for (let i = 0; i < text.length; i++) if (x - text.length + 1 + i < width) row[x - text.length + 1 + i] = text[i]!;
		}
		lines.push(row.join('').replace(/ +$/, ''));
	} else {
		for (let d = 0; d < digits; d++) {
			const row = Array<string>(width).fill(' ');
			if (d === 0) 'Node #'.split('').forEach((c, i) => (row[i] = c));
			for (const {node, x} of columns) {
				const text = String(node.id).padStart(digits);
				row[x] = text[d]!;
			}
			lines.push(row.join('').replace(/ +$/, ''));
		}
	}
	return lines.join('\n') + '\n';
}
