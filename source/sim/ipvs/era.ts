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
	return {
		ipvsVersion: ancient ? '1.0.12' : '1.2.1',
		localNodeForward: old,
		rrResetOnUpdate: old,
		schedulers: old ? SCHEDULERS_2_6 : SCHEDULERS_MODERN,
		version,
	};
}
