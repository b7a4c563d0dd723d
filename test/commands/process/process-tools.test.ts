import {describe, expect, it} from 'vitest';
import {fibWork} from '../../../source/sim/cpu/programs';
import {SEC} from '../../../source/sim/time';
import {expectGolden} from '../../helpers/golden';
import {lab, run, sh} from '../../helpers/lab';

describe('ps', () => {
	it('prints procps formats in the host era: ps, ps aux, ps -ef, ps ax (golden)', () => {
		const script = ['fib 40 &', 'sleep 2', 'ps', 'ps aux', 'ps -ef', 'ps ax', 'ps -p 1009', 'kill %1'].join('\n');
		expectGolden('test/commands/process/golden/ps-2.4.txt', run(script, 'openmosix'));
		expectGolden('test/commands/process/golden/ps-modern.txt', run(['fib 40 &', 'sleep 2', 'ps', 'ps aux', 'ps -ef', 'kill %1'].join('\n'), 'sandbox'));
	});

	it('answers bad options with procps errors', () => {
		const l = lab('sandbox');
		const bsd = sh(l, 'ps aQx');
		expect(bsd.status).toBe(1);
		expect(bsd.out).toMatch(/^error: unsupported option \(BSD syntax\)\n\nUsage:\n ps \[options\]\n/);
		expect(sh(l, 'ps -Q').out).toMatch(/^error: unsupported SysV option\n/);
		expect(sh(l, 'ps -p').out).toMatch(/^error: list of process IDs must follow -p\n/);
	});

	it('shows processes other subsystems register (daemons) with a CPU time of 0', () => {
		const l = lab('sandbox');
		l.world.host('lvs1')!.processes.spawn({user: 'root', command: 'heartbeat: master control process', started: 0});
		expect(sh(l, 'ps -ef').out).toMatch(/\nroot {8}1000 {7}1 {2}0 10:00 \? {8}00:00:00 heartbeat: master control process\n/);
	});
});

