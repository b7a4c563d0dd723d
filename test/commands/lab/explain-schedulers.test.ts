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

/**
 * Words of the English traces that must not reach a Spanish learner. Formula
 * names (loh, doh, least, cw, mw, daddr, hash_32, mod) and kernel flags
 * (AVAILABLE, OVERLOAD, sh-fallback) stay as the kernel spells them.
 */
const ENGLISH =
	/\b(weight|overhead|bucket|slot|offset|cache|cached|chosen|compared|position|entry|list|head|picks?|random|set|member|expected|delay|idle|active|inactive|deleted|stored|used|destinations?|available|end|start|after|table|gcd|shift|full|wins|rule|not|and|of|the|when|while|else|if|servers?|walk|unusable|source|address|port|first|highest|among|strict|replace|ignored|sum|keep|two|overloaded|loaded|most|drops|remember|unchanged|changed|ago|new|now|removed|flag|max)\b/;

/** The scheduler's part of each `explain`: its step (rule) and the rows and notes under it. */
function traceLines(text: string): string[] {
	const out: string[] = [];
	let inside = false;
	for (const line of text.split('\n')) {
		if (/^\d+\. /.test(line)) inside = / (asked the|preguntó al planificador) /.test(line);
		// Hosts and addresses are names, not words.
		if (inside) out.push(line.replace(/\((rs\d|client|lvs\d)\)/g, ''));
	}
	return out;
}

/** Every scheduler's trace as `explain` words it, one session per scheduler. */
describe('explain after each scheduler', () => {
	it('has a session for every scheduler', () => {
		expect(scripts.map((f) => f.slice('explain-'.length, -'.script'.length)).sort()).toEqual(
			['dh', 'fo', 'lblc', 'lblcr', 'lc', 'mh', 'nq', 'ovf', 'rr', 'sed', 'sh', 'twos', 'wlc', 'wrr'],
		);
	});

	it('the English word check catches an untranslated trace', () => {
		const lines = traceLines(golden('explain-wlc.out'));
		expect(lines.length).toBeGreaterThan(3);
		expect(lines.every((l) => ENGLISH.test(l))).toBe(true);
	});

	for (const f of scripts) {
		it(`${f}: English`, () => {
			expect(session(golden(f), 'en')).toBe(golden(f.replace('.script', '.out')));
		});

		it(`${f}: Spanish, with no English word in the trace`, () => {
			const text = session(golden(f), 'es');
			expect(text).toBe(golden(f.replace('.script', '.es.out')));
			const lines = traceLines(text);
			expect(lines.length).toBeGreaterThan(3);
			expect(lines.filter((l) => ENGLISH.test(l))).toEqual([]);
		});
	}
});
