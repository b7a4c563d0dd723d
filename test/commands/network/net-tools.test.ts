import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

const SARGE = 'test/fixtures/sarge-2.6.8.yaml';

describe('ifconfig', () => {
	it('prints net-tools 2.10 blocks, sorted by name, aliases without counters', () => {
		const l = lab();
		sh(l, 'ssh rs1');
		expect(sh(l, 'ifconfig lo:0').out).toBe('lo:0: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n        inet 10.0.0.100  netmask 255.255.255.255\n        loop  txqueuelen 1000  (Local Loopback)\n\n');
		expect(sh(l, 'ifconfig eth0').out).toBe(`eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500
        inet 10.0.0.11  netmask 255.255.255.0  broadcast 10.0.0.255
        inet6 fe80::216:3eff:fe30:7610  prefixlen 64  scopeid 0x20<link>
        ether 00:16:3e:30:76:10  txqueuelen 1000  (Ethernet)
        RX packets 0  bytes 0 (0.0 B)
        RX errors 0  dropped 0  overruns 0  frame 0
        TX packets 0  bytes 0 (0.0 B)
        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0

`);
		expect(sh(l, 'ifconfig').out.match(/^\S+:/gm)).toEqual(['eth0:', 'lo:', 'lo:0:', 'tunl0:']);
	});

	it('adds an alias the thesis way, takes it down, and reports bad input', () => {
		expect(
			run(`ssh client
ifconfig lo:0 10.0.0.100 netmask 255.255.255.255 up
ip addr sh lo | grep lo:0
ifconfig eth0:1 10.0.0.201 netmask 255.255.255.0 up
ip -4 addr sh eth0 | grep inet
ifconfig eth0:1 down
ip -4 -o addr sh eth0 | wc -l
ifconfig nosuch; echo $?
ifconfig eth0 10.0.0.300; echo $?
ifconfig eth0 frob; echo $?
ifconfig nosuch 10.0.0.5; echo $?
`),
		).toBe(`root@lvs1:~# ssh client
root@client:~# ifconfig lo:0 10.0.0.100 netmask 255.255.255.255 up
root@client:~# ip addr sh lo | grep lo:0
    inet 10.0.0.100/32 scope global lo:0
root@client:~# ifconfig eth0:1 10.0.0.201 netmask 255.255.255.0 up
root@client:~# ip -4 addr sh eth0 | grep inet
    inet 10.0.0.200/24 brd 10.0.0.255 scope global eth0
    inet 10.0.0.201/24 brd 10.0.0.255 scope global secondary eth0:1
root@client:~# ifconfig eth0:1 down
root@client:~# ip -4 -o addr sh eth0 | wc -l
1
root@client:~# ifconfig nosuch; echo $?
nosuch: error fetching interface information: Device not found
1
root@client:~# ifconfig eth0 10.0.0.300; echo $?
10.0.0.300: Unknown host
ifconfig: \`--help' gives usage information.
1
root@client:~# ifconfig eth0 frob; echo $?
frob: Host name lookup failure
ifconfig: \`--help' gives usage information.
1
root@client:~# ifconfig nosuch 10.0.0.5; echo $?
SIOCSIFADDR: No such device
nosuch: ERROR while getting interface flags: No such device
255
`);
	});

	it('shows only up interfaces unless -a', () => {
		const l = lab();
		sh(l, 'ip link set eth0 down');
		expect(sh(l, 'ifconfig').out).not.toContain('eth0');
		expect(sh(l, 'ifconfig -a').out).toContain('eth0: flags=4098<BROADCAST,MULTICAST>  mtu 1500\n');
	});

	it('prints net-tools 1.60 blocks on a 2.6.8 kernel', () => {
		const l = lab(SARGE);
		expect(sh(l, 'ifconfig').out).toBe(`eth0      Link encap:Ethernet  HWaddr 00:50:56:4F:30:07  
          inet addr:192.168.0.103  Bcast:192.168.0.255  Mask:255.255.255.0
          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1
          RX packets:0 errors:0 dropped:0 overruns:0 frame:0
          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0
          collisions:0 txqueuelen:1000 
          RX bytes:0 (0.0 b)  TX bytes:0 (0.0 b)

lo        Link encap:Local Loopback  
          inet addr:127.0.0.1  Mask:255.0.0.0
          UP LOOPBACK RUNNING  MTU:16436  Metric:1
          RX packets:0 errors:0 dropped:0 overruns:0 frame:0
          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0
          collisions:0 txqueuelen:0 
          RX bytes:0 (0.0 b)  TX bytes:0 (0.0 b)

`);
		sh(l, 'ifconfig lo:0 192.168.0.105 netmask 255.255.255.255 up');
		expect(sh(l, 'ifconfig lo:0').out).toBe('lo:0      Link encap:Local Loopback  \n          inet addr:192.168.0.105  Mask:255.255.255.255\n          UP LOOPBACK RUNNING  MTU:16436  Metric:1\n\n');
	});
});

