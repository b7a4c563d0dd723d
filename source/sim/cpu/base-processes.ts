import type {Host} from '../host';
import {isKernel24, userlandEra} from '../net/userland-era';

/**
 * The processes every Linux box runs before anyone types a command: init,
 * kernel threads and the usual daemons. They are part of the host's view for
 * `ps` and /proc, not simulated processes: they never use the CPU model.
 */
export interface BaseProcess {
	readonly pid: number;
	readonly ppid: number;
	readonly user: string;
	/** Full command line; kernel threads in brackets. */
	readonly command: string;
	readonly tty: string;
	/** procps STAT letters. */
	readonly stat: string;
	readonly vszKb: number;
	readonly rssKb: number;
	readonly kernelThread: boolean;
}

type Row = readonly [pid: number, ppid: number, command: string, stat: string, vszKb: number, rssKb: number, tty?: string];

/** Kernel threads of a 2.4 kernel (procps there marks them W: no resident pages). */
const THREADS_2_4: readonly Row[] = [
	[2, 1, '[keventd]', 'SW', 0, 0],
	[3, 1, '[ksoftirqd_CPU0]', 'SWN', 0, 0],
	[4, 1, '[kswapd]', 'SW', 0, 0],
	[5, 1, '[bdflush]', 'SW', 0, 0],
	[6, 1, '[kupdated]', 'SW', 0, 0],
	[7, 1, '[mdrecoveryd]', 'SW', 0, 0],
	[11, 1, '[kjournald]', 'SW', 0, 0],
];

/** Kernel threads of a 2.6 kernel before kthreadd (2.6.22): daemonized, so children of init. */
const THREADS_2_6: readonly Row[] = [
	[2, 1, '[ksoftirqd/0]', 'SN', 0, 0],
	[3, 1, '[events/0]', 'S<', 0, 0],
	[4, 1, '[khelper]', 'S<', 0, 0],
	[5, 1, '[kacpid]', 'S<', 0, 0],
	[26, 1, '[kblockd/0]', 'S<', 0, 0],
	[36, 1, '[pdflush]', 'S', 0, 0],
	[37, 1, '[pdflush]', 'S', 0, 0],
	[39, 1, '[aio/0]', 'S<', 0, 0],
	[38, 1, '[kswapd0]', 'S', 0, 0],
	[180, 1, '[kseriod]', 'S', 0, 0],
	[312, 1, '[kjournald]', 'S', 0, 0],
];

/** Kernel threads of a modern kernel: all children of kthreadd. */
const THREADS_MODERN: readonly Row[] = [
	[2, 0, '[kthreadd]', 'S', 0, 0],
	[3, 2, '[pool_workqueue_release]', 'S', 0, 0],
	[4, 2, '[rcu_gp]', 'I<', 0, 0],
	[9, 2, '[ksoftirqd/0]', 'S', 0, 0],
	[10, 2, '[rcu_preempt]', 'I', 0, 0],
	[11, 2, '[migration/0]', 'S', 0, 0],
	[27, 2, '[kswapd0]', 'S', 0, 0],
];

/** Red Hat Linux 8.0 (the thesis' openMosix nodes): SysV init, xinetd, crond, mingetty; procps 2.0 has no session flags. */
const RED_HAT_8: readonly Row[] = [
	[1, 0, 'init', 'S', 1368, 480],
	[412, 1, 'syslogd -m 0', 'S', 1436, 572],
	[416, 1, 'klogd -x', 'S', 1376, 436],
	[514, 1, '/usr/sbin/sshd', 'S', 3072, 1316],
	[528, 1, 'xinetd -stayalive -reuse -pidfile /var/run/xinetd.pid', 'S', 2016, 876],
	[548, 1, 'crond', 'S', 1524, 632],
	[601, 1, '/sbin/mingetty tty1', 'S', 1348, 400, 'tty1'],
	[602, 1, '/sbin/mingetty tty2', 'S', 1348, 400, 'tty2'],
];

/** Debian 3.1 "Sarge" (the thesis' directors and real servers): runlevel 2, sysklogd, inetd, cron and six gettys. */
const DEBIAN_SARGE: readonly Row[] = [
	[1, 0, 'init [2]', 'S', 1500, 512],
	[812, 1, '/sbin/syslogd', 'Ss', 1556, 604],
	[815, 1, '/sbin/klogd', 'Ss', 2264, 1420],
	[837, 1, '/usr/sbin/inetd', 'Ss', 1716, 600],
	[843, 1, '/usr/sbin/sshd', 'Ss', 3500, 1560],
	[862, 1, '/usr/sbin/cron', 'Ss', 1788, 704],
	[877, 1, '/sbin/getty 38400 tty1', 'Ss+', 1500, 464, 'tty1'],
	[878, 1, '/sbin/getty 38400 tty2', 'Ss+', 1500, 464, 'tty2'],
	[879, 1, '/sbin/getty 38400 tty3', 'Ss+', 1500, 464, 'tty3'],
	[880, 1, '/sbin/getty 38400 tty4', 'Ss+', 1500, 464, 'tty4'],
	[881, 1, '/sbin/getty 38400 tty5', 'Ss+', 1500, 464, 'tty5'],
	[882, 1, '/sbin/getty 38400 tty6', 'Ss+', 1500, 464, 'tty6'],
];

/** A Debian of the systemd era (Debian 12): journald, cron, sshd and one agetty. */
const DEBIAN_MODERN: readonly Row[] = [
	[1, 0, '/sbin/init', 'Ss', 101620, 11736],
	[212, 1, '/lib/systemd/systemd-journald', 'Ss', 32908, 13364],
	[389, 1, '/usr/sbin/cron -f', 'Ss', 6696, 2632],
	[402, 1, 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 'Ss', 15428, 9100],
	[418, 1, '/sbin/agetty -o -p -- \\u --noclear - linux', 'Ss+', 5984, 1996, 'tty1'],
];

/** True for 2.x kernels (the openMosix era): they get the period's tools and processes. */
export function oldKernel(host: Host): boolean {
	return /^2\./.test(host.kernel);
}

/**
 * The kernel's threads come from its release; init and the daemons from the host's
 * distribution (the scenario's `distro`): Red Hat 8.0, or Debian of the kernel's
 * period (Sarge up to 2.6.16, the systemd era after).
 */
function rows(host: Host): Row[] {
	const threads = isKernel24(host.kernel) ? THREADS_2_4 : oldKernel(host) ? THREADS_2_6 : THREADS_MODERN;
	const system = host.distro === 'redhat' ? RED_HAT_8 : userlandEra(host.kernel) === 'sarge' ? DEBIAN_SARGE : DEBIAN_MODERN;
	return [system[0]!, ...threads, ...system.slice(1)];
}

/** The pid of the host's ssh daemon, parent of the lab's login shell. */
export function sshdPid(host: Host): number {
	return rows(host).find((r) => r[2].includes('sshd'))![0];
}

export function baseProcesses(host: Host): BaseProcess[] {
	return rows(host).map(([pid, ppid, command, stat, vszKb, rssKb, tty]) => ({
		pid,
		ppid,
		user: 'root',
		command,
		tty: tty ?? '?',
		stat,
		vszKb,
		rssKb,
		kernelThread: command.startsWith('['),
	}));
}
