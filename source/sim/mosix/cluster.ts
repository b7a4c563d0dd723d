import type {Host} from '../host';
import type {Rng} from '../rng';
import {seconds} from '../time';
import type {World} from '../world';
import type {MosixNode, NodeInfo} from './node';
import type {ClusterSettings} from './settings';

/** Where and how `mosrun` wants the next process of a host started. */
export interface LaunchOptions {
	/** Node number to start on (-N, or the one -j picked); 'home' for -h. */
	readonly where?: number | 'home';
	readonly lock?: boolean;
	readonly hint?: 'cpu' | 'io';
}

/**
 * The openMosix cluster of one world: every host whose kernel has openMosix, the
 * cluster-wide settings and the random stream gossip uses. There is no master:
 * each node decides alone from what it has heard (see tick.ts).
 */
export class MosixCluster {
	readonly nodes = new Map<string, MosixNode>();
	readonly rng: Rng;
	/** Options `mosrun` set for processes started on a host while it runs its command. */
	readonly launches = new Map<Host, LaunchOptions>();

	constructor(
		readonly world: World,
		readonly settings: ClusterSettings,
	) {
		this.rng = world.rng.fork('openmosix');
	}

	node(host: Host): MosixNode | undefined {
		return this.nodes.get(host.name);
	}

	get interval(): number {
		return seconds(this.settings.infoInterval);
	}

	/** Two hosts can talk: both online with a cable into a common segment. */
	reachable(a: Host, b: Host): boolean {
		if (a === b) return a.powered;
		if (!a.online || !b.online) return false;
		const segs = new Set<string>();
		for (const i of a.interfaces.values()) if (i.kind === 'ether' && i.plugged && i.up && i.segment) segs.add(i.segment);
		for (const i of b.interfaces.values()) if (i.kind === 'ether' && i.plugged && i.up && i.segment && segs.has(i.segment)) return true;
		return false;
	}

	/** The host at node number `id` of `from`'s table. */
	hostById(from: MosixNode, id: number): Host | undefined {
		if (id === from.myId) return from.host;
		const ip = from.table?.nodes.get(id);
		if (ip === undefined) return undefined;
		for (const host of this.world.hosts.values()) if (host.addresses.some((a) => a.ip === ip && a.dev !== 'lo')) return host;
		return undefined;
	}

	nodeById(from: MosixNode, id: number): MosixNode | undefined {
		const host = this.hostById(from, id);
		return host ? this.node(host) : undefined;
	}

	/** `from`'s node number for a host, if the host is in its table. */
	idOf(from: MosixNode, host: Host): number | undefined {
		if (host === from.host) return from.myId;
		if (!from.table) return undefined;
		for (const [id, ip] of from.table.nodes) if (host.addresses.some((a) => a.ip === ip && a.dev !== 'lo')) return id;
		return undefined;
	}

	/** What `from` knows of node `id` (itself: fresh), or undefined when it counts it as dead. */
	infoOf(from: MosixNode, id: number): NodeInfo | undefined {
		if (!from.running) return undefined;
		if (id === from.myId) return from.info();
		const info = from.view.get(id);
		if (!info || this.world.now - info.at > seconds(this.settings.deadAfter)) return undefined;
		return info;
	}
}

export function mosixCluster(world: World): MosixCluster | undefined {
	return world.features.get('openmosix') as MosixCluster | undefined;
}

/** openMosix state of a host, when its kernel has openMosix. */
export function mosixNode(world: World, host: Host): MosixNode | undefined {
	return mosixCluster(world)?.node(host);
}
