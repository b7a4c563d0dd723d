import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {fibWork} from '../../../source/sim/cpu/programs';
import {SEC} from '../../../source/sim/time';
import {FIB_DEFAULT_N} from '../../../source/commands/process/fib';
import {expectGolden} from '../../helpers/golden';
import {run} from '../../helpers/lab';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const script = readFileSync(path.join(root, 'fixtures/scripts/thesis-openmosix.txt'), 'utf8');

/** Seconds of each `real` line bash's time printed, in order. */
function reals(transcript: string): number[] {
	return [...transcript.matchAll(/^real\t(\d+)m(\d+\.\d{3})s$/gm)].map((m) => Number(m[1]) * 60 + Number(m[2]));
}

/** The mps listings of the transcript, as NODE column per line. */
function mpsNodes(transcript: string): string[][] {
	return transcript
		.split(/^root@mosix1:~# mps\n/m)
		.slice(1)
		.map((block) => [...block.matchAll(/^ +\d+ +\? +(-?\d+) \S+ +\S+ fib$/gm)].map((m) => m[1]!));
}

describe("the thesis' openMosix experiments (fixtures/scripts/thesis-openmosix.txt)", () => {
	const transcript = run(script, 'openmosix');
	// Work of one fib job, in yardstick seconds; mosix1 runs 1.28 of them per second, mosix2 1.44.
	const work = fibWork(FIB_DEFAULT_N) / SEC;
	const [alone, cluster] = reals(transcript);

	it('four jobs on mosix1 alone take the time its one CPU needs for all four', () => {
		expect(alone).toBeCloseTo((4 * work) / 1.28, 0);
		expect(alone).toBeGreaterThan(100);
	});

	it('with mosix2 in the cluster the same four jobs take about half the time', () => {
		// Perfect sharing of both CPUs is the lower bound; the first migrations wait about 2 s.
		const ideal = (4 * work) / (1.28 + 1.44);
		expect(cluster).toBeGreaterThan(ideal);
		expect(cluster).toBeLessThan(ideal + 5);
		expect(alone! / cluster!).toBeGreaterThan(1.9);
		expect(alone! / cluster!).toBeLessThan(2.2);
	});

	it('two of the four jobs run on mosix2 (NODE 2), a single job stays home (NODE 0)', () => {
		const [fourInCluster, single] = mpsNodes(transcript);
		expect(fourInCluster!.sort()).toEqual(['0', '0', '2', '2']);
		expect(single).toEqual(['0']);
	});

	it("Apache's workers under ab -c 50 -n 500 do not migrate, and cantmove says why", () => {
		const ab = /Time taken for tests: +(\d+\.\d+) seconds\nComplete requests: +(\d+)\nFailed requests: +(\d+)/.exec(transcript)!;
		// Every request on mosix1 alone: 500 × 0.15 yardstick seconds at 1.28 per second.
		expect(Number(ab[1])).toBeCloseTo((500 * 0.15) / 1.28, 0);
		expect([ab[2], ab[3]]).toEqual(['500', '0']);
		expect(transcript).toContain('[lab]   mosix1  500  (100.0%)');
		const httpd = [...transcript.matchAll(/^ +\d+ +\? +(-?\d+) S +\S+ \/usr\/sbin\/httpd$/gm)].map((m) => m[1]);
		expect(httpd.length).toBeGreaterThan(0);
		expect(new Set(httpd)).toEqual(new Set(['0']));
		expect(transcript).toContain('root@mosix1:~# cat /proc/1001/cantmove\nshared memory\n');
		expect(transcript).toContain('root@mosix1:~# migrate 1001 2\nmigrate: Operation not permitted\n');
		// Under the steady load, mosmon draws a bar for mosix1 and none for mosix2.
		const frame = transcript.split('root@mosix1:~# mosmon\n').at(-1)!.split('\nNode #')[0]!;
		expect(frame).toMatch(/\n {5}0 \+--#-+$/);
	});

	it('prints the same transcript every time (golden)', () => {
		expect(run(script, 'openmosix')).toBe(transcript);
		expectGolden('test/sim/mosix/golden/thesis-openmosix.txt', transcript);
		expect(transcript).toContain('root@mosix1:~# mosctl isup 2\nno\n');
		expect(transcript).toContain('root@mosix1:~# mosctl isup 2\nyes\n');
	});
});
