import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {counts, table, virtualService} from '../../helpers/ipvs';
import type {Lab} from '../../../source/lab/lab';
import {gratuitousArp} from '../../../source/sim/net/arp';
import {parseIp} from '../../../source/sim/net/ipv4';
import {SEC} from '../../../source/sim/time';
import {trafficEngine} from '../../../source/sim/traffic/engine';
import type {Flow} from '../../../source/sim/traffic/flow';
import {powerOff} from '../../../source/sim/net/faults';

const SCENARIO = fileURLToPath(new URL('./two-directors.yaml', import.meta.url));
const VIP = parseIp('10.0.0.100')!;

function directors(sync: boolean): Lab {
	const l = lab(SCENARIO);
	for (const d of ['lvs1', 'lvs2']) virtualService(l, {director: d, rips: ['10.0.0.11', '10.0.0.12']});
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
