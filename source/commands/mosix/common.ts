import {oldKernel} from '../../sim/cpu/base-processes';
import type {Host} from '../../sim/host';
import {mosixCluster, type MosixCluster} from '../../sim/mosix/cluster';
import {hasOpenMosix} from '../../sim/mosix/feature';
import type {MosixNode} from '../../sim/mosix/node';
import type {CommandContext} from '../context';

/** The openMosix user tools are on period machines (2.x kernels) and on every openMosix node. */
export function mosixToolsInstalled(host: Host): boolean {
	return oldKernel(host) || hasOpenMosix(host);
}

/** The node's openMosix state, or the tools' complaint when the kernel has none. */
export function requireMosix(ctx: CommandContext, tool: string): {cluster: MosixCluster; node: MosixNode} | undefined {
	const cluster = mosixCluster(ctx.world);
	const node = cluster?.node(ctx.host);
	if (!cluster || !node) {
		ctx.err(`${tool}: This is NOT a openMosix system!\n`);
		return undefined;
	}
	return {cluster, node};
}
