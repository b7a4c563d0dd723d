import {describe, expect, it} from 'vitest';
import {cpuOf} from '../../../source/sim/cpu/scheduler';
import {openmosixScript} from '../../../source/sim/mosix/init-script';
import {SEC} from '../../../source/sim/time';
import {powerOff, powerOn, unplug} from '../../../source/sim/net/faults';
import {cluster, cpuJob, placement, runUntilAllDone} from '../../helpers/mosix';
import {lab, sh} from '../../helpers/lab';

function spread() {
	const l = lab('openmosix');
	l.world.advance(10 * SEC);
	const jobs = Array.from({length: 4}, () => cpuJob(l.world, l.world.host('mosix1')!, 60, 'fib'));
	l.world.advance(6 * SEC);
	expect(placement(jobs)).toEqual({mosix1: 2, mosix2: 2});
	return {...l, jobs};
}

describe('openMosix faults', () => {
	it('kills the processes that were running on a node that loses power; the rest go on at home', () => {
		const {world, jobs} = spread();
		const away = jobs.filter((j) => j.node?.name === 'mosix2');
		powerOff(world, world.host('mosix2')!);
		for (const j of away) expect(j.end).toEqual({kind: 'signal', signal: 9});
		expect(world.host('mosix1')!.processes.get(away[0]!.pid)).toBeUndefined();
		runUntilAllDone(world, jobs);
		expect(jobs.filter((j) => j.end?.kind === 'exit')).toHaveLength(2);
	});

	it('loses the guests of a home node that goes down', () => {
		const {world, jobs} = spread();
		powerOff(world, world.host('mosix1')!);
		expect(jobs.every((j) => !j.alive)).toBe(true);
		expect(cpuOf(world, world.host('mosix2')!).tasks()).toEqual([]);
	});

	it('kills a migrated process a few rounds after the cable between its two halves is pulled', () => {
		const {world, jobs} = spread();
		const away = jobs.filter((j) => j.node?.name === 'mosix2');
		unplug(world, world.host('mosix2')!);
		world.advance(SEC);
		expect(away.every((j) => j.alive)).toBe(true);
		world.advance(3 * SEC);
		expect(away.every((j) => j.end?.kind === 'signal')).toBe(true);
		expect(world.timeline.list().some((e) => /killed: lost contact between mosix1 and mosix2/.test(e.text))).toBe(true);
		expect(jobs.filter((j) => j.alive)).toHaveLength(2);
	});

	it('brings processes home when openMosix is stopped cleanly, and they finish', () => {
		const {world, jobs} = spread();
		const run = openmosixScript(world, world.host('mosix2')!, 'stop');
		expect(run.chunks.map((c) => c.text).join('')).toBe('Stopping OpenMosix...\n');
		expect(placement(jobs)).toEqual({mosix1: 4});
		runUntilAllDone(world, jobs);
		expect(jobs.every((j) => j.end?.kind === 'exit' && j.end.code === 0)).toBe(true);
	});

	it('rejoins the cluster after a reboot (the init script is enabled at boot)', () => {
		const {world, jobs} = spread();
		const mosix2 = world.host('mosix2')!;
		powerOff(world, mosix2);
		expect(cluster(world).node(mosix2)!.configured).toBe(false);
		world.advance(10 * SEC);
		powerOn(world, mosix2);
		expect(cluster(world).node(mosix2)!.configured).toBe(true);
		world.advance(10 * SEC);
		expect(placement(jobs.filter((j) => j.alive))).toEqual({mosix1: 1, mosix2: 1});
	});
});

describe('what the shell reports when a node fails', () => {
	it('prints Killed for the jobs whose remote half died with mosix2', () => {
		const l = lab('openmosix');
		l.world.advance(5 * SEC);
		for (let i = 0; i < 4; i++) sh(l, 'fib &');
		sh(l, 'sleep 6');
		const away = sh(l, 'mps').out.match(/^ +(\d+) +\? +2 /gm)!.map((line) => Number(line.trim().split(' ')[0]));
		expect(away).toHaveLength(2);
		powerOff(l.world, l.world.host('mosix2')!);
		const out = sh(l, 'true').out;
		const jobs = l.shell.session.jobs;
		expect(out.split('\n').filter((line) => /Killed {18}fib$/.test(line))).toHaveLength(2);
		expect(jobs).toHaveLength(2);
		sh(l, 'kill %1 %2 %3 %4');
	});
});
