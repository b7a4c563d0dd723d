/** Kernel defaults for the sysctls the lab's tools read, per interface name. */
export function defaultSysctls(interfaces: readonly string[]): Array<[string, string]> {
	const out: Array<[string, string]> = [
		['kernel.hostname', ''],
		['net.ipv4.ip_forward', '0'],
		['net.ipv4.icmp_echo_ignore_broadcasts', '1'],
	];
	for (const dev of ['all', 'default', ...interfaces]) {
		const p = `net.ipv4.conf.${dev}.`;
		out.push(
			[p + 'accept_redirects', '1'],
			[p + 'arp_announce', '0'],
			[p + 'arp_ignore', '0'],
			[p + 'forwarding', '0'],
			[p + 'rp_filter', '0'],
			[p + 'send_redirects', '1'],
		);
	}
	return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
