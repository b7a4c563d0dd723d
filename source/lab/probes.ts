import type {World} from '../sim/world';
import {mosixProbe} from './mosix-probe';

/**
 * One openMosix node as a load monitor sees it (what mosmon draws): load in
 * mosmon's units, speed relative to the yardstick, memory in MB.
 */
export interface NodeLoad {
	/** Host name in the scenario. */
	readonly host: string;
	/** openMosix node number (mosmon's `Node #` row). */
	readonly id: number;
	/** Answering the cluster's gossip; dead nodes are drawn as such. */
	readonly alive: boolean;
	readonly load: number;
	readonly speed: number;
	readonly cpus: number;
	readonly memTotalMb: number;
	readonly memUsedMb: number;
}

/** Something that can tell the screen how loaded each node is. */
export interface NodeProbe {
	/** The nodes, or undefined when this world has none of this kind. */
	nodes(world: World): readonly NodeLoad[] | undefined;
}

/**
 * Node probes the screen consults, in order; the first that answers wins
 * (per-node load bars and the load chart come from here).
 */
export const NODE_PROBES: NodeProbe[] = [mosixProbe];

/** Per-node load of this world, or an empty list when no probe knows any node. */
export function nodeLoads(world: World, probes: readonly NodeProbe[] = NODE_PROBES): readonly NodeLoad[] {
	for (const probe of probes) {
		const nodes = probe.nodes(world);
		if (nodes && nodes.length > 0) return nodes;
	}
	return [];
}
