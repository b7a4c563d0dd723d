import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';
import {loadScenario} from '../../../source/scenario/load';
import {buildWorld} from '../../../source/scenario/build';
import {powerOff, powerOn} from '../../../source/sim/net/faults';

const SARGE = 'test/fixtures/sarge-2.6.8.yaml';

describe('reboot, halt, poweroff and shutdown on a host', () => {
	it('reboot over ssh: systemd\'s wall, sshd closes the session, the host answers again 20 s later', () => {
		expect(run('ssh rs1\nreboot\nssh rs1\nsleep 19\nssh rs1\nsleep 1\nssh rs1\nuptime\n')).toBe(`root@lvs1:~# ssh rs1
root@rs1:~# reboot

Broadcast message from root@rs1 on pts/0 (Thu 2026-11-26 10:00:00 UTC):

The system is going down for reboot NOW!

Connection to rs1 closed by remote host.
Connection to rs1 closed.
root@lvs1:~# ssh rs1
ssh: connect to host rs1 port 22: No route to host
root@lvs1:~# sleep 19
root@lvs1:~# ssh rs1
ssh: connect to host rs1 port 22: No route to host
root@lvs1:~# sleep 1
root@lvs1:~# ssh rs1
root@rs1:~# uptime
 10:00:20 up 0 min,  1 user,  load average: 0.00, 0.00, 0.00
`);
	});

	it('comes back the way it was configured: runtime changes gone, saved ones applied, files kept, ARP empty, daemons restarted', () => {
		const l = lab();
		const rs1 = l.world.host('rs1')!;
		sh(l, 'curl -s http://10.0.0.11/');
		sh(l, 'ssh rs1');
		sh(l, 'ip addr add 10.9.9.9/32 dev lo label lo:5');
		sh(l, 'ip route add 192.168.7.0/24 via 10.0.0.254');
		sh(l, 'ip rule del from 10.0.0.11 table 100');
		sh(l, 'ip link set eth0 mtu 1400');
		sh(l, 'sysctl -w net.ipv4.conf.all.arp_ignore=0');
		sh(l, 'echo net.ipv4.ip_forward = 1 >> /etc/sysctl.conf');
		sh(l, "printf 'auto eth0:1\\niface eth0:1 inet static\\n address 10.0.0.61\\n netmask 255.255.255.0\\n' >> /etc/network/interfaces");
		sh(l, 'echo notes > /root/notes; echo scratch > /tmp/scratch');
		expect(rs1.neighbors.size).toBeGreaterThan(0);
		sh(l, 'reboot');
		sh(l, 'sleep 20');
		sh(l, 'ssh rs1');
		expect(sh(l, 'ip -4 -o addr').out).toBe(
			'1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n' +
				'1: lo    inet 10.0.0.100/32 brd 10.0.0.100 scope global lo:0\\       valid_lft forever preferred_lft forever\n' +
				'2: eth0    inet 10.0.0.11/24 brd 10.0.0.255 scope global eth0\\       valid_lft forever preferred_lft forever\n' +
				'2: eth0    inet 10.0.0.61/24 brd 10.0.0.255 scope global secondary eth0:1\\       valid_lft forever preferred_lft forever\n' +
				'3: tunl0    inet 10.0.0.100/32 scope global tunl0\\       valid_lft forever preferred_lft forever\n',
		);
		expect(sh(l, 'ip route; ip rule; ip route show table 100').out).toBe(
			'default via 10.0.0.1 dev eth0 \n10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.11 \n' +
				'0:\tfrom all lookup local\n32765:\tfrom 10.0.0.11 lookup 100\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n' +
				'default via 10.0.0.1 dev eth0 \n',
		);
		expect(rs1.interfaces.get('eth0')!.mtu).toBe(1500);
		expect(sh(l, 'sysctl net.ipv4.conf.all.arp_ignore net.ipv4.ip_forward').out).toBe('net.ipv4.conf.all.arp_ignore = 1\nnet.ipv4.ip_forward = 1\n');
		expect(sh(l, 'cat /root/notes; ls /tmp').out).toBe('notes\n');
		expect(sh(l, 'cat /run/network/ifstate').out).toBe('lo=lo\neth0=eth0\nlo:0=lo:0\neth0:1=eth0:1\n');
		expect(rs1.neighbors.size).toBe(0);
		expect(sh(l, '/etc/init.d/apache2 status').out).toMatch(/^Apache2 is running/);
		expect(sh(l, 'curl -s http://10.0.0.11/').out).toBe('rs1\n');
	});

	it('shows what a broken interfaces file does at boot, and the host stays off the network', () => {
		const l = lab();
		sh(l, 'ssh rs2');
		sh(l, "echo 'iface eth0 inet static' > /etc/network/interfaces; echo 'auto eth0' >> /etc/network/interfaces");
		sh(l, 'poweroff');
		expect(sh(l, 'boot rs2').out).toBe('rs2: powered on, booting\nifup: missing required variable: address\nifup: missing required configuration variables for interface eth0/inet\nifup: failed to bring up eth0\nStarting web server: apache2.\n');
		expect(sh(l, 'ssh rs2').out).toBe('ssh: connect to host rs2 port 22: No route to host\n');
	});

	it('reboot at the lab console waits for the machine and comes back on the same host', () => {
		const l = lab();
		sh(l, 'sysctl -w net.ipv4.ip_forward=0');
		expect(sh(l, 'reboot')).toEqual({
			out: '\nBroadcast message from root@lvs1 on tty1 (Thu 2026-11-26 10:00:00 UTC):\n\nThe system is going down for reboot NOW!\n\nlvs1: rebooting (everything in memory is lost); the lab waits the 20 s it takes\nlvs1: powered on, booting\n',
			status: 0,
		});
		expect(sh(l, 'date').out).toBe('Thu Nov 26 10:00:20 UTC 2026\n');
		expect(sh(l, 'sysctl net.ipv4.ip_forward').out).toBe('net.ipv4.ip_forward = 1\n');
	});

	it('halt leaves the console host off: only lab commands answer until boot', () => {
		const l = lab();
		sh(l, 'halt');
		expect(sh(l, 'ip addr')).toEqual({out: 'lvs1 is powered off: only lab commands work here (boot lvs1 powers it on)\n', status: 1});
		expect(sh(l, 'poweroff')).toEqual({out: 'lvs1: already powered off\n', status: 0});
		expect(sh(l, 'boot lvs1').out).toBe('lvs1: powered on, booting\n');
		expect(sh(l, 'hostname').out).toBe('lvs1\n');
	});

	it('the lab cutting the power of a rebooting host keeps it off', () => {
		const l = lab();
		sh(l, 'ssh rs3 reboot');
		expect(sh(l, 'ssh rs3').out).toBe('ssh: connect to host rs3 port 22: No route to host\n');
		expect(sh(l, 'poweroff rs3').out).toBe('rs3: powered off (it was rebooting; now it stays off)\n');
		sh(l, 'sleep 60');
		expect(l.world.host('rs3')!.powered).toBe(false);
	});

	it('shutdown with a time: logind schedules it, --show and -c, then it happens', () => {
		expect(run('ssh rs2\nshutdown -r +1\nshutdown --show\nshutdown -c\nshutdown --show; echo $?\nshutdown -h 10:02 going away\nsleep 119\nhostname\nsleep 1\nhostname\n')).toBe(`root@lvs1:~# ssh rs2
root@rs2:~# shutdown -r +1

Broadcast message from root@rs2 on pts/0 (Thu 2026-11-26 10:00:00 UTC):

The system is going down for reboot at Thu 2026-11-26 10:01:00 UTC!

Reboot scheduled for Thu 2026-11-26 10:01:00 UTC, use 'shutdown -c' to cancel.
root@rs2:~# shutdown --show
Reboot scheduled for Thu 2026-11-26 10:01:00 UTC, use 'shutdown -c' to cancel.
root@rs2:~# shutdown -c

Broadcast message from root@rs2 on pts/0 (Thu 2026-11-26 10:00:00 UTC):

The system shutdown has been cancelled

root@rs2:~# shutdown --show; echo $?
No scheduled shutdown.
1
root@rs2:~# shutdown -h 10:02 going away

Broadcast message from root@rs2 on pts/0 (Thu 2026-11-26 10:00:00 UTC):

going away
The system is going down for poweroff at Thu 2026-11-26 10:02:00 UTC!

Shutdown scheduled for Thu 2026-11-26 10:02:00 UTC, use 'shutdown -c' to cancel.
root@rs2:~# sleep 119
root@rs2:~# hostname
rs2
root@rs2:~# sleep 1
Connection to rs2 closed by remote host.
root@lvs1:~# hostname
lvs1
`);
	});

	it('prints systemd\'s help and errors', () => {
		const l = lab();
		expect(sh(l, 'halt --help').out).toContain('halt [OPTIONS...]\n\nHalt the system.\n');
		expect(sh(l, 'reboot -x')).toEqual({out: "reboot: invalid option -- 'x'\n", status: 1});
		expect(sh(l, 'reboot --now')).toEqual({out: "reboot: unrecognized option '--now'\n", status: 1});
		expect(sh(l, 'reboot firmware now')).toEqual({out: 'Too many arguments.\n', status: 1});
		expect(sh(l, 'halt -p now')).toEqual({out: 'Too many arguments.\n', status: 1});
		expect(sh(l, 'shutdown -r soon')).toEqual({out: 'Failed to parse time specification: soon\n', status: 1});
		expect(sh(l, 'reboot -w')).toEqual({out: '', status: 0});
		expect(l.world.host('lvs1')!.powered).toBe(true);
	});
});

