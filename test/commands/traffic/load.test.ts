import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {counts, virtualService} from '../../helpers/ipvs';
import {loadGenerator} from '../../../source/sim/traffic/load';
import type {Lab} from '../../../source/lab/lab';

/** sent = served + failed + reset + in flight, from the generator's own counters. */
function conserved(l: Lab): void {
	const g = loadGenerator(l.world);
	const c = g.counters;
	let failed = 0;
	for (const n of c.failed.values()) failed += n;
	expect(c.served + failed + c.reset + g.inFlight).toBe(c.sent);
	expect(g.inFlight).toBeGreaterThanOrEqual(0);
}

describe('load', () => {
	it('keeps traffic flowing as virtual time passes and reports it', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
		const started = sh(l, 'load start --rate 50 --clients 3');
		expect(started.status).toBe(0);
		expect(started.out).toBe(
			'load: running since 00:00:00.000 (0 s), 50 requests/s from 3 clients (10.0.0.200…10.0.0.202), hold 0 s, to http://10.0.0.100/\n  sent 0  served 0  failed 0  reset 0  in flight 0\n',
		);
		expect(l.world.host('client')!.addresses.filter((a) => a.dev === 'eth0').length).toBe(3);
		sh(l, 'sleep 10');
		const st = sh(l, 'load status').out;
		expect(st).toMatch(/^load: running since 00:00:00\.000 \(10 s\), 50 requests\/s from 3 clients/);
		const sent = Number(/sent (\d+)/.exec(st)![1]);
		expect(sent).toBeGreaterThan(400);
		expect(sent).toBeLessThan(600);
		expect(st).toMatch(/served by: rs1 \d+, rs2 \d+\n$/);
		conserved(l);
		expect(sh(l, 'load stop').out).toMatch(/^load: stopped since/);
		sh(l, 'sleep 1');
		const g = loadGenerator(l.world);
		expect(g.inFlight).toBe(0);
		expect(g.counters.served).toBe(g.counters.sent);
		// The extra client addresses go away once the last request is done.
		expect(l.world.host('client')!.addresses.filter((a) => a.dev === 'eth0').length).toBe(1);
		// Three client addresses: the director saw all of them.
		const clients = new Set([...l.world.host('lvs1')!.ipvs!.connections()].map((c) => c.caddr));
		expect(clients.size).toBe(3);
	});

	it('accounts for every request across faults: served, failed with a reason, reset, or in flight', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11', '10.0.0.12', '10.0.0.13']});
		sh(l, 'load start --rate 40 --hold 2');
		sh(l, 'sleep 5');
		conserved(l);
		sh(l, 'unplug rs1');
		sh(l, 'sleep 5');
		conserved(l);
		sh(l, 'ssh rs2 /etc/init.d/apache2 stop');
		sh(l, 'sleep 5');
		conserved(l);
		sh(l, 'poweroff lvs1');
		sh(l, 'sleep 5');
		conserved(l);
		sh(l, 'load stop');
		// Long enough for every SYN to give up (127 s) and every held connection to close.
		sh(l, 'sleep 200');
		sh(l, 'boot lvs1');
		conserved(l);
		const g = loadGenerator(l.world);
		expect(g.inFlight).toBe(0);
		// apache2 stopped on rs2: its kernel resets the SYNs.
		expect(g.counters.failed.get('refused')).toBeGreaterThan(0);
		// The director gone: the client's ARP for the VIP fails, or its SYNs go unanswered.
		expect((g.counters.failed.get('unreachable') ?? 0) + (g.counters.failed.get('timeout') ?? 0)).toBeGreaterThan(0);
		expect(g.counters.served).toBeGreaterThan(0);
		const st = sh(l, 'load status').out;
		expect(st).toMatch(/failed \d+ \((refused \d+|timeout \d+|unreachable \d+)(, (refused|timeout|unreachable) \d+)*\)/);
	});

	it('load on localhost loads the host the shell is on, like curl and ab', () => {
		const l = lab();
		sh(l, 'ssh rs3');
		sh(l, 'load start --rate 20 http://localhost/');
		sh(l, 'sleep 5');
		const status = sh(l, 'load status').out;
		expect(status).toContain(' from 1 client (127.0.0.1),');
		expect(status).toMatch(/\n {2}served by: rs3 \d+\n$/);
	});

	it('load status before any load, bad options and the Spanish status', () => {
		const l = lab();
		expect(sh(l, 'load status').out).toBe('load: no load has been started (load start)\n');
		expect(sh(l, 'load stop')).toEqual({out: 'load: no load is running\n', status: 1});
		expect(sh(l, 'load start')).toEqual({out: 'load: there is no virtual service yet; give a URL\n', status: 1});
		expect(sh(l, 'load start --rate fast')).toEqual({out: "load: invalid value for --rate: 'fast'\n", status: 2});
		expect(sh(l, 'load go').status).toBe(2);
		virtualService(l, {rips: ['10.0.0.11']});
		const es = lab();
		es.shell.options.lang = 'es';
		virtualService(es, {rips: ['10.0.0.11']});
		expect(sh(es, 'load start --rate 5').out).toBe(
			'load: en marcha desde 00:00:00.000 (0 s), 5 peticiones/s desde 1 cliente (10.0.0.200), hold 0 s, hacia http://10.0.0.100/\n  enviadas 0  atendidas 0  fallidas 0  reseteadas 0  en curso 0\n',
		);
	});

	it('held connections show as ActiveConn on the director', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
		sh(l, 'load start --rate 10 --hold 30');
		sh(l, 'sleep 20');
		const active = counts(l).map((c) => Number(c.split(' ')[1]!.split('/')[0]));
		expect(active[0]! + active[1]!).toBeGreaterThan(100);
		sh(l, 'load stop');
		sh(l, 'sleep 40');
		expect(counts(l).map((c) => c.split(' ')[1]!.split('/')[0])).toEqual(['0', '0']);
	});
});
