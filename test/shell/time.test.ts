import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../helpers/lab';

/** What `time` writes on standard error for `real` seconds of virtual time and no CPU time. */
const times = (real: string) => `\nreal\t0m${real}s\nuser\t0m0.000s\nsys\t0m0.000s\n`;

// The formats, statuses and syntax errors are bash 5.2's; the times are virtual.
describe('the time keyword', () => {
	it('times a pipeline or compound command in virtual time, on the shell\'s standard error', () => {
		const l = lab();
		const r = l.shell.execute('time sleep 2\n');
		expect(r.output).toEqual([{stream: 'err', text: times('2.000')}]);
		expect(sh(l, 'time for i in 1 2; do sleep 1; done').out).toBe(times('2.000'));
		expect(sh(l, 'time { sleep 0.25; echo hi; } 2>/dev/null').out).toBe('hi\n' + times('0.250'));
		expect(sh(l, 'time ls /nope 2>/dev/null').out).toBe(times('0.000'));
		expect(sh(l, '{ time sleep 1; } 2>/dev/null; echo quiet').out).toBe('quiet\n');
		expect(sh(l, 'x=1; time ((x++)); echo $x').out).toBe(times('0.000') + '2\n');
	});

	it('prints the POSIX format for -p (and, as bash does, for --)', () => {
		const l = lab();
		expect(sh(l, 'time -p sleep 1.5').out).toBe('real 1.50\nuser 0.00\nsys 0.00\n');
		expect(sh(l, 'time -- true').out).toBe('real 0.00\nuser 0.00\nsys 0.00\n');
		expect(sh(l, 'time -p')).toEqual({out: 'real 0.00\nuser 0.00\nsys 0.00\n', status: 0});
	});

	it('times nothing when nothing follows, keeps the status of what it timed, and rejects what bash rejects', () => {
		const l = lab();
		expect(sh(l, 'false; time; echo $?').out).toBe(times('0.000') + '0\n');
		expect(sh(l, 'time false; echo $?').out).toBe(times('0.000') + '1\n');
		expect(sh(l, 'time ! false; echo $?').out).toBe(times('0.000') + '0\n');
		expect(sh(l, '! time false; echo $?').out).toBe(times('0.000') + '0\n');
		expect(sh(l, 'time && echo x')).toEqual({out: "bash: syntax error near unexpected token `&&'\n", status: 2});
		expect(sh(l, 'time | cat')).toEqual({out: "bash: syntax error near unexpected token `|'\n", status: 2});
		// Quoted, or after the first word, it is the time command, not the keyword.
		expect(sh(l, "'time' -p true").out).toBe('real 0.00\nuser 0.00\nsys 0.00\n');
	});

	it("counts the CPU model's user time of the programs it ran: a loop of two fibs takes as long as it computes", () => {
		const l = lab();
		const alone = /\nreal\t0m(\d\.\d{3})s\nuser\t0m(\d\.\d{3})s\nsys\t0m(\d\.\d{3})s\n$/.exec(sh(l, 'time fib 27 > /dev/null').out);
		const loop = /\nreal\t0m(\d\.\d{3})s\nuser\t0m(\d\.\d{3})s\nsys\t0m(\d\.\d{3})s\n$/.exec(sh(l, 'time for i in 1 2; do fib 27; done > /dev/null').out);
		expect(alone).not.toBeNull();
		expect(loop).not.toBeNull();
		// On an idle CPU, real = user; two runs take twice one.
		expect(Number(alone![1])).toBeGreaterThan(0);
		expect(alone![2]).toBe(alone![1]);
		expect(Number(loop![1])).toBeCloseTo(2 * Number(alone![1]), 2);
		expect(Number(loop![2])).toBeCloseTo(2 * Number(alone![2]), 2);
	});

	it('shows in a transcript where bash shows it, after the output', () => {
		expect(run('time echo hi\ntime -p sleep 3')).toBe(
			['root@lvs1:~# time echo hi', 'hi', '', 'real\t0m0.000s', 'user\t0m0.000s', 'sys\t0m0.000s', 'root@lvs1:~# time -p sleep 3', 'real 3.00', 'user 0.00', 'sys 0.00', ''].join('\n'),
		);
	});
});
