import type {Host} from '../host';
import {SEC} from '../time';
import type {World} from '../world';
import {mosixCluster, mosixNode} from './cluster';
import {configure, describeConfig, landed, startAutodiscovery, unconfigure} from './config';
import {MAP_FILES} from './map-file';

/** Text an init script writes, in order, and its exit status. */
export interface ScriptRun {
	readonly chunks: Array<{stream: 'out' | 'err'; text: string}>;
	status: number;
}

function runOf(): ScriptRun & {out(t: string): void; err(t: string): void} {
	const chunks: ScriptRun['chunks'] = [];
	return {
		chunks,
		status: 0,
		out: (text) => chunks.push({stream: 'out', text}),
		err: (text) => chunks.push({stream: 'err', text}),
	};
}

/** The first map file present on the host, as the tools search them. */
export function findMapFile(host: Host): string | undefined {
	return MAP_FILES.find((f) => host.fs.tryRead(f) !== undefined);
}

/**
 * `/etc/init.d/openmosix` of the openMosix tools on Red Hat (the thesis calls
 * it /etc/init.d/openMosix): start loads the map with `setpe -w -f`, or falls
 * back to omdiscd; stop sends processes home and turns openMosix off; status
 * prints the configuration as `setpe -r` does.
 */
export function openmosixScript(world: World, host: Host, action: string | undefined, name = '/etc/init.d/openmosix'): ScriptRun {
	const run = runOf();
	const cluster = mosixCluster(world);
	const node = mosixNode(world, host);
	if (!cluster || !node) {
		run.out('Cannot find the /proc/hpc directory.\nLooks like this is not an openMosix enabled kernel.\nConfiguration ABORTED.\n');
		run.status = 1;
		return run;
	}
	const start = () => {
		run.out('Initializing OpenMosix...\n');
		const map = findMapFile(host);
		if (!map) {
			run.out('openMosix: Falling back to autodiscovery mode using /sbin/omdiscd\n');
			const error = startAutodiscovery(cluster, node);
			if (error) {
				run.err(error);
				run.status = 1;
			}
			return;
		}
		const error = configure(cluster, node, host.fs.read(map));
		if (error) {
			run.err(error);
			run.status = 1;
		}
	};
	const stop = () => {
		run.out('Stopping OpenMosix...\n');
		if (!node.configured) return;
		node.block = true;
		const moving = unconfigure(cluster, node);
		// `mosctl expel` blocks until every guest has left and own processes are back.
		const deadline = world.now + 30 * SEC;
		while (world.now < deadline && !landed(moving)) {
			const next = world.nextEventTime();
			if (next === undefined) break;
			world.runUntil(Math.min(next, deadline));
		}
		node.block = false;
	};
	switch (action) {
		case 'start':
			start();
			break;
		case 'stop':
			stop();
			break;
		case 'restart':
		case 'reload':
			stop();
			start();
			break;
		case 'status':
			if (node.configured) run.out(describeConfig(node));
			else {
				run.out('Error: this is not OpenMosix!\n');
				run.status = 1;
			}
			break;
		default:
			run.out(`Usage: ${name} {start|stop|status|restart}\n`);
			run.status = 1;
	}
	return run;
}
