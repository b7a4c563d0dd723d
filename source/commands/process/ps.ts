import {oldKernel} from '../../sim/cpu/base-processes';
import type {CommandContext, CommandSpec} from '../context';
import {processRows, type PsRow} from './process-list';
import {formatColumns, parseColumns, type ColumnContext} from './ps-columns';
import {cpuHms, cpuMinSec, formatPercent, pcpu, pmem, startTime} from './ps-format';
import {SESSION_TTY, SHELL_PID} from './run-program';

const USAGE_TAIL = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

type Format = 'default' | 'bsd' | 'user' | 'full';

interface Selection {
	all: boolean;
	withoutTty: boolean;
	pids?: number[];
	format: Format;
	/** Lists given to `-o`, `o` or `--format`: the user-defined columns. */
	columns?: string[];
}

/** Parses BSD (`aux`) and SysV (`-ef`) style options as procps does; a string is an error. */
export function parsePsArgs(args: readonly string[]): Selection | string {
	const sel: Selection = {all: false, withoutTty: false, format: 'default'};
	let bsd = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--help') return 'help';
		if (arg === '--format' || arg.startsWith('--format=')) {
			const list = arg === '--format' ? args[++i] : arg.slice('--format='.length);
			if (list === undefined) return 'error: format specification must follow --format\n';
			sel.columns = [...(sel.columns ?? []), list];
			continue;
		}
		if (/^\d+(,\d+)*$/.test(arg)) {
			sel.pids = [...(sel.pids ?? []), ...arg.split(',').map(Number)];
			continue;
		}
		if (arg.startsWith('-')) {
			const letters = arg.slice(1);
			// `ps -aux` is read as the BSD `aux`, as procps does.
			if (letters === 'aux' || letters === 'axu') {
				sel.all = sel.withoutTty = bsd = true;
				sel.format = 'user';
				continue;
			}
			for (let j = 0; j < letters.length; j++) {
				const f = letters[j]!;
				if (f === 'e' || f === 'A') sel.all = sel.withoutTty = true;
				else if (f === 'f') sel.format = 'full';
				else if (f === 'a') sel.all = true;
				else if (f === 'p') {
					const rest = letters.slice(j + 1) || args[++i];
					if (rest === undefined || !/^\d+(,\d+)*$/.test(rest)) return 'error: list of process IDs must follow -p\n';
					sel.pids = [...(sel.pids ?? []), ...rest.split(',').map(Number)];
					break;
				} else if (f === 'o') {
					const list = letters.slice(j + 1) || args[++i];
					if (list === undefined) return 'error: format specification must follow -o\n';
					sel.columns = [...(sel.columns ?? []), list];
					break;
				} else return 'error: unsupported SysV option\n';
			}
		} else {
			bsd = true;
			for (const f of arg) {
				if (f === 'o') {
					const list = args[++i];
					if (list === undefined) return 'error: format specification must follow o\n';
					sel.columns = [...(sel.columns ?? []), list];
				} else if (f === 'a') sel.all = true;
				else if (f === 'x') sel.withoutTty = true;
				else if (f === 'u') sel.format = 'user';
				else if (f === 'w' || f === 'c') continue;
				else return 'error: unsupported option (BSD syntax)\n';
			}
		}
	}
	if (bsd && sel.format === 'default') sel.format = 'bsd';
	return sel;
}

/** Which rows a selection shows: by default the caller's terminal, else everything asked for. */
export function selectRows(rows: readonly PsRow[], sel: Selection): PsRow[] {
	if (sel.pids) return rows.filter((r) => sel.pids!.includes(r.pid));
	return rows.filter((r) => {
		if (sel.all && sel.withoutTty) return true;
		if (sel.withoutTty) return r.user === 'root';
		if (sel.all) return r.tty !== '?';
		return r.tty === SESSION_TTY;
	});
}

