import {baseProcesses, oldKernel} from '../../sim/cpu/base-processes';
import {cpuOf} from '../../sim/cpu/scheduler';
import type {Task} from '../../sim/cpu/task';
import type {Host} from '../../sim/host';
import type {Micros} from '../../sim/time';
import type {World} from '../../sim/world';
import type {Session} from '../../shell/session';
import {SESSION_TTY, SHELL_PID} from './run-program';

/** One process as the ps family sees it. */
export interface PsRow {
	readonly pid: number;
	readonly ppid: number;
	readonly user: string;
	/** Full command line (kernel threads in brackets). */
	readonly args: string;
	/** Executable name, at most 15 characters (ps's CMD without -f). */
	readonly comm: string;
	readonly tty: string;
	/** procps STAT: state letter and flags. */
	readonly stat: string;
	readonly started: Micros;
	/** CPU time used, µs. */
	readonly cpuUs: number;
	readonly vszKb: number;
	readonly rssKb: number;
	/** The simulated process behind it, when it runs on the CPU model. */
	readonly task?: Task;
}

/** Typical sizes of daemons other subsystems start (KiB), for processes that do not use the CPU model. */
const DAEMON_MEMORY: Readonly<Record<string, readonly [number, number]>> = {
	heartbeat: [5124, 3860],
	ldirectord: [7412, 5260],
	apache2: [11084, 4412],
	httpd: [18912, 6264],
	sshd: [3072, 1316],
	ipvs_syncmaster: [0, 0],
	ipvs_syncbackup: [0, 0],
	omdiscd: [1524, 544],
};

function comm(args: string): string {
	if (args.startsWith('[')) return args.slice(1, args.indexOf(']') > 0 ? args.indexOf(']') : undefined);
	const first = args.split(' ')[0] ?? args;
	const name = first.startsWith('-') ? first.slice(1) : first.slice(first.lastIndexOf('/') + 1);
	return name.slice(0, 15);
}

/** A stable size for a process nobody described: derived from its name. */
function guessMemory(args: string): readonly [number, number] {
	const known = DAEMON_MEMORY[comm(args).replace(/^\[|\]$/g, '')];
	if (known) return known;
	let h = 0;
	for (let i = 0; i < args.length; i++) h = (Math.imul(h, 31) + args.charCodeAt(i)) >>> 0;
	const vsz = 1800 + (h % 6000);
	return [vsz, Math.round(vsz * 0.35)];
}

/** Brings every CPU's accounting up to now so CPU times are exact. */
export function settleCpus(world: World): void {
	for (const host of world.hosts.values()) cpuOf(world, host).settle();
}

/** Every process on `host`: base system, the lab's login shell, simulated and registered ones. */
export function processRows(world: World, host: Host, session?: Session, self?: {pid: number; args: string}): PsRow[] {
	settleCpus(world);
	const old = oldKernel(host);
	const rows: PsRow[] = [];
	const taken = new Set<number>();
	for (const b of baseProcesses(host)) {
		rows.push({pid: b.pid, ppid: b.ppid, user: b.user, args: b.command, comm: comm(b.command), tty: b.tty, stat: b.stat, started: host.bootedAt, cpuUs: 0, vszKb: b.vszKb, rssKb: b.rssKb});
		taken.add(b.pid);
	}
	if (session?.logins.some((l) => l.host === host)) {
		rows.push({pid: SHELL_PID, ppid: old ? 514 : 402, user: 'root', args: '-bash', comm: 'bash', tty: SESSION_TTY, stat: old ? 'S' : 'Ss', started: host.bootedAt, cpuUs: 30_000, vszKb: old ? 4380 : 8260, rssKb: old ? 1412 : 5020});
		taken.add(SHELL_PID);
	}
	const cpu = cpuOf(world, host);
	for (const p of host.processes.list()) {
		if (taken.has(p.pid)) continue;
		const task = cpu.homed.get(p.pid);
		const [vsz, rss] = task ? [task.vszKb, task.rssKb] : guessMemory(p.command);
		let stat: string = p.state;
		if (!old && task && task.threads > 1) stat += 'l';
		if (self && p.pid === self.pid) stat += '+';
		rows.push({
			pid: p.pid,
			ppid: p.ppid,
			user: p.user,
			args: p.command,
			comm: comm(p.command),
			tty: p.tty,
			stat,
			started: p.started,
			cpuUs: task ? task.userUs + task.sysUs : 0,
			vszKb: vsz,
			rssKb: rss,
			task,
		});
	}
	if (self && !rows.some((r) => r.pid === self.pid)) {
		rows.push({pid: self.pid, ppid: SHELL_PID, user: 'root', args: self.args, comm: comm(self.args), tty: SESSION_TTY, stat: old ? 'R' : 'R+', started: world.now, cpuUs: 0, vszKb: old ? 2644 : 11240, rssKb: old ? 712 : 4596});
	}
	return rows.sort((a, b) => a.pid - b.pid);
}
