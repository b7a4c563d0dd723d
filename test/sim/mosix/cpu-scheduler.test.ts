import {describe, expect, it} from 'vitest';
import {cpuOf} from '../../../source/sim/cpu/scheduler';
import {hardwareSpeed} from '../../../source/sim/cpu/speed';
import {spawnTask} from '../../../source/sim/cpu/task';
import {SEC} from '../../../source/sim/time';
import {cluster, cpuJob, runUntilAllDone} from '../../helpers/mosix';
import {lab} from '../../helpers/lab';

describe('CPU scheduler (processor sharing in virtual time)', () => {
	it('gives each runnable process an equal share of a node and scales progress with its speed', () => {
		const {world} = lab('openmosix');
		const mosix2 = world.host('mosix2')!;
		// mosctl stay: openMosix moves nothing away from mosix2.
		cluster(world).node(mosix2)!.stay = true;
		expect(hardwareSpeed(mosix2.hardware)).toBe(14400);
		const a = cpuJob(world, mosix2, 14.4, 'a');
		const b = cpuJob(world, mosix2, 14.4, 'b');
		cpuOf(world, mosix2).settle();
		expect(a.cpuShare).toBeCloseTo(0.5);
		expect(a.rate).toBeCloseTo(0.72);
		// 14.4 yardstick seconds each at 1.44 per second shared by two: 20 s.
		runUntilAllDone(world, [a, b]);
		expect(world.now).toBeGreaterThanOrEqual(20 * SEC - 1);
		expect(world.now).toBeLessThanOrEqual(20 * SEC + 2);
		expect(a.userUs / SEC).toBeCloseTo(10, 1);
	});

	it('lets an SMP node run two processes at full speed at once', () => {
		const {world} = lab('openmosix-8');
		const smp = world.host('mosix7')!;
		expect(smp.hardware.cpus).toBe(2);
		const jobs = [cpuJob(world, smp, 10), cpuJob(world, smp, 10)];
		for (const j of jobs) expect(j.rate).toBeCloseTo(1);
	});

	it('makes a process that waits for system calls ask for less than a CPU', () => {
		const {world} = lab('openmosix');
		const host = world.host('mosix1')!;
		const io = spawnTask(world, host, {command: 'io', work: SEC, io: 100_000, vszKb: 1, rssKb: 1});
		expect(io.computeFraction(1.28)).toBeLessThan(0.5);
		expect(io.cpuShare).toBeCloseTo(io.computeFraction(1.28));
	});

	it('freezes a stopped process and resumes it on SIGCONT', () => {
		const {world} = lab('openmosix');
		const host = world.host('client')!;
		const job = cpuJob(world, host, 5.5);
		world.advance(SEC);
		host.processes.kill(job.pid, 19);
		expect(job.state).toBe('stop');
		expect(host.processes.get(job.pid)?.state).toBe('T');
		world.advance(10 * SEC);
		expect(job.alive).toBe(true);
		host.processes.kill(job.pid, 18);
		runUntilAllDone(world, [job]);
		// 5.5 yardstick seconds on a 5500-speed CPU: 10 s of running, plus 10 s stopped.
		expect(Math.round(world.now / SEC)).toBe(20);
	});

	it('ends a process on a fatal signal with that signal', () => {
		const {world} = lab('openmosix');
		const host = world.host('client')!;
		const job = cpuJob(world, host, 100);
		host.processes.kill(job.pid, 15);
		expect(job.end).toEqual({kind: 'signal', signal: 15});
		expect(host.processes.get(job.pid)).toBeUndefined();
	});
});
