import {describe, expect, it} from 'vitest';
import {run} from '../../helpers/lab';

describe('file tools on a Sarge host', () => {
	it("use coreutils 5.2's `quotes' and shorter messages", () => {
		expect(run('ls nosuch; echo $?\nrm nosuch\nchmod abc /tmp\nls -z\ncp /tmp /x\nstat nosuch\nrmdir /etc\n', 'test/fixtures/sarge-2.6.8.yaml')).toBe(`root@debian1:~# ls nosuch; echo $?
ls: nosuch: No such file or directory
2
root@debian1:~# rm nosuch
rm: cannot remove \`nosuch': No such file or directory
root@debian1:~# chmod abc /tmp
chmod: invalid mode: \`abc'
Try \`chmod --help' for more information.
root@debian1:~# ls -z
ls: invalid option -- z
Try \`ls --help' for more information.
root@debian1:~# cp /tmp /x
cp: omitting directory \`/tmp'
root@debian1:~# stat nosuch
stat: cannot stat \`nosuch': No such file or directory
root@debian1:~# rmdir /etc
rmdir: \`/etc': Directory not empty
`);
	});
});
