import {describe, expect, it} from 'vitest';
import {lab, sh} from '../helpers/lab';

// Every expected text here is what bash 5.2 prints for the same input.
describe('assignments', () => {
	it('expand a leading ~ and never glob the value', () => {
		const l = lab();
		expect(sh(l, 'x=~/logs; y=~; z="~"; w=a~; echo $x $y $z $w').out).toBe('/root/logs /root ~ a~\n');
		expect(sh(l, 'x=*; echo "$x"').out).toBe('*\n');
	});

	it('before a command hold for that command alone', () => {
		const l = lab();
		expect(sh(l, 'A=1 env | grep ^A=; echo "[$A]"').out).toBe('A=1\n[]\n');
		expect(sh(l, 'x=1 read x <<< 5; echo "[$x]"').out).toBe('[]\n');
		expect(sh(l, 'x=7; x=1 true; echo $x').out).toBe('7\n');
	});

	it('an arithmetic error inside a pipeline ends that member only', () => {
		expect(sh(lab(), 'echo $((1/0)) | cat; echo next $?').out).toBe('bash: 1/0: division by 0 (error token is "0")\nnext 0\n');
	});
});
