import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

const SARGE = 'test/fixtures/sarge-2.6.8.yaml';

describe('ip (iproute2 6.1 formats on the sandbox)', () => {
	it('lists addresses with flags, state, lifetimes, secondaries and IPv6 link-local', () => {
		expect(sh(lab(), 'ip addr')).toEqual({
			status: 0,
			out: `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000
    link/ether 00:16:3e:0b:11:03 brd ff:ff:ff:ff:ff:ff
    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0
       valid_lft forever preferred_lft forever
    inet 10.0.0.100/24 brd 10.0.0.255 scope global secondary eth0:0
       valid_lft forever preferred_lft forever
    inet6 fe80::216:3eff:fe0b:1103/64 scope link 
       valid_lft forever preferred_lft forever
`,
		});
	});

	it('shows tunl0 as @NONE and filters with -4, -o and dev', () => {
		const l = lab();
		sh(l, 'ssh rs1');
		expect(sh(l, 'ip -4 a sh tunl0').out).toBe(
			'3: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN group default qlen 1000\n    inet 10.0.0.100/32 scope global tunl0\n       valid_lft forever preferred_lft forever\n',
		);
		expect(sh(l, 'ip -o -4 addr show dev lo').out).toBe(
			'1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n1: lo    inet 10.0.0.100/32 scope global lo:0\\       valid_lft forever preferred_lft forever\n',
		);
		expect(sh(l, 'ip -o link show lo').out).toBe(
			'1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n',
		);
	});

	it('prints link statistics with -s', () => {
		expect(sh(lab(), 'ip -s link show eth0').out).toBe(`2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000
    link/ether 00:16:3e:0b:11:03 brd ff:ff:ff:ff:ff:ff
    RX:  bytes packets errors dropped  missed   mcast           
             0       0      0       0       0       0 
    TX:  bytes packets errors dropped carrier collsns           
             0       0      0       0       0       0 
`);
	});

	it('adds and deletes addresses, with the kernel errors and exit statuses', () => {
		expect(
			run(`ip addr add 10.0.0.100/32 dev lo label lo:0
ip addr add 10.0.0.100/32 dev lo label lo:0; echo $?
ip addr add 10.0.0.5/24 dev nosuch; echo $?
ip addr add 300.0.0.5/24 dev eth0; echo $?
ip addr add 10.0.0.5/24; echo $?
ip addr del 10.0.0.77/24 dev eth0; echo $?
ip addr del 10.0.0.100/32 dev lo; echo $?
ip addr show dev nosuch; echo $?
ip addr frob; echo $?
ip frob; echo $?
`),
		).toBe(`root@lvs1:~# ip addr add 10.0.0.100/32 dev lo label lo:0
root@lvs1:~# ip addr add 10.0.0.100/32 dev lo label lo:0; echo $?
Error: ipv4: Address already assigned.
2
root@lvs1:~# ip addr add 10.0.0.5/24 dev nosuch; echo $?
Cannot find device "nosuch"
1
root@lvs1:~# ip addr add 300.0.0.5/24 dev eth0; echo $?
Error: any valid prefix is expected rather than "300.0.0.5/24".
1
root@lvs1:~# ip addr add 10.0.0.5/24; echo $?
Not enough information: "dev" argument is required.
1
root@lvs1:~# ip addr del 10.0.0.77/24 dev eth0; echo $?
Error: ipv4: Address not found.
2
root@lvs1:~# ip addr del 10.0.0.100/32 dev lo; echo $?
0
root@lvs1:~# ip addr show dev nosuch; echo $?
Device "nosuch" does not exist.
1
root@lvs1:~# ip addr frob; echo $?
Command "frob" is unknown, try "ip address help".
255
root@lvs1:~# ip frob; echo $?
Object "frob" is unknown, try "ip help".
1
`);
	});

	it('adds and deletes routes; a link going down takes its routes with it', () => {
		expect(
			run(`ip route add 192.168.1.0/24 via 10.0.0.254
ip route add 192.168.1.0/24 via 10.0.0.254; echo $?
ip route add 192.168.2.0/24 via 172.16.0.1; echo $?
ip route del 192.168.9.0/24; echo $?
ip route add 192.168.3.0/24 dev eth0
ip route add default via 10.0.0.2
ip r
ip link set eth0 down
ip route
ip link show eth0
ip link set eth0 up
ip route show
ip link set nosuch up; echo $?
`),
		).toBe(`root@lvs1:~# ip route add 192.168.1.0/24 via 10.0.0.254
root@lvs1:~# ip route add 192.168.1.0/24 via 10.0.0.254; echo $?
RTNETLINK answers: File exists
2
root@lvs1:~# ip route add 192.168.2.0/24 via 172.16.0.1; echo $?
Error: Nexthop has invalid gateway.
2
root@lvs1:~# ip route del 192.168.9.0/24; echo $?
RTNETLINK answers: No such process
2
root@lvs1:~# ip route add 192.168.3.0/24 dev eth0
root@lvs1:~# ip route add default via 10.0.0.2
root@lvs1:~# ip r
default via 10.0.0.2 dev eth0 
10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 
192.168.1.0/24 via 10.0.0.254 dev eth0 
192.168.3.0/24 dev eth0 scope link 
root@lvs1:~# ip link set eth0 down
root@lvs1:~# ip route
root@lvs1:~# ip link show eth0
2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc fq_codel state DOWN mode DEFAULT group default qlen 1000
    link/ether 00:16:3e:0b:11:03 brd ff:ff:ff:ff:ff:ff
root@lvs1:~# ip link set eth0 up
root@lvs1:~# ip route show
10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 
root@lvs1:~# ip link set nosuch up; echo $?
Cannot find device "nosuch"
1
`);
	});

	it('refuses an MTU outside what the device takes, naming the side it is on', () => {
		const l = lab();
		expect(sh(l, 'ip link set eth0 mtu 20')).toEqual({out: 'Error: mtu less than device minimum.\n', status: 2});
		expect(sh(l, 'ip link set eth0 mtu 99999999')).toEqual({out: 'Error: mtu greater than device maximum.\n', status: 2});
		expect(sh(l, 'ip link set eth0 mtu 9000; ip link show eth0 | head -1').out).toContain(' mtu 9000 ');
	});

	it('shows the ARP cache from host.neighbors and edits it', () => {
		const l = lab();
		const host = l.world.host('lvs1')!;
		host.neighbors.set(0x0a00000b, {mac: '00:16:3e:aa:bb:cc', dev: 'eth0', state: 'REACHABLE', updated: 0});
		host.neighbors.set(0x0a00000c, {mac: '00:00:00:00:00:00', dev: 'eth0', state: 'FAILED', updated: 0});
		expect(sh(l, 'ip neigh').out).toBe('10.0.0.12 dev eth0 FAILED \n10.0.0.11 dev eth0 lladdr 00:16:3e:aa:bb:cc REACHABLE \n');
		expect(sh(l, 'ip neigh show dev eth0').out).toBe('10.0.0.12 FAILED \n10.0.0.11 lladdr 00:16:3e:aa:bb:cc REACHABLE \n');
		sh(l, 'ip neigh flush dev eth0');
		expect(host.neighbors.size).toBe(0);
	});
});

