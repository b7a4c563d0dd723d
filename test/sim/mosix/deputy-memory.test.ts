import {describe, expect, it} from 'vitest';
import {spawnTask} from '../../../source/sim/cpu/task';
import {SEC} from '../../../source/sim/time';
import {migrations} from '../../helpers/mosix';
import {lab, sh} from '../../helpers/lab';

/** Seconds of the `real` line of a `time` command's output. */
function real(out: string): number {
	const m = /real\t(\d+)m(\d+\.\d{3})s/.exec(out)!;
	return Number(m[1]) * 60 + Number(m[2]);
}

describe('home node and deputy', () => {
	it('makes an I/O-bound process slower away from home: every system call goes back to the deputy', () => {
		const l = lab('openmosix');
		l.world.advance(5 * SEC);
		const home = real(sh(l, 'time filereader /etc/openMosix.map 20000').out);
		const away = real(sh(l, 'time runon 2 filereader /etc/openMosix.map 20000').out);
		// mosix2's CPU is faster, yet the round trips over the hub dominate.
		expect(away).toBeGreaterThan(3 * home);
	});

	it('runs a CPU-bound process at full speed away from home (no system calls to forward)', () => {
		const l = lab('openmosix');
		l.world.advance(5 * SEC);
		const home = real(sh(l, 'time fib 36').out);
		const away = real(sh(l, 'time runon 2 fib 36').out);
		// Pentium 4 1.8 GHz against 1.6 GHz, plus the migration at the start.
		expect(away).toBeLessThan(home);
		expect(away).toBeCloseTo((home * 12800) / 14400, 0);
	});
});

describe('memory ushering', () => {
	it('moves the largest process off a node that runs short of memory, even without load reasons', () => {
		const {world} = lab('openmosix-8');
		world.advance(10 * SEC);
		const small = world.host('mosix6')!;
		// mosix6 has 64 MB; a 30 MB process leaves it under 10% free. It does I/O, so the
		// load balancer would keep it home: only the memory rule moves it.
		const big = spawnTask(world, small, {command: 'bigmem', work: 1000 * SEC, io: 1_000_000, vszKb: 34000, rssKb: 30000});
		world.advance(10 * SEC);
		expect(big.node?.name).not.toBe('mosix6');
		expect(migrations(world).find((m) => m.pid === big.pid)).toBeDefined();
		expect(world.timeline.list().some((e) => /\(bigmem\) migrated from mosix6 to \S+ \(memory\)$/.test(e.text))).toBe(true);
	});
});
