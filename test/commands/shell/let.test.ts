import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

// Every expected text here is what bash 5.2 prints for the same input.
describe('let', () => {
	it('counts in a loop, as scripts do with i=$((i+1))', () => {
		expect(run('i=0; while let "i < 3"; do let i++; echo round $i; done; echo $?')).toBe('root@lvs1:~# i=0; while let "i < 3"; do let i++; echo round $i; done; echo $?\nround 1\nround 2\nround 3\n0\n');
	});

	it('evaluates every argument; the status follows the last value', () => {
		const l = lab();
		expect(sh(l, 'let x=3 y=x*2; echo $x $y $?').out).toBe('3 6 0\n');
		expect(sh(l, 'let "x = 1 + 2"; echo $x').out).toBe('3\n');
		expect(sh(l, 'let 0; echo $?').out).toBe('1\n');
		expect(sh(l, 'let 2 0; echo $?').out).toBe('1\n');
		expect(sh(l, 'let 0 2; echo $?').out).toBe('0\n');
		expect(sh(l, 'x=0; let x++ x++; echo $x $?').out).toBe('2 0\n');
		expect(sh(l, 'let y=-1; echo $? $y').out).toBe('0 -1\n');
		expect(sh(l, 'let -- 5; echo $?; let -unset_var; echo $?; let ""; echo $?').out).toBe('0\n1\n1\n');
	});

	it("prints bash's errors; the rest of the line still runs", () => {
		const l = lab();
		expect(sh(l, 'let; echo $?').out).toBe('bash: let: expression expected\n1\n');
		expect(sh(l, 'let 1/0 z=5; echo "$? [$z]"').out).toBe('bash: let: 1/0: division by 0 (error token is "0")\n1 []\n');
		expect(sh(l, 'let x = 1; echo $?').out).toBe('bash: let: =: syntax error: operand expected (error token is "=")\n1\n');
		expect(sh(l, 'let 1+; echo $? next').out).toBe('bash: let: 1+: syntax error: operand expected (error token is "+")\n1 next\n');
		expect(sh(l, 'let "a b"').out).toBe('bash: let: a b: syntax error in expression (error token is "b")\n');
		expect(sh(l, "y=2; let 'x = $y'").out).toBe('bash: let: x = $y: syntax error: operand expected (error token is "$y")\n');
		expect(sh(l, "let '1 @ 2'; let '(1 @ 2)'").out).toBe('bash: let: 1 @ 2: syntax error: invalid arithmetic operator (error token is "@ 2")\nbash: let: (1 @ 2): syntax error: invalid arithmetic operator (error token is "@ 2)")\n');
	});

	it('help, type and which know read, let and case as bash does', () => {
		const l = lab();
		const help = sh(l, 'help').out;
		for (const name of ['case', 'read', 'let']) expect(help).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
		expect(sh(l, 'type read let case esac').out).toBe('read is a shell builtin\nlet is a shell builtin\ncase is a shell keyword\nesac is a shell keyword\n');
		expect(sh(l, 'type -t read let case')).toEqual({out: 'builtin\nbuiltin\nkeyword\n', status: 0});
		expect(sh(l, 'which read let case')).toEqual({out: '', status: 1});
	});
});
