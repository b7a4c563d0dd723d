import chalk from 'chalk';
import type {HostState} from '../lab/snapshot';
import type {EventSource} from '../sim/timeline';
import {setEllipsis, type Paint} from './text/segments';

/**
 * Colours and glyphs of the lab screen. Colours come from the Okabe-Ito palette,
 * which stays distinguishable with the common colour-vision deficiencies, and
 * no meaning rests on colour alone: every state also has a glyph and a word.
 * With NO_COLOR / --no-color, chalk's level is 0 and every paint is the identity.
 * `plain` (--plain) also drops drawing characters: graphs become numbers and
 * glyphs become ASCII, for screen readers and limited terminals.
 */
export interface Theme {
	readonly plain: boolean;
	readonly paint: {
		readonly ok: Paint;
		readonly bad: Paint;
		readonly warn: Paint;
		readonly off: Paint;
		readonly accent: Paint;
		readonly title: Paint;
		readonly dim: Paint;
		readonly strong: Paint;
		readonly selected: Paint;
		readonly key: Paint;
		readonly error: Paint;
	};
	readonly glyph: {
		readonly state: Readonly<Record<HostState | 'quiesced' | 'unknown', string>>;
		readonly active: string;
		readonly pointer: string;
		readonly arrow: string;
		readonly back: string;
		readonly rule: string;
		readonly barActive: string;
		readonly barInactive: string;
		readonly barRate: string;
		readonly barEmpty: string;
		readonly ellipsis: string;
	};
	readonly source: (source: EventSource) => Paint;
	/** Colours for chart lines, as ANSI codes (asciichart takes raw codes), or none. */
	readonly chartColors: readonly string[];
}

const identity: Paint = (text) => text;

/** Builds the theme for the current chalk level. */
export function createTheme(options: {plain: boolean}): Theme {
	const color = chalk.level > 0;
	const hex = (code: string): Paint => (color ? (t) => chalk.hex(code)(t) : identity);
	const orange = hex('#E69F00');
	const sky = hex('#56B4E9');
	const green = hex('#009E73');
	const yellow = hex('#F0E442');
	const vermillion = hex('#D55E00');
	const purple = hex('#CC79A7');
	const grey = color ? (t: string) => chalk.gray(t) : identity;
	const sources: Record<EventSource, Paint> = {
		lab: purple,
		net: orange,
		ipvs: sky,
		heartbeat: yellow,
		ldirectord: green,
		sync: sky,
		mosix: purple,
		http: grey,
		traffic: identity,
	};
	const plain = options.plain;
	setEllipsis(plain ? '...' : '…');
	return {
		plain,
		paint: {
			ok: sky,
			bad: vermillion,
			warn: yellow,
			off: grey,
			accent: orange,
			title: color ? (t) => chalk.bold(t) : identity,
			dim: grey,
			strong: color ? (t) => chalk.bold(t) : identity,
			// Inverse video marks the selection even without colour.
			selected: (t) => chalk.level > 0 ? chalk.inverse(t) : t,
			key: color ? (t) => chalk.bold(chalk.hex('#E69F00')(t)) : identity,
			error: vermillion,
		},
		glyph: plain
			? {
					// Words alone: a screen reader reads the state, not a symbol before it.
					state: {up: '', unplugged: '', down: '', off: '', quiesced: '', unknown: ''},
					active: '*',
					pointer: '>',
					arrow: '->',
					back: '<-',
					rule: '-',
					barActive: '#',
					barInactive: '=',
					barRate: '#',
					barEmpty: '.',
					ellipsis: '...',
				}
			: {
					state: {up: '●', unplugged: '✕', down: '▽', off: '○', quiesced: '◐', unknown: '?'},
					active: '★',
					pointer: '▸',
					arrow: '─▶',
					back: '◀─',
					rule: '─',
					barActive: '█',
					barInactive: '▒',
					barRate: '▆',
					barEmpty: '·',
					ellipsis: '…',
				},
		source: (s) => sources[s] ?? identity,
		chartColors: color ? ['\x1b[36m', '\x1b[33m', '\x1b[35m', '\x1b[34m', '\x1b[37m', '\x1b[32m'] : [],
	};
}

/** Paint for a host state: the colour that goes with its glyph and word. */
export function statePaint(theme: Theme, state: HostState | 'quiesced' | 'unknown'): Paint {
	switch (state) {
		case 'up':
			return theme.paint.ok;
		case 'unplugged':
		case 'down':
			return theme.paint.bad;
		case 'quiesced':
			return theme.paint.warn;
		default:
			return theme.paint.off;
	}
}
