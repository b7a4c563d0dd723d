import {describe, expect, it} from 'vitest';
import {expectGolden} from '../helpers/golden';
import {lab, run, sh} from '../helpers/lab';

// Every expected text here is what bash 5.2 prints for the same input, typed at an interactive prompt.

/** Functions a learner writes to script the cluster: add real servers, count who answers, check hosts. */
const CLUSTER_SCRIPT = [
	'# Functions a learner writes to script the cluster.',
	'vip=10.0.0.100',
	'addrs() { for ip in "$@"; do ipvsadm -a -t $vip:80 -r $ip:80 -g; done; }',
	'hits() {',
	'\tlocal n=$1',
	'\tshift',
	'\tfor i in $(seq 1 $n); do curl -s http://$vip/; done | sort | uniq -c',
	'}',
	'ipvsadm -A -t $vip:80 -s rr',
	'addrs 10.0.0.11 10.0.0.12 10.0.0.13',
	'hits 6',
	'echo "n=[$n] args=$#"',
	'up() { ping -c 1 $1 > /dev/null && echo "$1 up" || { echo "$1 down"; return 1; }; }',
	'unplug rs2',
	'for h in rs1 rs2 rs3; do up $h; done; echo "last: $?"',
	'type addrs hits up',
	'ipvsadm -L -n',
].join('\n');

