import {describe, expect, it} from 'vitest';
import {lab, sh} from '../helpers/lab';

const TOO_DEEP = 'cluster-lab: this command nests too deeply for the lab (it takes a few hundred levels)\n';

describe('nesting beyond the lab\'s stack', () => {
	it('refuses the line with one message and keeps the lab running', () => {
		const l = lab();
		expect(sh(l, '('.repeat(5000) + 'echo x' + ')'.repeat(5000))).toEqual({out: TOO_DEEP, status: 2});
		expect(sh(l, 'echo ' + '$('.repeat(2000) + 'echo x' + ')'.repeat(2000))).toEqual({out: TOO_DEEP, status: 2});
		expect(sh(l, 'echo still here')).toEqual({out: 'still here\n', status: 0});
	});

	it('runs what bash users nest in practice', () => {
		const l = lab();
		let nested = 'echo x';
		for (let i = 0; i < 20; i++) nested = `echo $(${nested})`;
		expect(sh(l, nested).out).toBe('x\n');
		expect(sh(l, '( '.repeat(50) + 'echo y' + ' )'.repeat(50)).out).toBe('y\n');
	});
});
