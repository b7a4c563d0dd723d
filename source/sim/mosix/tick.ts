import {balance, usherMemory} from './balancer';
import type {MosixCluster} from './cluster';
import {discover} from './config';
import {checkPartitions} from './faults';
import {gossip} from './gossip';
import {serveSharedMemory} from './migshm';
import type {MosixNode} from './node';

/**
 * One round of a node's openMosix kernel, every info interval: measure the
 * load, check migrated processes can still reach home, serve shared memory
 * (MigShm), then — when configured — learn about new nodes (autodiscovery),
 * gossip the load vector, balance and usher memory.
 */
export function tick(cluster: MosixCluster, node: MosixNode): void {
	if (!node.host.powered || node.hung) return;
	node.measure();
	checkPartitions(cluster, node);
	if (cluster.settings.migshm) serveSharedMemory(cluster, node);
	if (!node.configured || node.hung) return;
	discover(cluster, node);
	if (!node.quiet && node.host.online) gossip(cluster, node);
	balance(cluster, node);
	usherMemory(cluster, node);
}
