import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../helpers/lab';
import {parse} from '../../source/shell/parse';
import {MAX_LOOP_ROUNDS} from '../../source/shell/shell';

const script = readFileSync(new URL('../../fixtures/scripts/sandbox-curl-loop.txt', import.meta.url), 'utf8');
const golden = readFileSync(new URL('./golden/sandbox-curl-loop.out', import.meta.url), 'utf8');

describe('for, while, until and if', () => {
	it('a curl loop against an rr service walks the four real servers (fixtures/scripts/sandbox-curl-loop.txt)', () => {
		const out = run(script);
		expect(out).toBe(golden);
		// Round robin: the six requests of the first loop hit rs4, rs3, rs2, rs1 and start over.
		expect(out).toContain('done\nrs4\nrs3\nrs2\nrs1\nrs4\nrs3\n');
		expect(out).toContain('      2 rs1\n      2 rs2\n      2 rs3\n      2 rs4\n');
	});

	it('runs for over words, $(seq) and globs, with the loop variable left at its last value', () => {
		const l = lab();
		expect(sh(l, 'for i in 1 2 3; do echo $i; done')).toEqual({out: '1\n2\n3\n', status: 0});
		expect(sh(l, 'for i in $(seq 2 4); do echo -n "$i "; done; echo; echo $i').out).toBe('2 3 4 \n4\n');
		sh(l, 'mkdir /tmp/g; touch /tmp/g/a /tmp/g/b');
		expect(sh(l, 'for f in /tmp/g/*; do echo file $f; done').out).toBe('file /tmp/g/a\nfile /tmp/g/b\n');
		expect(sh(l, 'for x in; do echo never; done; echo $?').out).toBe('0\n');
	});

	it('accepts the multi-line form a learner types line by line', () => {
		const l = lab();
		expect(l.shell.isComplete('for i in a b\n')).toBe(false);
		expect(l.shell.isComplete('for i in a b\ndo\n  echo $i\n')).toBe(false);
		expect(l.shell.isComplete('for i in a b\ndo\n  echo $i\ndone\n')).toBe(true);
		expect(sh(l, 'for i in a b\ndo\n  echo $i\ndone').out).toBe('a\nb\n');
		expect(sh(l, 'if true\nthen\n  echo yes\nfi').out).toBe('yes\n');
	});

	it('runs while and until by status, and if/elif/else picks one branch', () => {
		const l = lab();
		expect(sh(l, 'i=0; while [ $i -lt 3 ]; do echo w$i; i=$((i+1)); done').out).toBe('w0\nw1\nw2\n');
		expect(sh(l, 'n=0; until [ $n = 2 ]; do n=$((n+1)); echo u$n; done').out).toBe('u1\nu2\n');
		expect(sh(l, 'if false; then echo a; elif true; then echo b; else echo c; fi').out).toBe('b\n');
		expect(sh(l, 'if false; then echo a; else echo c; fi').out).toBe('c\n');
		expect(sh(l, 'if false; then echo a; fi; echo $?').out).toBe('0\n');
		expect(sh(l, 'while false; do echo no; done; echo $?').out).toBe('0\n');
	});

	it('applies redirections and pipes to the whole loop', () => {
		const l = lab();
		sh(l, 'for i in 3 1 2; do echo $i; done > /tmp/n');
		expect(sh(l, 'cat /tmp/n').out).toBe('3\n1\n2\n');
		expect(sh(l, 'for i in 3 1 2; do echo $i; done | sort').out).toBe('1\n2\n3\n');
		expect(sh(l, 'if true; then echo err >&2; fi 2>/dev/null').out).toBe('');
	});

	it('break and continue, with a count for nested loops', () => {
		const l = lab();
		expect(sh(l, 'for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done').out).toBe('1\n2\n');
		expect(sh(l, 'for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done').out).toBe('1\n3\n');
		expect(sh(l, 'for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done').out).toBe('1a\n2a\n');
		expect(sh(l, 'for i in 1 2; do for j in a b; do echo $i$j; break 5; done; done; echo after').out).toBe('1a\nafter\n');
		expect(sh(l, 'while true; do echo once; break; done').out).toBe('once\n');
		expect(sh(l, 'break')).toEqual({out: "bash: break: only meaningful in a `for', `while', or `until' loop\n", status: 0});
		expect(sh(l, 'for i in 1 2; do echo $i; continue 0; done')).toEqual({out: '1\nbash: continue: 0: loop count out of range\n', status: 1});
		expect(sh(l, 'for i in 1 2; do break x; done').out).toBe('bash: break: x: numeric argument required\n');
	});

	it("prints bash's syntax errors for malformed loops and conditionals", () => {
		const l = lab();
		const error = (line: string) => sh(l, line);
		expect(error('done')).toEqual({out: "bash: syntax error near unexpected token `done'\n", status: 2});
		expect(error('for i in 1 2; echo $i; done').out).toBe("bash: syntax error near unexpected token `echo'\n");
		expect(error('while true; do done').out).toBe("bash: syntax error near unexpected token `done'\n");
		expect(error('for i in 1 2; do; echo; done').out).toBe("bash: syntax error near unexpected token `;'\n");
		expect(error('if true; then fi').out).toBe("bash: syntax error near unexpected token `fi'\n");
		expect(error('if true; then echo; done').out).toBe("bash: syntax error near unexpected token `done'\n");
		expect(error('for i in 1; do echo; done done').out).toBe("bash: syntax error near unexpected token `done'\n");
		expect(error('then echo').out).toBe("bash: syntax error near unexpected token `then'\n");
		expect(error('for i in 1 2; do echo $i').out).toBe('bash: syntax error: unexpected end of file\n');
		expect(error('for 1x in a; do echo; done')).toEqual({out: "bash: `1x': not a valid identifier\n", status: 1});
		// Reserved words are plain words elsewhere.
		expect(sh(l, 'echo for done "if" then').out).toBe('for done if then\n');
		expect(sh(l, "'done'").out).toBe('bash: done: command not found\n');
	});

	it('stops an endless loop after the per-line limit, with a clear message, and goes on with the line', () => {
		const l = lab();
		const before = l.world.now;
		const r = sh(l, 'while true; do sleep 1; done; echo next');
		expect(r.out).toBe(`cluster-lab: loop stopped after ${MAX_LOOP_ROUNDS} rounds (the most the lab runs for one command line)\nnext\n`);
		// sleep inside the loop still moved virtual time, one second a round.
		expect(l.world.now - before).toBe(MAX_LOOP_ROUNDS * 1_000_000);
		expect(sh(l, 'for i in 1 2; do while :; do :; done; echo never; done; echo $?').out).toContain('rounds (the most');
		expect(sh(l, 'for i in 1 2; do echo $i; done').out).toBe('1\n2\n');
	});

	it('$((…)) arithmetic as loops use it, and its errors drop the rest of the line', () => {
		const l = lab();
		expect(sh(l, 'i=4; echo $((i+1)) $((2+3*4)) $(( (2+3)*4 )) $((7/2)) $((7%3)) $((-7/2)) $((1<2)) $((0x10)) $((010)) $(($i*2))').out).toBe('5 14 20 3 1 -3 1 16 8 8\n');
		expect(sh(l, 'n=1; echo $((n++)) $n $((++n)) $((n+=10)) $n').out).toBe('1 2 3 13 13\n');
		expect(sh(l, 'echo $((1/0)); echo not reached')).toEqual({out: 'bash: 1/0: division by 0 (error token is "0")\n', status: 1});
		expect(sh(l, 'echo $((1+))').out).toBe('bash: 1+: syntax error: operand expected (error token is "+")\n');
		expect(sh(l, 'echo $((unset_var + 2))').out).toBe('2\n');
	});

	it('help and type know the new words', () => {
		const l = lab();
		const help = sh(l, 'help').out;
		for (const name of ['for', 'while', 'until', 'if', 'break', 'continue', 'seq']) expect(help).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
		expect(sh(l, 'type for while break seq').out).toBe('for is a shell keyword\nwhile is a shell keyword\nbreak is a shell builtin\nseq is /usr/bin/seq\n');
	});

	it('parses a loop into a compound command whose simple commands stay reachable', async () => {
		const {simpleCommands} = await import('../../source/shell/ast');
		const parsed = parse('for i in 1 2; do curl -s http://x/; if true; then sleep 1; fi; done | sort\n');
		expect(parsed.kind).toBe('ok');
		if (parsed.kind !== 'ok') return;
		expect(simpleCommands(parsed.list).map((c) => c.text)).toEqual(['curl -s http://x/', 'true', 'sleep 1', 'sort']);
	});
});
