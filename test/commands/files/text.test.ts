import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

function withFiles() {
	const l = lab();
	sh(l, "printf 'one two\\nthree\\nfour five six\\n' > /tmp/f1; printf 'alpha\\nbeta\\n' > /tmp/f2; cd /tmp");
	return l;
}

describe('grep', () => {
	it('matches with line numbers, counts, file names and exit statuses', () => {
		const l = withFiles();
		expect(sh(l, 'grep -n o f1')).toEqual({out: '1:one two\n3:four five six\n', status: 0});
		expect(sh(l, 'grep -c o f1 f2')).toEqual({out: 'f1:2\nf2:0\n', status: 0});
		expect(sh(l, 'grep o f1 f2').out).toBe('f1:one two\nf1:four five six\n');
		expect(sh(l, 'grep -l o f1 f2 nosuch')).toEqual({out: 'f1\ngrep: nosuch: No such file or directory\n', status: 2});
		expect(sh(l, 'grep zzz f1')).toEqual({out: '', status: 1});
		expect(sh(l, 'grep -q three f1')).toEqual({out: '', status: 0});
		expect(sh(l, 'grep -vi ONE f1').out).toBe('three\nfour five six\n');
		expect(sh(l, 'grep -w fiv f1').status).toBe(1);
		expect(sh(l, 'grep -E "t(wo|hree)" f1').out).toBe('one two\nthree\n');
		expect(sh(l, 'grep -F "t.o" f1').status).toBe(1);
		expect(sh(l, 'grep "t\\(w\\|h\\)" f1').out).toBe('one two\nthree\n');
		expect(sh(l, "grep 'x(' -E f1")).toEqual({out: 'grep: Unmatched ( or \\(\n', status: 2});
		expect(sh(l, 'grep')).toEqual({out: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", status: 2});
		expect(sh(l, 'grep -r alpha .').out).toBe('./f2:alpha\n');
		expect(sh(l, 'cat f1 | grep -c e').out).toBe('3\n');
	});
});

describe('sed', () => {
	it('prints, deletes, substitutes with addresses and ranges', () => {
		const l = withFiles();
		expect(sh(l, "sed -n '2p' f1").out).toBe('three\n');
		expect(sh(l, "sed 's/o/0/g' f1").out).toBe('0ne tw0\nthree\nf0ur five six\n');
		expect(sh(l, "sed -e '1d' -e 's/f/F/' f1").out).toBe('three\nFour five six\n');
		expect(sh(l, "sed -n '/two/,/four/p' f1").out).toBe('one two\nthree\nfour five six\n');
		expect(sh(l, "sed '$d' f1").out).toBe('one two\nthree\n');
		expect(sh(l, "sed 's|one|1|;s#two#2#' f1").out).toBe('1 2\nthree\nfour five six\n');
		expect(sh(l, "sed -E 's/(\\w+) (\\w+)/\\2 \\1/' f1").out).toBe('two one\nthree\nfive four six\n');
		expect(sh(l, "sed '2!d' f1").out).toBe('three\n');
		expect(sh(l, "sed 's/E/e/Ig' f1 | head -1").out).toBe('one two\n');
		expect(sh(l, "sed '2q' f1").out).toBe('one two\nthree\n');
		expect(sh(l, "sed '1a added' f2").out).toBe('alpha\nadded\nbeta\n');
	});

	it('edits in place and reports script and file errors like GNU sed', () => {
		const l = withFiles();
		expect(sh(l, "sed -i 's/three/THREE/' f1")).toEqual({out: '', status: 0});
		expect(sh(l, 'cat f1').out).toBe('one two\nTHREE\nfour five six\n');
		expect(sh(l, "sed 's/x' f1")).toEqual({out: "sed: -e expression #1, char 3: unterminated `s' command\n", status: 1});
		expect(sh(l, "sed 'k' f1")).toEqual({out: "sed: -e expression #1, char 1: unknown command: `k'\n", status: 1});
		expect(sh(l, 'sed p nosuch')).toEqual({out: "sed: can't read nosuch: No such file or directory\n", status: 2});
		expect(sh(l, 'sed').out).toMatch(/^Usage: sed \[OPTION\]\.\.\. \{script-only-if-no-other-script\} \[input-file\]\.\.\.\n/);
	});
});

describe('head, tail, wc, sort, uniq, cut, tr, tee', () => {
	it('prints the parts and counts GNU prints', () => {
		expect(
			run(`cd /tmp; printf 'one two\\nthree\\nfour five six\\n' > f1; printf 'alpha\\nbeta\\n' > f2
tail -n 1 f1
tail -1 f1
tail -n +2 f1
tail -f f2
head -1 f1 f2
head -c 3 f2; echo
head nosuch; echo $?
wc f1
wc f1 f2
wc -l f1
cat f1 | wc
sort f1 f2
printf 'b\\na\\nb\\nb\\n' | uniq -c
printf '10\\n9\\n100\\n' | sort -n
printf 'a:b:c\\n' | cut -d: -f2,3
printf 'abc\\n' | tr a-z A-Z
echo hi | tee /tmp/t1 /tmp/t2
cat /tmp/t2
`),
		).toBe(`root@lvs1:~# cd /tmp; printf 'one two\\nthree\\nfour five six\\n' > f1; printf 'alpha\\nbeta\\n' > f2
root@lvs1:/tmp# tail -n 1 f1
four five six
root@lvs1:/tmp# tail -1 f1
four five six
root@lvs1:/tmp# tail -n +2 f1
three
four five six
root@lvs1:/tmp# tail -f f2
alpha
beta
root@lvs1:/tmp# head -1 f1 f2
==> f1 <==
one two

==> f2 <==
alpha
root@lvs1:/tmp# head -c 3 f2; echo
alp
root@lvs1:/tmp# head nosuch; echo $?
head: cannot open 'nosuch' for reading: No such file or directory
1
root@lvs1:/tmp# wc f1
 3  6 28 f1
root@lvs1:/tmp# wc f1 f2
 3  6 28 f1
 2  2 11 f2
 5  8 39 total
root@lvs1:/tmp# wc -l f1
3 f1
root@lvs1:/tmp# cat f1 | wc
      3       6      28
root@lvs1:/tmp# sort f1 f2
alpha
beta
four five six
one two
three
root@lvs1:/tmp# printf 'b\\na\\nb\\nb\\n' | uniq -c
      1 b
      1 a
      2 b
root@lvs1:/tmp# printf '10\\n9\\n100\\n' | sort -n
9
10
100
root@lvs1:/tmp# printf 'a:b:c\\n' | cut -d: -f2,3
b:c
root@lvs1:/tmp# printf 'abc\\n' | tr a-z A-Z
ABC
root@lvs1:/tmp# echo hi | tee /tmp/t1 /tmp/t2
hi
root@lvs1:/tmp# cat /tmp/t2
hi
`);
	});
});
