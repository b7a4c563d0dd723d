/** Linux signal numbers and names (i386), as bash's kill and kill -l know them. */
const NAMES: ReadonlyArray<readonly [number, string]> = [
	[1, 'HUP'],
	[2, 'INT'],
	[3, 'QUIT'],
	[4, 'ILL'],
	[5, 'TRAP'],
	[6, 'ABRT'],
	[7, 'BUS'],
	[8, 'FPE'],
	[9, 'KILL'],
	[10, 'USR1'],
	[11, 'SEGV'],
	[12, 'USR2'],
	[13, 'PIPE'],
	[14, 'ALRM'],
	[15, 'TERM'],
	[16, 'STKFLT'],
	[17, 'CHLD'],
	[18, 'CONT'],
	[19, 'STOP'],
	[20, 'TSTP'],
	[21, 'TTIN'],
	[22, 'TTOU'],
	[23, 'URG'],
	[24, 'XCPU'],
	[25, 'XFSZ'],
	[26, 'VTALRM'],
	[27, 'PROF'],
	[28, 'WINCH'],
	[29, 'IO'],
	[30, 'PWR'],
	[31, 'SYS'],
];

/** Name without the SIG prefix for numbers 1-64 (real-time signals as bash names them). */
export function signalName(n: number): string | undefined {
	const found = NAMES.find(([num]) => num === n);
	if (found) return found[1];
	if (n === 34) return 'RTMIN';
	if (n > 34 && n < 50) return `RTMIN+${n - 34}`;
	if (n >= 50 && n < 64) return `RTMAX-${64 - n}`;
	if (n === 64) return 'RTMAX';
	return undefined;
}

/** Parses `9`, `KILL`, `SIGKILL`, `kill` (bash accepts any case); undefined when unknown. */
export function parseSignal(spec: string): number | undefined {
	if (/^\d+$/.test(spec)) {
		const n = Number(spec);
		return n === 0 || signalName(n) !== undefined ? n : undefined;
	}
	const upper = spec.toUpperCase().replace(/^SIG/, '');
	if (upper === 'POLL') return 29;
	if (upper === 'CLD') return 17;
	for (let n = 1; n <= 64; n++) if (signalName(n) === upper) return n;
	return undefined;
}

/** bash's `kill -l`: five signals a line, `%2d) SIGNAME` separated by tabs. */
export function signalTable(): string {
	let text = '';
	let column = 0;
	for (let n = 1; n <= 64; n++) {
		const name = signalName(n);
		if (!name) continue;
		text += `${String(n).padStart(2)}) SIG${name}`;
		if (++column === 5) {
			text += '\n';
			column = 0;
		} else text += '\t';
	}
	if (column !== 0) text += '\n';
	return text;
}
