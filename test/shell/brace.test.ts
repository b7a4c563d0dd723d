import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../helpers/lab';

describe('brace expansion', () => {
	it('expands lists, sequences and nested braces in bash\'s order, leaving quoted and lone braces alone', () => {
		// The expected lines are what bash 5.2 prints for the same script.
		const script = [
			'echo {1..5}',
			'echo rs{1..4}',
			'echo {a,b,c}.conf',
			'echo {01..10..3}',
			'echo {a..e} {e..a..2}',
			'echo {5..1}',
			'echo x{a,b{1,2}}y',
			'echo {} {x} a{b',
			'echo "{1..3}" \'{a,b}\'',
			'echo {1..3}{a,b}',
			'for h in rs{1..3}; do echo $h; done',
			'x={1,2}; echo $x',
			'echo {-2..2}',
			'echo {1..10..0}',
			'echo {a,b}$HOME',
			'echo \\{a,b\\}',
		];
		const expected = [
			'1 2 3 4 5',
			'rs1 rs2 rs3 rs4',
			'a.conf b.conf c.conf',
			'01 04 07 10',
			'a b c d e e c a',
			'5 4 3 2 1',
			'xay xb1y xb2y',
			'{} {x} a{b',
			'{1..3} {a,b}',
			'1a 1b 2a 2b 3a 3b',
			'rs1',
			'rs2',
			'rs3',
			'{1,2}',
			'-2 -1 0 1 2',
			'1 2 3 4 5 6 7 8 9 10',
			'a/root b/root',
			'{a,b}',
		];
		const out = run(script.join('\n')).split('\n').filter((l) => !l.startsWith('root@lvs1:~# ') && l !== '');
		expect(out).toEqual(expected);
	});

	it('builds ipvsadm commands for a row of real servers', () => {
		const l = lab();
		sh(l, 'ipvsadm -A -t 10.0.0.100:80 -s rr');
		sh(l, 'for i in 1{1..4}; do ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.$i -g; done');
		expect(sh(l, 'ipvsadm -Ln | grep -c Route').out).toBe('4\n');
	});

	it('leaves a sequence too long to be meant as typed', () => {
		expect(sh(lab(), 'echo {1..100000000} | wc -c').out).toBe('15\n');
	});
});
