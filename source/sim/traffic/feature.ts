import type {Feature, InitScript} from '../feature';
import type {Host} from '../host';
import {httpServer} from '../http/server';
import {IpvsDataPlane} from '../ipvs/data-plane';
import {syncBus} from '../ipvs/sync';
import {ageNeighbors} from '../net/arp';
import {SEC} from '../time';
import type {World} from '../world';
import {trafficEngine} from './engine';

/** Every host's web server, for the init script. */
function apache(world: World, host: Host) {
	return httpServer(world, host, () => world.rng.fork(`http-${host.name}`));
}

/**
 * Debian's /etc/init.d/apache2 (the 2.2-era script with LSB messages): what it
 * prints for start, stop and restart.
 */
export const apache2Init: InitScript = {
	start(world, host) {
		const srv = apache(world, host);
		if (srv.running) return `Starting web server: apache2httpd (pid ${srv.pid}) already running\n.\n`;
		srv.start();
		return 'Starting web server: apache2.\n';
	},
	stop(world, host) {
		const srv = apache(world, host);
		if (!srv.running) return 'Stopping web server: apache2httpd (no pid file) not running\n.\n';
		srv.stop();
		return 'Stopping web server: apache2.\n';
	},
	running(world, host) {
		return apache(world, host).running;
	},
};

/**
 * Traffic on the wire: the IPVS data plane on every director, web servers,
 * ARP cache ageing, and the engine that moves clients' connections.
 */
export const traffic: Feature = {
	name: 'traffic',
	setup(world) {
		trafficEngine(world);
		syncBus(world);
		// Neighbour entries age from REACHABLE to STALE as `ip neigh` shows them.
		world.every(5 * SEC, () => {
			for (const host of world.hosts.values()) if (host.powered) ageNeighbors(host, world.now);
		});
	},
	setupHost(world, host) {
		if (host.ipvs) {
			// The net.ipv4.vs sysctls and /proc files come with the ipvs kernel feature.
			const seed = world.rng.fork(`ip_vs_conn_rnd ${host.name}`).nextUint32();
			const plane = new IpvsDataPlane(world, host, host.ipvs, seed);
			plane.table.onEarlier = trafficEngine(world).timerEarlier;
			syncBus(world).attach(plane);
			host.daemons.set('ipvs-data', plane);
		}
		apache(world, host);
	},
	initScripts: {apache2: apache2Init},
};
