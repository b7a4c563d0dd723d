import {clusterSnapshot, type ClusterSnapshot, type NodeSnapshot} from '../../sim/mosix/snapshot';
import type {CommandSpec} from '../context';
import {mosixToolsInstalled, requireMosix} from './common';

/** openMosixview's load bar: an approximation of /proc/hpc/nodes/N/load, capped at 100%. */
export function loadPercent(node: NodeSnapshot): number {
	return Math.min(100, Math.round(node.load * 100));
}

export function memPercent(node: NodeSnapshot): number {
	return node.totalMb > 0 ? Math.round((100 * node.usedMb) / node.totalMb) : 0;
}

/**
 * openMosixview's "load-balancing efficiency": 100% when every node carries the
 * same load. The formula is inferred from the program's screenshot (loads 49,
 * 54, 58, 52, 61 % give 94%): 100 − (max − min) / 2, over the nodes that are up.
 */
export function balancingEfficiency(nodes: readonly NodeSnapshot[]): number {
	const loads = nodes.filter((n) => n.up).map(loadPercent);
	if (loads.length === 0) return 0;
	return Math.max(0, Math.min(100, Math.round(100 - (Math.max(...loads) - Math.min(...loads)) / 2)));
}

/** The openMosixview main window as text: totals, then one row per node. */
export function renderOmview(snapshot: ClusterSnapshot, host: string): string {
	const up = snapshot.nodes.filter((n) => n.up);
	const overallLoad = up.length ? Math.round(up.reduce((s, n) => s + loadPercent(n), 0) / up.length) : 0;
	const overallMem = up.length ? Math.round(up.reduce((s, n) => s + memPercent(n), 0) / up.length) : 0;
	const allMem = up.reduce((s, n) => s + n.totalMb, 0);
	const allCpu = up.reduce((s, n) => s + n.cpus, 0);
	let text = `openMosixview - the cluster as ${host} (node #${snapshot.self}) sees it\n\n`;
	text += `load-balancing efficiency: ${balancingEfficiency(snapshot.nodes)}%   overall load: ${overallLoad}%   overall used mem: ${overallMem}%   all memory: ${allMem} MB   all cpu: ${allCpu}\n\n`;
	text += '  node  IP address       status  speed  load  mem  memory      CPUs\n';
	for (const n of snapshot.nodes) {
		const id = String(n.id).padStart(6);
		if (!n.up) {
			text += `${id}  ${n.ip.padEnd(16)} down        -     -    -  -              -\n`;
			continue;
		}
		const memory = `${n.usedMb}/${n.totalMb} MB`;
		text += `${id}  ${n.ip.padEnd(16)} up    ${String(n.speed).padStart(7)} ${`${loadPercent(n)}%`.padStart(5)} ${`${memPercent(n)}%`.padStart(4)}  ${memory.padEnd(12)} ${String(n.cpus).padStart(3)}\n`;
	}
	return text;
}

/** omview: openMosixview's main window as a text summary. */
export const omview: CommandSpec = {
	name: 'omview',
	paths: ['/usr/bin/omview'],
	group: 'mosix',
	summary: {en: 'openMosixview summary: each node up/down, speed, load %, memory %, CPUs, and the balancing efficiency', es: 'resumen de openMosixview: cada nodo arriba/abajo, velocidad, carga %, memoria %, CPUs y la eficiencia del balanceo'},
	installed: mosixToolsInstalled,
	run(ctx) {
		if (ctx.argv.length > 1) {
			ctx.err('Usage: omview\n');
			return 1;
		}
		const m = requireMosix(ctx, 'omview');
		if (!m) return 1;
		if (!m.node.configured) {
			ctx.err('omview: openMosix is not configured on this node\n');
			return 1;
		}
		ctx.out(renderOmview(clusterSnapshot(ctx.world, ctx.host)!, ctx.host.name));
		return 0;
	},
};
