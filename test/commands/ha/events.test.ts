import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {advance, cable} from '../../helpers/ultramonkey';

describe('events', () => {
	it('tells the failover story with virtual times: warntime, deadtime, takeover', () => {
		const l = lab('ultramonkey');
		advance(l, 10.5);
		cable(l, 'debian1', false);
		advance(l, 31);
		const out = sh(l, 'events --host debian2 --source heartbeat --since 20').out;
		expect(out.split('\n').slice(0, 3)).toEqual([
			'00:00:25.000  debian2  heartbeat  no heartbeat from debian1 for 15 s (warntime); heartbeat declares it dead after 30 s (deadtime)',
			'00:00:40.000  debian2  heartbeat  debian1 declared dead: no heartbeat for 30.0 s (deadtime 30 s)',
			'00:00:40.000  debian2  heartbeat  takeover: debian2 acquires ldirectord::ldirectord.cf from debian1',
		]);
		for (const line of out.trim().split('\n')) expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} {2}debian2 {2}heartbeat {2}/);
	});

	it('rejects bad arguments with a usage line', () => {
		const l = lab('ultramonkey');
		expect(sh(l, 'events --since soon')).toEqual({out: 'events: --since needs a number of seconds\nusage: events [--since SECS] [--host HOST] [--source SOURCE]\n', status: 2});
		expect(sh(l, 'events --host nobody').status).toBe(2);
		expect(sh(l, 'events --frobnicate').status).toBe(2);
	});

	it('heartbeat logs a partition when a node declared dead is heard again', () => {
		const l = lab('ultramonkey-hblink');
		advance(l, 5);
		sh(l, 'ssh client curl -s http://192.168.0.105/');
		cable(l, 'debian1', false, 'eth1');
		advance(l, 40);
		cable(l, 'debian1', true, 'eth1');
		advance(l, 1.5);
		const log = l.world.host('debian2')!.fs.read('/var/log/syslog');
		expect(log).toMatch(/heartbeat: \[\d+\]: CRIT: Cluster node debian1 returning after partition\.\n/);
		expect(log).toMatch(/heartbeat: \[\d+\]: WARN: Late heartbeat: Node debian1: interval 41000 ms\n/);
		// The client learns the VIP's MAC from debian1 again once debian2 gives the group up.
		expect(l.world.host('client')!.neighbors.get(0xc0a80069)?.mac).toBeDefined();
		advance(l, 1);
		expect(l.world.host('client')!.neighbors.get(0xc0a80069)?.mac).toBe('00:50:56:4f:30:07');
	});
});