/** procps output of `ps`, `ps ax`, `ps aux` and `ps -ef` (column widths of the host's era). */
export function formatPs(ctx: CommandContext, rows: readonly PsRow[], format: Format): string {
	const old = oldKernel(ctx.host);
	const {pidWidth: pidW, totalKb} = columnContext(ctx);
	const world = ctx.world;
	const pid = (n: number) => String(n).padStart(pidW);
	let text = '';
	if (format === 'default') {
		text += `${'PID'.padStart(pidW)} TTY          TIME CMD\n`;
		for (const r of rows) text += `${pid(r.pid)} ${r.tty.padEnd(8)} ${cpuHms(r.cpuUs)} ${r.comm}\n`;
	} else if (format === 'bsd') {
		text += `${'PID'.padStart(pidW)} TTY      STAT   TIME COMMAND\n`;
		for (const r of rows) text += `${pid(r.pid)} ${r.tty.padEnd(8)} ${r.stat.padEnd(4)} ${cpuMinSec(r.cpuUs).padStart(6)} ${r.args}\n`;
	} else if (format === 'user') {
		const [vszW, rssW] = old ? [5, 4] : [6, 5];
		text += `USER     ${'PID'.padStart(pidW)} %CPU %MEM ${'VSZ'.padStart(vszW)} ${'RSS'.padStart(rssW)} TTY      STAT START   TIME COMMAND\n`;
		for (const r of rows) {
			text +=
				`${r.user.padEnd(8)} ${pid(r.pid)} ${formatPercent(pcpu(world, r)).padStart(4)} ${formatPercent(pmem(r, totalKb)).padStart(4)} ` +
				`${String(r.vszKb).padStart(vszW)} ${String(r.rssKb).padStart(rssW)} ${r.tty.padEnd(8)} ${r.stat.padEnd(4)} ${startTime(world, r.started).padStart(5)} ${cpuMinSec(r.cpuUs).padStart(6)} ${r.args}\n`;
		}
	} else {
		text += `UID      ${'PID'.padStart(pidW)} ${'PPID'.padStart(pidW)}  C STIME TTY          TIME CMD\n`;
		for (const r of rows) {
			const c = Math.min(99, Math.floor(pcpu(world, r)));
			text += `${r.user.padEnd(8)} ${pid(r.pid)} ${pid(r.ppid)} ${String(c).padStart(2)} ${startTime(world, r.started).padEnd(5)} ${r.tty.padEnd(8)} ${cpuHms(r.cpuUs)} ${r.args}\n`;
		}
	}
	return text;
}

/** What every layout needs of the host: pid columns as wide as its pid_max needs (32768 on 2.4/2.6 kernels, 4194304 today) and its memory. */
function columnContext(ctx: CommandContext): ColumnContext {
	return {world: ctx.world, totalKb: ctx.host.hardware.memoryMb * 1024, pidWidth: oldKernel(ctx.host) ? 5 : 7};
}

/** A pid for a short-lived tool (ps, mps): taken from the host's counter so later pids move on. */
export function transientPid(ctx: CommandContext): number {
	const p = ctx.host.processes.spawn({user: 'root', command: ctx.argv.join(' '), started: ctx.world.now, ppid: SHELL_PID, tty: SESSION_TTY});
	ctx.host.processes.reap(p.pid);
	return p.pid;
}

/** procps ps: `ps`, `ps aux`, `ps ax`, `ps -ef`, `ps -e`, `ps -p PID`, `ps -o LIST`. */
export const ps: CommandSpec = {
	name: 'ps',
	paths: ['/bin/ps'],
	group: 'process',
	summary: {en: 'processes: ps, ps aux, ps -ef, ps -o pid,stat,args', es: 'procesos: ps, ps aux, ps -ef, ps -o pid,stat,args'},
	run(ctx) {
		const sel = parsePsArgs(ctx.argv.slice(1));
		if (sel === 'help') {
			ctx.out(USAGE_TAIL.slice(1));
			return 0;
		}
		if (typeof sel === 'string') {
			ctx.err(sel + USAGE_TAIL);
			return 1;
		}
		const columns = sel.columns ? parseColumns(sel.columns) : undefined;
		if (typeof columns === 'string') {
			ctx.err(columns + USAGE_TAIL);
			return 1;
		}
		const self = {pid: transientPid(ctx), args: ctx.argv.join(' ')};
		const rows = selectRows(processRows(ctx.world, ctx.host, ctx.session, self), sel);
		if (columns) ctx.out(formatColumns(columns, rows, columnContext(ctx)));
		else ctx.out(formatPs(ctx, rows, sel.format));
		return sel.pids && rows.length === 0 ? 1 : 0;
	},
};
