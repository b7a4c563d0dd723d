/** Everything one mtop screen shows (gathered by mtopData, drawn by renderMtopFrame). */
export interface MtopData {
	/** `HH:MM:SS` of the virtual wall clock. */
	readonly clock: string;
	readonly uptimeSeconds: number;
	readonly users: number;
	readonly loadavg: readonly [number, number, number];
	readonly processes: {readonly total: number; readonly sleeping: number; readonly running: number; readonly zombie: number; readonly stopped: number};
	/** Percentages. */
	readonly cpu: {readonly user: number; readonly system: number; readonly nice: number; readonly idle: number};
	/** KiB. */
	readonly mem: {readonly total: number; readonly used: number; readonly free: number; readonly buffers: number; readonly cached: number};
	readonly swapKb: number;
	readonly rows: ReadonlyArray<{
		readonly pid: number;
		readonly user: string;
		readonly pri: number;
		readonly ni: number;
		readonly sizeKb: number;
		readonly rssKb: number;
		readonly shareKb: number;
		readonly stat: string;
		readonly cpu: number;
		readonly mem: number;
		readonly time: string;
		/** Node where it runs: 0 at home, -1 without openMosix. */
		readonly node: number;
		readonly command: string;
	}>;
}

function uptimeText(seconds: number): string {
	const days = Math.floor(seconds / 86400);
	const hours = Math.floor((seconds % 86400) / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	let text = days > 0 ? `${days} day${days === 1 ? '' : 's'}, ` : '';
	text += hours > 0 ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, '0')}` : `${minutes} min`;
	return text;
}

function k(n: number, width: number): string {
	return `${String(Math.round(n)).padStart(width)}K`;
}

/**
 * One mtop screen: top's header (procps 2.0, as Red Hat 8.0 had it) and the
 * busiest processes with the N# column (0 = at home, else the node where the
 * process runs). Pure and without trailing spaces.
 */
export function renderMtopFrame(data: MtopData, size: {readonly width: number; readonly height: number}): string {
	const p = data.processes;
	const m = data.mem;
	const lines = [
		` ${data.clock}  up ${uptimeText(data.uptimeSeconds)},  ${data.users} user${data.users === 1 ? '' : 's'},  load average: ${data.loadavg.map((v) => v.toFixed(2)).join(', ')}`,
		`${p.total} processes: ${p.sleeping} sleeping, ${p.running} running, ${p.zombie} zombie, ${p.stopped} stopped`,
		`CPU states: ${data.cpu.user.toFixed(1).padStart(5)}% user, ${data.cpu.system.toFixed(1).padStart(5)}% system, ${data.cpu.nice.toFixed(1).padStart(5)}% nice, ${data.cpu.idle.toFixed(1).padStart(5)}% idle`,
		`Mem:  ${k(m.total, 7)} av, ${k(m.used, 7)} used, ${k(m.free, 7)} free, ${k(0, 7)} shrd, ${k(m.buffers, 7)} buff`,
		`Swap: ${k(data.swapKb, 7)} av, ${k(0, 7)} used, ${k(data.swapKb, 7)} free                 ${k(m.cached, 7)} cached`,
		'',
		'  PID USER     PRI  NI  SIZE  RSS SHARE STAT %CPU %MEM   TIME N# COMMAND',
	];
	const room = Math.max(0, size.height - lines.length);
	for (const r of data.rows.slice(0, room)) {
		const line =
			`${String(r.pid).padStart(5)} ${r.user.padEnd(8).slice(0, 8)} ${String(r.pri).padStart(3)} ${String(r.ni).padStart(3)} ${String(r.sizeKb).padStart(5)} ${String(r.rssKb).padStart(4)} ${String(r.shareKb).padStart(5)} ` +
			`${r.stat.padEnd(4)} ${r.cpu.toFixed(1).padStart(4)} ${r.mem.toFixed(1).padStart(4)} ${r.time.padStart(6)} ${String(r.node).padStart(2)} ${r.command}`;
		lines.push(line.slice(0, size.width).replace(/ +$/, ''));
	}
	return lines.join('\n') + '\n';
}
