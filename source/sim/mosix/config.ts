import {cpuOf} from '../cpu/scheduler';
import type {Task} from '../cpu/task';
import type {Host} from '../host';
import {formatIp, type Ip} from '../net/ipv4';
import {printk} from '../system/kernel-log';
import type {MosixCluster} from './cluster';
import {nodeOfAddress, parseNodeTable, resolveHost, type NodeTable} from './map-file';
import {migrate} from './migration';
import type {MosixNode} from './node';

/** What the openMosix kernel prints: into the host's kernel log (dmesg) and the lab's timeline (quoted as is in Spanish). */
export function kernelMessage(cluster: MosixCluster, host: Host, text: string): void {
	printk(host, cluster.world.now, text);
	cluster.world.log('mosix', {en: text, es: `el kernel escribe: ${text}`}, host.name);
}

/** The node's own address as setpe finds it: gethostname(), then /etc/hosts. */
export function ownAddress(host: Host): Ip | undefined {
	return resolveHost(host.fs, host.name);
}

/**
 * `setpe -w`: checks a table and loads it. Returns setpe's error text, or
 * undefined on success. The classic failure is a Red Hat /etc/hosts that maps
 * the host name to 127.0.0.1, which is in no table.
 */
export function configure(cluster: MosixCluster, node: MosixNode, text: string, options: {checkOnly?: boolean; myId?: number} = {}): string | undefined {
	const parsed = parseNodeTable(text, (name) => resolveHost(node.host.fs, name));
	if ('error' in parsed) return parsed.error;
	const table = parsed.table;
	let id: number | undefined;
	if (options.myId !== undefined) {
		if (!table.nodes.has(options.myId)) return `setpe: openMosix node #${options.myId} is not in the supplied table\n`;
		id = options.myId;
	} else {
		const ip = ownAddress(node.host);
		if (ip === undefined) return `setpe: cannot find the IP address of ${node.host.name} (gethostbyname failed)\n`;
		id = nodeOfAddress(table, ip);
		if (id === undefined) return `setpe: the supplied table is well-formatted,\nbut my IP address (${formatIp(ip)}) is not there!\n`;
	}
	if (options.checkOnly) return undefined;
	apply(cluster, node, table, id, false);
	return undefined;
}

function apply(cluster: MosixCluster, node: MosixNode, table: NodeTable, id: number, autodiscovery: boolean): void {
	const changed = node.myId !== id || node.table?.nodes.size !== table.nodes.size;
	node.table = table;
	node.myId = id;
	node.autodiscovery = autodiscovery;
	for (const known of [...node.view.keys()]) if (!table.nodes.has(known)) node.view.delete(known);
	if (changed) {
		kernelMessage(cluster, node.host, `openMosix configuration changed: This is openMosix #${id} (of ${table.nodes.size} configured)`);
		kernelMessage(cluster, node.host, `openMosix #${id} is at IP address ${formatIp(table.nodes.get(id)!)}`);
	}
}

/**
 * `setpe -off`: openMosix stops on this node. Its own processes running
 * elsewhere come home and guests are sent back first, as the init script's
 * `mosctl expel` does.
 */
export function unconfigure(cluster: MosixCluster, node: MosixNode): Task[] {
	const moving = sendEveryoneHome(cluster, node);
	if (node.table) kernelMessage(cluster, node.host, 'openMosix configuration changed: openMosix is off on this node');
	node.table = undefined;
	node.myId = 0;
	node.autodiscovery = false;
	node.view.clear();
	return moving;
}

/** Guests go back to their homes (expel); returns the processes sent. */
export function expelGuests(cluster: MosixCluster, node: MosixNode): Task[] {
	return [...cpuOf(cluster.world, node.host).tasks()].filter((t) => t.home !== node.host && migrate(cluster, t, t.home, 'expel'));
}

/** This node's processes running elsewhere come home (bring); returns the processes called back. */
export function bringHome(cluster: MosixCluster, node: MosixNode): Task[] {
	return [...cpuOf(cluster.world, node.host).homed.values()].filter((t) => t.remote && migrate(cluster, t, node.host, 'bring'));
}

export function sendEveryoneHome(cluster: MosixCluster, node: MosixNode): Task[] {
	return [...expelGuests(cluster, node), ...bringHome(cluster, node)];
}

/** True once every process sent away has landed (or died): what expel and bring wait for. */
export function landed(tasks: readonly Task[]): boolean {
	return tasks.every((t) => !t.alive || t.state !== 'transit');
}

/** `setpe -r`: the configuration as the kernel holds it. */
export function describeConfig(node: MosixNode): string {
	if (!node.table) return '';
	let text = `This is openMosix node #${node.myId}\nNetwork protocol: 2 (AF_INET)\n`;
	for (const e of node.table.entries) {
		if (e.count === 0) text += `openMosix node #${e.first} also known as ${e.host}\n`;
		else text += `openMosix range ${String(e.first).padStart(5)}-${String(e.first + e.count - 1).padEnd(5)} begins at ${e.host}\n`;
	}
	text += `Total configured: ${node.table.nodes.size}\n`;
	return text;
}

/** Node number omdiscd gives an address: third octet × 256 + fourth. */
export function autodiscoveryId(ip: Ip): number {
	return ((ip >>> 8) & 255) * 256 + (ip & 255);
}

/**
 * omdiscd: configures the node from multicast announcements. Without `-i` it
 * needs a default route to pick its interface.
 */
export function startAutodiscovery(cluster: MosixCluster, node: MosixNode, iface?: string): string | undefined {
	const host = node.host;
	let dev = iface;
	if (dev === undefined) {
		dev = host.routes.find((r) => r.prefix === 0)?.dev;
		if (dev === undefined) return 'Unable to determine address of default interface... Unable to initialize network. Exiting.\n';
	}
	const addr = host.addresses.find((a) => a.dev === dev && a.scope === 'global');
	if (!host.interfaces.get(dev) || !addr) return `Unable to determine address of interface ${dev}... Unable to initialize network. Exiting.\n`;
	const id = autodiscoveryId(addr.ip);
	apply(cluster, node, {entries: [{first: id, host: formatIp(addr.ip), ip: addr.ip, count: 1}], nodes: new Map([[id, addr.ip]])}, id, true);
	return undefined;
}

/** Each round, autodiscovered nodes learn about every other announcing node they can hear. */
export function discover(cluster: MosixCluster, node: MosixNode): void {
	if (!node.autodiscovery || !node.table) return;
	const found = new Map(node.table.nodes);
	for (const other of cluster.nodes.values()) {
		if (other === node || !other.autodiscovery || !other.running || !cluster.reachable(node.host, other.host)) continue;
		const ip = other.table!.nodes.get(other.myId)!;
		found.set(other.myId, ip);
	}
	if (found.size === node.table.nodes.size) return;
	const nodes = new Map([...found].sort((a, b) => a[0] - b[0]));
	apply(cluster, node, {entries: [...nodes].map(([id, ip]) => ({first: id, host: formatIp(ip), ip, count: 1})), nodes}, node.myId, true);
	for (const [id, ip] of nodes) if (id !== node.myId) kernelMessage(cluster, node.host, `openMosix #${id} is at IP address ${formatIp(ip)}`);
}
