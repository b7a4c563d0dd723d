import {describe, expect, it} from 'vitest';
import {cli, cliIntoHead} from '../helpers/cli';

describe('cluster-lab scenarios', () => {
	it('lists every built-in scenario with its title, in the language asked for', () => {
		const en = cli(['scenarios']);
		expect(en.status).toBe(0);
		expect(en.stdout).toContain('sandbox             LVS sandbox - one director, four real servers\n');
		expect(en.stdout.trimEnd().split('\n')).toHaveLength(9);
		const es = cli(['scenarios', '--lang', 'es']);
		expect(es.stdout).toContain('ultramonkey         UltraMonkey - heartbeat + ldirectord, dos directores, dos servidores Apache (LVS-DR)\n');
		expect(es.stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(en.stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0]));
	});

	it('stops quietly when the reader goes away early (| head), here and in run and lesson', () => {
		const script = Array.from({length: 3000}, (_, i) => `echo line ${i}`).join('\n') + '\n';
		for (const [args, input] of [[['scenarios'], undefined], [['lesson', '1'], undefined], [['run', '-'], script]] as const) {
			const r = cliIntoHead([...args], 1, input);
			expect(r.stderr).toBe('');
			expect(r.stdout.split('\n')).toHaveLength(2);
		}
	});
});
