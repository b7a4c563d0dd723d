import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

describe('chmod', () => {
	it('sets octal and symbolic modes as the thesis needs for authkeys', () => {
		const l = lab();
		sh(l, 'mkdir -p /etc/ha.d; echo "auth 3" > /etc/ha.d/authkeys');
		expect(sh(l, 'chmod 600 /etc/ha.d/authkeys')).toEqual({out: '', status: 0});
		expect(sh(l, 'ls -l /etc/ha.d/authkeys').out).toBe('-rw------- 1 root root 7 Nov 26 10:00 /etc/ha.d/authkeys\n');
		sh(l, 'chmod u+x,go+r /etc/ha.d/authkeys');
		expect(sh(l, 'stat /etc/ha.d/authkeys').out).toContain('Access: (0744/-rwxr--r--)');
		sh(l, 'chmod a=r,u+w /etc/ha.d/authkeys');
		expect(sh(l, 'ls -l /etc/ha.d/authkeys').out.slice(0, 10)).toBe('-rw-r--r--');
		sh(l, 'chmod +x /etc/ha.d/authkeys');
		expect(sh(l, 'ls -l /etc/ha.d/authkeys').out.slice(0, 10)).toBe('-rwxr-xr-x');
		expect(sh(l, 'chmod abc /etc/ha.d/authkeys')).toEqual({out: "chmod: invalid mode: \u2018abc\u2019\nTry 'chmod --help' for more information.\n", status: 1});
		expect(sh(l, 'chmod 600 nosuch')).toEqual({out: "chmod: cannot access 'nosuch': No such file or directory\n", status: 1});
		expect(sh(l, 'chmod 600')).toEqual({out: "chmod: missing operand after \u2018600\u2019\nTry 'chmod --help' for more information.\n", status: 1});
	});
});

describe('mkdir, rmdir, rm, touch, cp, mv', () => {
	it('creates, copies, moves and removes with coreutils messages', () => {
		expect(
			run(`cd /tmp
mkdir a/b; echo $?
mkdir -p a/b; ls -d a/b
mkdir a; echo $?
touch a/b/f; cp a/b/f g; ls g
cp a g; echo $?
cp -r a a2; ls a2/b
mv g h; ls
mv nosuch x; echo $?
rmdir a; echo $?
rm a; echo $?
rm -r a; ls
rm nosuch; echo $?
rm -f nosuch; echo $?
touch /nosuchdir/x; echo $?
cp; echo $?
`),
		).toBe(`root@lvs1:~# cd /tmp
root@lvs1:/tmp# mkdir a/b; echo $?
mkdir: cannot create directory \u2018a/b\u2019: No such file or directory
1
root@lvs1:/tmp# mkdir -p a/b; ls -d a/b
a/b
root@lvs1:/tmp# mkdir a; echo $?
mkdir: cannot create directory \u2018a\u2019: File exists
1
root@lvs1:/tmp# touch a/b/f; cp a/b/f g; ls g
g
root@lvs1:/tmp# cp a g; echo $?
cp: -r not specified; omitting directory 'a'
1
root@lvs1:/tmp# cp -r a a2; ls a2/b
f
root@lvs1:/tmp# mv g h; ls
a  a2  h
root@lvs1:/tmp# mv nosuch x; echo $?
mv: cannot stat 'nosuch': No such file or directory
1
root@lvs1:/tmp# rmdir a; echo $?
rmdir: failed to remove 'a': Directory not empty
1
root@lvs1:/tmp# rm a; echo $?
rm: cannot remove 'a': Is a directory
1
root@lvs1:/tmp# rm -r a; ls
a2  h
root@lvs1:/tmp# rm nosuch; echo $?
rm: cannot remove 'nosuch': No such file or directory
1
root@lvs1:/tmp# rm -f nosuch; echo $?
0
root@lvs1:/tmp# touch /nosuchdir/x; echo $?
touch: cannot touch '/nosuchdir/x': No such file or directory
1
root@lvs1:/tmp# cp; echo $?
cp: missing file operand
Try 'cp --help' for more information.
1
`);
	});

	it('keeps mode and owner when moving, and chown accepts the lab users', () => {
		const l = lab();
		sh(l, 'echo x > /tmp/k; chmod 640 /tmp/k; chown www-data:www-data /tmp/k; mv /tmp/k /root/k');
		expect(sh(l, 'ls -l /root/k').out).toBe('-rw-r----- 1 www-data www-data 2 Nov 26 10:00 /root/k\n');
		expect(sh(l, 'chown nobodyelse /root/k')).toEqual({out: 'chown: invalid user: \u2018nobodyelse\u2019\n', status: 1});
	});
});
