import {describe, expect, it} from 'vitest';
import {complete} from '../../../source/ui/shell/completion';
import {lab, sh} from '../../helpers/lab';

describe('events', () => {
	it('filters by source and host, and names the choices when one does not exist', () => {
		const l = lab();
		sh(l, 'unplug rs1');
		expect(sh(l, 'events --source lab --host rs1').out).toBe('00:00:00.000  rs1      lab        cable pulled out of rs1 eth0\n');
		expect(sh(l, 'events --source bogus')).toEqual({out: 'events: no source named bogus (sources: lab, net, ipvs, heartbeat, ldirectord, sync, mosix, http, traffic)\n', status: 2});
		expect(sh(l, 'events --host nowhere').status).toBe(2);
		l.shell.options.lang = 'es';
		expect(sh(l, 'events --source=bogus').out).toBe('events: no hay ninguna fuente llamada bogus (fuentes: lab, net, ipvs, heartbeat, ldirectord, sync, mosix, http, traffic)\n');
		expect(sh(l, 'events --since x').out).toBe('events: --since necesita un número de segundos\nusage: events [--since SECS] [--host HOST] [--source SOURCE]\n');
	});

	it('completes every source after --source, openMosix\'s included', () => {
		const l = lab();
		const host = l.world.host('lvs1')!;
		expect(complete({registry: l.shell.registry, world: l.world, host, cwd: '/root'}, 'events --source m', 17)).toMatchObject({text: 'mosix ', done: true});
	});
});
