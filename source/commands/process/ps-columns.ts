import {SEC} from '../../sim/time';
import type {World} from '../../sim/world';
import type {PsRow} from './process-list';
import {cpuHms, formatPercent, pcpu, pmem, startTime} from './ps-format';

/** What a column needs to print a row. */
export interface ColumnContext {
	readonly world: World;
	/** The host's memory, for %MEM. */
	readonly totalKb: number;
	/** Columns of a pid on this host (see `pidWidth` in ps.ts). */
	readonly pidWidth: number;
}

interface ColumnDef {
	readonly header: string;
	/** Width, or `pid` for the pid width of the host (5 on old kernels, 7 today). */
	readonly width: number | 'pid';
	readonly left?: boolean;
	/** Free text that may take the rest of the line when it is the last column. */
	readonly text?: boolean;
	value(row: PsRow, ctx: ColumnContext): string;
}

/** `[[DD-]HH:]MM:SS` since the process started, as ps's ELAPSED. */
function elapsed(world: World, row: PsRow): string {
	const s = Math.max(0, Math.floor((world.now - row.started) / SEC));
	const d = Math.floor(s / 86400);
	const h = Math.floor((s % 86400) / 3600);
	const ms = `${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
	if (d > 0) return `${d}-${String(h).padStart(2, '0')}:${ms}`;
	return h > 0 ? `${String(h).padStart(2, '0')}:${ms}` : ms;
}

const pid: ColumnDef = {header: 'PID', width: 'pid', value: (r) => String(r.pid)};
const ppid: ColumnDef = {header: 'PPID', width: 'pid', value: (r) => String(r.ppid)};
const user: ColumnDef = {header: 'USER', width: 8, left: true, value: (r) => r.user};
const uid: ColumnDef = {header: 'UID', width: 5, value: (r) => (r.user === 'root' ? '0' : '1000')};
const stat: ColumnDef = {header: 'STAT', width: 4, left: true, value: (r) => r.stat};
const pcpuCol: ColumnDef = {header: '%CPU', width: 4, value: (r, c) => formatPercent(pcpu(c.world, r))};
const pmemCol: ColumnDef = {header: '%MEM', width: 4, value: (r, c) => formatPercent(pmem(r, c.totalKb))};
const vsz: ColumnDef = {header: 'VSZ', width: 6, value: (r) => String(r.vszKb)};
const time: ColumnDef = {header: 'TIME', width: 8, value: (r) => cpuHms(r.cpuUs)};
const state: ColumnDef = {header: 'S', width: 1, left: true, value: (r) => r.stat.slice(0, 1)};
const rss: ColumnDef = {header: 'RSS', width: 5, value: (r) => String(r.rssKb)};
const tty: ColumnDef = {header: 'TT', width: 8, left: true, value: (r) => r.tty};
const nice: ColumnDef = {header: 'NI', width: 3, value: () => '0'};
const comm: ColumnDef = {header: 'COMMAND', width: 15, left: true, text: true, value: (r) => r.comm};
const args: ColumnDef = {header: 'COMMAND', width: 27, left: true, text: true, value: (r) => r.args};

/** The format specifiers procps knows that the lab can fill, by name (aliases included). */
const COLUMNS: Record<string, ColumnDef> = {
	pid,
	tgid: pid,
	ppid,
	user,
	euser: user,
	uname: user,
	uid,
	euid: uid,
	stat,
	state,
	s: state,
	'%cpu': pcpuCol,
	pcpu: pcpuCol,
	'%mem': pmemCol,
	pmem: pmemCol,
	rss,
	rssize: rss,
	rsz: {...rss, header: 'RSZ'},
	vsz,
	vsize: vsz,
	tty,
	tt: tty,
	tname: {...tty, header: 'TTY'},
	time,
	cputime: time,
	etime: {header: 'ELAPSED', width: 11, value: (r, c) => elapsed(c.world, r)},
	etimes: {header: 'ELAPSED', width: 7, value: (r, c) => String(Math.max(0, Math.floor((c.world.now - r.started) / SEC)))},
	start: {header: 'STARTED', width: 8, value: (r, c) => startTime(c.world, r.started)},
	stime: {header: 'STIME', width: 5, value: (r, c) => startTime(c.world, r.started)},
	ni: nice,
	nice,
	comm,
	ucomm: comm,
	ucmd: comm,
	fname: {header: 'COMMAND', width: 8, left: true, value: (r) => r.comm.slice(0, 8)},
	args,
	command: args,
	cmd: {...args, header: 'CMD'},
};

/** One column as asked for: `pid`, `pid=`, `pid=Process`, `pid:10`. */
interface Column {
	readonly def: ColumnDef;
	readonly header: string;
	readonly width: number | 'pid';
}

/** Reads the lists given to `-o`/`o`/`--format`; a string is procps' error. */
export function parseColumns(lists: readonly string[]): Column[] | string {
	const out: Column[] = [];
	for (const list of lists) {
		// Items are split at commas and blanks, renamed ones too (`pid=,comm=` is two columns).
		const items = list.split(/[,\s]+/);
		for (const item of items) {
			if (item === '') continue;
			const eq = item.indexOf('=');
			const spec = eq < 0 ? item : item.slice(0, eq);
			const [name, widthText] = spec.split(':') as [string, string | undefined];
			const def = COLUMNS[name.toLowerCase()];
			if (!def) return `error: unknown user-defined format specifier "${spec}"\n`;
			let width = def.width;
			if (widthText !== undefined) {
				if (!/^\d+$/.test(widthText) || Number(widthText) === 0) return `error: unknown user-defined format specifier "${spec}"\n`;
				width = Number(widthText);
			}
			out.push({def, header: eq < 0 ? def.header : item.slice(eq + 1), width});
		}
	}
	if (out.length === 0) return 'error: unknown user-defined format specifier ""\n';
	return out;
}

/** The table `ps -o` prints: a header unless every header is empty, then one line per row. */
export function formatColumns(columns: readonly Column[], rows: readonly PsRow[], ctx: ColumnContext): string {
	const cell = (col: Column, text: string, last: boolean) => {
		// A header wider than the column widens it.
		const width = Math.max(col.width === 'pid' ? ctx.pidWidth : col.width, col.header.length);
		if (col.def.left) {
			if (last) return text;
			const fitted = col.def.text && text.length > width ? text.slice(0, width) : text;
			return fitted.padEnd(width);
		}
		return text.padStart(width);
	};
	const line = (texts: readonly string[]) => texts.map((t, i) => cell(columns[i]!, t, i === columns.length - 1)).join(' ') + '\n';
	let out = columns.some((c) => c.header !== '') ? line(columns.map((c) => c.header)) : '';
	for (const row of rows) out += line(columns.map((c) => c.def.value(row, ctx)));
	return out;
}
