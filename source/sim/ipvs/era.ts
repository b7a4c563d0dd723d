/**
 * IPVS behaviour that changed across kernel generations. The thesis ran
 * 2.4/2.6-era kernels; the reference documents modern ones too.
 */
export interface KernelEra {
	/** Version printed in `IP Virtual Server version X (size=4096)`. */
	readonly ipvsVersion: string;
	/** Local real servers switch to forward method Local (2.4, 2.6, early 3.x). */
	readonly localNodeForward: boolean;
	/** rr resets its position on every -a/-e/-d (2.6 update_service). */
	readonly rrResetOnUpdate: boolean;
	/** Scheduler names that exist as modules. */
	readonly schedulers: readonly string[];
	/**
	 * The release as the kernel's KERNEL_VERSION(a, b, c) number. Schedulers
	 * compare it with `kernelVersion()` where their algorithm changed.
	 */
	readonly version: number;
	/** `-s none` makes a service without a scheduler (4.2+): it accepts no new connections. */
	readonly noScheduler: boolean;
	/** ipvsadm reaches the kernel over generic netlink (2.6.28+); older kernels only offer sockopts. */
	readonly netlink: boolean;
	/** SCTP virtual services exist (2.6.34+); older kernels answer EFAULT for any protocol but TCP and UDP. */
	readonly sctp: boolean;
	/**
	 * Persistence engines (`--pe sip`), the PEName/PEData columns of /proc/net/ip_vs_conn
	 * and the `ops` flag in /proc/net/ip_vs (2.6.37+).
	 */
	readonly persistenceEngines: boolean;
	/**
	 * Sync daemons carry maxlen, multicast group, port and TTL, and the kernel checks the
	 * interface before it checks for a running daemon (4.3+).
	 */
	readonly syncDaemonDetails: boolean;
	/** Netlink carries 64-bit service and real-server counters (IPVS_*_ATTR_STATS64, 4.1+). */
	readonly stats64: boolean;
	/** Kernel thread names of the sync daemons as `ps` shows them (without brackets). */
	readonly syncThreadNames: {readonly master: string; readonly backup: string};
	/** CONFIG_HZ: /proc/net/ip_vs shows persistence timeouts in clock ticks. */
	readonly hz: number;
}

import {SCHEDULERS_2_6, SCHEDULERS_MODERN} from './schedulers/scheduler';

/** KERNEL_VERSION(a, b, c): one comparable number for a release. */
export function kernelVersion(major: number, minor: number, patch = 0): number {
	return major * 65536 + minor * 256 + Math.min(patch, 255);
}

/** Picks behaviour from a `uname -r` style release string. */
export function kernelEra(release: string): KernelEra {
	const [major = 0, minor = 0, patch = 0] = release
		.split(/[.-]/)
		.slice(0, 3)
		.map((x) => Number(/^\d+/.exec(x)?.[0] ?? 0));
	const old = major < 3 || (major === 3 && minor < 10);
	const ancient = major < 2 || (major === 2 && minor <= 4);
	const version = kernelVersion(major, minor, patch);
	const atLeast = (a: number, b: number, c = 0) => version >= kernelVersion(a, b, c);
	return {
		ipvsVersion: ancient ? '1.0.12' : '1.2.1',
		localNodeForward: old,
		rrResetOnUpdate: old,
		schedulers: old ? SCHEDULERS_2_6 : SCHEDULERS_MODERN,
		version,
		noScheduler: atLeast(4, 2),
		netlink: atLeast(2, 6, 28),
		sctp: atLeast(2, 6, 34),
		persistenceEngines: atLeast(2, 6, 37),
		syncDaemonDetails: atLeast(4, 3),
		stats64: atLeast(4, 1),
		syncThreadNames: atLeast(3, 9)
			? {master: 'ipvs-m:0:0', backup: 'ipvs-b:0:0'}
			: atLeast(2, 6, 39)
				? {master: 'ipvs_master:0', backup: 'ipvs_backup:0'}
				: {master: 'ipvs_syncmaster', backup: 'ipvs_syncbackup'},
		hz: 250,
	};
}