describe('sysvinit on a Sarge host', () => {
	it('warns every minute in the foreground, then goes down with the old wall format', () => {
		expect(run('ssh apache1\nshutdown -r +2 new kernel\nssh apache1\nsleep 45\nssh apache1\nhalt\n', SARGE)).toBe(`root@debian1:~# ssh apache1
root@apache1:~# shutdown -r +2 new kernel

Broadcast message from root (pts/0) (Thu Jun 14 10:00:00 2007):

new kernel 
The system is going DOWN for reboot in 2 minutes!

Broadcast message from root (pts/0) (Thu Jun 14 10:01:00 2007):

new kernel 
The system is going DOWN for reboot in 1 minute!

Broadcast message from root (pts/0) (Thu Jun 14 10:02:00 2007):

new kernel 
The system is going down for reboot NOW!
Connection to apache1 closed by remote host.
Connection to apache1 closed.
root@debian1:~# ssh apache1
ssh: connect to host apache1 port 22: No route to host
root@debian1:~# sleep 45
root@debian1:~# ssh apache1
root@apache1:~# halt

Broadcast message from root (pts/0) (Thu Jun 14 10:02:45 2007):

The system is going down for system halt NOW!
Connection to apache1 closed by remote host.
Connection to apache1 closed.
`);
	});

	it('prints the old usages and errors', () => {
		const l = lab(SARGE);
		expect(sh(l, 'reboot now')).toEqual({
			out: "usage: reboot [-n] [-w] [-d] [-f] [-h] [-i]\n\t-n: don't sync before halting the system\n\t-w: only write a wtmp reboot record and exit.\n\t-d: don't write a wtmp record.\n\t-f: force halt/reboot, don't call shutdown.\n\t-h: put harddisks in standby mode.\n\t-i: shut down all network interfaces.\n",
			status: 1,
		});
		expect(sh(l, 'shutdown -c')).toEqual({out: 'shutdown: cannot find pid of running shutdown.\n', status: 1});
		expect(sh(l, 'shutdown -x now').out).toMatch(/^shutdown: invalid option -- x\nUsage:\t  shutdown \[-akrhPHfFnc\]/);
		expect(sh(l, 'shutdown -r 25:00').out).toMatch(/^Usage:\t  shutdown/);
		expect(sh(l, 'shutdown -k now').out).toBe('\nBroadcast message from root (tty1) (Thu Jun 14 10:00:00 2007):\n\nThe system is going down to maintenance mode NOW!\n\nShutdown cancelled.\n');
	});
});

describe('the engine alone', () => {
	it('brings a host back to the scenario\'s network when there is no shell to run ifup', () => {
		const found = loadScenario('sandbox');
		if (!found.ok) throw new Error(found.message);
		const world = buildWorld(found.config, 1);
		const rs1 = world.host('rs1')!;
		const before = JSON.stringify({a: rs1.addresses, r: rs1.routes, t: [...rs1.tables], u: rs1.rules});
		rs1.addresses = rs1.addresses.slice(0, 1);
		rs1.routes = [];
		rs1.rules = [];
		rs1.tables.clear();
		powerOff(world, rs1);
		expect(powerOn(world, rs1)).toBe('Starting web server: apache2.\n');
		expect(JSON.stringify({a: rs1.addresses, r: rs1.routes, t: [...rs1.tables], u: rs1.rules})).toBe(before);
	});
});
