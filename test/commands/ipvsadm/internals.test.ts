import {describe, expect, it} from 'vitest';
import {completeIpvsadm} from '../../../source/commands/ipvsadm/complete';
import {inetAton, isInet6, stringToNumber} from '../../../source/commands/ipvsadm/libc';
import {largenum} from '../../../source/commands/ipvsadm/format';
import {POPT_TABLE} from '../../../source/commands/ipvsadm/options';
import {Popt} from '../../../source/commands/ipvsadm/popt';
import {readRestoreLine} from '../../../source/commands/ipvsadm/restore';
import {glibcSort} from '../../../source/commands/ipvsadm/sort';
import {lab} from '../../helpers/lab';

function options(...argv: string[]) {
	const popt = new Popt(['ipvsadm', ...argv], POPT_TABLE);
	const seen: string[] = [];
	for (;;) {
		const next = popt.nextOption();
		if (next.kind === 'end') break;
		if (next.kind === 'error') {
			seen.push(`error ${next.error} at ${popt.badOption()}`);
			break;
		}
		seen.push(next.arg === null ? next.val : `${next.val}=${next.arg}`);
	}
	const rest: string[] = [];
	for (let a = popt.nextArg(); a !== undefined; a = popt.nextArg()) rest.push(a);
	return {seen, rest};
}

describe('popt emulation', () => {
	it('splits bundles and takes an argument from the rest of the bundle or the next word', () => {
		expect(options('-Lnc').seen).toEqual(['L', 'n', 'c']);
		expect(options('-At10.0.0.1:80', '-s', 'rr').seen).toEqual(['A', 't=10.0.0.1:80', 's=rr']);
		expect(options('-t=1.2.3.4:80').seen).toEqual(['t=1.2.3.4:80']);
		expect(options('--tcp-service=1.2.3.4:80', '--scheduler', 'wlc').seen).toEqual(['t=1.2.3.4:80', 's=wlc']);
	});

	it('takes an optional argument only when the next word does not start with a dash', () => {
		expect(options('-A', '-p', '60').seen).toEqual(['A', 'p=60']);
		expect(options('-A', '-p', '-s', 'rr').seen).toEqual(['A', 'p', 's=rr']);
		expect(options('-A', '-p').seen).toEqual(['A', 'p']);
		expect(options('-A', '-p', '').seen).toEqual(['A', 'p=']);
	});

	it('keeps non-options for later, honours --, and reports the word that failed', () => {
		expect(options('--set', '1', '2', '3')).toEqual({seen: ['set'], rest: ['1', '2', '3']});
		expect(options('-L', '--', '-n')).toEqual({seen: ['L'], rest: ['-n']});
		expect(options('-L', '-', 'x').rest).toEqual(['-', 'x']);
		expect(options('-Lq').seen).toEqual(['L', 'error BADOPT at -Lq']);
		expect(options('-A', '-t').seen).toEqual(['A', 'error NOARG at -t']);
		expect(options('-L', '--nope=1').seen).toEqual(['L', 'error BADOPT at --nope=1']);
		expect(options('-L=').seen).toEqual(['L', 'error BADOPT at -L=']);
		expect(options('-A', '-t', '-L').seen).toEqual(['A', 't=-L']);
	});
});

