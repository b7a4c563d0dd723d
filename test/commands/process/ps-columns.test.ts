import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';

// Layout rules checked against procps-ng 4.0.2: right-aligned numbers, left-aligned
// text cut to its width unless it is the last column, headers renamed with `=`,
// widened by a long header, and left out when every header is empty.
describe('ps -o', () => {
	it('prints the columns asked for, in procps\' widths', () => {
		const l = lab();
		expect(sh(l, 'ps -o pid,ppid,user,uid,stat,tty,time,ni,comm').out).toBe(
			'    PID    PPID USER       UID STAT TT           TIME  NI COMMAND\n' +
				'   1000    4242 root         0 R+   pts/0    00:00:00   0 ps\n' +
				'   4242     402 root         0 Ss   pts/0    00:00:00   0 bash\n',
		);
		expect(sh(l, 'ps -o pid,args,stat').out).toBe('    PID COMMAND                     STAT\n   1001 ps -o pid,args,stat         R+\n   4242 -bash                       Ss\n');
		expect(sh(l, 'ps -o pid,cmd').out).toBe('    PID CMD\n   1002 ps -o pid,cmd\n   4242 -bash\n');
	});

	it('renames, widens and hides headers like procps; -o adds up; o and --format work too', () => {
		const l = lab();
		expect(sh(l, 'ps -o pid=,comm=').out).toBe('   1000 ps\n   4242 bash\n');
		expect(sh(l, 'ps -o pid=Process -o comm=Name').out).toBe('Process Name\n   1001 ps\n   4242 bash\n');
		expect(sh(l, 'ps -o pid:3,comm').out).toBe('PID COMMAND\n1002 ps\n4242 bash\n');
		expect(sh(l, 'ps -eo pid,comm | head -2').out).toBe('    PID COMMAND\n      1 init\n');
		expect(sh(l, 'ps axo pid,comm --format stat | tail -1').out).toBe('   4242 bash            Ss\n');
	});

	it('answers an unknown column with procps\' error and usage, status 1', () => {
		const r = sh(lab(), 'ps -o pid,bogus');
		expect(r.status).toBe(1);
		expect(r.out.split('\n').slice(0, 3)).toEqual(['error: unknown user-defined format specifier "bogus"', '', 'Usage:']);
	});
});
