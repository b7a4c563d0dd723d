import {describe, expect, it} from 'vitest';
import {RateHistory} from '../../source/lab/history';
import type {NodeProbe} from '../../source/lab/probes';
import {takeSnapshot} from '../../source/lab/snapshot';
import {parseIp} from '../../source/sim/net/ipv4';
import {SEC} from '../../source/sim/time';
import {addWebService, conn, sandboxWorld, setConnections, withoutWebCounters} from '../ui/helpers/worlds';

describe('lab snapshots', () => {
	it('lists hosts directors first, with state, address and who holds the VIP', () => {
		const world = sandboxWorld();
		const s = takeSnapshot(world);
		expect(s.hosts.map((h) => `${h.name}:${h.role}:${h.state}`)).toEqual(['lvs1:director:up', 'rs1:realserver:up', 'rs2:realserver:up', 'rs3:realserver:up', 'rs4:realserver:up', 'client:client:up']);
		expect(s.vips).toEqual([{addr: '10.0.0.100', holders: ['lvs1']}]);
		expect(s.hosts[0]).toMatchObject({director: 'active', vips: ['10.0.0.100'], ip: '10.0.0.1'});
		// rs1 has the VIP on lo:0 (for DR): that is not holding it on the LAN.
		expect(s.hosts[1]!.vips).toEqual([]);
	});

	it('shows unplugged, link-down and powered-off hosts', () => {
		const world = sandboxWorld();
		world.host('rs2')!.interfaces.get('eth0')!.plugged = false;
		world.host('rs3')!.interfaces.get('eth0')!.up = false;
		world.host('rs4')!.powered = false;
		const states = Object.fromEntries(takeSnapshot(world).hosts.map((h) => [h.name, h.state]));
		expect(states).toMatchObject({rs1: 'up', rs2: 'unplugged', rs3: 'down', rs4: 'off'});
	});

	it('follows the VIP: when it moves to another director, that one is active', () => {
		const world = sandboxWorld();
		const lvs1 = world.host('lvs1')!;
		lvs1.addresses = lvs1.addresses.filter((a) => a.label !== 'eth0:0');
		let s = takeSnapshot(world);
		// Nobody holds it, but the real servers' lo:0 still tells which address is the VIP.
		expect(s.vips).toEqual([{addr: '10.0.0.100', holders: []}]);
		world.host('rs1')!.addresses.push({ip: parseIp('10.0.0.100')!, prefix: 24, dev: 'eth0', label: 'eth0', scope: 'global'});
		s = takeSnapshot(world);
		expect(s.vips[0]!.holders).toEqual(['rs1']);
	});

	it('sums each real server\'s connections over the service and marks weight 0 as quiesced', () => {
		const world = sandboxWorld();
		const dests = addWebService(world, 'route');
		dests.get('rs1')!.activeConns = 12;
		dests.get('rs1')!.inactConns = 30;
		dests.get('rs2')!.weight = 0;
		const s = takeSnapshot(world);
		expect(s.services).toEqual([{label: 'TCP 10.0.0.100:80', scheduler: 'rr', persistent: false, forward: ['route'], dests: 4}]);
		expect(s.servers.find((x) => x.name === 'rs1')).toMatchObject({inTable: true, active: 12, inactive: 30, weight: 1, quiesced: false});
		expect(s.servers.find((x) => x.name === 'rs2')).toMatchObject({weight: 0, quiesced: true});
		expect(s.director).toBe('lvs1');
	});

	it('reads the newest connection entries and counts entries per state', () => {
		const world = sandboxWorld();
		addWebService(world);
		world.advance(10 * SEC);
		const entries = [conn(world, 1, 1, 'FIN_WAIT', 100), conn(world, 2, 2, 'ESTABLISHED', 899), conn(world, 3, 3, 'ESTABLISHED', 500), conn(world, 4, 1, 'FIN_WAIT', 119)];
		setConnections(world, entries);
		const table = takeSnapshot(world, {connectionRows: 3}).connections;
		expect(table.total).toBe(4);
		expect(table.byState).toEqual([['ESTABLISHED', 2], ['FIN_WAIT', 2]]);
		// Newest = most recent packet: 1 s ago (899 of 900), 1 s ago (119 of 120), 20 s ago (100 of 120).
		expect(table.newest.map((r) => r.client)).toEqual(['10.0.0.200:40002', '10.0.0.200:40004', '10.0.0.200:40001']);
		expect(table.newest[0]).toMatchObject({protocol: 'TCP', expires: 899, state: 'ESTABLISHED', virtual: '10.0.0.100:80', real: '10.0.0.12:80', realHost: 'rs2'});
	});

	it('keeps the timeline\'s newest events', () => {
		const world = sandboxWorld();
		for (let i = 0; i < 150; i++) world.log('lab', `event ${i}`);
		const s = takeSnapshot(world, {events: 100});
		expect(s.events).toHaveLength(100);
		expect(s.events[99]!.text).toBe('event 149');
	});

	it('asks node probes for openMosix load', () => {
		const world = sandboxWorld();
		const probe: NodeProbe = {nodes: () => [{host: 'rs1', id: 1, alive: true, load: 0.5, speed: 10000, cpus: 1, memTotalMb: 64, memUsedMb: 20}]};
		expect(takeSnapshot(world, {probes: [probe]}).nodes[0]).toMatchObject({host: 'rs1', load: 0.5});
		expect(takeSnapshot(world, {probes: []}).nodes).toEqual([]);
	});
});

