import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../helpers/lab';

// Every expected text here is what bash 5.2 prints for the same input.
describe('( … ) subshells, { …; } groups and (( … ))', () => {
	it('runs a subshell per host in a loop, as a learner scripts the cluster', () => {
		const script = ['for h in rs1 rs2; do ( ssh $h hostname ) ; done', '( cd /etc; x=1; pwd ); echo "[$x]"; pwd'].join('\n');
		expect(run(script)).toBe(
			[
				'root@lvs1:~# for h in rs1 rs2; do ( ssh $h hostname ) ; done',
				'rs1',
				'rs2',
				'root@lvs1:~# ( cd /etc; x=1; pwd ); echo "[$x]"; pwd',
				'/etc',
				'[]',
				'/root',
				'',
			].join('\n'),
		);
	});

	it('keeps variables, cd and exit inside the subshell; its status is its list\'s', () => {
		const l = lab();
		expect(sh(l, '(echo a; x=1; cd /tmp; exit 3); echo $? $x; pwd').out).toBe('a\n3\n/root\n');
		expect(sh(l, '(false) || echo failed').out).toBe('failed\n');
		expect(sh(l, '! ( false ); echo $?').out).toBe('0\n');
		expect(sh(l, '( (echo nested) )').out).toBe('nested\n');
		expect(sh(l, '( echo $((1/0)); echo a ); echo b $?').out).toBe('bash: 1/0: division by 0 (error token is "0")\nb 1\n');
		expect(sh(l, '( logout ); echo $?').out).toBe("bash: logout: not login shell: use `exit'\n1\n");
		// break and continue inside ( … ) are outside any loop, as in bash.
		expect(sh(l, 'for i in 1 2; do (break); echo $i; done').out).toBe(
			"bash: break: only meaningful in a `for', `while', or `until' loop\n1\nbash: break: only meaningful in a `for', `while', or `until' loop\n2\n",
		);
	});

	it('exit in a subshell on another host leaves the ssh session open', () => {
		const l = lab();
		sh(l, 'ssh rs2');
		expect(sh(l, '( exit 4 ); echo $?; hostname').out).toBe('4\nrs2\n');
		expect(l.shell.prompt()).toBe('root@rs2:~# ');
	});

	it('applies redirections after ) and }; a group runs in the current shell', () => {
		const l = lab();
		expect(sh(l, '( echo a ) > /tmp/o; cat /tmp/o').out).toBe('a\n');
		expect(sh(l, '( echo out; echo err >&2 ) 2>/dev/null').out).toBe('out\n');
		expect(sh(l, '{ echo a; x=2; } > /tmp/o; cat /tmp/o; echo $x').out).toBe('a\n2\n');
		expect(sh(l, '{ echo a; echo b; } | sort -r').out).toBe('b\na\n');
		expect(sh(l, '{ echo a; } && echo b').out).toBe('a\nb\n');
		expect(sh(l, 'x=1; { x=2; }; echo $x; (x=3); echo $x').out).toBe('2\n2\n');
		expect(sh(l, 'echo }').out).toBe('}\n');
	});

	it('ends a list right after a compound command, before the closing word', () => {
		const l = lab();
		expect(sh(l, 'for i in 1; do (echo $i) done').out).toBe('1\n');
		expect(sh(l, 'if (true) then echo y; fi').out).toBe('y\n');
		expect(sh(l, 'for i in 1; do { echo $i; } done').out).toBe('1\n');
		expect(sh(l, '{ (echo a) }').out).toBe('a\n');
		expect(sh(l, 'for i in 1; do for j in 2; do echo $j; done done').out).toBe('2\n');
	});

	it('runs every member of a pipeline in a subshell', () => {
		const l = lab();
		expect(sh(l, 'echo a | read x; echo "[$x]"').out).toBe('[]\n');
		expect(sh(l, 'echo a | { read x; echo "in $x"; }; echo "[$x]"').out).toBe('in a\n[]\n');
		expect(sh(l, 'x=5 | cat; echo "[$x]"').out).toBe('[]\n');
		expect(sh(l, 'exit 3 | cat; echo still $?').out).toBe('still 0\n');
		expect(sh(l, 'for i in 1 2; do break | cat; echo $i; done').out).toBe('1\n2\n');
	});

	it('(( … )) evaluates arithmetic: status 0 for a value other than 0, errors cost only the status', () => {
		const l = lab();
		expect(sh(l, 'x=5; ((x++)); echo $x; ((x = 3 + 4)); echo $x').out).toBe('6\n7\n');
		expect(sh(l, '((0)); echo $?; (( )); echo $?; x=2; (( $x * 3 == 6 )) && echo six').out).toBe('1\n1\nsix\n');
		expect(sh(l, '((1/0)); echo $? after')).toEqual({out: 'bash: ((: 1/0: division by 0 (error token is "0")\n1 after\n', status: 0});
		expect(sh(l, '((a b))')).toEqual({out: 'bash: ((: a b: syntax error in expression (error token is "b")\n', status: 1});
		// Where the inner parenthesis does not close right before the outer one, these are two subshells.
		expect(sh(l, '((echo a); echo b)').out).toBe('a\nb\n');
	});

	it('passes a here-string to standard input', () => {
		const l = lab();
		expect(sh(l, 'cat <<< "here $HOME"; cat <<< \'a  b\'').out).toBe('here /root\na  b\n');
	});

	it("prints bash's syntax errors with status 2", () => {
		const l = lab();
		const cases: Array<[string, string]> = [
			['( )', ')'],
			[')', ')'],
			['echo a )', ')'],
			['( echo a ) echo b', 'echo'],
			['( echo a ) ( echo b )', '('],
			['x=1 ( echo )', '('],
			['echo a (b)', '('],
			['{ }', '}'],
			['}', '}'],
			['{echo a; }', '}'],
			['while false; do :; done done', 'done'],
			['(echo a) ((1))', '1'],
			['echo ((1))', '('],
			['x=1 ((x))', '('],
		];
		for (const [line, token] of cases) expect(sh(l, line), line).toEqual({out: `bash: syntax error near unexpected token \`${token}'\n`, status: 2});
		for (const open of ['(', '( echo a', '{', '{ echo a }', '((1+2']) expect(l.shell.isComplete(open + '\n'), open).toBe(false);
		expect(run('( echo a')).toBe('root@lvs1:~# ( echo a\nbash: syntax error: unexpected end of file\n');
	});
});
