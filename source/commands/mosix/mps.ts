import {mosixCluster} from '../../sim/mosix/cluster';
import {whereOf} from '../../sim/mosix/proc-files';
import type {Host} from '../../sim/host';
import type {World} from '../../sim/world';
import type {CommandSpec} from '../context';
import {processRows, type PsRow} from '../process/process-list';
import {cpuMinSec, formatPercent, pcpu, pmem, startTime} from '../process/ps-format';
import {transientPid} from '../process/ps';
import {SESSION_TTY} from '../process/run-program';
import {mosixToolsInstalled} from './common';

const USAGE = 'usage: mps -acehjlnrsSuvwx{t<tty>|#|O[-]u[-]U..} --sort={cmd,pid,...} --ominfo --ominfol --help --version\n';

/** NODE as mps shows it: -1 without openMosix, 0 at home, else the node where the process runs. */
export function nodeColumn(world: World, host: Host, row: PsRow): number {
	const cluster = mosixCluster(world);
	const node = cluster?.node(host);
	if (!cluster || !node?.configured) return -1;
	return row.task ? whereOf(cluster, node, row.pid) : 0;
}

/** The STAT of procps 1.x: state and at most two flags, no session or foreground marks. */
function oldStat(stat: string): string {
	return stat.replace(/[s+l<]/g, '').slice(0, 3);
}

/**
 * mps, openMosix's ps (procps 1.x, BSD options): the NODE column tells where
 * each process runs — 0 at home, the node number when migrated, -1 when
 * openMosix is not configured.
 */
export const mps: CommandSpec = {
	name: 'mps',
	paths: ['/usr/bin/mps', '/bin/mps'],
	group: 'mosix',
	summary: {en: 'ps with a NODE column: where each process runs (mps, mps aux)', es: 'ps con una columna NODE: dónde corre cada proceso (mps, mps aux)'},
	installed: mosixToolsInstalled,
	run(ctx) {
		let all = false;
		let noTty = false;
		let user = false;
		let header = true;
		let runningOnly = false;
		const pids: number[] = [];
		for (const arg of ctx.argv.slice(1)) {
			if (arg === '--help') {
				ctx.out(USAGE);
				return 0;
			}
			if (arg === '--version') {
				ctx.out('mps version 1.2.9 (openMosix tools 0.3.6)\n');
				return 0;
			}
			if (/^\d+$/.test(arg)) {
				pids.push(Number(arg));
				continue;
			}
			let letters = arg;
			if (arg.startsWith('-')) {
				letters = arg.slice(1);
				if (!ctx.env.has('I_WANT_A_BROKEN_PS')) ctx.err(`warning: \`-' deprecated; use \`mps ${letters}', not \`mps ${arg}'\n`);
			}
			for (const f of letters) {
				if (f === 'a') all = true;
				else if (f === 'x') noTty = true;
				else if (f === 'u') user = true;
				else if (f === 'h') header = false;
				else if (f === 'r') runningOnly = true;
				else if ('wnlcjsvmSef'.includes(f)) continue;
				else {
					ctx.err(`mps: invalid option -- '${f}'\n${USAGE}`);
					return 1;
				}
			}
		}
		const self = {pid: transientPid(ctx), args: 'mps'};
		let rows = processRows(ctx.world, ctx.host, ctx.session, self);
		if (pids.length > 0) rows = rows.filter((r) => pids.includes(r.pid));
		else rows = rows.filter((r) => (all && noTty) || (noTty ? true : all ? r.tty !== '?' : r.tty === SESSION_TTY));
		if (runningOnly) rows = rows.filter((r) => r.stat.startsWith('R'));
		let text = '';
		if (user) {
			const totalKb = ctx.host.hardware.memoryMb * 1024;
			if (header) text += 'USER       PID NODE %CPU %MEM  SIZE   RSS TTY STAT START   TIME COMMAND\n';
			for (const r of rows) {
				text +=
					`${r.user.padEnd(8)} ${String(r.pid).padStart(5)} ${String(nodeColumn(ctx.world, ctx.host, r)).padStart(4)} ${formatPercent(pcpu(ctx.world, r)).padStart(4)} ${formatPercent(pmem(r, totalKb)).padStart(4)} ` +
					`${String(r.vszKb).padStart(5)} ${String(r.rssKb).padStart(5)}  ?  ${oldStat(r.stat).padEnd(4)} ${startTime(ctx.world, r.started).padStart(5)} ${cpuMinSec(r.cpuUs).padStart(6)} ${r.args}\n`;
			}
		} else {
			if (header) text += '  PID TTY NODE STAT TIME COMMAND\n';
			for (const r of rows) text += `${String(r.pid).padStart(5)}  ?  ${String(nodeColumn(ctx.world, ctx.host, r)).padStart(4)} ${oldStat(r.stat).padEnd(3)}${cpuMinSec(r.cpuUs).padStart(6)} ${r.args}\n`;
		}
		ctx.out(text);
		return 0;
	},
};