describe('arp -d and arp -s', () => {
	it('deletes an entry, sets a permanent one, and answers mistakes as net-tools does', () => {
		const l = lab();
		sh(l, 'ping -c 1 10.0.0.11');
		expect(sh(l, 'arp -d 10.0.0.11')).toEqual({out: '', status: 0});
		expect(sh(l, 'arp -n').out).toBe('');
		expect(sh(l, 'arp -d 10.0.0.11')).toEqual({out: 'No ARP entry for 10.0.0.11\n', status: 255});
		expect(sh(l, 'arp -d 192.168.77.1')).toEqual({out: 'SIOCDARP(dontpub): Network is unreachable\n', status: 255});
		expect(sh(l, 'arp -s 10.0.0.77 0:16:3e:aa:bb:cc')).toEqual({out: '', status: 0});
		expect(sh(l, 'arp -an').out).toBe('? (10.0.0.77) at 00:16:3e:aa:bb:cc [ether] PERM on eth0\n');
		expect(sh(l, 'arp -s 10.0.0.78 zz')).toEqual({out: 'arp: invalid hardware address\n', status: 255});
		expect(sh(l, 'arp -s 10.0.0.78')).toEqual({out: 'arp: need hardware address\n', status: 255});
		expect(sh(l, 'arp -s 192.168.77.1 00:16:3e:aa:bb:cc')).toEqual({out: 'SIOCSARP: Network is unreachable\n', status: 255});
	});

	it('a static entry pointing at the wrong machine sends the traffic there', () => {
		const l = lab();
		sh(l, 'ipvsadm -A -t 10.0.0.100:80 -s rr');
		sh(l, 'ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.11 -g');
		const rs2 = l.world.host('rs2')!.interfaces.get('eth0')!.mac;
		sh(l, 'ssh client');
		expect(sh(l, 'curl -s http://10.0.0.100/').out).toBe('rs1\n');
		// Every request now reaches rs2 instead of the director; rs2 answers for the VIP it holds on lo.
		sh(l, `arp -s 10.0.0.100 ${rs2}`);
		expect(sh(l, 'curl -s http://10.0.0.100/').out).toBe('rs2\n');
	});
});

describe('route and arp', () => {
	it('prints the kernel routing table numerically and with names', () => {
		const l = lab();
		sh(l, 'ssh rs1');
		const head = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
		expect(sh(l, 'route -n').out).toBe(`${head}0.0.0.0         10.0.0.1        0.0.0.0         UG    0      0        0 eth0\n10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0\n`);
		expect(sh(l, 'route').out).toBe(`${head}default         lvs1            0.0.0.0         UG    0      0        0 eth0\n10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0\n`);
	});

	it('adds and deletes routes with net-tools syntax and errors', () => {
		const l = lab();
		expect(sh(l, 'route add -net 192.168.5.0 netmask 255.255.255.0 gw 10.0.0.254').status).toBe(0);
		expect(sh(l, 'route add -net 192.168.5.0 netmask 255.255.255.0 gw 10.0.0.254')).toEqual({out: 'SIOCADDRT: File exists\n', status: 7});
		expect(sh(l, 'route add default gw 172.16.0.1')).toEqual({out: 'SIOCADDRT: Network is unreachable\n', status: 7});
		expect(sh(l, 'ip route').out).toContain('192.168.5.0/24 via 10.0.0.254 dev eth0 \n');
		expect(sh(l, 'route del -net 192.168.5.0 netmask 255.255.255.0').status).toBe(0);
		expect(sh(l, 'route del -net 192.168.5.0 netmask 255.255.255.0')).toEqual({out: 'SIOCDELRT: No such process\n', status: 7});
	});

	it("names the local network, uses '*' for no gateway and lists default last on a 2.6.8 kernel", () => {
		expect(sh(lab(SARGE), 'route').out).toBe(
			'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\nlocalnet        *               255.255.255.0   U     0      0        0 eth0\ndefault         192.168.0.1     0.0.0.0         UG    0      0        0 eth0\n',
		);
	});

	it('prints the ARP cache in both styles', () => {
		const l = lab();
		const host = l.world.host('lvs1')!;
		expect(sh(l, 'arp -n').out).toBe('');
		host.neighbors.set(0x0a00000b, {mac: '00:16:3e:aa:bb:cc', dev: 'eth0', state: 'REACHABLE', updated: 0});
		host.neighbors.set(0x0a00000c, {mac: '00:00:00:00:00:00', dev: 'eth0', state: 'INCOMPLETE', updated: 0});
		expect(sh(l, 'arp -n').out).toBe(
			'Address                  HWtype  HWaddress           Flags Mask            Iface\n10.0.0.12                        (incomplete)                              eth0\n10.0.0.11                ether   00:16:3e:aa:bb:cc   C                     eth0\n',
		);
		expect(sh(l, 'arp -a').out).toBe('rs2 (10.0.0.12) at <incomplete> on eth0\nrs1 (10.0.0.11) at 00:16:3e:aa:bb:cc [ether] on eth0\n');
		expect(sh(l, 'arp -n 10.0.0.9').out).toBe('10.0.0.9 (10.0.0.9) -- no entry\n');
	});
});
