import {describe, expect, it} from 'vitest';
import {takeSnapshot} from '../../../source/lab/snapshot';
import {ChartPanel} from '../../../source/ui/panels/chart-panel';
import {ClusterPanel} from '../../../source/ui/panels/cluster-panel';
import {ConnPanel} from '../../../source/ui/panels/conn-panel';
import {EventsPanel} from '../../../source/ui/panels/events-panel';
import {StatusBar} from '../../../source/ui/panels/status-bar';
import {SEC} from '../../../source/sim/time';
import {renderPanel} from '../helpers/render';
import {addWebService, conn, sandboxWorld, setConnections} from '../helpers/worlds';

function trafficWorld(fwd: 'masq' | 'route' = 'masq') {
	const world = sandboxWorld();
	const dests = addWebService(world, fwd);
	dests.get('rs1')!.activeConns = 8;
	dests.get('rs1')!.inactConns = 24;
	dests.get('rs3')!.activeConns = 2;
	dests.get('rs4')!.weight = 0;
	world.host('rs2')!.interfaces.get('eth0')!.plugged = false;
	return world;
}

const rows = (frame: string) => frame.split('\n');

describe('cluster panel', () => {
	it('shows the VIP holder, the NAT paths, each host\'s state and connection bars', async () => {
		const r = renderPanel(<ClusterPanel snapshot={takeSnapshot(trafficWorld())} selected="rs2" focused nodeMeasure="load" width={72} height={10} />);
		const frame = await r.waitFor((f) => f.includes('VIP 10.0.0.100'));
		const lines = rows(frame);
		expect(lines[0]).toBe('CLUSTER  VIP 10.0.0.100 on lvs1  rr  0.0 req/s');
		expect(lines[1]).toContain('client ─▶ 10.0.0.100:80 ─▶ lvs1 ─▶ rs');
		expect(lines[2]).toBe(' reply   rs ─▶ lvs1 ─▶ client  NAT: via director');
		expect(lines[3]).toMatch(/^ {2}lvs1 +● up +★ MASTER {2}holds VIP/);
		// Wide enough for two bars: connections (active █, inactive ▒) and requests per second.
		expect(lines[4]).toMatch(/^ {2}rs1 +● up +w1 █+▒+ 8\/24 {2}·+ 0\.0\/s$/);
		expect(lines[5]).toMatch(/^▸ rs2 +✕ unplugged +w1 ·+ 0\/ 0 {2}·+ 0\.0\/s$/);
		expect(lines[7]).toMatch(/rs4 +◐ quiesced +w0 ·+ 0\/ 0/);
		expect(lines.every((l) => l.length <= 72)).toBe(true);
		r.unmount();
	});

	it('narrow: one bar for connections and the rate as a number', async () => {
		const r = renderPanel(<ClusterPanel snapshot={takeSnapshot(trafficWorld())} focused={false} nodeMeasure="load" width={50} height={10} />);
		const lines = rows(await r.waitFor((f) => f.includes('VIP 10.0.0.100')));
		expect(lines[4]).toMatch(/^ {2}rs1 +● up +w1 █+▒+ 8\/24 0\.0\/s$/);
		expect(lines[4]).toHaveLength(50);
		r.unmount();
	});

	it('draws DR replies straight back to the client', async () => {
		const r = renderPanel(<ClusterPanel snapshot={takeSnapshot(trafficWorld('route'))} focused={false} nodeMeasure="load" width={70} height={10} />);
		const frame = await r.waitFor((f) => f.includes('reply'));
		expect(rows(frame)[2]).toBe(' reply   rs ─────────▶ client  DR: direct');
		expect(rows(frame)[1]).toMatch(/^ request client ─▶ 10\.0\.0\.100:80 ─▶ lvs1 ─▶ rs/);
		r.unmount();
	});

	it('in plain mode says it in words and ASCII', async () => {
		const r = renderPanel(<ClusterPanel snapshot={takeSnapshot(trafficWorld())} selected="rs2" focused nodeMeasure="load" width={100} height={10} />, {plain: true});
		const frame = await r.waitFor((f) => f.includes('VIP 10.0.0.100'));
		expect(frame).toContain('  rs1    up        w1, 8 active, 24 inactive, 0.0 req/s');
		expect(frame).toContain('> rs2    unplugged w1, 0 active, 0 inactive, 0.0 req/s');
		expect(frame).toContain('  rs4    quiesced  w0, 0 active, 0 inactive, 0.0 req/s');
		expect(frame).toContain(' reply   rs -> lvs1 -> client  NAT: via director');
		expect(frame).not.toMatch(/[^\x20-\x7e\n]/);
		r.unmount();
	});

	it('in plain mode puts a long detail on its own line rather than cutting numbers', async () => {
		const r = renderPanel(<ClusterPanel snapshot={takeSnapshot(trafficWorld())} focused={false} nodeMeasure="load" width={44} height={16} />, {plain: true});
		const lines = rows(await r.waitFor((f) => f.includes('VIP 10.0.0.100')));
		const at = lines.findIndex((l) => l.startsWith('  rs1'));
		expect(lines[at]).toBe('  rs1    up');
		expect(lines[at + 1]).toBe('    w1, 8 active, 24 inactive, 0.0 req/s');
		r.unmount();
	});

	it('compact at 44 columns: glyph alone for hosts that are up, glyph and word otherwise', async () => {
		const r = renderPanel(<ClusterPanel snapshot={takeSnapshot(trafficWorld())} focused={false} nodeMeasure="load" width={44} height={12} />);
		const lines = rows(await r.waitFor((f) => f.includes('VIP 10.0.0.100')));
		expect(lines[0]).toBe('VIP 10.0.0.100 on lvs1  rr  0.0 req/s');
		expect(lines[1]).toBe(' request client ─▶ 10.0.0.100 ─▶ lvs1 ─▶ rs');
		expect(lines[4]).toMatch(/^ {2}rs1 +● w1 █+▒+·* 8\/24 0\.0\/s$/);
		expect(lines[5]).toMatch(/^ {2}rs2 +✕ unplugged w1 ·+ 0\/ 0 0\.0\/s$/);
		expect(lines[7]).toMatch(/^ {2}rs4 +◐ quiesced w0 ·+ 0\/ 0 0\.0\/s$/);
		for (const l of lines) expect([...l].length).toBeLessThanOrEqual(44);
		r.unmount();
	});

	it('says when nobody holds the VIP', async () => {
		const world = sandboxWorld();
		const lvs1 = world.host('lvs1')!;
		lvs1.addresses = lvs1.addresses.filter((a) => a.label !== 'eth0:0');
		const r = renderPanel(<ClusterPanel snapshot={takeSnapshot(world)} focused={false} nodeMeasure="load" width={60} height={10} />);
		expect(rows(await r.waitFor((f) => f.includes('VIP 10.0.0.100')))[0]).toBe('CLUSTER  VIP 10.0.0.100: no director holds it');
		r.unmount();
	});

	it('draws openMosix nodes as load bars', async () => {
		const world = sandboxWorld();
		const probe = {nodes: () => [{host: 'rs1', id: 1, alive: true, load: 2, speed: 10000, cpus: 1, memTotalMb: 64, memUsedMb: 48}, {host: 'rs2', id: 2, alive: false, load: 0, speed: 10000, cpus: 1, memTotalMb: 64, memUsedMb: 0}]};
		(world.host('rs1') as {role: string}).role = 'node';
		(world.host('rs2') as {role: string}).role = 'node';
		const snap = takeSnapshot(world, {probes: [probe]});
		const r = renderPanel(<ClusterPanel snapshot={snap} focused={false} nodeMeasure="load" width={50} height={12} />);
		const frame = await r.waitFor((f) => f.includes('rs1'));
		expect(frame).toMatch(/rs1 +● up +█+ 2\.0/);
		expect(frame).toMatch(/rs2 +● up +dead/);
		r.unmount();
		const m = renderPanel(<ClusterPanel snapshot={snap} focused={false} nodeMeasure="memory" width={50} height={12} />);
		expect(await m.waitFor((f) => f.includes('rs1'))).toMatch(/rs1 +● up +█+\++·* 48\/64/);
		m.unmount();
	});
});

