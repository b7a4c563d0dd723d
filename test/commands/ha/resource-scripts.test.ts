import {describe, expect, it} from 'vitest';
import {formatIp} from '../../../source/sim/net/ipv4';
import {lab, sh} from '../../helpers/lab';
import {advance} from '../../helpers/ultramonkey';

const split = (l: ReturnType<typeof lab>, line: string) => {
	const r = l.shell.execute(line + '\n');
	return {
		out: r.output.filter((c) => c.stream === 'out').map((c) => c.text).join(''),
		err: r.output.filter((c) => c.stream === 'err').map((c) => c.text).join(''),
		status: r.status,
	};
};

describe('heartbeat resource scripts by hand', () => {
	it('LVSSyncDaemonSwap master status on the active and the standby director (thesis 3.1.7 and test 2)', () => {
		const l = lab('ultramonkey');
		advance(l, 2);
		const master = l.world.host('debian1')!.ipvs!.daemons[0]!.pid;
		const backup = l.world.host('debian2')!.ipvs!.daemons[0]!.pid;
		expect(split(l, '/etc/ha.d/resource.d/LVSSyncDaemonSwap master status')).toEqual({out: `master running\n(ipvs_syncmaster pid: ${master})\n`, err: '', status: 0});
		expect(split(l, 'ssh debian2 /etc/ha.d/resource.d/LVSSyncDaemonSwap master status')).toEqual({out: `master stopped\n(ipvs_syncbackup pid: ${backup})\n`, err: '', status: 3});
		// The kernel threads are real processes.
		expect(l.world.host('debian1')!.processes.get(master)?.command).toBe('[ipvs_syncmaster]');
		expect(split(l, '/etc/ha.d/resource.d/LVSSyncDaemonSwap master')).toEqual({out: '', err: 'Usage: LVSSyncDaemonSwap {master|backup} {start|stop|status}\n', status: 1});
		expect(split(l, 'LVSSyncDaemonSwap master status')).toEqual({out: '', err: 'bash: LVSSyncDaemonSwap: command not found\n', status: 127});
	});

	it('LVSSyncDaemonSwap master start/stop swaps the two sync daemons', () => {
		const l = lab('ultramonkey');
		sh(l, 'ssh debian2');
		expect(sh(l, '/etc/ha.d/resource.d/LVSSyncDaemonSwap master start')).toEqual({out: '', status: 0});
		expect(l.world.host('debian2')!.ipvs!.daemons.map((d) => d.state)).toEqual(['master']);
		sh(l, '/etc/ha.d/resource.d/LVSSyncDaemonSwap master stop');
		expect(l.world.host('debian2')!.ipvs!.daemons.map((d) => d.state)).toEqual(['backup']);
	});

	it('IPaddr2 start/status/stop adds and removes the VIP as a secondary address, logging as heartbeat would', () => {
		const l = lab('ultramonkey');
		advance(l, 3);
		sh(l, 'ssh client curl -s http://192.168.0.105/');
		sh(l, 'ssh debian2');
		const host = l.world.host('debian2')!;
		expect(split(l, '/etc/ha.d/resource.d/IPaddr2 192.168.0.105/24/eth0/192.168.0.255 status')).toEqual({out: 'INFO:  Resource is stopped\n', err: '', status: 3});
		const start = split(l, '/etc/ha.d/resource.d/IPaddr2 192.168.0.105/24/eth0/192.168.0.255 start');
		expect(start.status).toBe(0);
		expect(start.err.split('\n').map((x) => x.replace(/^IPaddr2\[\d+\]: 2007\/06\/14_10:00:0\d /, ''))).toEqual([
			'INFO: Adding inet address 192.168.0.105/24 with broadcast address 192.168.0.255 to device eth0',
			'INFO: Bringing device eth0 up',
			'INFO: /usr/lib/heartbeat/send_arp -i 200 -r 5 -p /var/lib/heartbeat/rsctmp/send_arp/send_arp-192.168.0.105 eth0 192.168.0.105 auto not_used not_used',
			'INFO:  Success',
			'',
		]);
		expect(host.addresses.filter((a) => a.dev === 'eth0').map((a) => `${formatIp(a.ip)}/${a.prefix}`)).toEqual(['192.168.0.104/24', '192.168.0.105/24']);
		expect(split(l, '/etc/ha.d/resource.d/IPaddr2 192.168.0.105/24/eth0/192.168.0.255 status').out).toBe('INFO:  Running OK\n');
		// The gratuitous ARPs correct the client's cache entry for the VIP (it had debian1's MAC from a request).
		expect(l.world.host('client')!.neighbors.get(host.addresses[2]!.ip)?.mac).toBe('00:50:56:4f:30:07');
		advance(l, 1);
		expect(l.world.host('client')!.neighbors.get(host.addresses[2]!.ip)?.mac).toBe('00:16:3e:50:e3:3a');
		expect(split(l, '/etc/ha.d/resource.d/IPaddr2 192.168.0.105/24/eth0/192.168.0.255 stop').status).toBe(0);
		expect(host.addresses.some((a) => formatIp(a.ip) === '192.168.0.105')).toBe(false);
		expect(split(l, '/etc/ha.d/resource.d/IPaddr2 bogus start')).toMatchObject({status: 1});
		expect(split(l, '/etc/ha.d/resource.d/IPaddr2')).toEqual({out: '', err: 'usage: IPaddr2 ip-address[/netmask[/interface[/broadcast]]] {start|stop|status|monitor}\n', status: 1});
	});

	it('the heartbeat init script and its status', () => {
		const l = lab('ultramonkey');
		const pid = l.world.host('debian1')!.daemon<{name: string; pid: number}>('heartbeat')!.pid;
		expect(sh(l, '/etc/init.d/heartbeat status')).toEqual({out: `heartbeat OK [pid ${pid} et al] is running on debian1 [debian1]...\n`, status: 0});
		expect(sh(l, '/etc/init.d/heartbeat start').status).toBe(1);
		expect(sh(l, '/etc/init.d/heartbeat bogus')).toEqual({out: 'Usage: /etc/init.d/heartbeat {start|stop|status|restart|reload|force-reload}\n', status: 1});
		expect(sh(l, 'heartbeat')).toEqual({out: 'bash: heartbeat: command not found\n', status: 127});
		expect(sh(l, 'ssh apache1 /etc/init.d/heartbeat start')).toEqual({out: 'bash: /etc/init.d/heartbeat: No such file or directory\n', status: 127});
	});
});
