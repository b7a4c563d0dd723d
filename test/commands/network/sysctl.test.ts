import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

const SARGE = 'test/fixtures/sarge-2.6.8.yaml';

describe('sysctl (procps 4.0 on the sandbox)', () => {
	it('reads, writes and reports unknown keys like procps-ng', () => {
		expect(
			run(`sysctl net.ipv4.ip_forward
sysctl -n net.ipv4.conf.eth0.arp_ignore
sysctl net/ipv4/ip_forward
sysctl net.ipv4.foo; echo $?
sysctl -w net.ipv4.ip_forward=0
sysctl net.ipv4.ip_forward=1
sysctl -q -w net.ipv4.conf.all.arp_ignore=1
sysctl -n net.ipv4.conf.all.arp_ignore
sysctl -w net.ipv4.foo=1; echo $?
sysctl -w net.ipv4.ip_forward; echo $?
sysctl -w net.ipv4.conf.all.arp_ignore=abc; echo $?
`),
		).toBe(`root@lvs1:~# sysctl net.ipv4.ip_forward
net.ipv4.ip_forward = 1
root@lvs1:~# sysctl -n net.ipv4.conf.eth0.arp_ignore
0
root@lvs1:~# sysctl net/ipv4/ip_forward
net.ipv4.ip_forward = 1
root@lvs1:~# sysctl net.ipv4.foo; echo $?
sysctl: cannot stat /proc/sys/net/ipv4/foo: No such file or directory
1
root@lvs1:~# sysctl -w net.ipv4.ip_forward=0
net.ipv4.ip_forward = 0
root@lvs1:~# sysctl net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
root@lvs1:~# sysctl -q -w net.ipv4.conf.all.arp_ignore=1
root@lvs1:~# sysctl -n net.ipv4.conf.all.arp_ignore
1
root@lvs1:~# sysctl -w net.ipv4.foo=1; echo $?
sysctl: cannot stat /proc/sys/net/ipv4/foo: No such file or directory
1
root@lvs1:~# sysctl -w net.ipv4.ip_forward; echo $?
sysctl: command line(0): invalid syntax, continuing...
1
root@lvs1:~# sysctl -w net.ipv4.conf.all.arp_ignore=abc; echo $?
sysctl: setting key "net.ipv4.conf.all.arp_ignore": Invalid argument
1
`);
	});

	it('loads a file with comments, blanks, bad lines and ignorable (-) keys', () => {
		const l = lab();
		sh(l, "printf '# comment\\n\\n; semi\\nnet.ipv4.ip_forward = 0\\n  net.ipv4.conf.all.arp_ignore=1\\nnet.ipv4.bogus = 3\\nnot a line\\n-net.ipv4.nothere = 2\\n-net.ipv4.conf.all.arp_announce = 2\\n' > /tmp/s.conf");
		expect(sh(l, 'sysctl -p /tmp/s.conf')).toEqual({
			status: 1,
			out: 'net.ipv4.ip_forward = 0\nnet.ipv4.conf.all.arp_ignore = 1\nsysctl: cannot stat /proc/sys/net/ipv4/bogus: No such file or directory\nsysctl: /tmp/s.conf(7): invalid syntax, continuing...\nnet.ipv4.conf.all.arp_announce = 2\n',
		});
		expect(sh(l, 'sysctl -p /nonexistent')).toEqual({out: 'sysctl: cannot open "/nonexistent": No such file or directory\n', status: 1});
		expect(l.world.host('lvs1')!.sysctl.get('net.ipv4.conf.all.arp_announce')).toBe('2');
	});

	it('reads /etc/sysctl.conf by default: the Debian file plus the scenario settings', () => {
		const l = lab();
		sh(l, 'ssh rs2');
		expect(sh(l, 'sysctl -p')).toEqual({
			status: 0,
			out: 'net.ipv4.conf.all.arp_announce = 2\nnet.ipv4.conf.all.arp_ignore = 1\nnet.ipv4.conf.eth0.arp_announce = 2\nnet.ipv4.conf.eth0.arp_ignore = 1\n',
		});
		expect(sh(l, 'head -4 /etc/sysctl.conf').out).toBe('#\n# /etc/sysctl.conf - Configuration file for setting system variables\n# See /etc/sysctl.d/ for additional system variables.\n# See sysctl.conf (5) for information.\n');
	});

	it('lists a subtree and everything with -a, agreeing with /proc/sys', () => {
		const l = lab();
		expect(sh(l, 'sysctl net.ipv4.conf.lo').out).toContain('net.ipv4.conf.lo.arp_announce = 0\nnet.ipv4.conf.lo.arp_ignore = 0\n');
		const all = sh(l, 'sysctl -a').out;
		expect(all).toContain('net.ipv4.ip_forward = 1\n');
		expect(sh(l, 'cat /proc/sys/net/ipv4/ip_forward').out).toBe('1\n');
		expect(sh(l, 'sysctl -z').out).toMatch(/^sysctl: invalid option -- 'z'\n\nUsage:\n sysctl \[options\]/);
	});
});

describe('sysctl (procps 3.2 on a 2.6.8 kernel)', () => {
	it('prints the Sarge-era errors with status 255', () => {
		expect(
			run(`sysctl net.ipv4.foo; echo $?
sysctl -w net.ipv4.ip_forward; echo $?
sysctl -w net.ipv4.ip_forward=1
sysctl -p /nonexistent; echo $?
sysctl -x
`, SARGE),
		).toBe(`root@debian1:~# sysctl net.ipv4.foo; echo $?
error: "net.ipv4.foo" is an unknown key
255
root@debian1:~# sysctl -w net.ipv4.ip_forward; echo $?
error: "net.ipv4.ip_forward" must be of the form name=value
255
root@debian1:~# sysctl -w net.ipv4.ip_forward=1
net.ipv4.ip_forward = 1
root@debian1:~# sysctl -p /nonexistent; echo $?
error: unable to open preload file "/nonexistent"
255
root@debian1:~# sysctl -x
`);
	});

	it('warns about bad lines in -p files in the old wording', () => {
		const l = lab(SARGE);
		sh(l, "printf 'net.ipv4.ip_forward = 1\\nbroken\\nnet.ipv4.nope = 1\\n' > /tmp/s.conf");
		expect(sh(l, 'sysctl -p /tmp/s.conf')).toEqual({out: 'net.ipv4.ip_forward = 1\nwarning: /tmp/s.conf(2): invalid syntax, continuing...\nerror: "net.ipv4.nope" is an unknown key\n', status: 255});
	});
});
