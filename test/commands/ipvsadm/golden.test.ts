import {describe, expect, it} from 'vitest';
import {run} from '../../helpers/lab';
import {goldenFiles, readGolden, visible} from './golden';

// Each golden file is a transcript; its commands are replayed and must print it again
// byte for byte. Line ends show as `$` in a failing diff, so trailing spaces are visible.
describe('ipvsadm golden transcripts', () => {
	for (const file of goldenFiles()) {
		const golden = readGolden(file);
		it(golden.name, () => {
			expect(golden.script.trim(), 'a golden needs at least one command').not.toBe('');
			expect(visible(run(golden.script, golden.scenario, golden.seed))).toBe(visible(golden.expected));
		});
	}
});
