import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {SEQ_LIMIT} from '../../../source/commands/shell/seq';

describe('seq (GNU coreutils)', () => {
	const l = lab();
	const seq = (args: string) => sh(l, `seq ${args}`);

	it('counts from 1, from FIRST, and by INCREMENT, up or down', () => {
		expect(seq('3')).toEqual({out: '1\n2\n3\n', status: 0});
		expect(seq('2 4').out).toBe('2\n3\n4\n');
		expect(seq('1 2 10').out).toBe('1\n3\n5\n7\n9\n');
		expect(seq('5 -2 1').out).toBe('5\n3\n1\n');
		expect(seq('-3 -1').out).toBe('-3\n-2\n-1\n');
		// LAST below FIRST with the default increment: nothing at all, not even a newline.
		expect(seq('5 1')).toEqual({out: '', status: 0});
		expect(seq('0')).toEqual({out: '', status: 0});
	});

	it('keeps the decimals the operands were written with', () => {
		expect(seq('0 0.25 1').out).toBe('0.00\n0.25\n0.50\n0.75\n1.00\n');
		expect(seq('0 .1 0.3').out).toBe('0.0\n0.1\n0.2\n0.3\n');
		expect(seq('1 0.5 2.0').out).toBe('1.0\n1.5\n2.0\n');
	});

	it('-s, -w and -f', () => {
		expect(seq('-s, 1 5').out).toBe('1,2,3,4,5\n');
		expect(seq("-s ' ' 3").out).toBe('1 2 3\n');
		expect(seq('-w 8 11').out).toBe('08\n09\n10\n11\n');
		expect(seq('-w -1 1').out).toBe('-1\n00\n01\n');
		expect(seq('-f node%02g 3').out).toBe('node01\nnode02\nnode03\n');
		expect(seq('-f %.1f 2').out).toBe('1.0\n2.0\n');
	});

	it('counts integers beyond a double exactly', () => {
		expect(seq('99999999999999999998 100000000000000000000').out).toBe('99999999999999999998\n99999999999999999999\n100000000000000000000\n');
	});

	it("prints coreutils' errors, with the usage hint and status 1", () => {
		const hint = "Try 'seq --help' for more information.\n";
		expect(seq("''").out).toBe(`seq: invalid floating point argument: \u2018\u2019\n${hint}`);
		expect(sh(l, 'seq')).toEqual({out: `seq: missing operand\n${hint}`, status: 1});
		expect(seq('a')).toEqual({out: `seq: invalid floating point argument: \u2018a\u2019\n${hint}`, status: 1});
		expect(seq('1 2 3 4').out).toBe(`seq: extra operand \u20184\u2019\n${hint}`);
		expect(seq('1 0 3').out).toBe(`seq: invalid Zero increment value: \u20180\u2019\n${hint}`);
		expect(seq('-x 3').out).toBe(`seq: invalid option -- 'x'\n${hint}`);
		expect(seq('nan').out).toBe(`seq: invalid \u2018not-a-number\u2019 argument: \u2018nan\u2019\n${hint}`);
		expect(seq('-f %d 3')).toEqual({out: "seq: format \u2018%d\u2019 has unknown %d directive\n", status: 1});
		expect(seq('-f x 3').out).toBe("seq: format \u2018x\u2019 has no % directive\n");
		expect(seq('-w -f %g 3').out).toBe(`seq: format string may not be specified when printing equal width strings\n${hint}`);
	});

	it('uses the older quoting on a Debian Sarge host', () => {
		const sarge = lab('ultramonkey');
		expect(sh(sarge, 'seq 1 x').out).toBe("seq: invalid floating point argument: `x'\nTry `seq --help' for more information.\n");
	});

	it('cuts an enormous sequence short instead of freezing the lab', () => {
		const r = sh(l, 'seq 1000000000 | tail -1');
		expect(r.out).toBe(`cluster-lab: seq cut short after ${SEQ_LIMIT} numbers (the lab keeps no more output of one command)\n${SEQ_LIMIT}\n`);
	});
});
