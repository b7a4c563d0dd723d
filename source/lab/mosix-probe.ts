import {clusterSnapshot, type NodeSnapshot} from '../sim/mosix/snapshot';
import type {World} from '../sim/world';
import type {NodeLoad, NodeProbe} from './probes';

/**
 * openMosix load for the lab screen: every node as its own kernel sees itself
 * (its load, speed and memory), and a node that is off or unreachable as the
 * others last knew it, marked dead.
 */
export const mosixProbe: NodeProbe = {
	nodes(world: World): readonly NodeLoad[] | undefined {
		const own = new Map<string, NodeSnapshot>();
		const seen = new Map<string, NodeSnapshot>();
		for (const host of world.hosts.values()) {
			const snapshot = host.powered ? clusterSnapshot(world, host) : undefined;
			if (!snapshot?.configured) continue;
			for (const node of snapshot.nodes) {
				if (!node.name) continue;
				if (node.self) own.set(node.name, node);
				else if (!seen.has(node.name)) seen.set(node.name, node);
			}
		}
		if (own.size === 0) return undefined;
		const names = [...world.hosts.keys()].filter((name) => own.has(name) || seen.has(name));
		return names.map((name) => {
			const self = own.get(name);
			const node = self ?? seen.get(name)!;
			return {
				host: name,
				id: node.id,
				alive: self !== undefined && world.host(name)!.online,
				load: self?.load ?? 0,
				speed: node.speed,
				cpus: node.cpus,
				memTotalMb: node.totalMb,
				memUsedMb: self?.usedMb ?? 0,
			};
		});
	},
};
