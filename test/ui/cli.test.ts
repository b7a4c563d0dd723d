import {describe, expect, it} from 'vitest';
import {cli} from '../helpers/cli';

describe('cluster-lab without a terminal', () => {
	it('points to cluster-lab run and exits 2, for the home screen and the sandbox', () => {
		for (const args of [[], ['sandbox'], ['sandbox', '--scenario', 'sandbox', '--seed', '3', '--plain', '--no-color']]) {
			const r = cli(args, '');
			expect(r.status).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toBe('cluster-lab: the lab needs a terminal; to run commands from a script use: cluster-lab run SCRIPT\n');
		}
	});

	it('documents --plain and --no-color', () => {
		const help = cli(['--help']).stdout;
		expect(help).toContain('--plain');
		expect(help).toContain('--no-color');
	});
});
