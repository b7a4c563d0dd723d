import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {virtualService} from '../../helpers/rr';

describe('scratch', () => {
	it('curl through DR', () => {
		const l = lab();
		for (const rs of ['rs1', 'rs2']) sh(l, `ssh ${rs} /etc/init.d/apache2 start`);
		l.world.host('rs1')!.daemon<any>('apache2').start();
		l.world.host('rs2')!.daemon<any>('apache2').start();
		virtualService(l);
		for (let i = 0; i < 6; i++) console.log(JSON.stringify(sh(l, 'curl -v http://10.0.0.100/')));
		const ipvs = l.world.host('lvs1')!.ipvs!;
		console.log([...ipvs.connections()].map((c) => JSON.stringify(c)).join('\n'));
		console.log(ipvs.services[0]!.dests.map((d) => `${d.addr} a=${d.activeConns} i=${d.inactConns} ${JSON.stringify(d.stats)}`));
		console.log(l.world.now, l.world.timeline.list().map((e) => e.text));
		expect(1).toBe(1);
	});
});
