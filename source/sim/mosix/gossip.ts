import {MSEC} from '../time';
import type {MosixCluster} from './cluster';
import type {MosixNode, NodeInfo} from './node';

/**
 * Load information spreads by gossip, with no master: each round a node sends
 * its own fresh entry plus the freshest entries it holds about others (its load
 * vector window) to one node picked at random; the receiver keeps whichever
 * entry of each node is newer. What a node knows of the others therefore lags.
 */
export function gossip(cluster: MosixCluster, node: MosixNode): void {
	const peers = node.ids().filter((id) => id !== node.myId);
	if (peers.length === 0) return;
	const id = peers[cluster.rng.int(peers.length)]!;
	const target = cluster.nodeById(node, id);
	const entries: NodeInfo[] = [node.info()];
	const others = [...node.view.values()].filter((e) => e.id !== id).sort((a, b) => b.at - a.at || a.id - b.id);
	entries.push(...others.slice(0, cluster.settings.window - 1));
	if (!target || !target.running || !cluster.reachable(node.host, target.host)) return;
	cluster.world.after(MSEC, () => {
		if (!target.running) return;
		for (const e of entries) {
			// The receiver files each entry under its own numbering of that node.
			const host = cluster.hostById(node, e.id);
			const localId = host ? cluster.idOf(target, host) : undefined;
			if (localId === undefined || localId === target.myId) continue;
			const known = target.view.get(localId);
			if (!known || known.at < e.at) target.view.set(localId, {...e, id: localId});
		}
	});
}