describe('C library parsing', () => {
	it('accepts what inet_aton accepts', () => {
		expect(inetAton('10.0.0.1')).toBe(0x0a000001);
		expect(inetAton('10.1')).toBe(0x0a000001);
		expect(inetAton('10.0.258')).toBe(0x0a000102);
		expect(inetAton('0x0a.0.0.012')).toBe(0x0a00000a);
		expect(inetAton('167772161')).toBe(0x0a000001);
		expect(inetAton('1.2.3.4 trailing')).toBe(0x01020304);
		for (const bad of ['', '256.0.0.1', '1.2.3.4.5', '08.0.0.1', '1.2.3.256', '1..2', ' 1.2.3.4', '-1.2.3.4', '1.2.3.4x', '4294967296', 'abc']) expect(inetAton(bad), bad).toBeUndefined();
	});

	it('recognises IPv6 text', () => {
		for (const good of ['::', '::1', '2001:db8::1', 'fe80::1:2:3:4', '1:2:3:4:5:6:7:8', '::ffff:10.0.0.1', '1:2:3:4:5:6:1.2.3.4']) expect(isInet6(good), good).toBe(true);
		for (const bad of ['', '1', '10.0.0.1', '1:2:3:4:5:6:7:8:9', '1::2::3', ':1:2', '12345::', '::10.0.0.256', '10.0.0.1:80']) expect(isInet6(bad), bad).toBe(false);
	});

	it('parses numbers as string_to_number does (strtol, whole string, range)', () => {
		expect(stringToNumber('80', 0, 65535)).toBe(80);
		expect(stringToNumber(' +80', 0, 65535)).toBe(80);
		expect(stringToNumber('-0', 0, 65535)).toBe(0);
		for (const bad of ['', ' ', '80 ', '0x50', '65536', '-1', '9223372036854775808', '1e3']) expect(stringToNumber(bad, 0, 65535), bad).toBe(-1);
	});

	it('prints large numbers as print_largenum does', () => {
		expect(largenum(0, false)).toBe('        0');
		expect(largenum(99_999_999, false)).toBe(' 99999999');
		expect(largenum(100_000_000, false)).toBe('  100000K');
		expect(largenum(999_999_999, false)).toBe('  999999K');
		expect(largenum(1_000_000_000, false)).toBe('    1000M');
		expect(largenum(123_456_789_012, false)).toBe('     123G');
		expect(largenum(12_345_678, true)).toBe(' 12345678');
		expect(largenum(123_456_789, true)).toBe(' 123456789');
	});
});

describe('qsort with an inconsistent comparator', () => {
	it('follows glibc merge sort step by step', () => {
		// "a < b" unless both are multiples of 3: a rock-paper-scissors comparator whose result depends on the algorithm.
		const cmp = (a: number, b: number) => (a % 3 === 0 && b % 3 === 0 ? b - a : a - b);
		expect(glibcSort([5, 3, 9, 1, 6, 2], cmp)).toEqual([1, 2, 5, 9, 6, 3]);
		expect(glibcSort([2, 1], (a, b) => a - b)).toEqual([1, 2]);
		expect(glibcSort([], (a: number, b: number) => a - b)).toEqual([]);
	});
});

describe('-R input', () => {
	function lines(text: string): string[][] {
		const input = {text, pos: 0};
		const out: string[][] = [];
		for (let l = readRestoreLine(input, 'ipvsadm'); l !== undefined; l = readRestoreLine(input, 'ipvsadm')) out.push(l.slice(1));
		return out;
	}

	it('cuts lines into words, drops the word ipvsadm, and keeps `#` as a word', () => {
		expect(lines('-A -t 1.2.3.4:80\n\nipvsadm -C\r\n  \t-L\t-n  \n# note\n')).toEqual([['-A', '-t', '1.2.3.4:80'], [], ['-C'], ['-L', '-n'], ['#', 'note']]);
	});

	it('keeps a last line without newline, but loses one that ends in blanks', () => {
		expect(lines('-C\n-L')).toEqual([['-C'], ['-L']]);
		expect(lines('-C\n-L  ')).toEqual([['-C']]);
		expect(lines('-C\n-L ')).toEqual([['-C'], ['-L']]);
		expect(lines('')).toEqual([]);
	});
});

describe('tab completion', () => {
	it('offers options, schedulers of the host kernel, daemon states and interfaces', () => {
		const lvs1 = lab().world.host('lvs1')!;
		expect(completeIpvsadm(lvs1, ['ipvsadm'], '--per')).toEqual(['--persistent', '--persistent-conn']);
		expect(completeIpvsadm(lvs1, ['ipvsadm', '-A', '-t', '10.0.0.100:80', '-s'], 'w')).toEqual(['wlc', 'wrr']);
		expect(completeIpvsadm(lvs1, ['ipvsadm', '--start-daemon'], '')).toEqual(['backup', 'master']);
		expect(completeIpvsadm(lvs1, ['ipvsadm', '--start-daemon', 'master', '--mcast-interface'], '')).toEqual(['eth0', 'lo']);
		expect(completeIpvsadm(lvs1, ['ipvsadm', '-L'], 'x')).toEqual([]);
	});
});
