import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {counts, table, virtualService} from '../../helpers/ipvs';
import {createLab, type Lab} from '../../../source/lab/lab';
import {loadScenario} from '../../../source/scenario/load';
import {gratuitousArp} from '../../../source/sim/net/arp';
import {parseIp} from '../../../source/sim/net/ipv4';
import {SEC} from '../../../source/sim/time';
import {trafficEngine} from '../../../source/sim/traffic/engine';
import type {Flow} from '../../../source/sim/traffic/flow';
import {powerOff} from '../../../source/sim/net/faults';

const SCENARIO = fileURLToPath(new URL('./two-directors.yaml', import.meta.url));
const VIP = parseIp('10.0.0.100')!;

/** The two-director scenario with both directors on another kernel release. */
function onKernel(kernel: string): Lab {
	const found = loadScenario(SCENARIO);
	if (!found.ok) throw new Error(found.message);
	for (const d of ['lvs1', 'lvs2']) found.config.hosts[d]!.kernel = kernel;
	return createLab(found.config, {seed: 1, lang: 'en', interactive: false});
}

function startSync(l: Lab): void {
	const daemon = {mcastIfn: 'eth0', syncid: 0, maxlen: 0, port: 0, ttl: 0};
	expect(l.world.host('lvs1')!.ipvs!.startDaemon({...daemon, state: 'master'})).toBeUndefined();
	expect(l.world.host('lvs2')!.ipvs!.startDaemon({...daemon, state: 'backup'})).toBeUndefined();
}

/** Seconds left on each of a director's entries, templates and connections apart. */
function expiries(l: Lab, director: string): {templates: number[]; conns: number[]} {
	const out = {templates: [] as number[], conns: [] as number[]};
	for (const c of l.world.host(director)!.ipvs!.connections()) (c.template ? out.templates : out.conns).push((c.expires - l.world.now) / SEC);
	return out;
}

function directors(sync: boolean, l = lab(SCENARIO), services = ['lvs1', 'lvs2']): Lab {
	for (const d of services) virtualService(l, {director: d, rips: ['10.0.0.11', '10.0.0.12']});
	if (sync) {
		const daemon = {mcastIfn: 'eth0', syncid: 7, maxlen: 0, port: 0, ttl: 0};
		expect(l.world.host('lvs1')!.ipvs!.startDaemon({...daemon, state: 'master'})).toBeUndefined();
		expect(l.world.host('lvs2')!.ipvs!.startDaemon({...daemon, state: 'backup'})).toBeUndefined();
	}
	return l;
}

/** Moves the VIP to lvs2 as heartbeat's IPaddr2 would: address up, gratuitous ARP. */
function failover(l: Lab): void {
	const lvs1 = l.world.host('lvs1')!;
	const lvs2 = l.world.host('lvs2')!;
	powerOff(l.world, lvs1);
	lvs2.addresses.push({ip: VIP, prefix: 24, dev: 'eth0', label: 'eth0:0', scope: 'global', broadcast: parseIp('10.0.0.255')});
	gratuitousArp(l.world, lvs2, 'eth0', VIP);
}

/** A keep-alive connection: one request now, another one `pause` later on the same connection. */
function twoRequests(l: Lab, pause: number): {flow: Flow; results: string[]} {
	const results: string[] = [];
	const client = l.world.host('client')!;
	const flow = trafficEngine(l.world).start({
		client,
		dst: VIP,
		dport: 80,
		request: {method: 'GET', path: '/', hostHeader: '10.0.0.100', userAgent: 'test', version: 'HTTP/1.1', keepAlive: true, bytes: 60},
		owner: {
			finished(f) {
				results.push(f.failure ? f.failure.kind : f.response!.body.trim());
				return results.length === 1 ? pause : false;
			},
		},
	});
	return {flow, results};
}

