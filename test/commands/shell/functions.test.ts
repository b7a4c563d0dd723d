import {describe, expect, it} from 'vitest';
import {createLab} from '../../../source/lab/lab';
import {loadScenario} from '../../../source/scenario/load';
import {lab, sh} from '../../helpers/lab';

// Expected texts, statuses and the lines bash drops are bash 5.2's, typed at an interactive prompt.
describe('local, return and shift', () => {
	it('refuse to work outside a function', () => {
		const l = lab();
		expect(sh(l, 'local x=1; echo $?')).toEqual({out: 'bash: local: can only be used in a function\n1\n', status: 0});
		expect(sh(l, 'return; echo $?')).toEqual({out: "bash: return: can only `return' from a function or sourced script\n2\n", status: 0});
		expect(sh(l, 'shift; echo $?').out).toBe('1\n');
	});

	it('local: bad names and options, and the listing sorted by name', () => {
		const l = lab();
		expect(sh(l, 'l() { local 1x=2 y=3; echo "$? $y"; }; l').out).toBe("bash: local: `1x=2': not a valid identifier\n1 3\n");
		expect(sh(l, `l() { local c=3 a='x"y$z' b; local; }; l`).out).toBe('declare -- a="x\\"y\\$z"\ndeclare -- b\ndeclare -- c="3"\n');
		expect(sh(l, 'l() { local -z x; }; l')).toEqual({out: 'bash: local: -z: invalid option\nlocal: usage: local [option] name[=value] ...\n', status: 2});
		expect(sh(l, 'l() { local -x a=1 -- ; echo $a; local -; echo $?; }; l').out).toBe("bash: local: `--': not a valid identifier\n1\n0\n");
		// Attributes the lab does not simulate are refused in its own words.
		expect(sh(l, 'l() { local -r a=1; }; l')).toEqual({out: 'cluster-lab: local: -r: the lab shell has plain variables only (no -a, -i, -r…)\n', status: 2});
	});

	it('return: its status, bad numbers, and too many arguments dropping the line', () => {
		const l = lab();
		expect(sh(l, 'r() { return -1; }; r; echo $?').out).toBe('255\n');
		expect(sh(l, `r() { return ' 3 '; }; r; echo $?`).out).toBe('3\n');
		expect(sh(l, 'r() { return abc; echo no; }; r; echo $?').out).toBe('bash: return: abc: numeric argument required\n2\n');
		expect(sh(l, 'r() { return 99999999999999999999; }; r; echo $?').out).toBe('bash: return: 99999999999999999999: numeric argument required\n2\n');
		expect(sh(l, 'r() { return 1 2; }; r; echo not')).toEqual({out: 'bash: return: too many arguments\n', status: 1});
	});

	it('shift: counts, range and errors', () => {
		const l = lab();
		sh(l, 's() { shift 0; echo "$? $#"; shift " 2 "; echo "$? $#"; shift +1; echo "$? $# $1"; shift 5; echo "$? $#"; }');
		expect(sh(l, 's a b c d').out).toBe('0 4\n0 2\n0 1 d\n1 1\n');
		sh(l, 't() { shift -1; echo "-1 $?"; shift x; echo "x $?"; shift 99999999999999999999; echo "big $?"; }');
		expect(sh(l, 't a').out).toBe(
			'bash: shift: -1: shift count out of range\n-1 1\nbash: shift: x: numeric argument required\nx 1\nbash: shift: 99999999999999999999: numeric argument required\nbig 1\n',
		);
		expect(sh(l, 'u() { shift 1 2; echo not; }; u a b; echo not either')).toEqual({out: 'bash: shift: too many arguments\n', status: 1});
		expect(sh(l, 'w() { while [ $# -gt 0 ]; do echo "arg: $1"; shift; done; }; w a "b c"').out).toBe('arg: a\narg: b c\n');
	});

	it('are listed by help, in English and Spanish', () => {
		const en = sh(lab(), 'help').out;
		expect(en).toMatch(/\n {2}local +in a function, a variable of the function's own: local NAME\[=VALUE\]…\n/);
		expect(en).toMatch(/\n {2}return +leave a function with a status: return \[N\]/);
		expect(en).toMatch(/\n {2}shift +drop the first argument of a function: \$2 becomes \$1/);
		expect(en).toMatch(/\n {2}function +define a command: NAME\(\) \{ …; \}/);
		const found = loadScenario('sandbox');
		if (!found.ok) throw new Error(found.message);
		const es = sh(createLab(found.config, {seed: 1, lang: 'es', interactive: false}), 'help').out;
		expect(es).toMatch(/\n {2}local +en una función, una variable propia de la función/);
		expect(es).toMatch(/\n {2}return +sale de una función con un estado/);
		expect(es).toMatch(/\n {2}shift +quita el primer argumento de una función/);
		expect(es).toMatch(/\n {2}function +define una orden: NOMBRE\(\) \{ …; \}/);
	});
});
