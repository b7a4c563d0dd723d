import type {Host} from '../host';

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

/** A Red Hat Linux 8.0 box on a 2.4 kernel (the thesis' openMosix nodes). */
const ERA_2_4: readonly Row[] = [
	[1, 0, 'init', 'S', 1368, 480],
	[2, 1, '[keventd]', 'SW', 0, 0],
	[3, 1, '[ksoftirqd_CPU0]', 'SWN', 0, 0],
	[4, 1, '[kswapd]', 'SW', 0, 0],
	[5, 1, '[bdflush]', 'SW', 0, 0],
	[6, 1, '[kupdated]', 'SW', 0, 0],
	[7, 1, '[mdrecoveryd]', 'SW', 0, 0],
	[11, 1, '[kjournald]', 'SW', 0, 0],
	[412, 1, 'syslogd -m 0', 'S', 1436, 572],
	[416, 1, 'klogd -x', 'S', 1376, 436],
	[514, 1, '/usr/sbin/sshd', 'S', 3072, 1316],
	[528, 1, 'xinetd -stayalive -reuse -pidfile /var/run/xinetd.pid', 'S', 2016, 876],
	[548, 1, 'crond', 'S', 1524, 632],
	[601, 1, '/sbin/mingetty tty1', 'S', 1348, 400, 'tty1'],
	[602, 1, '/sbin/mingetty tty2', 'S', 1348, 400, 'tty2'],
];

/** A Debian box on a modern kernel. */
const ERA_MODERN: readonly Row[] = [
	[1, 0, '/sbin/init', 'Ss', 101620, 11736],
	[2, 0, '[kthreadd]', 'S', 0, 0],
	[3, 2, '[pool_workqueue_release]', 'S', 0, 0],
	[4, 2, '[rcu_gp]', 'I<', 0, 0],
	[9, 2, '[ksoftirqd/0]', 'S', 0, 0],
	[10, 2, '[rcu_preempt]', 'I', 0, 0],
	[11, 2, '[migration/0]', 'S', 0, 0],
	[27, 2, '[kswapd0]', 'S', 0, 0],
	[212, 1, '/lib/systemd/systemd-journald', 'Ss', 32908, 13364],
	[389, 1, '/usr/sbin/cron -f', 'Ss', 6696, 2632],
	[402, 1, 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 'Ss', 15428, 9100],
	[418, 1, '/sbin/agetty -o -p -- \\u --noclear - linux', 'Ss+', 5984, 1996, 'tty1'],
];

/** True for 2.x kernels (the openMosix era): they get the period's tools and processes. */
export function oldKernel(host: Host): boolean {
	return /^2\./.test(host.kernel);
}

export function baseProcesses(host: Host): BaseProcess[] {
	const rows = oldKernel(host) ? ERA_2_4 : ERA_MODERN;
	return rows.map(([pid, ppid, command, stat, vszKb, rssKb, tty]) => ({
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
