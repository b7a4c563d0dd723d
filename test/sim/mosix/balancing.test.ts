import {describe, expect, it} from 'vitest';
import {hardwareSpeed} from '../../../source/sim/cpu/speed';
import {mosixProcess} from '../../../source/sim/mosix/process-state';
import {SEC} from '../../../source/sim/time';
import {cluster, cpuJob, migrations, placement} from '../../helpers/mosix';
import {lab} from '../../helpers/lab';

/** Endless CPU-bound jobs started on mosix1 once the cluster has exchanged news. */
function loaded(scenario: string, n: number) {
	const {world} = lab(scenario);
	world.advance(10 * SEC);
	const jobs = Array.from({length: n}, () => cpuJob(world, world.host('mosix1')!, Infinity, 'loop'));
	return {world, jobs};
}

/** A process that comes back to a node it left has ping-ponged. */
function pingPongs(world: Parameters<typeof migrations>[0]): number[] {
	const visited = new Map<number, Set<string>>();
	const bad: number[] = [];
	for (const m of migrations(world)) {
		const seen = visited.get(m.pid) ?? new Set([m.from]);
		if (seen.has(m.to)) bad.push(m.pid);
		seen.add(m.to);
		visited.set(m.pid, seen);
	}
	return bad;
}

describe('openMosix load balancing', () => {
	it('spreads four CPU-bound jobs two and two within seconds, one migration each at most', () => {
		const {world, jobs} = loaded('openmosix', 4);
		world.advance(5 * SEC);
		expect(placement(jobs)).toEqual({mosix1: 2, mosix2: 2});
		const settledAt = Math.max(...migrations(world).map((m) => m.at));
		expect(settledAt - 10 * SEC).toBeLessThan(5 * SEC);
		world.advance(120 * SEC);
		expect(placement(jobs)).toEqual({mosix1: 2, mosix2: 2});
		expect(migrations(world)).toHaveLength(2);
		for (const j of jobs) expect(mosixProcess(j).nmigs).toBeLessThanOrEqual(1);
	});

	it('waits a couple of seconds before the first move (openMosix needs some history)', () => {
		const {world, jobs} = loaded('openmosix', 4);
		world.advance(1.5 * SEC);
		expect(placement(jobs)).toEqual({mosix1: 4});
	});

	it('keeps a single job on its home node: mosix2 is not fast enough to pay the stab factor', () => {
		const {world, jobs} = loaded('openmosix', 1);
		world.advance(60 * SEC);
		expect(placement(jobs)).toEqual({mosix1: 1});
		expect(migrations(world)).toEqual([]);
	});

	it('moves a single job to an idle node that is clearly faster (the HOWTO Pentium 233 → Athlon case)', () => {
		const {world} = lab('openmosix-4');
		world.advance(10 * SEC);
		// mosix3 is a Pentium III 550 (5500); mosix4 an Athlon XP 1.67 GHz (18337).
		const job = cpuJob(world, world.host('mosix3')!, Infinity);
		world.advance(10 * SEC);
		expect(job.node?.name).toBe('mosix4');
	});

	it('gives faster nodes more work and settles without ping-pong on four heterogeneous nodes', () => {
		const {world, jobs} = loaded('openmosix-4', 12);
		world.advance(20 * SEC);
		const settled = placement(jobs);
		world.advance(120 * SEC);
		expect(placement(jobs)).toEqual(settled);
		expect(pingPongs(world)).toEqual([]);
		const speed = (name: string) => hardwareSpeed(world.host(name)!.hardware);
		// Order nodes by speed: the count of jobs never decreases with speed.
		const names = ['mosix3', 'mosix1', 'mosix2', 'mosix4'];
		expect(names.map(speed)).toEqual([5500, 12800, 14400, 18337]);
		const counts = names.map((n) => settled[n] ?? 0);
		for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!);
		expect(counts[3]!).toBeGreaterThan(counts[0]!);
	});

	it('settles on eight nodes within a minute, without any process returning to a node it left', () => {
		const {world, jobs} = loaded('openmosix-8', 24);
		world.advance(60 * SEC);
		const settled = placement(jobs);
		const moves = migrations(world).length;
		world.advance(300 * SEC);
		expect(placement(jobs)).toEqual(settled);
		expect(migrations(world)).toHaveLength(moves);
		expect(pingPongs(world)).toEqual([]);
		// The Pentium II 400 gets at most one job; the dual Pentium III at least as many as a Pentium III 550.
		expect(settled.mosix6 ?? 0).toBeLessThanOrEqual(1);
		expect(settled.mosix7 ?? 0).toBeGreaterThan(settled.mosix3 ?? 0);
	});

	it('respects stay, block, locks and processes that cannot move', () => {
		const stay = loaded('openmosix', 4);
		cluster(stay.world).node(stay.world.host('mosix1')!)!.stay = true;
		stay.world.advance(20 * SEC);
		expect(placement(stay.jobs)).toEqual({mosix1: 4});

		const block = loaded('openmosix', 4);
		cluster(block.world).node(block.world.host('mosix2')!)!.block = true;
		block.world.advance(20 * SEC);
		expect(placement(block.jobs)).toEqual({mosix1: 4});

		const locked = loaded('openmosix', 4);
		for (const j of locked.jobs) mosixProcess(j).lock = true;
		locked.world.advance(20 * SEC);
		expect(placement(locked.jobs)).toEqual({mosix1: 4});
	});

	it('counts a slower openMosix speed as more load: mosctl setspeed pushes work away', () => {
		const {world, jobs} = loaded('openmosix', 1);
		world.advance(20 * SEC);
		expect(placement(jobs)).toEqual({mosix1: 1});
		cluster(world).node(world.host('mosix1')!)!.speed = 3000;
		world.advance(10 * SEC);
		expect(placement(jobs)).toEqual({mosix2: 1});
	});

	it('is deterministic: the same seed gives the same migrations', () => {
		const a = loaded('openmosix-8', 16);
		const b = loaded('openmosix-8', 16);
		a.world.advance(60 * SEC);
		b.world.advance(60 * SEC);
		expect(migrations(a.world)).toEqual(migrations(b.world));
		expect(migrations(a.world).length).toBeGreaterThan(8);
	});
});
