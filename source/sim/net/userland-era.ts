/**
 * Which generation of Debian userland a host runs, chosen from its kernel release
 * (`host.kernel`), the way `ipvs/era.ts` picks IPVS behaviour.
 *
 * - `sarge`: kernels up to 2.6.16 (and 2.4). The thesis' hosts: Debian 3.1 with
 *   iproute 20041019 (no `state`/`group` fields, no address lifetimes, `  proto kernel  scope link`
 *   double spaces), net-tools 1.60 (`Link encap:Ethernet  HWaddr`), procps 3.2
 *   (`error: "KEY" is an unknown key`), module-init-tools 3.1, ifupdown 0.6 and apt 0.5.
 * - `modern`: everything newer; formats copied from Debian 12 (iproute2 6.1, net-tools 2.10,
 *   procps 4.0, kmod 30, ifupdown 0.8, apt 2.6).
 *
 * Kernels 2.6.17–3.x get the modern formats: closer to them than to Sarge's.
 */
export type UserlandEra = 'sarge' | 'modern';

export function userlandEra(release: string): UserlandEra {
	const [major = 0, minor = 0, patch = 0] = release.split(/[.-]/).map((x) => Number(x) || 0);
	if (major < 2 || (major === 2 && minor < 6)) return 'sarge';
	if (major === 2 && minor === 6 && patch <= 16) return 'sarge';
	return 'modern';
}

/** Kernel 2.4 (modutils instead of module-init-tools). */
export function isKernel24(release: string): boolean {
	const [major = 0, minor = 0] = release.split(/[.-]/).map((x) => Number(x) || 0);
	return major < 2 || (major === 2 && minor <= 4);
}
