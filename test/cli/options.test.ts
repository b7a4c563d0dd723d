import {describe, expect, it} from 'vitest';
import {cli} from '../helpers/cli';

describe('unknown command-line options', () => {
	it('get one clear line on stderr and status 2, whatever the subcommand', () => {
		for (const args of [['--bogus'], ['run', '--bogus', '-'], ['lessons', '-x'], ['lesson', '1', '--nope'], ['scenarios', '--bogus=3', '--other'], ['lang', '-h']]) {
			const r = cli(args, 'hostname\n');
			const option = args.find((a) => a.startsWith('-') && a !== '-')!;
			expect({stderr: r.stderr, stdout: r.stdout, status: r.status}).toEqual({stderr: `cluster-lab: unknown option ${option} (see cluster-lab --help)\n`, stdout: '', status: 2});
		}
	});

	it('a repeated option is one line too, not a stack trace', () => {
		const r = cli(['run', '--scenario=sandbox', '-s', 'sandbox', '-'], '');
		expect({stderr: r.stderr, status: r.status}).toEqual({stderr: 'cluster-lab: --scenario given more than once (see cluster-lab --help)\n', status: 2});
	});

	it('speak the chosen language', () => {
		expect(cli(['--lang', 'es', 'run', '--bogus', '-'], '').stderr).toBe('cluster-lab: opción desconocida --bogus (revisa cluster-lab --help)\n');
	});

	it('leave known options, their values and the stdin dash alone', () => {
		const r = cli(['run', '--scenario=sandbox', '--seed', '7', '--no-color', '-'], 'hostname\n');
		expect(r.stderr).toBe('');
		expect(r.stdout).toBe('root@lvs1:~# hostname\nlvs1\n');
		expect(r.status).toBe(0);
	});
});
