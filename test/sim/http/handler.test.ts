import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {virtualService} from '../../helpers/ipvs';
import type {HttpServer} from '../../../source/sim/http/server';
import type {HttpHandler} from '../../../source/sim/http/types';

describe('pluggable HTTP handlers', () => {
	it('a handler that answers later in virtual time makes the client wait that long', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		const slow: HttpHandler = {
			handle(request, respond) {
				// A CPU-bound page: the answer comes 2.5 s later.
				l.world.after(2_500_000, () => respond({status: 200, reason: 'OK', headers: [['Content-Length', '5']], body: `slow ${request.path === '/x.php' ? 'x' : '?'}`.slice(0, 5)}));
			},
		};
		l.world.host('rs1')!.daemon<HttpServer>('apache2')!.handler = slow;
		const t0 = l.world.now;
		expect(sh(l, 'curl -s http://10.0.0.100/x.php')).toEqual({out: 'slow ', status: 0});
		expect(l.world.now - t0).toBeGreaterThan(2_500_000);
		expect(l.world.now - t0).toBeLessThan(2_600_000);
		// The connection was ESTABLISHED (active) while the page was being computed.
		expect(sh(l, 'curl -s -m 1 http://10.0.0.100/x.php')).toEqual({out: '', status: 28});
		expect(l.world.host('lvs1')!.ipvs!.services[0]!.dests[0]!.activeConns).toBe(1);
	});

	it('a handler that never answers leaves ab waiting until its -s timeout', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		l.world.host('rs1')!.daemon<HttpServer>('apache2')!.handler = {handle() {}};
		const r = sh(l, 'ab -n 3 -s 5 http://10.0.0.100/');
		expect(r.out).toContain('apr_pollset_poll: The timeout specified has expired (70007)\n');
	});
});
