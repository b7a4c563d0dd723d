import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

describe('ls', () => {
	it('prints long listings with mode, links, owner, size and the virtual date', () => {
		const l = lab();
		sh(l, 'mkdir /tmp/d; echo hello > /tmp/a; touch /tmp/b; chmod 600 /etc/hostname');
		expect(sh(l, 'ls -l /tmp').out).toBe('total 8\n-rw-r--r-- 1 root root    6 Nov 26 10:00 a\n-rw-r--r-- 1 root root    0 Nov 26 10:00 b\ndrwxr-xr-x 2 root root 4096 Nov 26 10:00 d\n');
		expect(sh(l, 'ls -la /tmp').out).toBe(
			'total 16\ndrwxr-xr-x  3 root root 4096 Nov 26 10:00 .\ndrwxr-xr-x 18 root root 4096 Nov 26 10:00 ..\n-rw-r--r--  1 root root    6 Nov 26 10:00 a\n-rw-r--r--  1 root root    0 Nov 26 10:00 b\ndrwxr-xr-x  2 root root 4096 Nov 26 10:00 d\n',
		);
		expect(sh(l, 'ls -l /etc/hostname').out).toBe('-rw------- 1 root root 5 Nov 26 10:00 /etc/hostname\n');
		expect(sh(l, 'ls -ld /tmp/d').out).toBe('drwxr-xr-x 2 root root 4096 Nov 26 10:00 /tmp/d\n');
	});

	it('shows times older than six months with the year, and -h sizes', () => {
		const l = lab();
		sh(l, 'head -c 5000 /etc/sysctl.conf > /tmp/x');
		l.world.advance(200 * 86400 * 1_000_000);
		expect(sh(l, 'ls -lh /tmp/x').out).toBe('-rw-r--r-- 1 root root 2.4K Nov 26  2026 /tmp/x\n');
	});

	it('puts several names in columns on the screen and one per line in a pipe', () => {
		const l = lab();
		sh(l, 'mkdir /tmp/c; cd /tmp/c; touch alpha beta gamma delta-long-name-file epsilon');
		expect(sh(l, 'ls').out).toBe('alpha  beta  delta-long-name-file  epsilon  gamma\n');
		expect(sh(l, 'ls | cat').out).toBe('alpha\nbeta\ndelta-long-name-file\nepsilon\ngamma\n');
		expect(sh(l, 'ls -1 /tmp/c | wc -l').out).toBe('5\n');
	});

	it('handles several operands, missing ones and bad options', () => {
		expect(run('ls /etc/hostname nosuch /etc/network; echo $?\nls -z; echo $?\n')).toBe(`root@lvs1:~# ls /etc/hostname nosuch /etc/network; echo $?
ls: cannot access 'nosuch': No such file or directory
/etc/hostname

/etc/network:
interfaces
2
root@lvs1:~# ls -z; echo $?
ls: invalid option -- 'z'
Try 'ls --help' for more information.
2
`);
	});
});
