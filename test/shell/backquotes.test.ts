import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../helpers/lab';

describe('backquotes', () => {
	it('substitute a command\'s output like $(…), with bash\'s backslash rules inside', () => {
		// Each expected line is what bash 5.2 prints for the same input.
		const script = [
			'echo `echo hi`',
			'echo "x`echo y`z"',
			'a=`echo 3`; echo $a',
			'echo `echo \\`echo nested\\``',
			'echo "`echo "q"`"',
			'echo `echo \\$HOME`',
			"echo '`no`'",
			'echo \\`no\\`',
			'for i in `seq 1 3`; do echo $i; done',
			'echo `false`; echo $?',
			'ipvsadm -A -t `hostname -I | cut -d" " -f2`:80 && ipvsadm -Ln | tail -1',
		].join('\n');
		const out = run(script).split('\n').filter((l) => !l.startsWith('root@lvs1:~# '));
		expect(out.join('\n')).toBe(['hi', 'xyz', '3', 'nested', 'q', '/root', '`no`', '`no`', '1', '2', '3', '', '0', 'TCP  10.0.0.100:80 wlc', ''].join('\n'));
	});

	it('wait for the closing backquote on the next line, as bash does', () => {
		const l = lab();
		expect(sh(l, 'echo `echo a\necho b`')).toEqual({out: 'a b\n', status: 0});
	});
});
