import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';

describe('ping', () => {
	it('answers over the LAN at a period-like round trip, one packet per second of virtual time', () => {
		const l = lab();
		const r = sh(l, 'ping -c 3 rs2');
		expect(r.status).toBe(0);
		expect(r.out).toMatch(
			/^PING rs2 \(10\.0\.0\.12\) 56\(84\) bytes of data\.\n(64 bytes from rs2 \(10\.0\.0\.12\): icmp_seq=[123] ttl=64 time=0\.\d{3} ms\n){3}\n--- rs2 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 200\dms\nrtt min\/avg\/max\/mdev = 0\.\d{3}\/0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms\n$/,
		);
		expect(l.world.now).toBeGreaterThanOrEqual(2_000_000);
	});

	it('reports an unreachable host, a dead cable and bad input like iputils', () => {
		const l = lab();
		const gone = sh(l, 'ping -c 2 10.0.0.77');
		expect(gone.status).toBe(1);
		expect(gone.out).toContain('From 10.0.0.1 icmp_seq=1 Destination Host Unreachable\n');
		expect(gone.out).toContain('2 packets transmitted, 0 received, +2 errors, 100% packet loss');
		sh(l, 'unplug rs1');
		sh(l, 'sleep 60');
		expect(sh(l, 'ping -c 1 10.0.0.11').out).toContain('1 packets transmitted, 0 received');
		expect(sh(l, 'ping nowhere')).toEqual({out: 'ping: nowhere: Name or service not known\n', status: 2});
		expect(sh(l, 'ping -c x rs1')).toEqual({out: "ping: invalid argument: 'x'\n", status: 1});
		expect(sh(l, 'ping')).toEqual({out: 'ping: usage error: Destination address required\n', status: 1});
		expect(sh(l, 'ping -c 1 192.168.5.5')).toEqual({out: 'ping: connect: Network is unreachable\n', status: 2});
	});
});
