import type {KernelEra} from './era';

/**
 * /proc/sys/net/ipv4/vs/* as the ip_vs module creates them, with their defaults.
 * sync_threshold holds two numbers (threshold and period) printed with a tab.
 */
export function ipvsSysctls(era: KernelEra, memoryMb: number): Array<[string, string]> {
	const common: Array<[string, string]> = [
		['am_droprate', '10'],
		['amemthresh', '1024'],
		['cache_bypass', '0'],
		['drop_entry', '0'],
		['drop_packet', '0'],
		['expire_nodest_conn', '0'],
		['expire_quiescent_template', '0'],
		['lblc_expiration', '86400'],
		['lblcr_expiration', '86400'],
		['nat_icmp_send', '0'],
		['secure_tcp', '0'],
		['sync_threshold', '3\t50'],
	];
	// Kernels from 3.10 on (the era that no longer turns local real servers into Local) add these.
	const modern: Array<[string, string]> = era.localNodeForward
		? []
		: [
				['backup_only', '0'],
				['conn_reuse_mode', '1'],
				['conntrack', '0'],
				['ignore_tunneled', '0'],
				['pmtu_disc', '1'],
				['run_estimation', '1'],
				['schedule_icmp', '0'],
				['sloppy_sctp', '0'],
				['sloppy_tcp', '0'],
				['snat_reroute', '1'],
				['sync_persist_mode', '0'],
				['sync_ports', '1'],
				// nr_free_buffer_pages() / 32: about a thirty-second of the RAM in 4 KiB pages.
				['sync_qlen_max', String(Math.floor((memoryMb * 256) / 32))],
				['sync_refresh_period', '0'],
				['sync_retries', '0'],
				['sync_sock_size', '0'],
				['sync_version', '1'],
			];
	return [...common, ...modern].map(([k, v]) => ['net.ipv4.vs.' + k, v] as [string, string]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
