import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';

describe('printf, test, export, env, which, type', () => {
	it('formats like bash printf', () => {
		const l = lab();
		expect(sh(l, "printf '%5s|%-4d|%x|%05.1f|%%|%c\\n' ab 42 255 3.14159 xyz").out).toBe('   ab|42  |ff|003.1|%|x\n');
		expect(sh(l, "printf '%s\\n' a b c").out).toBe('a\nb\nc\n');
		expect(sh(l, "printf '%d\\n' abc")).toEqual({out: 'bash: printf: abc: invalid number\n0\n', status: 1});
		expect(sh(l, 'printf')).toEqual({out: 'printf: usage: printf [-v var] format [arguments]\n', status: 2});
		// Integers are exact to 64 bits and clamped beyond, with bash 5's warning; each pass over the format is written as it ends.
		expect(sh(l, "printf '%d %i\\n' 99999999999999999999 9007199254740993")).toEqual({out: 'bash: printf: warning: 99999999999999999999: Numerical result out of range\n9223372036854775807 9007199254740993\n', status: 0});
		expect(sh(l, "printf '%x %o %u\\n' -1 -1 -1").out).toBe('ffffffffffffffff 1777777777777777777777 18446744073709551615\n');
		expect(sh(l, "printf '%d\\n' 0x1F 017 12abc")).toEqual({out: '31\n15\nbash: printf: 12abc: invalid number\n12\n', status: 1});
		sh(l, 'printf -v V "%03d" 7');
		expect(sh(l, 'echo $V').out).toBe('007\n');
	});

	it('tests files, strings and numbers with bash statuses', () => {
		const l = lab();
		expect(sh(l, 'test -f /etc/hostname && echo yes').out).toBe('yes\n');
		expect(sh(l, '[ -d /etc/hostname ]').status).toBe(1);
		expect(sh(l, '[ "a" = "a" -a 3 -gt 2 ]').status).toBe(0);
		expect(sh(l, '[ ! -e /nope ]').status).toBe(0);
		expect(sh(l, '[ 1 -eq x ]')).toEqual({out: 'bash: [: x: integer expression expected\n', status: 2});
		expect(sh(l, '[ 1 -eq 1')).toEqual({out: "bash: [: missing `]'\n", status: 2});
		expect(sh(l, 'test -z ""').status).toBe(0);
	});

	it('sets, lists and removes variables', () => {
		const l = lab();
		sh(l, 'export FOO=bar');
		expect(sh(l, 'env | grep FOO').out).toBe('FOO=bar\n');
		expect(sh(l, 'export -p | grep FOO').out).toBe('declare -x FOO="bar"\n');
		sh(l, 'unset FOO');
		expect(sh(l, 'echo "[$FOO]"').out).toBe('[]\n');
		expect(sh(l, 'export 1x=2')).toEqual({out: "bash: export: `1x=2': not a valid identifier\n", status: 1});
		expect(sh(l, 'env A=1 printenv')).toEqual({out: "env: \u2018printenv\u2019: No such file or directory\n", status: 127});
		expect(sh(l, 'env A=1 sh -c x').status).toBe(127);
	});

	it('finds commands on PATH', () => {
		const l = lab();
		expect(sh(l, 'which ip sysctl ls nosuch')).toEqual({out: '/sbin/ip\n/sbin/sysctl\n/bin/ls\n', status: 1});
		expect(sh(l, 'type cd ifconfig nosuch')).toEqual({out: 'cd is a shell builtin\nifconfig is /sbin/ifconfig\nbash: type: nosuch: not found\n', status: 1});
	});
});
