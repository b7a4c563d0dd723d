import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

const SARGE = 'test/fixtures/sarge-2.6.8.yaml';

describe('/etc/network/interfaces', () => {
	it('is generated from the scenario as the Debian installer writes it', () => {
		const l = lab();
		sh(l, 'ssh rs3');
		expect(sh(l, 'cat /etc/network/interfaces').out).toBe(`# This file describes the network interfaces available on your system
# and how to activate them. For more information, see interfaces(5).

# The loopback network interface
auto lo
iface lo inet loopback

# The primary network interface
auto eth0
iface eth0 inet static
	address 10.0.0.13
	netmask 255.255.255.0
	network 10.0.0.0
	broadcast 10.0.0.255
	gateway 10.0.0.1

auto lo:0
iface lo:0 inet static
	address 10.0.0.100
	netmask 255.255.255.255
`);
	});
});

describe('ifup and ifdown (ifupdown 0.8)', () => {
	it('runs pre-up and up commands, keeps state, and reports errors', () => {
		const l = lab();
		sh(l, 'ssh client');
		sh(l, "printf 'iface eth0:5 inet static\\n  address 10.0.0.205\\n  netmask 255.255.255.0\\n  pre-up echo PRE\\n  up echo UP\\n  down echo DOWN\\n\\niface bad inet static\\n  netmask 255.255.255.0\\n' >> /etc/network/interfaces");
		expect(sh(l, 'ifup eth0:5')).toEqual({out: 'PRE\nUP\n', status: 0});
		expect(sh(l, 'ip -4 -o addr sh eth0 label eth0:5').out).toBe('2: eth0    inet 10.0.0.205/24 brd 10.0.0.255 scope global secondary eth0:5\\       valid_lft forever preferred_lft forever\n');
		expect(sh(l, 'ifup eth0:5')).toEqual({out: 'ifup: interface eth0:5 already configured\n', status: 0});
		expect(sh(l, 'ifdown eth0:5')).toEqual({out: 'DOWN\n', status: 0});
		expect(sh(l, 'ifdown eth0:5')).toEqual({out: 'ifdown: interface eth0:5 not configured\n', status: 0});
		expect(sh(l, 'ifup nosuch')).toEqual({out: 'ifup: unknown interface nosuch\n', status: 1});
		expect(sh(l, 'ifup bad')).toEqual({
			out: 'ifup: missing required variable: address\nifup: missing required configuration variables for interface bad/inet\nifup: failed to bring up bad\n',
			status: 1,
		});
		expect(sh(l, 'ifup')).toEqual({out: 'ifup: no interface(s) specified\nifup: Use --help for help\n', status: 1});
	});

	it('fails when a pre-up command fails, and when the device is missing', () => {
		const l = lab();
		sh(l, 'ssh client');
		sh(l, "printf 'iface lo:7 inet static\\n address 10.9.9.9\\n netmask 255.255.255.255\\n pre-up false\\niface eth1 inet static\\n address 10.0.1.1\\n netmask 255.255.255.0\\n' >> /etc/network/interfaces");
		expect(sh(l, 'ifup lo:7')).toEqual({out: 'ifup: failed to bring up lo:7\n', status: 1});
		expect(sh(l, 'ifup eth1')).toEqual({out: 'Cannot find device "eth1"\nifup: failed to bring up eth1\n', status: 1});
		expect(sh(l, 'cat /run/network/ifstate').out).toBe('lo=lo\neth0=eth0\n');
	});

	it('restarts networking and gets the gateway back', () => {
		expect(run('ssh rs1\n/etc/init.d/networking restart\nip route\n/etc/init.d/networking frob; echo $?\n')).toBe(`root@lvs1:~# ssh rs1
root@rs1:~# /etc/init.d/networking restart
Restarting networking (via systemctl): networking.service.
root@rs1:~# ip route
default via 10.0.0.1 dev eth0 
10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.11 
root@rs1:~# /etc/init.d/networking frob; echo $?
Usage: /etc/init.d/networking {start|stop|reload|restart|force-reload}
1
`);
	});

	it('reports a malformed interfaces file with its line', () => {
		const l = lab();
		sh(l, "printf 'address 1.2.3.4\\n' > /tmp/ifs");
		expect(sh(l, 'ifup -i /tmp/ifs lo')).toEqual({out: 'ifup: /tmp/ifs:1: misplaced option\nifup: couldn\'t read interfaces file "/tmp/ifs"\n', status: 1});
	});
});

describe('ifup and ifdown (ifupdown 0.6 on a 2.6.8 kernel)', () => {
	it('uses the Sarge messages and statuses', () => {
		const l = lab(SARGE);
		sh(l, 'ssh apache1');
		sh(l, "printf 'iface bad inet static\\n address 10.0.0.1\\n' >> /etc/network/interfaces");
		expect(sh(l, 'ifup nosuch')).toEqual({out: 'Ignoring unknown interface nosuch=nosuch.\n', status: 0});
		expect(sh(l, 'ifup bad')).toEqual({out: "Don't seem to be have all the variables for bad/inet.\nFailed to bring up bad.\n", status: 0});
		expect(sh(l, 'ifup eth0')).toEqual({out: 'ifup: interface eth0 already configured\n', status: 0});
		expect(sh(l, 'ifdown eth0').status).toBe(0);
		expect(sh(l, 'ip link show eth0').out).toBe('2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc pfifo_fast qlen 1000\n    link/ether 00:16:3e:30:76:10 brd ff:ff:ff:ff:ff:ff\n');
		expect(sh(l, 'ifup eth0').status).toBe(0);
		expect(sh(l, 'ip route').out).toBe('192.168.0.0/24 dev eth0  proto kernel  scope link  src 192.168.0.101 \ndefault via 192.168.0.1 dev eth0 \n');
	});
});

describe('ifup -v', () => {
	it('echoes the steps and the static method templates as ifupdown 0.8 does', () => {
		const l = lab();
		sh(l, 'ssh client');
		sh(l, "printf 'auto lo:0\\niface lo:0 inet static\\naddress 192.168.0.105\\nnetmask 255.255.255.255\\npre-up echo PREUP > /dev/null\\n' >> /etc/network/interfaces");
		expect(sh(l, 'ifup -v lo:0')).toEqual({
			status: 0,
			out: '\nifup: configuring interface lo:0=lo:0 (inet)\necho PREUP > /dev/null\nrun-parts --exit-on-error --verbose /etc/network/if-pre-up.d\nip addr add 192.168.0.105/255.255.255.255 broadcast 192.168.0.105 \t  dev lo:0 label lo:0\nip link set dev lo:0   up\n\nrun-parts --exit-on-error --verbose /etc/network/if-up.d\n',
		});
		expect(sh(l, 'ip -o addr sh lo label lo:0').out).toBe('1: lo    inet 192.168.0.105/32 brd 192.168.0.105 scope global lo:0\\       valid_lft forever preferred_lft forever\n');
	});
});