describe('events panel', () => {
	it('lists events newest last with virtual time, source and host, wrapping long ones', async () => {
		const world = sandboxWorld();
		world.advance(62 * SEC);
		world.log('lab', 'rs2: network cable unplugged', 'rs2');
		world.advance(SEC);
		world.log('ldirectord', 'real server 10.0.0.12:80 failed its check; its weight is set to 0 so no new connections go to it', 'lvs1');
		const r = renderPanel(<EventsPanel events={takeSnapshot(world).events} width={40} height={8} />);
		const lines = rows(await r.waitFor((f) => f.includes('EVENTS')));
		expect(lines[0]).toBe('EVENTS');
		expect(lines[1]).toBe('00:01:02 lab rs2: rs2: network cable');
		expect(lines[2]).toBe('         unplugged');
		expect(lines[3]).toBe('00:01:03 ldirectord lvs1: real server');
		expect(lines[6]).toBe('         new connections go to it');
		r.unmount();
	});

	it('reads as sentences in plain mode', async () => {
		const world = sandboxWorld();
		world.advance(5 * SEC);
		world.log('heartbeat', 'lvs2 takes over the resources of lvs1', 'lvs2');
		const r = renderPanel(<EventsPanel events={takeSnapshot(world).events} width={80} height={4} />, {plain: true});
		expect(await r.waitFor((f) => f.includes('At'))).toContain('At 00:00:05 (lvs2, heartbeat): lvs2 takes over the resources of lvs1');
		r.unmount();
	});
});

