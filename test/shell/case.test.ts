import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../helpers/lab';

// Every expected text here is what bash 5.2 prints for the same input.
describe('case … esac', () => {
	it('runs the list of the first item whose pattern matches, over several lines as a script types it', () => {
		const script = [
			'state=inactive',
			'case $state in',
			'  active) echo up ;;',
			'  inactive|failed)',
			'    echo down',
			'    echo "restart it"',
			'    ;;',
			'  *) echo "unknown: $state" ;;',
			'esac',
			'echo status $?',
		].join('\n');
		expect(run(script)).toBe(
			[
				'root@lvs1:~# state=inactive',
				'root@lvs1:~# case $state in',
				'>   active) echo up ;;',
				'>   inactive|failed)',
				'>     echo down',
				'>     echo "restart it"',
				'>     ;;',
				'>   *) echo "unknown: $state" ;;',
				'> esac',
				'down',
				'restart it',
				'root@lvs1:~# echo status $?',
				'status 0',
				'',
			].join('\n'),
		);
	});

	it('matches glob patterns: *, ?, brackets, classes, and quoted or escaped text literally', () => {
		const l = lab();
		expect(sh(l, 'case abc in a*) echo star;; esac; case "a.b" in *.*) echo dot;; esac; case x in [!a-c]) echo neg;; esac; case ] in []]) echo br;; esac; case "/x" in *) echo slash;; esac').out).toBe('star\ndot\nneg\nbr\nslash\n');
		expect(sh(l, 'p="a*"; case abc in $p) echo unq;; esac; case abc in "$p") echo q;; *) echo no;; esac; case "a*" in "$p") echo lit;; esac').out).toBe('unq\nno\nlit\n');
		expect(sh(l, 'case ab in a\\*) echo 1;; a"*") echo 2;; *) echo 3;; esac').out).toBe('3\n');
		expect(sh(l, 'case b in [[:alpha:]]) echo cls;; esac; case 5 in [[:digit:]]) echo dig;; esac; case - in [a-]) echo dash;; esac').out).toBe('cls\ndig\ndash\n');
		expect(sh(l, 'case "" in "") echo empty;; esac; case x in [) echo o;; *) echo s;; esac; case "[" in [) echo ob;; esac').out).toBe('empty\ns\nob\n');
		expect(sh(l, 'case 10.0.0.12 in 10.0.0.1?) echo rs;; esac; case /root in ~) echo home;; esac; case .x in *) echo dot;; esac').out).toBe('rs\nhome\ndot\n');
		// The word is not split: "a b" is one string to match.
		expect(sh(l, 'v="a b"; case $v in a\\ b) echo one;; esac').out).toBe('one\n');
	});

	it('gives the status of the last command run, or 0 when nothing matched or the list is empty', () => {
		const l = lab();
		expect(sh(l, 'case x in x) false;; esac')).toEqual({out: '', status: 1});
		expect(sh(l, 'false; case x in y) echo;; esac; echo $?').out).toBe('0\n');
		expect(sh(l, 'false; case x in x) ;; esac; echo $?').out).toBe('0\n');
		expect(sh(l, 'case x in x) echo a; esac; echo $?').out).toBe('a\n0\n');
		expect(sh(l, 'case x in *) echo one;; *) echo two;; esac').out).toBe('one\n');
	});

	it('falls through with ;& and tests the next patterns with ;;&', () => {
		const l = lab();
		expect(sh(l, 'case x in x|y) echo A;& z) echo B;; q) echo C;; esac').out).toBe('A\nB\n');
		expect(sh(l, 'case x in x) echo A;;& x) echo B;;& *) echo C;; esac').out).toBe('A\nB\nC\n');
	});

	it('accepts bash\'s other forms: (pattern), esac right after in, in as a pattern, newlines before in', () => {
		const l = lab();
		expect(sh(l, 'case x in (x) echo paren;; esac').out).toBe('paren\n');
		expect(sh(l, 'case x in esac').status).toBe(0);
		expect(sh(l, 'case in in in) echo in;; esac').out).toBe('in\n');
		expect(sh(l, 'case x\nin x) echo ok;; esac').out).toBe('ok\n');
		expect(sh(l, 'case x in x) echo a; ;; esac').out).toBe('a\n');
		expect(sh(l, 'case x in x) (echo sub) esac').out).toBe('sub\n');
		expect(sh(l, 'case x in x) echo a;; esac > /tmp/o; cat /tmp/o').out).toBe('a\n');
	});

	it('works inside loops, where continue and break reach the loop', () => {
		const l = lab();
		expect(sh(l, 'for i in 1 2 3; do case $i in 2) continue;; esac; echo $i; done').out).toBe('1\n3\n');
		expect(sh(l, 'for i in 1 2 3; do case $i in 2) break;; esac; echo $i; done; echo $?').out).toBe('1\n0\n');
		expect(sh(l, 'echo $(case x in x) echo inside;; esac) "$(case y in (y) echo q;; esac)"').out).toBe('inside q\n');
	});

	it('waits for more lines while the case is open, and says so at the end of a script', () => {
		const l = lab();
		for (const open of ['case x', 'case x in', 'case x in x)', 'case x in x) echo', 'case x in x) echo;;', 'case x in\nx)\necho ok\n;;']) {
			expect(l.shell.isComplete(open + '\n')).toBe(false);
		}
		expect(l.shell.isComplete('case x in\nx)\necho ok\n;;\nesac\n')).toBe(true);
		expect(run('case x in\n  x) echo never')).toBe('root@lvs1:~# case x in\n>   x) echo never\nbash: syntax error: unexpected end of file\n');
	});

	it("prints bash's syntax errors with status 2", () => {
		const l = lab();
		const cases: Array<[string, string]> = [
			['case x in x) echo a;; ;; esac', ';;'],
			['echo a;;', ';;'],
			['echo a ;& echo b', ';&'],
			['echo a;;& echo', ';;&'],
			[';;', ';;'],
			['esac', 'esac'],
			['case', 'newline'],
			['case x esac', 'esac'],
			['case x in ) echo;; esac', ')'],
			['case x in x echo;; esac', 'echo'],
			['case x in x|) echo;; esac', ')'],
			['case x in |x) echo;; esac', '|'],
			['case x in (|x) echo;; esac', '|'],
			['case x in x\n) echo;; esac', 'newline'],
			['case x in x) echo a ;; esac extra', 'extra'],
			['case x in x) echo a;; esac esac', 'esac'],
			['case x in a) echo a b) echo b;; esac', ')'],
		];
		for (const [line, token] of cases) expect(sh(l, line), line).toEqual({out: `bash: syntax error near unexpected token \`${token}'\n`, status: 2});
		expect(sh(l, 'echo case esac in ";;"').out).toBe('case esac in ;;\n');
	});
});
