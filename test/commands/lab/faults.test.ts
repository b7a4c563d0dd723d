import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {counts, table, virtualService} from '../../helpers/ipvs';

describe('faults', () => {
	it('unplug and plug: a host without its cable answers nothing; every change is on the timeline', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		expect(sh(l, 'unplug rs1')).toEqual({out: 'rs1: cable pulled out of eth0\n', status: 0});
		expect(sh(l, 'unplug rs1')).toEqual({out: 'rs1: nothing to do (already that way)\n', status: 0});
		expect(sh(l, 'curl -m 2 http://10.0.0.100/').status).toBe(28);
		expect(sh(l, 'plug rs1 eth0')).toEqual({out: 'rs1: cable plugged back into eth0\n', status: 0});
		expect(sh(l, 'curl -s http://10.0.0.100/').out).toBe('rs1\n');
		const log = l.world.timeline.list().filter((e) => e.source === 'lab').map((e) => `${e.host} ${e.text}`);
		expect(log).toEqual(['rs1 cable pulled out of rs1 eth0', 'rs1 cable plugged back into rs1 eth0']);
		expect(sh(l, 'unplug rs1 lo')).toEqual({out: 'unplug: lo has no cable (only Ethernet interfaces do)\n', status: 1});
		expect(sh(l, 'unplug rs1 eth7')).toEqual({out: 'unplug: rs1 has no interface eth7\n', status: 1});
		expect(sh(l, 'unplug nowhere')).toEqual({out: 'unplug: no host named nowhere\n', status: 1});
		expect(sh(l, 'unplug')).toEqual({out: 'usage: unplug HOST [INTERFACE]\n', status: 2});
	});

	it('poweroff drops processes, ARP cache, the IPVS table and its connections; boot runs the boot list again', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
		for (let i = 0; i < 4; i++) sh(l, 'curl -s http://10.0.0.100/');
		const lvs1 = l.world.host('lvs1')!;
		expect(table(l)).toHaveLength(4);
		expect(lvs1.neighbors.size).toBeGreaterThan(0);
		expect(sh(l, 'poweroff lvs1').out).toBe('lvs1: powered off (processes, ARP cache, IPVS table and connections are gone)\n');
		expect(lvs1.ipvs!.services).toEqual([]);
		expect([...lvs1.ipvs!.connections()]).toEqual([]);
		expect(lvs1.neighbors.size).toBe(0);
		expect(sh(l, 'poweroff lvs1').out).toBe('lvs1: already powered off\n');
		// The client still caches lvs1's MAC: its SYNs vanish until the entry fails, then ARP gets no answer.
		expect(sh(l, 'curl -s -m 2 http://10.0.0.100/').status).toBe(28);
		const rs1 = l.world.host('rs1')!;
		expect(sh(l, 'poweroff rs1').status).toBe(0);
		expect(rs1.processes.list()).toEqual([]);
		expect(sh(l, 'boot rs1')).toEqual({out: 'rs1: powered on, booting\nStarting web server: apache2.\n', status: 0});
		expect(rs1.processes.list().map((p) => p.command)).toContain('/usr/sbin/apache2 -k start');
		expect(sh(l, 'boot rs1').out).toBe('rs1: already running\n');
		expect(sh(l, 'boot lvs1').out).toBe('lvs1: powered on, booting\n');
		expect(l.world.timeline.list().filter((e) => e.source === 'lab').map((e) => e.text)).toEqual([
			'lvs1 powered off',
			'rs1 powered off',
			'rs1 powered on and booting',
			'lvs1 powered on and booting',
		]);
	});

	it('poweroff without an argument turns off the host the shell is on, and ssh notices', () => {
		const l = lab();
		sh(l, 'ssh rs4');
		const r = l.shell.execute('poweroff\n');
		expect(r.output.map((c) => c.text).join('')).toBe('rs4: powered off (processes, ARP cache, IPVS table and connections are gone)\nConnection to rs4 closed by remote host.\n');
		expect(l.shell.prompt()).toBe('root@lvs1:~# ');
		expect(sh(l, 'ssh rs4').out).toBe('ssh: connect to host rs4 port 22: No route to host\n');
	});

	it('/etc/init.d/apache2 start, stop, restart and status with Debian\'s messages', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		sh(l, 'ssh rs1');
		expect(sh(l, '/etc/init.d/apache2 status').out).toMatch(/^Apache2 is running \(pid \d+\)\.\n$/);
		expect(sh(l, '/etc/init.d/apache2 stop')).toEqual({out: 'Stopping web server: apache2.\n', status: 0});
		expect(sh(l, '/etc/init.d/apache2 stop')).toEqual({out: 'Stopping web server: apache2httpd (no pid file) not running\n.\n', status: 0});
		expect(sh(l, '/etc/init.d/apache2 status')).toEqual({out: 'Apache2 is NOT running.\n', status: 3});
		expect(sh(l, 'curl http://10.0.0.100/').status).toBe(7);
		expect(sh(l, '/etc/init.d/apache2 start')).toEqual({out: 'Starting web server: apache2.\n', status: 0});
		expect(sh(l, '/etc/init.d/apache2 start').out).toMatch(/^Starting web server: apache2httpd \(pid \d+\) already running\n\.\n$/);
		expect(sh(l, '/etc/init.d/apache2 restart')).toEqual({out: 'Restarting web server: apache2.\n', status: 0});
		expect(sh(l, 'curl -s http://10.0.0.100/').out).toBe('rs1\n');
		expect(sh(l, '/etc/init.d/apache2 bogus')).toEqual({out: 'Usage: /etc/init.d/apache2 {start|stop|restart|reload|force-reload|status}\n', status: 1});
		sh(l, 'exit');
		sh(l, 'ssh client');
		expect(sh(l, '/etc/init.d/apache2 start').status).toBe(127);
	});

	it('a real server that loses power takes its connections with it; the director keeps its entries', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
		sh(l, 'load start --rate 5 --hold 60');
		sh(l, 'sleep 4');
		sh(l, 'poweroff rs1');
		sh(l, 'sleep 1');
		// The director has no health checks of its own: rs1's entries stay until they time out.
		expect(counts(l).find((c) => c.startsWith('rs1'))).toMatch(/^rs1 [1-9]\d*\/\d+$/);
		sh(l, 'load stop');
	});
});

describe('kernel messages', () => {
	it('dmesg shows link changes and the IPVS "no destination available" line', () => {
		const l = lab();
		const svc = virtualService(l, {rips: ['10.0.0.11']});
		svc.dests[0]!.weight = 0;
		sh(l, 'curl -s http://10.0.0.100/');
		expect(sh(l, 'dmesg').out).toContain('IPVS: rr: TCP 10.0.0.100:80 - no destination available\n');
		sh(l, 'unplug rs1');
		sh(l, 'plug rs1');
		expect(sh(l, 'ssh rs1 dmesg').out).toMatch(/\] e1000: eth0 NIC Link is Down\n.*\] e1000: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX\n$/s);
	});
});