describe('jobs, kill, wait and time', () => {
	it('runs bash job control: [1] PID, jobs, Done notices, Terminated, Exit N (golden)', () => {
		const script = ['fib 38 &', 'fib 30 &', 'jobs', 'jobs -l', 'sleep 3', 'fib 40 &', 'kill %3', 'fib 200 &', 'fib -t x &', 'wait %1', 'echo $?', 'jobs', 'wait'].join('\n');
		expectGolden('test/commands/process/golden/jobs.txt', run(script, 'sandbox'));
	});

	it('times a foreground program: real = user on an idle CPU, in bash format', () => {
		const l = lab('sandbox');
		const r = l.shell.execute('time fib 35\n');
		const err = r.output.filter((c) => c.stream === 'err').map((c) => c.text).join('');
		// lvs1 is a Pentium III 550 (speed 5500): fib(35)'s work over 0.55 per µs.
		const expected = fibWork(35) / 0.55 / SEC;
		const m = /^\nreal\t0m(\d+\.\d{3})s\nuser\t0m(\d+\.\d{3})s\nsys\t0m0\.001s\n$/.exec(err);
		expect(m).not.toBeNull();
		expect(Number(m![1])).toBeCloseTo(expected, 2);
		expect(Number(m![2])).toBeCloseTo(expected, 2);
		expect(r.output.find((c) => c.stream === 'out')?.text).toBe('fib(35) = 9227465\n');
	});

	it('time wait adds up the CPU of the jobs it waited for; -p prints the POSIX format', () => {
		const l = lab('sandbox');
		sh(l, 'fib 36 &');
		sh(l, 'fib 36 &');
		const out = sh(l, 'time -p wait').out;
		const m = /real (\d+\.\d\d)\nuser (\d+\.\d\d)\nsys 0\.00\n/.exec(out);
		expect(m).not.toBeNull();
		// Two equal jobs sharing one CPU: real ≈ user ≈ both jobs' work.
		const both = (2 * fibWork(36)) / 0.55 / SEC;
		expect(Number(m![1])).toBeCloseTo(both, 1);
		expect(Number(m![2])).toBeCloseTo(both, 1);
	});

	it('gives bash messages for bad kill and wait arguments', () => {
		const l = lab('sandbox');
		expect(sh(l, 'kill')).toEqual({out: 'bash: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n', status: 2});
		expect(sh(l, 'kill 31337')).toEqual({out: 'bash: kill: (31337) - No such process\n', status: 1});
		expect(sh(l, 'kill %4')).toEqual({out: 'bash: kill: %4: no such job\n', status: 1});
		expect(sh(l, 'kill -BOGUS 1')).toEqual({out: 'bash: kill: BOGUS: invalid signal specification\n', status: 1});
		expect(sh(l, 'kill abc')).toEqual({out: 'bash: kill: abc: arguments must be process or job IDs\n', status: 1});
		expect(sh(l, 'kill -l 9')).toEqual({out: 'KILL\n', status: 0});
		expect(sh(l, 'kill -l TERM')).toEqual({out: '15\n', status: 0});
		expect(sh(l, 'kill 1')).toEqual({out: '', status: 0});
		expect(sh(l, 'wait %2')).toEqual({out: 'bash: wait: %2: no such job\n', status: 127});
		expect(sh(l, 'wait 77')).toEqual({out: 'bash: wait: pid 77 is not a child of this shell\n', status: 127});
		expect(sh(l, 'wait x')).toEqual({out: "bash: wait: `x': not a pid or valid job spec\n", status: 2});
		expect(sh(l, 'jobs %9')).toEqual({out: 'bash: jobs: %9: no such job\n', status: 1});
	});

	it('stops and continues a job with SIGSTOP and SIGCONT', () => {
		const l = lab('sandbox');
		sh(l, 'fib 36 &');
		sh(l, 'kill -STOP %1');
		expect(sh(l, 'jobs').out).toBe('[1]+  Stopped (signal)        fib 36\n');
		const before = l.world.now;
		sh(l, 'sleep 100');
		sh(l, 'kill -CONT %1');
		sh(l, 'wait');
		expect(l.world.now - before).toBeGreaterThan(100 * SEC);
	});
});

describe('CPU load programs', () => {
	it("runs the HOWTO's awk loop as a CPU-bound process and only BEGIN loop programs", () => {
		const l = lab('sandbox');
		const start = l.world.now;
		expect(sh(l, "awk 'BEGIN{for(i=0;i<1000;i++)for(j=0;j<1000;j++);print \"done\", i}'")).toEqual({out: 'done 1000\n', status: 0});
		// 2 002 001 steps of 0.05 yardstick µs on a 5500-speed CPU: 0.18 s.
		expect(Math.round((l.world.now - start) / 1000)).toBe(182);
		expect(sh(l, "awk '{print $1}' /etc/hosts").status).toBe(2);
		expect(sh(l, 'awk').out).toMatch(/^Usage: awk \[POSIX or GNU style options\] -f progfile/);
	});

	it('interrupts a foreground program that would run for more than an hour (as if Ctrl-C)', () => {
		const l = lab('sandbox');
		expect(sh(l, "awk 'BEGIN{while(1);}'")).toEqual({out: '^C\n', status: 130});
		expect(l.world.now).toBe(3600 * SEC);
	});

	it('reads files with filereader, and validates fib arguments', () => {
		const l = lab('sandbox');
		expect(sh(l, 'filereader /etc/hosts 10')).toEqual({out: `10 passes, ${10 * l.world.host('lvs1')!.fs.read('/etc/hosts').length} bytes read\n`, status: 0});
		expect(sh(l, 'filereader /nope')).toEqual({out: 'filereader: /nope: No such file or directory\n', status: 1});
		expect(sh(l, 'fib 93')).toEqual({out: 'fib: 93: too large (at most 92)\n', status: 1});
		expect(sh(l, 'fib -t 0 3').status).toBe(1);
		expect(sh(l, 'fib 20')).toEqual({out: 'fib(20) = 6765\n', status: 0});
	});
});
