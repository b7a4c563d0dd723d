import {describe, expect, it} from 'vitest';
import {lab, sh} from '../helpers/lab';

// Expected texts are bash 5.2's.
describe('IFS', () => {
	it("holds bash's default, space, tab and newline, and stays out of the environment", () => {
		const l = lab();
		expect(sh(l, 'echo "[$IFS]"').out).toBe('[ \t\n]\n');
		expect(sh(l, 'env | grep -c IFS; export -p | grep -c IFS').out).toBe('0\n0\n');
		sh(l, 'IFS=:');
		expect(sh(l, 'echo "[$IFS]"; env | grep -c IFS').out).toBe('[:]\n0\n');
		expect(sh(l, 'export IFS; env | grep IFS').out).toBe('IFS=:\n');
	});

	it('is what read splits by, and what "$*" joins with', () => {
		const l = lab();
		expect(sh(l, 'read a b <<< "x y z"; echo "$a|$b"').out).toBe('x|y z\n');
		expect(sh(l, 'IFS=: read a b <<< "x:y z"; echo "$a|$b"').out).toBe('x|y z\n');
		expect(sh(l, 'f() { echo "$*"; }; IFS=-; f a b; unset IFS; f a b; IFS=; f a b').out).toBe('a-b\na b\nab\n');
		expect(sh(l, 'unset IFS; echo "[$IFS]"').out).toBe('[]\n');
	});
});

describe("bash's syntax errors around (", () => {
	it('names the token after a ( that follows a command word, the newline when nothing does', () => {
		const l = lab();
		expect(sh(l, 'echo (')).toEqual({out: "bash: syntax error near unexpected token `newline'\n", status: 2});
		expect(sh(l, 'echo ( a')).toEqual({out: "bash: syntax error near unexpected token `a'\n", status: 2});
		expect(sh(l, 'echo a (b)')).toEqual({out: "bash: syntax error near unexpected token `('\n", status: 2});
		expect(sh(l, 'echo ) ')).toEqual({out: "bash: syntax error near unexpected token `)'\n", status: 2});
		// Typed at the prompt without its newline, it is an error too, not a line to continue.
		expect(l.shell.isComplete('echo (')).toBe(true);
		// `echo ()` is a function definition waiting for its body.
		expect(l.shell.isComplete('echo ()')).toBe(false);
	});
});
