import {describe, expect, it} from 'vitest';
import {lab, sh} from '../helpers/lab';
import {AB_LIMIT} from '../../source/commands/traffic/ab';
import {MAX_SLEEP_PER_LINE} from '../../source/commands/shell/sleep';

/** Inputs whose real effect is unbounded: the lab says where it stops, and keeps running. */
describe('huge numbers and empty names', () => {
	it('sleep lets at most a day of virtual time pass per command line, and leaves a loop around it', () => {
		const l = lab('ultramonkey');
		const before = l.world.now;
		expect(sh(l, 'sleep 99999999999999')).toEqual({out: 'cluster-lab: sleep stops once a day of virtual time has passed in this command line\n', status: 0});
		expect(l.world.now - before).toBe(MAX_SLEEP_PER_LINE * 1_000_000);
		expect(sh(l, 'date').out).toBe('Fri Jun 15 10:00:00 UTC 2007\n');
		expect(sh(l, 'for i in 1 2 3; do sleep 40000; echo $i; done; echo after').out).toBe('1\n2\ncluster-lab: sleep stops once a day of virtual time has passed in this command line\nafter\n');
		// Ordinary sleeps are untouched.
		expect(sh(l, 'sleep 1.5; sleep 2m')).toEqual({out: '', status: 0});
	});

	it('ab reads -n as a C long (saturating) and refuses more requests than the lab simulates', () => {
		const l = lab('ultramonkey');
		expect(sh(l, 'ab -n 99999999999999 http://192.168.0.105/')).toEqual({out: `cluster-lab: ab -n 2147483647 is more requests than the lab simulates (at most ${AB_LIMIT})\n`, status: 1});
	});

	it("printf clamps a '*' width to an int with bash's warning and refuses gigabytes of padding", () => {
		const l = lab();
		expect(sh(l, "printf '%*d' 99999999999 1")).toEqual({
			out: 'bash: printf: warning: 99999999999: Numerical result out of range\ncluster-lab: printf: a field wider than 1000000 characters is more than the lab prints\n',
			status: 1,
		});
		expect(sh(l, "printf '%*d|' 5 1").out).toBe('    1|');
	});

	it('ifconfig mtu goes through SIOCSIFMTU: out-of-range values are refused', () => {
		const l = lab('ultramonkey');
		for (const v of ['99999999999999', '10', 'abc']) expect(sh(l, `ifconfig eth0 mtu ${v}`)).toEqual({out: 'SIOCSIFMTU: Invalid argument\n', status: 1});
		expect(sh(l, 'ifconfig eth0 mtu 1400; ip link show eth0').out).toContain('mtu 1400 ');
	});

	it('an empty file name is no file at all, not the working directory', () => {
		const l = lab('ultramonkey');
		expect(sh(l, 'cat ""')).toEqual({out: 'cat: : No such file or directory\n', status: 1});
		expect(sh(l, 'wc ""').out).toBe('wc: : No such file or directory\n');
		expect(sh(l, 'touch ""').out).toBe("touch: cannot touch `': No such file or directory\n");
		expect(sh(l, 'echo hi > ""')).toEqual({out: 'bash: : No such file or directory\n', status: 1});
		expect(sh(l, 'cat < ""').out).toBe('bash: : No such file or directory\n');
		expect(sh(l, 'cd /tmp; cd ""; pwd').out).toBe('/tmp\n');
	});
});
