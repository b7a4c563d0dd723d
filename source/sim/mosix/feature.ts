import {addPidFiles} from '../cpu/proc-pid';
import {onSpawn} from '../cpu/task';
import type {Feature} from '../feature';
import type {Host} from '../host';
import type {World} from '../world';
import {httpdOf, httpdScript} from './apache/init-script';
import {MosixCluster, mosixCluster} from './cluster';
import {openmosixScript} from './init-script';
import {migrate} from './migration';
import {MosixNode} from './node';
import {mosixProcess} from './process-state';
import {mosixPidFiles, mountProcHpc} from './proc-files';
import {checkMosixSettings, parseClusterSettings, parseHostSettings} from './settings';
import {tick} from './tick';

/** True when the host's kernel has openMosix (its scenario settings have an `openmosix` key). */
export function hasOpenMosix(host: Host): boolean {
	return 'openmosix' in host.settings;
}

/** Where mosrun asked the new process to start, applied as it is born. */
function placeNewProcess(world: World, cluster: MosixCluster): void {
	onSpawn(world, (task) => {
		const node = cluster.node(task.home);
		if (!node) return;
		const state = mosixProcess(task);
		// mosrun's options apply to the one process it starts.
		const launch = cluster.launches.get(task.home);
		cluster.launches.delete(task.home);
		state.lock = launch?.lock ?? node.shellLock === 1;
		state.hint = launch?.hint;
		const where = launch?.where;
		if (where === undefined || where === 'home' || !node.running) return;
		const target = cluster.hostById(node, where);
		if (target && target !== task.home) migrate(cluster, task, target, 'start');
	});
}

function setupNode(world: World, cluster: MosixCluster, host: Host): void {
	const node = new MosixNode(world, host, parseHostSettings(host.settings.openmosix));
	cluster.nodes.set(host.name, node);
	mountProcHpc(cluster, node, host);
	host.daemons.set('openmosix', {
		name: 'openmosix',
		// A reboot starts openMosix again only if the host's boot list runs its init script.
		onPowerOff() {
			// Kernel state is volatile: configuration, flags, what it knew of others.
			node.table = undefined;
			node.myId = 0;
			node.view.clear();
			node.hung = false;
			node.dsmBacklogPages = 0;
			node.meanLoad = node.rawLoad = 0;
			node.stay = node.lstay = node.block = node.quiet = false;
		},
	});
	// Each node's rounds start at its own phase within the interval, as independent machines do.
	const interval = cluster.interval;
	world.every(interval, () => tick(cluster, node), 1 + cluster.rng.int(interval - 1));
}

/** openMosix: process migration, load balancing, its tools' /proc files, and Apache on the CPU model. */
export const mosixFeature: Feature = {
	name: 'openmosix',
	setup(world) {
		const cluster = new MosixCluster(world, parseClusterSettings(world.scenario.settings?.openmosix));
		world.features.set('openmosix', cluster);
		placeNewProcess(world, cluster);
		addPidFiles(world, mosixPidFiles(cluster));
	},
	setupHost(world, host) {
		const cluster = mosixCluster(world);
		if (cluster && hasOpenMosix(host)) setupNode(world, cluster, host);
	},
	initScripts: {
		openmosix: {
			start: (world, host) =>
				openmosixScript(world, host, 'start')
					.chunks.map((c) => c.text)
					.join(''),
			stop: (world, host) =>
				openmosixScript(world, host, 'stop')
					.chunks.map((c) => c.text)
					.join(''),
			running: (world, host) => mosixCluster(world)?.node(host)?.configured ?? false,
		},
		httpd: {
			start: (world, host) => httpdScript(world, host, 'start').text,
			stop: (world, host) => httpdScript(world, host, 'stop').text,
			running: (world, host) => httpdOf(world, host).running,
		},
	},
	checkScenario: checkMosixSettings,
};
