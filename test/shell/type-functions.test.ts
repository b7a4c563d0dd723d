import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {lab, sh} from '../helpers/lab';

/**
 * golden/type-functions.sh defines functions with every construct the lab parses;
 * golden/type-functions.bash.out is what bash 5.2 printed for them:
 *   for n in NAMES; do bash -c "source type-functions.sh; type $n"; done
 */
const definitions = readFileSync(new URL('./golden/type-functions.sh', import.meta.url), 'utf8');
const bashOutput = readFileSync(new URL('./golden/type-functions.bash.out', import.meta.url), 'utf8');
const NAMES = [
	...Array.from({length: 24}, (_, i) => `f${i + 1}`),
	...['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'f-g', 'g7', 'g9', 'g10', 'g11'],
	...Array.from({length: 10}, (_, i) => `h${i + 1}`),
];

describe('type NAME for a function', () => {
	it("prints the body the way bash's command printer does, byte for byte", () => {
		const l = lab();
		expect(sh(l, definitions.trimEnd()).out).toBe('');
		const printed = NAMES.map((n) => sh(l, `type ${n}`).out).join('');
		expect(printed).toBe(bashOutput);
	});

	it('answers -t, -p and -P for functions as bash does, keywords first', () => {
		const l = lab();
		sh(l, 'f() { :; }; cd() { :; }');
		expect(sh(l, 'type -t f while cd ls')).toEqual({out: 'function\nkeyword\nfunction\nfile\n', status: 0});
		expect(sh(l, 'type -p f; echo $?').out).toBe('0\n');
		expect(sh(l, 'type -P f')).toEqual({out: '', status: 1});
		expect(sh(l, 'unset -f f; type f')).toEqual({out: 'bash: type: f: not found\n', status: 1});
		expect(sh(l, 'type local return shift').out).toBe('local is a shell builtin\nreturn is a shell builtin\nshift is a shell builtin\n');
	});
});
