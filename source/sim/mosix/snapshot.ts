import type {Host} from '../host';
import {formatIp} from '../net/ipv4';
import type {Micros} from '../time';
import type {World} from '../world';
import {mosixCluster} from './cluster';

/** One node as a node's own /proc/hpc/nodes shows it (what mosmon and openMosixview draw). */
export interface NodeSnapshot {
	readonly id: number;
	/** Host name when the address belongs to a lab host. */
	readonly name: string | undefined;
	readonly ip: string;
	readonly up: boolean;
	readonly self: boolean;
	/** openMosix load in standard processors. */
	readonly load: number;
	readonly speed: number;
	readonly cpus: number;
	/** MB: total, used as openMosix counts it, used as Linux counts it. */
	readonly totalMb: number;
	readonly usedMb: number;
	readonly rawUsedMb: number;
	/** Utilizability, %. */
	readonly util: number;
}

export interface ClusterSnapshot {
	/** This node's number (0 when openMosix is not configured). */
	readonly self: number;
	readonly configured: boolean;
	readonly nodes: readonly NodeSnapshot[];
	readonly at: Micros;
}

const MB = 1024 * 1024;

/** The cluster as `host`'s kernel knows it now; undefined when its kernel has no openMosix. */
export function clusterSnapshot(world: World, host: Host): ClusterSnapshot | undefined {
	const cluster = mosixCluster(world);
	const node = cluster?.node(host);
	if (!cluster || !node) return undefined;
	const nodes: NodeSnapshot[] = [];
	for (const [id, ip] of node.table?.nodes ?? []) {
		const info = cluster.infoOf(node, id);
		const known = info ?? node.view.get(id);
		const name = cluster.hostById(node, id)?.name;
		const totalMb = known ? Math.round(known.tmem / MB) : 0;
		nodes.push({
			id,
			name,
			ip: formatIp(ip),
			up: info !== undefined,
			self: id === node.myId,
			load: info?.load ?? 0,
			speed: known?.speed ?? 0,
			cpus: known?.cpus ?? 1,
			totalMb,
			usedMb: info ? Math.round((info.tmem - info.mem) / MB) : 0,
			rawUsedMb: info ? Math.round((info.tmem - info.rmem) / MB) : 0,
			util: info?.util ?? 0,
		});
	}
	return {self: node.myId, configured: node.configured, nodes, at: world.now};
}
