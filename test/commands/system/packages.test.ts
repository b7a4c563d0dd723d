import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

const SARGE = 'test/fixtures/sarge-2.6.8.yaml';

describe('apt-get', () => {
	it('reports known packages as installed and unknown ones as apt 0.5 did on Sarge', () => {
		expect(run('apt-get install ultramonkey\napt-get install iproute apache2\napt-get install nosuch; echo $?\n', SARGE)).toBe(`root@debian1:~# apt-get install ultramonkey
Reading Package Lists... Done
Building Dependency Tree... Done
ultramonkey is already the newest version.
0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.
root@debian1:~# apt-get install iproute apache2
Reading Package Lists... Done
Building Dependency Tree... Done
iproute is already the newest version.
apache2 is already the newest version.
0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.
root@debian1:~# apt-get install nosuch; echo $?
Reading Package Lists... Done
Building Dependency Tree... Done
E: Couldn't find package nosuch
100
`);
	});

	it('uses apt 2.6 wording on the sandbox', () => {
		const l = lab();
		expect(sh(l, 'apt-get install -y iproute2').out).toBe(
			'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\niproute2 is already the newest version (6.1.0-3).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
		);
		expect(sh(l, 'apt-get install ultramonkey')).toEqual({
			out: 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nE: Unable to locate package ultramonkey\n',
			status: 100,
		});
		expect(sh(l, 'apt-get frob')).toEqual({out: 'E: Invalid operation frob\n', status: 100});
	});
});

describe('update-rc.d', () => {
	it("accepts the thesis' forms and prints what sysv-rc printed", () => {
		const l = lab(SARGE);
		sh(l, 'touch /etc/init.d/heartbeat /etc/init.d/ldirectord');
		expect(sh(l, '/usr/sbin/update-rc.d heartbeat start 75 2 3 4 5 . stop 05 0 1 6 .')).toEqual({
			status: 0,
			out: ` Adding system startup for /etc/init.d/heartbeat ...
   /etc/rc0.d/K05heartbeat -> ../init.d/heartbeat
   /etc/rc1.d/K05heartbeat -> ../init.d/heartbeat
   /etc/rc6.d/K05heartbeat -> ../init.d/heartbeat
   /etc/rc2.d/S75heartbeat -> ../init.d/heartbeat
   /etc/rc3.d/S75heartbeat -> ../init.d/heartbeat
   /etc/rc4.d/S75heartbeat -> ../init.d/heartbeat
   /etc/rc5.d/S75heartbeat -> ../init.d/heartbeat
`,
		});
		expect(sh(l, 'update-rc.d heartbeat defaults').out).toBe(' System startup links for /etc/init.d/heartbeat already exist.\n');
		sh(l, 'update-rc.d ldirectord defaults');
		expect(sh(l, 'update-rc.d ldirectord remove')).toEqual({out: 'update-rc.d: /etc/init.d/ldirectord exists during rc.d purge (use -f to force)\n', status: 1});
		expect(sh(l, '/usr/sbin/update-rc.d -f ldirectord remove').out).toBe(
			' Removing any system startup links for /etc/init.d/ldirectord ...\n   /etc/rc0.d/K20ldirectord\n   /etc/rc1.d/K20ldirectord\n   /etc/rc2.d/S20ldirectord\n   /etc/rc3.d/S20ldirectord\n   /etc/rc4.d/S20ldirectord\n   /etc/rc5.d/S20ldirectord\n   /etc/rc6.d/K20ldirectord\n',
		);
		expect(sh(l, 'ls /etc/rc2.d').out).toBe('S75heartbeat\n');
		expect(sh(l, 'update-rc.d nosuch defaults')).toEqual({out: 'update-rc.d: /etc/init.d/nosuch: file does not exist\n', status: 1});
	});

	it('warns about start/stop on a modern host', () => {
		const l = lab();
		sh(l, 'touch /etc/init.d/heartbeat');
		expect(sh(l, 'update-rc.d heartbeat start 75 2 3 4 5 . stop 05 0 1 6 .')).toEqual({out: 'update-rc.d: warning: start and stop actions are no longer supported; falling back to defaults\n', status: 0});
	});
});

describe('uptime, free, df, dmesg', () => {
	it('reads the virtual clock and the host hardware', () => {
		const l = lab(SARGE);
		l.world.advance(3725 * 1_000_000);
		expect(sh(l, 'uptime').out).toBe(' 11:02:05 up  1:02,  1 user,  load average: 0.00, 0.00, 0.00\n');
		expect(sh(l, 'free').out).toBe(
			'             total       used       free     shared    buffers     cached\nMem:        62636      48228      14408          0       3131      18790\n-/+ buffers/cache:      26307      36329\nSwap:           0          0          0\n',
		);
		expect(sh(l, 'df').out).toMatch(/^Filesystem {11}1K-blocks {6}Used Available Use% Mounted on\n\/dev\/hda1 {14}3842376 /);
		expect(sh(l, 'dmesg').out).toMatch(/^Linux version 2\.6\.8-2-386 /);
		sh(l, 'dmesg -c');
		expect(sh(l, 'dmesg').out).toBe('');
	});
});