describe('connection table', () => {
	it('shows ipvsadm -L -n -c columns when wide, host names when narrow', async () => {
		const world = sandboxWorld();
		addWebService(world);
		setConnections(world, [conn(world, 1, 1), conn(world, 2, 2, 'FIN_WAIT', 95)]);
		const table = takeSnapshot(world).connections;
		const wide = renderPanel(<ConnPanel table={table} width={90} height={6} />);
		const w = rows(await wide.waitFor((f) => f.includes('pro')));
		expect(w[0]).toBe('CONNECTIONS on lvs1: 2  ESTABLISHED 1 · FIN_WAIT 1');
		expect(w[1]).toBe('pro expire state       source                virtual            destination');
		expect(w[2]).toBe('TCP 15:00  ESTABLISHED 10.0.0.200:40001      10.0.0.100:80      10.0.0.11:80');
		expect(w[3]).toBe('TCP 01:35  FIN_WAIT    10.0.0.200:40002      10.0.0.100:80      10.0.0.12:80');
		wide.unmount();
		const narrow = renderPanel(<ConnPanel table={table} width={40} height={6} title={false} />);
		const n = rows(await narrow.waitFor((f) => f.includes('expire')));
		expect(n[0]).toBe('expire state       source       real');
		expect(n[1]).toBe('15:00  ESTABLISHED client:40001 rs1');
		narrow.unmount();
	});
});

