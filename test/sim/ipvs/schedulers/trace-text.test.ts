import {describe, expect, it} from 'vitest';
import type {Localized} from '../../../../source/i18n/lang';
import {cat, say} from '../../../../source/sim/ipvs/schedulers/trace-text';

/** English words a Spanish trace must not show (kernel names such as least, cw, daddr, OVERLOAD stay). */
const ENGLISH =
	/\b(weight|overhead|bucket|slot|offset|cache|cached|chosen|position|entry|list|head|picks?|random|set|member|expected|delay|idle|active|inactive|deleted|stored|used|destinations?|available|end|start|after|table|gcd|shift|full|wins|not|and|of|the|when|while|else|if|servers?|walk|unusable|source|address|port|first|highest|among|strict|replace|ignored|sum|keep|two|overloaded|loaded|most|drops|remember|unchanged|changed|ago|new|now|removed|flag|max|present)\b/;

/** Stands for any argument: a number, a name, a destination, a text or a true flag. */
const ANY = {activeConns: 7, inactConns: 7, en: 'x', es: 'x', toString: () => '7'};
const CHOICES: unknown[] = [ANY, 0, null, undefined];

function isLocalized(v: unknown): v is Localized {
	return typeof v === 'object' && v !== null && typeof (v as Localized).en === 'string' && typeof (v as Localized).es === 'string';
}

/** Every text `say` can produce, with each argument tried as a value, zero, null and missing. */
function everyText(node: unknown, path: string, out: Array<[string, Localized]>): void {
	if (isLocalized(node)) out.push([path, node]);
	else if (typeof node === 'function') {
		const f = node as (...args: unknown[]) => unknown;
		const n = f.length;
		for (let combo = 0; combo < CHOICES.length ** n; combo++) {
			const args = Array.from({length: n}, (_, i) => CHOICES[Math.floor(combo / CHOICES.length ** i) % CHOICES.length]);
			let v: unknown;
			try {
				v = f(...args);
			} catch {
				continue;
			}
			if (isLocalized(v)) out.push([`${path}(${args.map(String).join(', ')})`, v]);
		}
	} else if (typeof node === 'object' && node !== null) {
		for (const [k, v] of Object.entries(node)) everyText(v, path ? `${path}.${k}` : k, out);
	}
}

describe('scheduler trace words', () => {
	const texts: Array<[string, Localized]> = [];
	everyText(say, '', texts);

	it('covers every rule, note and detail', () => {
		expect(texts.length).toBeGreaterThan(60);
		expect(texts.filter(([p]) => p.endsWith('.rule') || p.includes('.rule(')).length).toBeGreaterThanOrEqual(14);
	});

	it('Spanish texts hold no English word, and differ from the English ones', () => {
		expect(texts.filter(([, t]) => ENGLISH.test(t.es)).map(([p, t]) => `${p}: ${t.es}`)).toEqual([]);
		expect(texts.filter(([, t]) => t.en === t.es).map(([p]) => p)).toEqual([]);
	});

	it('cat joins pieces per language; strings and numbers read the same in both', () => {
		expect(cat(say.bucket(4, 2), ': ', say.weight(0))).toEqual({en: 'bucket 4 (offset 2): weight 0', es: 'cubeta 4 (desplazamiento 2): peso 0'});
		expect(cat('hash = ', 42)).toEqual({en: 'hash = 42', es: 'hash = 42'});
	});
});