describe('shell functions', () => {
	it('script the cluster: functions add real servers, count answers and check hosts (golden)', () => {
		const out = run(CLUSTER_SCRIPT);
		expectGolden('test/shell/golden/functions-cluster.out', out);
		// hits' local n and its shift are gone once it returns; the prompt has no arguments.
		expect(out).toContain('n=[] args=0\n');
		expect(out).toContain('      2 rs1\n      2 rs2\n      2 rs3\n');
		expect(out).toContain('rs1 up\nrs2 down\nrs3 up\nlast: 0\n');
	});

	it('gives a function its arguments as $1…, ${10}, $#, "$@" and "$*"', () => {
		const l = lab();
		sh(l, `f() { echo "n=$# 1=$1 2=$2"; }`);
		expect(sh(l, `f a 'b c'`).out).toBe('n=2 1=a 2=b c\n');
		expect(sh(l, 'f').out).toBe('n=0 1= 2=\n');
		sh(l, `p() { printf '<%s>' "$@"; echo; printf '<%s>' $@; echo; printf '<%s>' "$*"; echo; printf '<%s>' $*; echo; }`);
		expect(sh(l, `p 'a b' '' c`).out).toBe('<a b><><c>\n<a><b><c>\n<a b  c>\n<a><b><c>\n');
		expect(sh(l, 'p').out).toBe('<>\n<>\n<>\n<>\n');
		expect(sh(l, `p ''`).out).toBe('<>\n<>\n<>\n<>\n');
		sh(l, `q() { printf '<%s>' "x$@y" "$@$@"; echo; }`);
		expect(sh(l, 'q').out).toBe('<xy>\n');
		expect(sh(l, 'q 1 2').out).toBe('<x1><2y><1><21><2>\n');
		// "$*" joins with the first character of IFS.
		expect(sh(l, 't() { local IFS=,; echo "$*"; echo $*; }; t a b').out).toBe('a,b\na b\n');
		expect(sh(l, 'f() { echo "${1} ${10} $10 ${#}"; }; f 1 2 3 4 5 6 7 8 9 ten').out).toBe('1 ten 10 10\n');
		// for without `in` walks the arguments.
		expect(sh(l, `r() { for a; do echo "a=$a"; done; }; r x 'y z'`).out).toBe('a=x\na=y z\n');
		expect(sh(l, 'v() { echo "$# $*"; }; v $(echo a b) "$(echo c d)"').out).toBe('3 a b c d\n');
		expect(sh(l, 'echo "[$#] [$@] [$*] [$1]"; for h; do echo no; done').out).toBe('[0] [] [] []\n');
	});

	it('scopes local variables dynamically and gives their values back on return', () => {
		const l = lab();
		sh(l, 'g() { local x=l; h; echo "g:$x"; }');
		sh(l, 'h() { echo "h:$x"; x=changed; }');
		expect(sh(l, 'x=top; g; echo "top:$x"').out).toBe('h:l\ng:changed\ntop:top\n');
		expect(sh(l, 'n() { local i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i; }; n; echo "[$i]"').out).toBe('3\n[]\n');
		expect(sh(l, 'set_x() { x=$1; }; set_x 5; echo $x').out).toBe('5\n');
		expect(sh(l, 'loc() { local a; a=1; echo $a; }; a=9; loc; echo $a').out).toBe('1\n9\n');
		// local x=$1 is one assignment: the value is not split.
		expect(sh(l, `m() { local x=$1; echo $x; }; m 'one two'`).out).toBe('one two\n');
		expect(sh(l, 'k() { local x=1; local x; echo "[$x]"; local y; echo "[$y]"; }; k').out).toBe('[1]\n[]\n');
	});

	it('returns with a status, from inside loops too; break in a function is not the caller\'s', () => {
		const l = lab();
		expect(sh(l, 'k() { for i in 1 2 3; do if [ $i = 2 ]; then return $i; fi; echo $i; done; }; k; echo "k $?"').out).toBe('1\nk 2\n');
		expect(sh(l, 'rr() { return 300; }; rr; echo $?').out).toBe('44\n');
		expect(sh(l, 'rr() { false; return; }; rr; echo $?').out).toBe('1\n');
		expect(sh(l, 'f() { ( return 3 ); echo "after $?"; return 2 | cat; echo "pipe $?"; echo "$(return 4)" $?; }; f').out).toBe('after 3\npipe 0\n 4\n');
		expect(sh(l, 'f() { break; }; for i in 1 2; do f; echo $i; done').out).toBe(
			"bash: break: only meaningful in a `for', `while', or `until' loop\n1\nbash: break: only meaningful in a `for', `while', or `until' loop\n2\n",
		);
		expect(sh(l, 'w() { for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done; }; w').out).toBe('1a\n2a\n');
		expect(sh(l, 'e() { exit 3; }; (e); echo $?').out).toBe('3\n');
	});

	it('runs functions in pipelines, with redirections, heredocs and case', () => {
		const l = lab();
		expect(sh(l, `f() { while read l; do echo "<$l>"; done; }; printf 'a\\nb\\n' | f`).out).toBe('<a>\n<b>\n');
		expect(sh(l, 'g() { echo out; echo err >&2; }; g > /tmp/x 2>/dev/null; cat /tmp/x').out).toBe('out\n');
		expect(sh(l, 'g 2>&1 | sort').out).toBe('err\nout\n');
		expect(sh(l, 'f() { echo body; } > /tmp/out; f; cat /tmp/out').out).toBe('body\n');
		expect(sh(l, 'h() { cat <<EOF\nfirst=$1 all=$@ n=$#\nEOF\n}\nh x y').out).toBe('first=x all=x y n=2\n');
		sh(l, 'c() { case $1 in start) echo starting;; stop) echo stopping;; *) echo "usage: c {start|stop}"; return 1;; esac; }');
		expect(sh(l, 'c start; c bad; echo $?').out).toBe('starting\nusage: c {start|stop}\n1\n');
	});

	it('recurses, with FUNCNAME and $(…) inside arithmetic', () => {
		const l = lab();
		sh(l, 'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }');
		expect(sh(l, 'fact 10').out).toBe('3628800\n');
		expect(sh(l, 'fx() { echo "${FUNCNAME}-$1"; [ "$1" -gt 0 ] && fx $(( $1 - 1 )); }; fx 2').out).toBe('fx-2\nfx-1\nfx-0\n');
		expect(sh(l, 'a() { b; }; b() { echo "in b: $FUNCNAME"; }; a').out).toBe('in b: b\n');
		expect(sh(l, 'echo $(( 2 * $(echo 3) + $(( 1 + 1 )) ))').out).toBe('8\n');
	});

	it('stops runaway recursion the way bash stops it at FUNCNEST, and drops the line', () => {
		const l = lab();
		expect(sh(l, 'r() { r; }; r; echo not here')).toEqual({out: 'bash: r: maximum function nesting level exceeded (100)\n', status: 1});
		expect(sh(l, 'FUNCNEST=3; r; echo "r $?"')).toEqual({out: 'bash: r: maximum function nesting level exceeded (3)\n', status: 1});
		sh(l, 'unset FUNCNEST');
		// Deeper per level (a subshell, a loop and $(…) each time): still a message, never a crash.
		expect(sh(l, 'd() { ( for i in 1; do echo $(d); done ); }; d').out).toMatch(/^bash: d: maximum function nesting level exceeded \(\d+\)\n/);
		expect(sh(l, 'echo after').out).toBe('after\n');
		// Too many calls in one line (a recursive fib) ends the line with a lab message.
		sh(l, 'fib() { if [ $1 -lt 2 ]; then echo $1; else echo $(( $(fib $(($1-1))) + $(fib $(($1-2))) )); fi; }');
		expect(sh(l, 'fib 12').out).toBe('144\n');
		expect(sh(l, 'fib 40; echo not here')).toEqual({out: 'cluster-lab: command line stopped after 50000 function calls (the most the lab runs for one line)\n', status: 1});
		expect(sh(l, 'echo still here').out).toBe('still here\n');
	});

	it('parses definitions like bash, with its errors', () => {
		const l = lab();
		expect(sh(l, 'function f() { echo F; }; f').out).toBe('F\n');
		expect(sh(l, 'function g { echo G; }; g').out).toBe('G\n');
		expect(sh(l, 'f ( ) { echo spaced; }; f').out).toBe('spaced\n');
		expect(sh(l, 'f()\n{\n  echo on lines\n}\nf').out).toBe('on lines\n');
		expect(sh(l, 'f() ( echo sub; x=1 ); f; echo "[$x]"').out).toBe('sub\n[]\n');
		expect(sh(l, '12() { echo twelve; }; 12').out).toBe('twelve\n');
		expect(sh(l, '"f"() { :; }')).toEqual({out: "bash: `\"f\"': not a valid identifier\n", status: 1});
		expect(sh(l, 'f$x() { :; }')).toEqual({out: "bash: `f$x': not a valid identifier\n", status: 1});
		expect(sh(l, 'f() echo hi')).toEqual({out: "bash: syntax error near unexpected token `echo'\n", status: 2});
		expect(sh(l, 'x=1 f() { :; }')).toEqual({out: "bash: syntax error near unexpected token `('\n", status: 2});
		expect(sh(l, 'function f echo')).toEqual({out: "bash: syntax error near unexpected token `echo'\n", status: 2});
		expect(sh(l, 'function')).toEqual({out: "bash: syntax error near unexpected token `newline'\n", status: 2});
		expect(l.shell.isComplete('f() {\n')).toBe(false);
		expect(l.shell.isComplete('f()\n')).toBe(false);
		expect(l.shell.isComplete('function f\n')).toBe(false);
	});

	it('lets a function shadow a command until unset -f; unset NAME falls back to the function', () => {
		const l = lab();
		sh(l, 'hostname() { echo "not telling"; }');
		expect(sh(l, 'hostname; type -t hostname').out).toBe('not telling\nfunction\n');
		// A path still runs the file.
		expect(sh(l, '/bin/hostname').out).toBe('lvs1\n');
		expect(sh(l, 'unset -f hostname; hostname').out).toBe('lvs1\n');
		expect(sh(l, 'g=1; g() { echo fn; }; unset g; echo "[$g]"; g; unset g; g')).toEqual({out: '[]\nfn\nbash: g: command not found\n', status: 127});
		expect(sh(l, 'unset -f nosuch; echo $?').out).toBe('0\n');
		expect(sh(l, 'unset -v -f x')).toEqual({out: 'bash: unset: cannot simultaneously unset a function and a variable\n', status: 1});
		expect(sh(l, 'unset -x y')).toEqual({out: 'bash: unset: -x: invalid option\nunset: usage: unset [-f] [-v] [-n] [name ...]\n', status: 2});
	});

	it('keeps functions defined in a subshell or $(…) inside it', () => {
		const l = lab();
		expect(sh(l, '( inner() { :; } ); type -t inner; echo $?').out).toBe('1\n');
		expect(sh(l, 'x=$(y=5; echo $y); echo "$x [$y]"').out).toBe('5 []\n');
		expect(sh(l, 'echo "$(exit 4)" $?').out).toBe(' 4\n');
		expect(sh(l, 'x=$(false); echo $?').out).toBe('1\n');
	});
});
