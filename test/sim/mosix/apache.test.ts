import {describe, expect, it} from 'vitest';
import {httpdOf} from '../../../source/sim/mosix/apache/init-script';
import {cantMove} from '../../../source/sim/mosix/process-state';
import {cpuOf} from '../../../source/sim/cpu/scheduler';
import {SEC} from '../../../source/sim/time';
import {cluster, loadTest, migrations} from '../../helpers/mosix';
import {lab} from '../../helpers/lab';

function apache(scenario: string) {
	const {world} = lab(scenario);
	world.advance(5 * SEC);
	const mosix1 = world.host('mosix1')!;
	return {world, mosix1, server: httpdOf(world, mosix1)};
}

describe('Apache prefork on the CPU model (the thesis test.php)', () => {
	it('starts a parent and StartServers workers that all map the shared scoreboard', () => {
		const {world, mosix1, server} = apache('openmosix');
		expect(server.pool()).toEqual({total: 8, busy: 0, queued: 0});
		const httpd = [...cpuOf(world, mosix1).homed.values()].filter((t) => t.command === '/usr/sbin/httpd');
		expect(httpd).toHaveLength(9);
		expect(httpd.every((t) => cantMove(t, false) === 'shared memory')).toBe(true);
	});

	it('answers every request of ab -c 50 -n 500 with no worker leaving mosix1 (shared memory cannot migrate)', () => {
		const {world, mosix1, server} = apache('openmosix');
		const r = loadTest(world, server, {concurrency: 50, requests: 500, path: '/test.php'});
		world.advance(200 * SEC);
		expect(r.answered).toBe(500);
		expect(r.timedOut).toBe(0);
		expect(r.statuses.get(200)).toBe(500);
		expect(migrations(world)).toEqual([]);
		// 500 × 0.15 yardstick seconds on mosix1 alone (1.28/s): 58.6 s at least, whatever mosix2 does.
		expect(r.finishedAt - 5 * SEC).toBeGreaterThan(58.5 * SEC);
		expect([...cpuOf(world, world.host('mosix2')!).tasks()]).toEqual([]);
		// The pool grew toward the concurrency while the load lasted.
		expect(server.pool().total).toBeGreaterThan(15);
		void mosix1;
	});

	it('forks workers once a second, doubling the batch while it is not enough, up to MaxClients', () => {
		const {world, server} = apache('openmosix');
		loadTest(world, server, {concurrency: 40, requests: 10_000, path: '/test.php'});
		const sizes: number[] = [];
		for (let i = 0; i < 6; i++) {
			world.advance(SEC);
			sizes.push(server.pool().total);
		}
		// 8 to start; then +1, +2, +4, +8, +16 as long as idle workers are missing.
		expect(sizes.slice(0, 5)).toEqual([9, 11, 15, 23, 39]);
	});

	it('serves a 404 page for missing files and index.html for /', () => {
		const {world, server} = apache('openmosix');
		const bodies: string[] = [];
		const statuses: number[] = [];
		for (const path of ['/nope.html', '/']) {
			server.handle({method: 'GET', path, host: '192.168.10.1', client: 1, clientPort: 1, keepAlive: false, userAgent: 'curl'}, (res) => {
				statuses.push(res.status);
				bodies.push(res.body);
			});
		}
		world.advance(SEC);
		expect(statuses).toEqual([404, 200]);
		expect(bodies[0]).toContain('<p>The requested URL /nope.html was not found on this server.</p>');
		expect(bodies[0]).toContain('<address>Apache/2.0.40 (Red Hat Linux) Server at 192.168.10.1 Port 80</address>');
		expect(bodies[1]).toBe('<html><body><h1>mosix1</h1></body></html>\n');
	});
});

describe('MigShm (shared-memory migration, a DSM model)', () => {
	it('lets Apache workers migrate and serves light load faster than one node could', () => {
		const {world, server} = apache('openmosix-migshm');
		const r = loadTest(world, server, {concurrency: 5, requests: 300, path: '/test.php'});
		world.advance(200 * SEC);
		expect(r.answered).toBe(300);
		expect(migrations(world).length).toBeGreaterThan(0);
		expect(cluster(world).node(world.host('mosix1')!)!.hung).toBe(false);
		// mosix1 alone would need 300 × 0.15 / 1.28 = 35.2 s.
		expect(r.finishedAt - 5 * SEC).toBeLessThan(35 * SEC);
	});

	it('collapses the home node under ab -c 50: the shared pages the remote workers dirty flood it', () => {
		const {world, mosix1, server} = apache('openmosix-migshm');
		const r = loadTest(world, server, {concurrency: 50, requests: 500, path: '/test.php'});
		world.advance(60 * SEC);
		const node = cluster(world).node(mosix1)!;
		expect(node.hung).toBe(true);
		expect(r.answered).toBeLessThan(500);
		expect(r.timedOut).toBeGreaterThan(0);
		expect(world.timeline.list().some((e) => e.host === 'mosix1' && /has collapsed/.test(e.text))).toBe(true);
		// A hung node stops answering the cluster: mosix2 soon counts it as dead.
		world.advance(10 * SEC);
		expect(cluster(world).infoOf(cluster(world).node(world.host('mosix2')!)!, 1)).toBeUndefined();
	});
});
