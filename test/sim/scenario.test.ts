import {describe, expect, it} from 'vitest';
import {parseScenario} from '../../source/scenario/load';
import {formatIp} from '../../source/sim/net/ipv4';
import {lab} from '../helpers/lab';

describe('scenarios', () => {
	it('builds the sandbox: director with the VIP on eth0:0 and four prepared real servers', () => {
		const {world} = lab('sandbox');
		expect([...world.hosts.keys()]).toEqual(['lvs1', 'rs1', 'rs2', 'rs3', 'rs4', 'client']);
		const lvs1 = world.host('lvs1')!;
		expect(lvs1.ipvs?.services).toEqual([]);
		expect(lvs1.addresses.filter((a) => a.dev === 'eth0').map((a) => `${formatIp(a.ip)}/${a.prefix} ${a.label}`)).toEqual(['10.0.0.1/24 eth0', '10.0.0.100/24 eth0:0']);
		for (let i = 1; i <= 4; i++) {
			const rs = world.host(`rs${i}`)!;
			expect(rs.primaryIp()).toBe(0x0a00000a + i);
			expect(rs.addresses.some((a) => a.dev === 'lo' && a.label === 'lo:0' && formatIp(a.ip) === '10.0.0.100' && a.prefix === 32)).toBe(true);
			expect(rs.addresses.some((a) => a.dev === 'tunl0' && formatIp(a.ip) === '10.0.0.100')).toBe(true);
			expect(rs.sysctl.get('net.ipv4.conf.all.arp_ignore')).toBe('1');
			expect(rs.sysctl.get('net.ipv4.conf.all.arp_announce')).toBe('2');
			expect(rs.routes.find((r) => r.prefix === 0 && r.via !== undefined)?.via).toBe(0x0a000001);
			expect(rs.fs.read('/var/www/index.html')).toBe(`rs${i}\n`);
			expect(rs.ipvs).toBeUndefined();
		}
		expect(world.host('client')!.primaryIp()).toBe(0x0a0000c8);
	});

	it('names file and line for schema errors and broken references', () => {
		const text = ['name: broken', 'title: t', 'start: nowhere', 'hosts:', '  a:', '    role: wizard', '    interfaces:', '      eth0: {addresses: [10.0.0.300/24]}', ''].join('\n');
		const r = parseScenario(text, 'my.yaml');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['my.yaml:6', 'my.yaml:8']);
		expect(r.errors[0]!.message).toMatch(/^hosts\.a\.role: /);
		const refs = parseScenario(['name: x', 'title: t', 'start: nowhere', 'hosts:', '  a: {role: client}', ''].join('\n'), 'x.yaml');
		expect(refs.ok ? [] : refs.errors).toEqual([{file: 'x.yaml', line: 3, message: 'start: no host named nowhere'}]);
		const yamlErr = parseScenario('name: x\ntitle: t\n  start: a\n', 'y.yaml');
		expect(yamlErr.ok ? [] : yamlErr.errors[0]).toEqual({file: 'y.yaml', line: 2, message: 'Nested mappings are not allowed in compact mappings'});
	});
});
