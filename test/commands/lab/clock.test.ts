import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';
import {parseStep} from '../../../source/commands/lab/clock';

describe('lab clock commands', () => {
	it('in run, pause/resume/speed are accepted silently and step lets time pass', () => {
		expect(run('pause\nspeed 20\nresume\ndate\nstep 90\ndate\nstep\ndate\n')).toBe(
			[
				'root@lvs1:~# pause',
				'root@lvs1:~# speed 20',
				'root@lvs1:~# resume',
				'root@lvs1:~# date',
				'Thu Nov 26 10:00:00 UTC 2026',
				'root@lvs1:~# step 90',
				'root@lvs1:~# date',
				'Thu Nov 26 10:01:30 UTC 2026',
				'root@lvs1:~# step',
				'root@lvs1:~# date',
				'Thu Nov 26 10:01:31 UTC 2026',
				'',
			].join('\n'),
		);
	});

	it('asks the screen for clock changes through the clock effect', () => {
		const l = lab();
		expect(l.shell.execute('pause\n').effects).toEqual([{kind: 'clock', action: 'pause'}]);
		expect(l.shell.execute('resume\n').effects).toEqual([{kind: 'clock', action: 'resume'}]);
		expect(l.shell.execute('speed 2.5\n').effects).toEqual([{kind: 'clock', action: 'speed', value: 2.5}]);
	});

	it('explains bad arguments and exits 2', () => {
		const l = lab();
		expect(sh(l, 'speed 100')).toEqual({out: 'speed: give how many times faster than real time the clock runs, from 1 to 50, e.g. speed 10\n', status: 2});
		expect(sh(l, 'speed').status).toBe(2);
		expect(sh(l, 'step soon')).toEqual({out: "step: 'soon' is not a time; give seconds of virtual time, e.g. step 5 (suffixes s, m, h)\n", status: 2});
		expect(sh(l, 'pause now')).toEqual({out: 'pause: takes no arguments\n', status: 2});
		expect(parseStep('2m')).toBe(120);
		expect(parseStep('0')).toBeUndefined();
	});

	it('quit ends a run script from inside an ssh session', () => {
		expect(run('ssh rs1\nquit\necho never\n')).toBe('root@lvs1:~# ssh rs1\nroot@rs1:~# quit\n');
	});
});
