import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

const SARGE = 'test/fixtures/sarge-2.6.8.yaml';

/** The thesis' real-server preparation (§3.1.8): ARP sysctls, the VIP on lo:0 from interfaces, ifup. */
const PREPARE = (vip: string) => `cat >> /etc/sysctl.conf <<'EOF'
net.ipv4.conf.all.arp_ignore = 1
net.ipv4.conf.eth0.arp_ignore = 1
net.ipv4.conf.all.arp_announce = 2
net.ipv4.conf.eth0.arp_announce = 2
EOF
sysctl -p
cat >> /etc/network/interfaces <<'EOF'
auto lo:0
iface lo:0 inet static
address ${vip}
netmask 255.255.255.255
pre-up sysctl -p > /dev/null
EOF
ifup lo:0
echo $?
ip addr sh lo
`;

describe("the thesis' real-server preparation", () => {
	it('works end to end on a Sarge 2.6.8 host with the old output formats', () => {
		const out = run(`ssh apache1\n${PREPARE('192.168.0.105')}ifup lo:0\n/etc/init.d/networking restart\nip addr sh lo\nsysctl net.ipv4.conf.eth0.arp_announce\n`, SARGE);
		expect(out).toBe(`root@debian1:~# ssh apache1
root@apache1:~# cat >> /etc/sysctl.conf <<'EOF'
> net.ipv4.conf.all.arp_ignore = 1
> net.ipv4.conf.eth0.arp_ignore = 1
> net.ipv4.conf.all.arp_announce = 2
> net.ipv4.conf.eth0.arp_announce = 2
> EOF
root@apache1:~# sysctl -p
net.ipv4.conf.all.arp_ignore = 1
net.ipv4.conf.eth0.arp_ignore = 1
net.ipv4.conf.all.arp_announce = 2
net.ipv4.conf.eth0.arp_announce = 2
root@apache1:~# cat >> /etc/network/interfaces <<'EOF'
> auto lo:0
> iface lo:0 inet static
> address 192.168.0.105
> netmask 255.255.255.255
> pre-up sysctl -p > /dev/null
> EOF
root@apache1:~# ifup lo:0
root@apache1:~# echo $?
0
root@apache1:~# ip addr sh lo
1: lo: <LOOPBACK,UP> mtu 16436 qdisc noqueue 
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
    inet 192.168.0.105/32 scope global lo:0
root@apache1:~# ifup lo:0
ifup: interface lo:0 already configured
root@apache1:~# /etc/init.d/networking restart
Reconfiguring network interfaces: done.
root@apache1:~# ip addr sh lo
1: lo: <LOOPBACK,UP> mtu 16436 qdisc noqueue 
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
    inet 192.168.0.105/32 scope global lo:0
root@apache1:~# sysctl net.ipv4.conf.eth0.arp_announce
net.ipv4.conf.eth0.arp_announce = 2
`);
	});

	it('works end to end on the sandbox (modern formats), from a fresh host', () => {
		const out = run(`ssh client\n${PREPARE('10.0.0.100')}ifconfig lo:0\n`);
		expect(out).toContain(`root@client:~# ifup lo:0
root@client:~# echo $?
0
root@client:~# ip addr sh lo
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet 10.0.0.100/32 brd 10.0.0.100 scope global lo:0
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
root@client:~# ifconfig lo:0
lo:0: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536
        inet 10.0.0.100  netmask 255.255.255.255
        loop  txqueuelen 1000  (Local Loopback)

`);
		expect(out).toContain('root@client:~# sysctl -p\nnet.ipv4.conf.all.arp_ignore = 1\nnet.ipv4.conf.eth0.arp_ignore = 1\nnet.ipv4.conf.all.arp_announce = 2\nnet.ipv4.conf.eth0.arp_announce = 2\n');
	});

	it('changes the host state the network model reads', () => {
		const l = lab(SARGE);
		sh(l, 'ssh apache1');
		sh(l, PREPARE('192.168.0.105'));
		const host = l.world.host('apache1')!;
		expect(host.addresses.find((a) => a.label === 'lo:0')).toMatchObject({ip: 0xc0a80069, prefix: 32, dev: 'lo', scope: 'global'});
		expect(host.sysctl.get('net.ipv4.conf.all.arp_ignore')).toBe('1');
		expect(host.sysctl.get('net.ipv4.conf.eth0.arp_announce')).toBe('2');
		expect(host.routes.some((r) => r.dev === 'lo')).toBe(false);
	});

	it('shows the master director as the thesis printed it (the VIP as a secondary address)', () => {
		const out = run('ip addr add 192.168.0.105/24 brd 192.168.0.255 dev eth0\nip addr sh eth0\n', SARGE);
		expect(out).toBe(`root@debian1:~# ip addr add 192.168.0.105/24 brd 192.168.0.255 dev eth0
root@debian1:~# ip addr sh eth0
2: eth0: <BROADCAST,MULTICAST,UP> mtu 1500 qdisc pfifo_fast qlen 1000
    link/ether 00:50:56:4f:30:07 brd ff:ff:ff:ff:ff:ff
    inet 192.168.0.103/24 brd 192.168.0.255 scope global eth0
    inet 192.168.0.105/24 brd 192.168.0.255 scope global secondary eth0
`);
	});
});
