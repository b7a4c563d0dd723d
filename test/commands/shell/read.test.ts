import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

const USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';

// Every expected text here is what bash 5.2 prints for the same input.
describe('read', () => {
	it('feeds a while loop one line per round from a file, as when adding real servers from a list', () => {
		const script = [
			'ipvsadm -A -t 10.0.0.100:80 -s wrr',
			"printf '10.0.0.11 3\\n10.0.0.12 1\\n' > /tmp/servers",
			'while read ip w; do ipvsadm -a -t 10.0.0.100:80 -r $ip -g -w $w; echo "added $ip"; done < /tmp/servers',
			'ipvsadm -Ln | grep -c Route',
		].join('\n');
		expect(run(script)).toBe(
			[
				'root@lvs1:~# ipvsadm -A -t 10.0.0.100:80 -s wrr',
				"root@lvs1:~# printf '10.0.0.11 3\\n10.0.0.12 1\\n' > /tmp/servers",
				'root@lvs1:~# while read ip w; do ipvsadm -a -t 10.0.0.100:80 -r $ip -g -w $w; echo "added $ip"; done < /tmp/servers',
				'added 10.0.0.11',
				'added 10.0.0.12',
				'root@lvs1:~# ipvsadm -Ln | grep -c Route',
				'2',
				'',
			].join('\n'),
		);
	});

	it('reads from a pipe, a heredoc and a here-string; the last line without a newline still counts, with status 1', () => {
		const l = lab();
		expect(sh(l, 'printf "a b\\nc d\\ne" > /tmp/l; while read x y; do echo "$y-$x"; done < /tmp/l; echo $?').out).toBe('b-a\nd-c\n0\n');
		expect(sh(l, 'printf "last" | { read x; echo "[$x] $?"; }').out).toBe('[last] 1\n');
		expect(sh(l, 'printf "" | { read x; echo "[$x] $?"; }').out).toBe('[] 1\n');
		expect(sh(l, 'i=0; while read line; do i=$((i+1)); done <<EOF\na\nb\nEOF\necho $i').out).toBe('2\n');
		expect(sh(l, '{ read a; read b; } <<< "x\ny"; echo "[$a][$b]"').out).toBe('[x][y]\n');
		expect(sh(l, "printf '1\\n2\\n3\\n' > /tmp/n; while read n; do read m; echo \"$n+$m\"; done < /tmp/n").out).toBe('1+2\n3+\n');
		expect(sh(l, "printf 'a\\nb\\nc\\n' | while read l; do echo \"[$l]\"; done | sort -r").out).toBe('[c]\n[b]\n[a]\n');
	});

	it('shares the input with the commands of the loop: cat and ssh take the rest of it', () => {
		const l = lab();
		expect(sh(l, 'while read l; do echo "<$l>"; cat; done <<EOF\n1\n2\n3\nEOF').out).toBe('<1>\n2\n3\n');
		expect(sh(l, 'echo one | { cat; read x; echo "[$x] $?"; }').out).toBe('one\n[] 1\n');
		sh(l, "printf 'rs1\\nrs2\\n' > /tmp/hosts");
		expect(sh(l, 'while read h; do ssh $h hostname; done < /tmp/hosts').out).toBe('rs1\n');
		expect(sh(l, 'while read h; do ssh -n $h hostname; done < /tmp/hosts').out).toBe('rs1\nrs2\n');
		// ipvsadm does not read its standard input: every line reaches read.
		expect(sh(l, 'while read x; do ipvsadm -Ln > /dev/null; echo $x; done < /tmp/hosts').out).toBe('rs1\nrs2\n');
	});

	it('splits on IFS: the last name gets the rest, REPLY gets the line untouched', () => {
		const l = lab();
		const reads: Array<[string, string]> = [
			['read a b <<< "  one   two  three  "; echo "[$a][$b]"', '[one][two  three]'],
			['read a b c <<< "one"; echo "[$a][$b][$c] $?"', '[one][][] 0'],
			['read <<< "  lead  trail  "; echo "[$REPLY]"', '[  lead  trail  ]'],
			['IFS=: read a b c <<< "x:y:z:w"; echo "[$a][$b][$c]"', '[x][y][z:w]'],
			['IFS=: read a b <<< "x:y:"; echo "[$a][$b]"', '[x][y]'],
			['IFS=: read a b <<< "x::y"; echo "[$a][$b]"', '[x][:y]'],
			['IFS=: read a b c <<< "x::y"; echo "[$a][$b][$c]"', '[x][][y]'],
			['IFS=: read a b <<< "x:y::"; echo "[$a][$b]"', '[x][y::]'],
			['IFS=": " read a b c <<< "  x : y : "; echo "[$a][$b][$c]"', '[x][y][]'],
			['IFS=" :" read a b c <<< "1 : 2 :: 3"; echo "[$a][$b][$c]"', '[1][2][: 3]'],
			['IFS= read a b <<< "  x  y "; echo "[$a][$b]"', '[  x  y ][]'],
			['read a b <<< "  "; echo "$? [$a][$b]"', '0 [][]'],
			// IFS=: holds for that read alone.
			['IFS=: read a b <<< "p:q"; read c d <<< "r:s t"; echo "[$a][$b][$c][$d]"', '[p][q][r:s][t]'],
			['x=1 read x <<< 5; echo "[$x]"', '[]'],
		];
		for (const [line, out] of reads) expect(sh(l, line).out, line).toBe(out + '\n');
	});

	it('handles backslashes: escapes without -r, literal with it; a backslash-newline joins lines', () => {
		const l = lab();
		expect(sh(l, 'read x y <<< "a\\ b c"; echo "[$x][$y]"').out).toBe('[a b][c]\n');
		expect(sh(l, 'read <<< "  a\\b  "; echo "[$REPLY]"').out).toBe('[  ab  ]\n');
		expect(sh(l, 'read -r <<< "  a\\b  "; echo "[$REPLY]"').out).toBe('[  a\\b  ]\n');
		expect(sh(l, 'read a b <<< "x\\  y  "; echo "[$a][$b]"').out).toBe('[x ][y]\n');
		expect(sh(l, 'printf "a\\\\\\\\\\nb c\\n" | { read x y; echo "[$x][$y]"; }').out).toBe('[ab][c]\n');
		expect(sh(l, 'printf "a\\\\\\\\\\nb c\\n" | { read -r x y; echo "[$x][$y]"; }').out).toBe('[a\\][]\n');
	});

	it('takes -n, -N, -d, -t 0 and -u 0 as bash does', () => {
		const l = lab();
		expect(sh(l, 'read -n 2 x <<< abcd; echo $? $x').out).toBe('0 ab\n');
		expect(sh(l, 'read -n 2 x y <<< "a bcd"; echo $? [$x] [$y]').out).toBe('0 [a] []\n');
		expect(sh(l, 'read -N 4 x y <<< " a b c"; echo $? "[$x][$y]"').out).toBe('0 [ a b][]\n');
		expect(sh(l, 'read -d , x y <<< "a b,c"; echo $? "[$x][$y]"').out).toBe('0 [a][b]\n');
		expect(sh(l, 'read -d "" x <<< "a b\nc"; echo $? "[$x]"').out).toBe('1 [a b\nc]\n');
		expect(sh(l, 'x=9; read -t 0 x <<< abc; echo $? [$x]').out).toBe('0 [9]\n');
		expect(sh(l, 'read -rs -u 0 -p "ignored: " x <<< hi; echo $? $x').out).toBe('0 hi\n');
	});

	// Reading the terminal, where the lab has no input for it, is bash reading a Ctrl+D at once.
	it('returns 1 at once with nothing typed for it (no terminal input in the lab), showing its prompt', () => {
		const l = lab();
		expect(sh(l, 'x=5; read x; echo "$? [$x]"').out).toBe('1 []\n');
		expect(sh(l, 'read -p "Name: " x')).toEqual({out: 'Name: ', status: 1});
		expect(sh(l, 'while read l; do echo never; done; echo done')).toEqual({out: 'done\n', status: 0});
	});

	it("prints bash's errors for bad options and names", () => {
		const l = lab();
		expect(sh(l, 'read -q')).toEqual({out: `bash: read: -q: invalid option\n${USAGE}`, status: 2});
		expect(sh(l, 'read -p')).toEqual({out: `bash: read: -p: option requires an argument\n${USAGE}`, status: 2});
		expect(sh(l, 'read -t abc x <<< a')).toEqual({out: 'bash: read: abc: invalid timeout specification\n', status: 1});
		expect(sh(l, 'read -n -1 x <<< a')).toEqual({out: 'bash: read: -1: invalid number\n', status: 1});
		expect(sh(l, 'read -u 3 x')).toEqual({out: 'bash: read: 3: invalid file descriptor: Bad file descriptor\n', status: 1});
		expect(sh(l, 'read -u x x')).toEqual({out: 'bash: read: x: invalid file descriptor specification\n', status: 1});
		expect(sh(l, 'read a 1x <<< a; echo $? $a').out).toBe("bash: read: `1x': not a valid identifier\n1 a\n");
		expect(sh(l, 'read x -r <<< hi')).toEqual({out: "bash: read: `-r': not a valid identifier\n", status: 1});
		expect(sh(l, 'read -a arr <<< "a b"')).toEqual({out: 'cluster-lab: read -a: the lab shell has no arrays\n', status: 2});
	});
});