describe('rate history', () => {
	it('records requests per second per real server, second by second', () => {
		const world = withoutWebCounters(sandboxWorld());
		const dests = addWebService(world);
		const history = new RateHistory(world, []);
		// 5 requests per second to rs1 and 2 to rs2, scheduled on the world's own clock.
		world.every(SEC / 10, () => {
			dests.get('rs1')!.stats.conns += 0.5;
		});
		world.every(SEC / 2, () => {
			dests.get('rs2')!.stats.conns += 1;
		});
		for (let i = 0; i < 10; i++) {
			world.advance(SEC);
			history.update();
		}
		const series = Object.fromEntries(history.rateSeries().map((s) => [s.name, s.values]));
		expect(series['rs1']).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
		expect(series['rs2']).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
		expect(history.latestRates().get('rs1')).toBe(5);
		expect(takeSnapshot(world, {history}).totalRate).toBe(7);
	});

	it('spreads a jump of several seconds (sleep, a fast clock) evenly over them', () => {
		const world = withoutWebCounters(sandboxWorld());
		const dests = addWebService(world);
		const history = new RateHistory(world, []);
		world.advance(2 * SEC);
		history.update();
		dests.get('rs1')!.stats.conns += 30;
		world.advance(10 * SEC);
		expect(history.update()).toBe(true);
		expect(history.update()).toBe(false);
		const rs1 = history.rateSeries().find((s) => s.name === 'rs1')!.values;
		expect(rs1).toEqual([0, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
	});

	it('keeps 60 seconds, puts nothing in the world\'s queue and never shows a counter reset as negative traffic', () => {
		const world = withoutWebCounters(sandboxWorld());
		const dests = addWebService(world);
		const pending = world.pendingEvents;
		const history = new RateHistory(world, []);
		expect(world.pendingEvents).toBe(pending);
		for (let i = 0; i < 90; i++) {
			dests.get('rs1')!.stats.conns += 3;
			world.advance(SEC);
			history.update();
		}
		dests.get('rs1')!.stats.conns = 0;
		world.advance(SEC);
		history.update();
		const rs1 = history.rateSeries().find((s) => s.name === 'rs1')!.values;
		expect(rs1).toHaveLength(60);
		expect(rs1.at(-1)).toBe(0);
		expect(rs1.at(-2)).toBe(3);
	});

	it('returns the same series object until something changes', () => {
		const world = withoutWebCounters(sandboxWorld());
		const dests = addWebService(world);
		const history = new RateHistory(world, []);
		world.advance(2 * SEC);
		history.update();
		const a = history.rateSeries();
		expect(history.rateSeries()).toBe(a);
		dests.get('rs2')!.stats.conns += 4;
		world.advance(SEC);
		history.update();
		expect(history.rateSeries()).not.toBe(a);
	});
});

describe('openMosix in snapshots', () => {
	it('lists every node with its own load, speed and memory, and a powered-off node as dead', async () => {
		const {lab, sh} = await import('../helpers/lab');
		const l = lab('openmosix-4');
		l.world.advance(3 * SEC);
		sh(l, 'fib 40 &');
		l.world.advance(2 * SEC);
		let nodes = takeSnapshot(l.world).nodes;
		expect(nodes.map((n) => `${n.host}#${n.id}`)).toEqual(['mosix1#1', 'mosix2#2', 'mosix3#3', 'mosix4#4']);
		expect(nodes.every((n) => n.alive && n.speed > 0 && n.memTotalMb > 0)).toBe(true);
		expect(nodes.reduce((sum, n) => sum + n.load, 0)).toBeGreaterThan(0);
		sh(l, 'poweroff mosix3');
		nodes = takeSnapshot(l.world).nodes;
		expect(nodes.find((n) => n.host === 'mosix3')).toMatchObject({alive: false, load: 0});
	});

	it('has no nodes in an LVS scenario', () => {
		expect(takeSnapshot(sandboxWorld()).nodes).toEqual([]);
	});
});
