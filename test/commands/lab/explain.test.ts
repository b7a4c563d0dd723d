import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {virtualService} from '../../helpers/ipvs';

describe('explain', () => {
	it('before any connection says so', () => {
		expect(sh(lab(), 'explain').out).toBe('No connection yet: run curl or ab first.\n');
		expect(sh(lab(), 'explain now')).toEqual({out: 'usage: explain\n', status: 2});
	});

	it('walks through a wlc decision with the candidates in list order and their numbers', () => {
		const l = lab();
		virtualService(l, {scheduler: 'wlc', rips: ['10.0.0.11:1', '10.0.0.12:2', '10.0.0.13:3']});
		sh(l, 'curl -s http://10.0.0.100/');
		sh(l, 'curl -s http://10.0.0.100/');
		const out = sh(l, 'explain').out;
		expect(out).toMatch(/^Last connection: curl from client 10\.0\.0\.200:\d+ to 10\.0\.0\.100:80, at 00:00:00\.\d{3} \([\d.]+ ms ago\)\.\n/);
		expect(out).toContain('1. The client\'s SYN went: client → lvs1.\n');
		expect(out).toContain('2. lvs1 holds 10.0.0.100 and the virtual service TCP 10.0.0.100:80 (scheduler wlc).\n');
		expect(out).toContain('3. lvs1 asked the wlc scheduler');
		// Candidates in kernel list order, newest first.
		const rows = out.split('\n').filter((x) => x.startsWith('     10.0.0.'));
		expect(rows.map((r) => r.trim().split(' ')[0])).toEqual(['10.0.0.13:80', '10.0.0.12:80', '10.0.0.11:80']);
		expect(out).toContain('Chosen 10.0.0.12:80 (rs2), forwarded by direct routing (DR)');
		expect(out).toMatch(/Result: served by rs2 in [\d.]+ ms\.\n$/);
	});

	it('speaks Spanish', () => {
		const l = lab();
		l.shell.options.lang = 'es';
		virtualService(l, {rips: ['10.0.0.11']});
		const rs1 = l.world.host('rs1')!;
		rs1.addresses = rs1.addresses.filter((a) => a.ip !== 0x0a000064);
		sh(l, 'curl -m 1 http://10.0.0.100/');
		const out = sh(l, 'explain').out;
		expect(out).toContain('Última conexión: curl desde client 10.0.0.200:');
		expect(out).toContain('Elegido 10.0.0.11:80 (rs1), reenviado por enrutamiento directo (DR)');
		expect(out).toContain('rs1 no tiene 10.0.0.100 en ninguna interfaz (DR necesita la VIP en un alias de loopback como lo:0)');
		expect(out).toContain('Resultado: falló (Connection timed out)');
	});

	it('explains the last ab connection and a failed one', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
		sh(l, 'ab -n 50 -c 5 http://10.0.0.100/');
		expect(sh(l, 'explain').out).toMatch(/^Last connection: ab from client/);
		l.world.host('lvs1')!.ipvs!.services[0]!.dests.forEach((d) => (d.weight = 0));
		sh(l, 'curl -s http://10.0.0.100/');
		expect(sh(l, 'explain').out).toContain('Result: failed (Connection refused): lvs1\'s rr scheduler found no real server it may use.\n');
	});
});