describe('ip (iproute 20041019 formats on a 2.6.8 kernel)', () => {
	it('prints no state, no lifetimes, no IPv6, and pfifo_fast', () => {
		expect(sh(lab(SARGE), 'ip addr').out).toBe(`1: lo: <LOOPBACK,UP> mtu 16436 qdisc noqueue 
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
2: eth0: <BROADCAST,MULTICAST,UP> mtu 1500 qdisc pfifo_fast qlen 1000
    link/ether 00:50:56:4f:30:07 brd ff:ff:ff:ff:ff:ff
    inet 192.168.0.103/24 brd 192.168.0.255 scope global eth0
`);
	});

	it('lists routes longest prefix first with the double-spaced attributes', () => {
		expect(sh(lab(SARGE), 'ip route').out).toBe('192.168.0.0/24 dev eth0  proto kernel  scope link  src 192.168.0.103 \ndefault via 192.168.0.1 dev eth0 \n');
	});

	it('uses the old error texts and statuses', () => {
		const l = lab(SARGE);
		expect(sh(l, 'ip addr add 192.168.0.103/24 dev eth0')).toEqual({out: 'RTNETLINK answers: File exists\n', status: 2});
		expect(sh(l, 'ip addr add 10.0.0.1/8 dev eth0 label foo')).toEqual({out: '"dev" (eth0) must match "label" (foo).\n', status: 255});
		expect(sh(l, 'ip addr show nosuch')).toEqual({out: 'Device "nosuch" does not exist.\n', status: 255});
		expect(sh(l, 'ip route add 10.9.0.0/16 via 172.16.0.1')).toEqual({out: 'RTNETLINK answers: Network is unreachable\n', status: 2});
	});

	it('prints the old -s columns and neighbour lines', () => {
		const l = lab(SARGE);
		l.world.host('debian1')!.neighbors.set(0xc0a80065, {mac: '00:16:3e:aa:bb:cc', dev: 'eth0', state: 'STALE', updated: 0});
		expect(sh(l, 'ip neigh').out).toBe('192.168.0.101 dev eth0 lladdr 00:16:3e:aa:bb:cc STALE\n');
		expect(sh(l, 'ip -s link show lo').out).toBe(`1: lo: <LOOPBACK,UP> mtu 16436 qdisc noqueue 
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    RX: bytes  packets  errors  dropped overrun mcast   
    0          0        0       0       0       0      
    TX: bytes  packets  errors  dropped carrier collsns 
    0          0        0       0       0       0      
`);
	});
});

describe('ip details', () => {
	it('filters addresses with to PREFIX (IPv4 only, no link line) and prints -s -s error counters', () => {
		const l = lab();
		expect(sh(l, 'ip addr show to 10.0.0.100/32').out).toBe(
			'2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    inet 10.0.0.100/24 brd 10.0.0.255 scope global secondary eth0:0\n       valid_lft forever preferred_lft forever\n',
		);
		expect(sh(l, 'ip -s -s link show lo').out).toContain(
			'    RX errors:  length    crc   frame    fifo overrun\n                     0      0       0       0       0 \n',
		);
	});

	it('answers route get from the routing table', () => {
		const l = lab();
		sh(l, 'ssh rs1');
		expect(sh(l, 'ip route get 10.0.0.50').out).toBe('10.0.0.50 dev eth0 src 10.0.0.11 uid 0 \n    cache \n');
		expect(sh(l, 'ip route get 8.8.8.8').out).toBe('8.8.8.8 via 10.0.0.1 dev eth0 src 10.0.0.11 uid 0 \n    cache \n');
		expect(sh(l, 'ip link set eth0 mtu abc')).toEqual({out: 'Error: argument "abc" is wrong: Invalid "mtu" value\n\n', status: 255});
		expect(sh(l, 'ip link show dev')).toEqual({out: 'Command line is not complete. Try option "help"\n', status: 255});
	});
});
