/** What mosmon draws: one of its bar-chart views. */
export type MosmonView = 'load' | 'logload' | 'speed' | 'mem' | 'rmem' | 'util';
/** How node numbers are written under the bars. */
export type MosmonNumbering = 'auto' | 'wide' | 'vertical' | 'tight';

export interface MosmonOptions {
	readonly view: MosmonView;
	readonly numbering: MosmonNumbering;
	/** Show configured nodes that do not answer (d). */
	readonly dead: boolean;
	/** Show the number of active nodes and CPUs (t). */
	readonly total: boolean;
	/** First node number shown (+N, or scrolled with the arrows). */
	readonly start: number;
	readonly help: boolean;
}

export const DEFAULT_MOSMON: MosmonOptions = {view: 'load', numbering: 'auto', dead: false, total: false, start: 0, help: false};

export const MOSMON_USAGE = `Usage: mosmon [ -w | -v | -V | -a ] [ -s | -m | -r | -u | [ -l | -L ] ] [ -d ] [ -t ] [ +NODE_NUMBER ] [ -F KVER ] [ -h | -H ]
`;

/**
 * Applies one interactive key (the options' letters without the dash), as the
 * live screen does; returns 'quit' for q. Unknown keys change nothing.
 */
export function applyMosmonKey(options: MosmonOptions, key: string): MosmonOptions | 'quit' {
	switch (key) {
		case 'q':
		case 'Q':
			return 'quit';
		case 'l':
			return {...options, view: 'load', help: false};
		case 'L':
			return {...options, view: 'logload', help: false};
		case 's':
			return {...options, view: 'speed', help: false};
		case 'm':
			return {...options, view: 'mem', help: false};
		case 'r':
			return {...options, view: 'rmem', help: false};
		case 'u':
			return {...options, view: 'util', help: false};
		case 'w':
			return {...options, numbering: 'wide'};
		case 'v':
			return {...options, numbering: 'vertical'};
		case 'V':
			return {...options, numbering: 'tight'};
		case 'a':
			return {...options, numbering: 'auto'};
		case 'd':
			return {...options, dead: !options.dead};
		case 't':
			return {...options, total: !options.total};
		case 'h':
		case 'H':
		case '?':
			return {...options, help: !options.help};
		default:
			return options;
	}
}

/** Parses mosmon's command line; a string is the error to print. */
export function parseMosmonArgs(args: readonly string[]): MosmonOptions | string {
	let options = DEFAULT_MOSMON;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (/^\+\d+$/.test(arg)) {
			options = {...options, start: Number(arg.slice(1))};
			continue;
		}
		if (arg === '-F') {
			if (args[++i] === undefined) return `mosmon: option requires an argument -- 'F'\n${MOSMON_USAGE}`;
			continue;
		}
		if (!/^-[A-Za-z]+$/.test(arg)) return `mosmon: invalid argument '${arg}'\n${MOSMON_USAGE}`;
		for (const letter of arg.slice(1)) {
			if (!'wvVasmruLldthH'.includes(letter)) return `mosmon: invalid option -- '${letter}'\n${MOSMON_USAGE}`;
			const next = applyMosmonKey(options, letter);
			if (next !== 'quit') options = letter === 'd' ? {...options, dead: true} : letter === 't' ? {...options, total: true} : next;
		}
	}
	return options;
}