describe('connection synchronisation', () => {
	it('the backup learns the master\'s entries, bound to its own real servers and counted there', () => {
		const l = directors(true);
		sh(l, 'load start --rate 20 --hold 30');
		sh(l, 'sleep 5');
		const master = table(l, 'lvs1').filter((r) => r.includes('ESTABLISHED'));
		const backup = table(l, 'lvs2').filter((r) => r.includes('ESTABLISHED'));
		expect(master.length).toBeGreaterThan(50);
		// Entries reach the backup once their third packet passed the master, within a second.
		expect(backup.length).toBeGreaterThan(master.length - 30);
		const lvs2 = l.world.host('lvs2')!.ipvs!.services[0]!;
		expect(lvs2.dests.reduce((n, d) => n + d.activeConns, 0)).toBe(backup.length);
		sh(l, 'load stop');
		// The master syncs the moves to FIN_WAIT too; the backup's entries then expire on their own.
		sh(l, 'sleep 40');
		expect(table(l, 'lvs2').every((r) => r.includes('FIN_WAIT'))).toBe(true);
		sh(l, 'sleep 130');
		expect(table(l, 'lvs2')).toEqual([]);
		expect(counts(l, 'lvs2')).toEqual(['rs2 0/0', 'rs1 0/0']);
	});

	it('an established connection survives the failover when sync runs, and is reset without it', () => {
		for (const sync of [true, false]) {
			const l = directors(sync);
			const {results} = twoRequests(l, 10 * SEC);
			sh(l, 'sleep 3');
			failover(l);
			sh(l, 'sleep 10');
			expect(results[0]).toMatch(/^rs[12]$/);
			expect(results[1], `sync ${sync}`).toBe(sync ? results[0] : 'reset');
		}
	});

	it('a backup keeps synced entries without a service, unbound, and forwards their packets to the message\'s real server', () => {
		// 2.6 (the thesis' kernel) and modern kernels alike create the entry with no real server behind it.
		for (const kernel of ['2.6.8-2-386', '6.1.0-18-686']) {
			const l = directors(true, onKernel(kernel), ['lvs1']);
			expect(l.world.host('lvs2')!.ipvs!.services).toEqual([]);
			// Modern kernels keep IPVS out of the packet path until a service was added once.
			if (kernel.startsWith('6.')) virtualService(l, {director: 'lvs2', vip: '10.0.0.99', rips: ['10.0.0.11']});
			const {results} = twoRequests(l, 10 * SEC);
			sh(l, 'sleep 3');
			const rows = table(l, 'lvs2');
			expect(rows, kernel).toEqual(table(l, 'lvs1').map((r) => r.replace(/ \d+$/, rows[0]!.slice(rows[0]!.lastIndexOf(' ')))));
			expect(rows[0], kernel).toMatch(/^TCP ESTABLISHED 10\.0\.0\.200:port -> rs[12]:80 /);
			failover(l);
			sh(l, 'sleep 10');
			expect(results[1], kernel).toBe(results[0]);
			// The entry saw the second request pass: its packets went on, by its own address and method.
			expect(l.world.host('lvs2')!.ipvs!.totals.inpkts, kernel).toBeGreaterThan(0);
		}
	});

	it('modern kernels ignore synced entries until a first service exists; 2.6 ones use them anyway', () => {
		const results: Record<string, string | undefined> = {};
		for (const kernel of ['2.6.8-2-386', '6.1.0-18-686']) {
			const l = directors(true, onKernel(kernel), ['lvs1']);
			const r = twoRequests(l, 10 * SEC);
			sh(l, 'sleep 3');
			expect(table(l, 'lvs2').length, kernel).toBe(1);
			failover(l);
			sh(l, 'sleep 10');
			results[kernel] = r.results[1];
		}
		expect(results['2.6.8-2-386']).toMatch(/^rs[12]$/);
		expect(results['6.1.0-18-686']).toBe('reset');
	});

	it('a held connection whose FIN reaches a director that never saw it is reset, whether IPVS is in its path or not', () => {
		for (const [kernel, backupService] of [['6.1.0-18-686', false], ['6.1.0-18-686', true], ['2.6.8-2-386', false]] as const) {
			const l = onKernel(kernel);
			virtualService(l, {director: 'lvs1', rips: ['10.0.0.11', '10.0.0.12']});
			if (backupService) virtualService(l, {director: 'lvs2', rips: ['10.0.0.11', '10.0.0.12']});
			sh(l, 'load start --rate 5 --hold 10');
			sh(l, 'sleep 4');
			sh(l, 'load stop');
			failover(l);
			sh(l, 'sleep 15');
			const status = sh(l, 'load status').out;
			const served = Number(/served (\d+)/.exec(status)![1]);
			expect(served, kernel).toBeGreaterThan(10);
			expect(status, kernel).toContain(`held connections: open 0  closed 0  reset ${served}\n`);
		}
	});

	it('synced timeouts follow the era: 2.6.8 gives everything 3 minutes, 2.6.24+ the state\'s timeout, version 1 messages carry it', () => {
		const cases = [
			// kernel, connection timeout, template timeout
			['2.6.8-2-386', 180, 180],
			['2.6.32-5-686', 900, 180],
			['6.1.0-18-686', 900, 360],
		] as const;
		for (const [kernel, conn, tmpl] of cases) {
			const l = onKernel(kernel);
			for (const d of ['lvs1', 'lvs2']) virtualService(l, {director: d, rips: ['10.0.0.11', '10.0.0.12'], persistent: 360});
			startSync(l);
			sh(l, 'load start --rate 20 --hold 60');
			sh(l, 'sleep 5');
			const master = expiries(l, 'lvs1');
			const backup = expiries(l, 'lvs2');
			expect(master.templates.every((x) => x > 354 && x <= 360), kernel).toBe(true);
			expect(backup.templates.length, kernel).toBe(1);
			expect(backup.templates.every((x) => x > tmpl - 2 && x <= tmpl), kernel).toBe(true);
			expect(backup.conns.length, kernel).toBeGreaterThan(50);
			expect(backup.conns.every((x) => x > conn - 6 && x <= conn), kernel).toBe(true);
			// Only backups that bind (2.6.24+) count the entries on their real servers.
			const active = l.world.host('lvs2')!.ipvs!.services[0]!.dests.reduce((n, d) => n + d.activeConns, 0);
			const persist = l.world.host('lvs2')!.ipvs!.services[0]!.dests.reduce((n, d) => n + d.persistConns, 0);
			expect([active, persist], kernel).toEqual(kernel.startsWith('2.6.8') ? [0, 0] : [backup.conns.length, 1]);
			sh(l, 'load stop');
		}
	});

	it('an unbound entry is bound once its real server exists and another message for it comes (2.6.24+)', () => {
		for (const kernel of ['2.6.8-2-386', '6.1.0-18-686']) {
			const l = directors(true, onKernel(kernel), ['lvs1']);
			sh(l, 'load start --rate 20 --hold 20');
			sh(l, 'sleep 5');
			sh(l, 'load stop');
			const synced = table(l, 'lvs2').length;
			expect(synced, kernel).toBeGreaterThan(50);
			virtualService(l, {director: 'lvs2', rips: ['10.0.0.11', '10.0.0.12']});
			// Nothing counts them yet: the next message for each entry binds it.
			expect(counts(l, 'lvs2'), kernel).toEqual(['rs2 0/0', 'rs1 0/0']);
			// The held connections close: the master syncs their FIN_WAIT.
			sh(l, 'sleep 20');
			const inact = counts(l, 'lvs2').reduce((n, c) => n + Number(c.split('/')[1]), 0);
			expect(inact, kernel).toBe(kernel.startsWith('2.6.8') ? 0 : synced);
		}
	});

	it('a backup with another syncid ignores the master', () => {
		const l = directors(true);
		l.world.host('lvs2')!.ipvs!.daemons[0]!.syncid = 3;
		sh(l, 'load start --rate 20 --hold 30');
		sh(l, 'sleep 5');
		expect(table(l, 'lvs2')).toEqual([]);
		expect(counts(l, 'lvs2')).toEqual(['rs2 0/0', 'rs1 0/0']);
		sh(l, 'load stop');
	});
});
