import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {transcript} from '../../../source/cli/transcript';
import type {Lang} from '../../../source/i18n/lang';
import {lab} from '../../helpers/lab';

const dir = new URL('./golden/', import.meta.url);
const golden = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const scripts = readdirSync(dir).filter((f) => f.startsWith('explain-') && f.endsWith('.script'));

/** A whole session as `cluster-lab run --lang LANG` prints it. */
function session(script: string, lang: Lang): string {
	const l = lab();
	l.shell.options.lang = lang;
	const gen = transcript(l, script);
	let text = '';
	for (let step = gen.next(); !step.done; step = gen.next()) text += step.value;
	return text;
}

/** Every scheduler's trace as `explain` words it, one session per scheduler. */
describe('explain after each scheduler', () => {
	it('has a session for every scheduler', () => {
		expect(scripts.map((f) => f.slice('explain-'.length, -'.script'.length)).sort()).toEqual(
			['dh', 'fo', 'lblc', 'lblcr', 'lc', 'mh', 'nq', 'ovf', 'rr', 'sed', 'sh', 'twos', 'wlc', 'wrr'],
		);
	});

	for (const f of scripts) {
		it(`${f}: English`, () => {
			expect(session(golden(f), 'en')).toBe(golden(f.replace('.script', '.out')));
		});
	}
});
