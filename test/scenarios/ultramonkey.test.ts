import {describe, expect, it} from 'vitest';
import {formatIp} from '../../source/sim/net/ipv4';
import {lab} from '../helpers/lab';

describe('the ultramonkey scenarios', () => {
	it('builds the thesis network: two directors, two DR real servers, a client, one switch', () => {
		const {world} = lab('ultramonkey');
		expect([...world.hosts.keys()]).toEqual(['debian1', 'debian2', 'apache1', 'apache2', 'client']);
		expect(world.scenario.start).toBe('debian1');
		const d1 = world.host('debian1')!;
		const d2 = world.host('debian2')!;
		expect([d1.interfaces.get('eth0')!.index, d1.interfaces.get('eth0')!.mac]).toEqual([4, '00:50:56:4f:30:07']);
		expect([d2.interfaces.get('eth0')!.index, d2.interfaces.get('eth0')!.mac]).toEqual([2, '00:16:3e:50:e3:3a']);
		expect([d1.kernel, d1.hardware.cpu, d1.hardware.mhz, d2.hardware.mhz]).toEqual(['2.6.8-2-386', 'Pentium MMX', 166, 550]);
		expect(d1.ipvs?.era.ipvsVersion).toBe('1.2.1');
		expect(d1.ipvs?.era.localNodeForward).toBe(true);
		for (const [h, ip, page] of [['apache1', '192.168.0.101', 'servidor apache 1\n'], ['apache2', '192.168.0.102', 'servidor apache 2\n']] as const) {
			const rs = world.host(h)!;
			expect(formatIp(rs.primaryIp()!)).toBe(ip);
			expect(rs.addresses.some((a) => a.label === 'lo:0' && formatIp(a.ip) === '192.168.0.105' && a.prefix === 32)).toBe(true);
			expect(rs.sysctl.get('net.ipv4.conf.all.arp_ignore')).toBe('1');
			expect(rs.sysctl.get('net.ipv4.conf.eth0.arp_announce')).toBe('2');
			expect(rs.fs.read('/var/www/ldirector.html')).toBe('Pagina de Prueba\n');
			expect(rs.fs.read('/var/www/index.html')).toBe(page);
			expect(rs.fs.read('/etc/network/interfaces')).toContain('netmask 255.255.255.255');
		}
	});

	it('ships the thesis files on both directors, authkeys mode 600', () => {
		const {world} = lab('ultramonkey');
		for (const h of ['debian1', 'debian2']) {
			const fs = world.host(h)!.fs;
			expect(fs.stat('/etc/ha.d/authkeys')?.mode).toBe(0o600);
			expect(fs.read('/etc/ha.d/authkeys')).toMatch(/^auth 3\n3 md5 ultramonkey\n$/m);
			expect(fs.read('/etc/ha.d/ha.cf')).toContain('mcast eth0 225.0.0.1 694 1 0\nauto_failback off\n');
			expect(fs.read('/etc/ha.d/haresources')).toContain('LVSSyncDaemonSwap::master \\\n');
			expect(fs.read('/etc/ha.d/ldirectord.cf')).toContain('\n        receive="Pagina de Prueba"\n');
			expect(fs.read('/etc/sysctl.conf')).toBe('net.ipv4.ip_forward = 1\n');
		}
	});

	it('the noarp variant leaves the real servers answering ARP for the VIP; hblink adds the crossover', () => {
		const noarp = lab('ultramonkey-noarp').world;
		expect(noarp.host('apache1')!.sysctl.get('net.ipv4.conf.all.arp_ignore')).toBe('0');
		expect(noarp.host('apache1')!.addresses.some((a) => a.label === 'lo:0')).toBe(true);
		const hb = lab('ultramonkey-hblink').world;
		expect(hb.segments.get('hblink')?.kind).toBe('crossover');
		expect(hb.host('debian1')!.interfaces.get('eth1')?.segment).toBe('hblink');
		expect(hb.host('debian1')!.fs.read('/etc/ha.d/ha.cf')).toContain('bcast        eth1\n');
	});
});
