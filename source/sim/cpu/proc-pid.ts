import type {FsErrorCode, FsProvider} from '../fs/filesystem';
import type {Host} from '../host';
import type {World} from '../world';
import {baseProcesses} from './base-processes';
import {cpuOf} from './scheduler';

/** The login shell's pid on every host (`echo $$`; /proc/self when a redirection writes). */
export const LOGIN_SHELL_PID = 4242;

/** Extra per-process files a subsystem adds under /proc/PID (openMosix: where, lock, goto…). */
export interface PidFiles {
	names(host: Host, pid: number): readonly string[];
	read(host: Host, pid: number, name: string): string | undefined;
	write?(host: Host, pid: number, name: string, data: string): FsErrorCode | undefined;
}

export function addPidFiles(world: World, files: PidFiles): void {
	world.feature<PidFiles[]>('proc.pid-files', () => []).push(files);
}

const STATE_NAMES: Readonly<Record<string, string>> = {R: 'R (running)', S: 'S (sleeping)', D: 'D (disk sleep)', T: 'T (stopped)', Z: 'Z (zombie)'};

/**
 * /proc/PID for every process of a host: `cmdline` and `status`, plus the files
 * other subsystems register. /proc/self is the login shell (the process that
 * opens the file for a shell redirection). Also /proc/loadavg, from the CPU.
 */
export function procPidProvider(world: World, host: Host): FsProvider {
	const extras = () => world.feature<PidFiles[]>('proc.pid-files', () => []);
	const exists = (pid: number) => pid === LOGIN_SHELL_PID || host.processes.get(pid) !== undefined || baseProcesses(host).some((p) => p.pid === pid);
	const parse = (path: string): {pid: number; file?: string} | undefined => {
		const m = /^\/proc\/(\d+|self)(?:\/([^/]+))?$/.exec(path);
		if (!m) return undefined;
		const pid = m[1] === 'self' ? LOGIN_SHELL_PID : Number(m[1]);
		if (!exists(pid)) return undefined;
		return {pid, file: m[2]};
	};
	const generic = (pid: number, file: string): string | undefined => {
		const base = baseProcesses(host).find((p) => p.pid === pid);
		const proc = host.processes.get(pid);
		const command = pid === LOGIN_SHELL_PID ? '-bash' : (proc?.command ?? base?.command ?? '');
		if (file === 'cmdline') return command.startsWith('[') ? '' : command.split(' ').join('\0') + '\0';
		if (file === 'status') {
			const task = cpuOf(world, host).homed.get(pid);
			const name = command.startsWith('[') ? command.slice(1, -1) : (command.split(' ')[0] ?? '').replace(/^-/, '').split('/').pop()!;
			const state = STATE_NAMES[proc?.state ?? 'S'] ?? 'S (sleeping)';
			let text = `Name:\t${name.slice(0, 15)}\nState:\t${state}\nTgid:\t${pid}\nPid:\t${pid}\nPPid:\t${proc?.ppid ?? base?.ppid ?? 1}\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n`;
			if (task) text += `VmSize:\t${String(task.vszKb).padStart(8)} kB\nVmRSS:\t${String(task.rssKb).padStart(8)} kB\nThreads:\t${task.threads}\n`;
			return text;
		}
		return undefined;
	};
	return {
		isDir: (path) => path === '/proc' || (parse(path) !== undefined && parse(path)!.file === undefined),
		list(path) {
			if (path === '/proc') {
				const pids = new Set<number>([...baseProcesses(host).map((p) => p.pid), ...host.processes.list().map((p) => p.pid), LOGIN_SHELL_PID]);
				return [...[...pids].sort((a, b) => a - b).map(String), 'loadavg', 'self'];
			}
			const p = parse(path);
			if (!p || p.file !== undefined) return undefined;
			const names = new Set(['cmdline', 'status']);
			for (const x of extras()) for (const n of x.names(host, p.pid)) names.add(n);
			return [...names].sort();
		},
		read(path) {
			if (path === '/proc/loadavg') {
				const cpu = cpuOf(world, host);
				const [a, b, c] = cpu.loadavg();
				const pids = host.processes.list();
				const total = baseProcesses(host).length + pids.length;
				return `${a.toFixed(2)} ${b.toFixed(2)} ${c.toFixed(2)} ${Math.max(1, cpu.runnable())}/${total} ${pids.at(-1)?.pid ?? 1}\n`;
			}
			const p = parse(path);
			if (!p?.file) return undefined;
			for (const x of extras()) if (x.names(host, p.pid).includes(p.file)) return x.read(host, p.pid, p.file);
			return generic(p.pid, p.file);
		},
		write(path, data) {
			const p = parse(path);
			if (!p?.file) return 'ENOENT';
			for (const x of extras()) if (x.names(host, p.pid).includes(p.file)) return x.write ? x.write(host, p.pid, p.file, data) : 'EACCES';
			return generic(p.pid, p.file) === undefined ? 'ENOENT' : 'EACCES';
		},
	};
}