describe('chart', () => {
	const series = [
		{name: 'rs1', values: [0, 2, 4, 6, 8, 10]},
		{name: 'rs2', values: [5, 5, 5, 5, 5, 5]},
	];

	it('plots requests per second with a legend of current values', async () => {
		const r = renderPanel(<ChartPanel series={series} kind="rates" width={40} height={9} />);
		const lines = rows(await r.waitFor((f) => f.includes('REQUESTS')));
		expect(lines[0]).toBe('REQUESTS/S per real server, last 60 s');
		expect(lines[1]).toMatch(/^ {2}10 ┼ {4}╭$/);
		expect(lines[4]).toBe(' 5.0 ┼─────');
		expect(lines[7]).toBe(' 0.0 ┼╯');
		expect(lines[8]).toBe('── rs1 10  ── rs2 5.0');
		r.unmount();
	});

	it('gives the numbers instead in plain mode', async () => {
		const r = renderPanel(<ChartPanel series={series} kind="rates" width={60} height={5} />, {plain: true});
		const frame = await r.waitFor((f) => f.includes('rs1'));
		expect(frame).toContain('rs1: now 10, avg 5.0, min 0.0, max 10');
		expect(frame).toContain('rs2: now 5.0, avg 5.0, min 5.0, max 5.0');
		r.unmount();
	});

	it('colours each line when colour is on, and the legend repeats the colour', async () => {
		const r = renderPanel(<ChartPanel series={series} kind="rates" width={40} height={9} />, {color: true});
		const frame = await r.waitFor((f) => f.includes('rs1'));
		expect(frame).toMatch(/\x1b\[36m──\x1b\[\d+m rs1 10 {2}\x1b\[33m──/);
		r.unmount();
	});
});

describe('status bar', () => {
	it('shows running or PAUSED, the speed, the virtual clock, the focus and the keys', async () => {
		const r = renderPanel(<StatusBar now={83_450_000} clock={{paused: false, speed: 20}} scenario="sandbox" focus="shell" width={100} />);
		const lines = rows(await r.waitFor((f) => f.includes('RUNNING')));
		expect(lines[0]).toMatch(/^ ▶ RUNNING ×20 {3}00:01:23\.4 {2}sandbox {2}\[SHELL\] {2}Esc cluster keys · Tab complete/);
		expect(lines[1]).toContain('F1 all keys');
		r.unmount();
		const p = renderPanel(<StatusBar now={0} clock={{paused: true, speed: 1}} scenario="sandbox" focus="cluster" width={80} />);
		const paused = rows(await p.waitFor((f) => f.includes('PAUSED')));
		expect(paused[0]).toMatch(/^ ⏸ PAUSED ×1 {4}00:00:00\.0 {2}sandbox {2}\[CLUSTER KEYS\]/);
		expect(paused[1]).toContain('? all keys');
		expect(paused.every((l) => [...l].length <= 80)).toBe(true);
		p.unmount();
	});
});

describe('served versus sent', () => {
	it('shows requests answered by the web server, and what the director still sends to a server that cannot answer', async () => {
		const {RateHistory} = await import('../../../source/lab/history');
		const world = sandboxWorld();
		const dests = addWebService(world);
		// Web servers that count what they answer, as the lab's apache2 daemon does.
		const served = new Map<string, {name: string; served: number}>();
		for (const n of ['rs1', 'rs2']) {
			const daemon = {name: 'apache2', served: 0};
			served.set(n, daemon);
			world.host(n)!.daemons.set('apache2', daemon);
		}
		const history = new RateHistory(world, []);
		world.every(SEC / 10, () => {
			dests.get('rs1')!.stats.conns++;
			served.get('rs1')!.served++;
			// rs2's cable is out: the director keeps sending, nothing is answered.
			dests.get('rs2')!.stats.conns++;
		});
		world.host('rs2')!.interfaces.get('eth0')!.plugged = false;
		world.advance(3 * SEC);
		history.update();
		const snapshot = takeSnapshot(world, {history});
		expect(snapshot.servers.find((s) => s.name === 'rs1')).toMatchObject({rate: 10, sent: 10});
		expect(snapshot.servers.find((s) => s.name === 'rs2')).toMatchObject({rate: 0, sent: 10});
		const r = renderPanel(<ClusterPanel snapshot={snapshot} focused={false} nodeMeasure="load" width={60} height={10} />);
		const lines = rows(await r.waitFor((f) => f.includes('rs2')));
		expect(lines.find((l) => l.includes('rs1'))).toMatch(/ 10\/s$/);
		expect(lines.find((l) => l.includes('rs2'))).toMatch(/✕ unplugged .* 0\.0\/s sent 10\/s$/);
		r.unmount();
	});
});

describe('cluster panel for openMosix', () => {
	it('heads with nodes up and total load, and names the measure the bars show', async () => {
		const {lab, sh} = await import('../../helpers/lab');
		const l = lab('openmosix-4');
		l.world.advance(3 * SEC);
		sh(l, 'fib 40 &');
		l.world.advance(2 * SEC);
		sh(l, 'poweroff mosix4');
		const r = renderPanel(<ClusterPanel snapshot={takeSnapshot(l.world)} focused={false} nodeMeasure="speed" width={60} height={10} />);
		const lines = rows(await r.waitFor((f) => f.includes('openMosix')));
		expect(lines[0]).toMatch(/^openMosix {2}3 of 4 nodes up {2}load \d/);
		expect(lines[1]).toBe(' bars: l load  s speed  m memory MB');
		expect(lines.find((x) => x.includes('mosix4'))).toMatch(/mosix4 +○ powered off +dead/);
		expect(lines.find((x) => x.includes('mosix1'))).toMatch(/mosix1 +● up +█+·* \d+$/);
		r.unmount();
	});
});

describe('cluster panel for UltraMonkey', () => {
	it('follows the VIP to the standby director when the master loses power', async () => {
		const {lab, sh} = await import('../../helpers/lab');
		const l = lab('ultramonkey');
		l.world.advance(10 * SEC);
		let snapshot = takeSnapshot(l.world);
		expect(snapshot.vips).toEqual([{addr: '192.168.0.105', holders: ['debian1']}]);
		sh(l, 'poweroff debian1');
		l.world.advance(60 * SEC);
		snapshot = takeSnapshot(l.world);
		expect(snapshot.vips).toEqual([{addr: '192.168.0.105', holders: ['debian2']}]);
		expect(snapshot.director).toBe('debian2');
		const r = renderPanel(<ClusterPanel snapshot={snapshot} focused={false} nodeMeasure="load" width={50} height={10} />);
		const lines = rows(await r.waitFor((f) => f.includes('debian2')));
		expect(lines[0]).toMatch(/^VIP 192\.168\.0\.105 on debian2 {2}\w+ {2}[\d.]+ req\/s$/);
		expect(lines[1]).toBe(' request client ─▶ 192.168.0.105 ─▶ debian2 ─▶ rs');
		expect(lines.find((x) => x.includes('debian1'))).toMatch(/^ {2}debian1 +○ powered off *$/);
		expect(lines.find((x) => x.startsWith('  debian2'))).toMatch(/★ MASTER {2}holds VIP/);
		for (const x of lines) expect([...x].length).toBeLessThanOrEqual(50);
		r.unmount();
	});
});
