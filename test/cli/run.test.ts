import {writeFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cli} from '../helpers/cli';

describe('cluster-lab run', () => {
	it('prints a transcript of a script read from stdin', () => {
		const r = cli(['run', '-'], '# set up\n\nhostname\nnope\necho $?\n');
		expect(r.stdout).toBe('root@lvs1:~# hostname\nlvs1\nroot@lvs1:~# nope\nbash: nope: command not found\nroot@lvs1:~# echo $?\n127\n');
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
	});

	it('reads a script file and goes on after failing commands', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'cl-'));
		const file = path.join(dir, 's.txt');
		writeFileSync(file, 'cat /nope\nssh client\nhostname\n');
		const r = cli(['run', '--scenario', 'sandbox', file]);
		expect(r.stdout).toBe('root@lvs1:~# cat /nope\ncat: /nope: No such file or directory\nroot@lvs1:~# ssh client\nroot@client:~# hostname\nclient\n');
		expect(r.status).toBe(0);
	});

	it('fails with one clear line for a missing script or an unknown scenario', () => {
		const missing = cli(['run', '/no/such/script.txt']);
		expect(missing.status).toBe(2);
		expect(missing.stdout).toBe('');
		expect(missing.stderr).toBe('cluster-lab: cannot read script /no/such/script.txt: no such file\n');
		const unknown = cli(['run', '--scenario', 'atlantis', '-'], 'hostname\n');
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toMatch(/^cluster-lab: unknown scenario 'atlantis' \(built-in: .*sandbox.*\)\n$/);
	});

	it('reports a broken scenario file with file:line', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'cl-'));
		const file = path.join(dir, 'bad.yaml');
		writeFileSync(file, 'name: bad\ntitle: t\nstart: a\nhosts:\n  a:\n    role: wizard\n');
		const r = cli(['run', '--scenario', file, '-'], 'hostname\n');
		expect(r.status).toBe(2);
		expect(r.stderr).toContain(`${file}:6: hosts.a.role:`);
	});

	it('gives byte-identical transcripts for the same seed and script', () => {
		const script = 'sleep 3\ndate\nssh rs4 hostname\n';
		const a = cli(['run', '--seed', '9', '-'], script);
		const b = cli(['run', '--seed', '9', '-'], script);
		expect(a.stdout).toBe(b.stdout);
		expect(a.stdout).toContain('Thu Nov 26 10:00:03 UTC 2026');
	});

	it('rejects a bad seed and unknown flags without a stack trace', () => {
		const seed = cli(['run', '--seed', 'x', '-'], '');
		expect(seed.status).toBe(2);
		expect(seed.stderr).toBe("cluster-lab: --seed needs a whole number from 0 to 4294967295, not 'x'\n");
		const flag = cli(['run', '--bogus', '-'], '');
		expect(flag.status).toBe(2);
		expect(flag.stderr).not.toMatch(/at .*\.js/);
	});

	it('refuses to open the lab without a terminal and points at run', () => {
		const r = cli([], '');
		expect(r.status).toBe(2);
		expect(r.stderr).toBe('cluster-lab: the lab needs a terminal; to run commands from a script use: cluster-lab run SCRIPT\n');
	});
});
