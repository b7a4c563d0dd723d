import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {transcript} from '../../../source/cli/transcript';
import type {Lang} from '../../../source/i18n/lang';
import {lab} from '../../helpers/lab';

const dir = new URL('./golden/', import.meta.url);
const golden = (name: string) => readFileSync(new URL(name, dir), 'utf8');

/** A whole session as `cluster-lab run --scenario ultramonkey --lang LANG` prints it. */
function session(script: string, lang: Lang): string {
	const l = lab('ultramonkey');
	l.shell.options.lang = lang;
	const gen = transcript(l, script);
	let text = '';
	for (let step = gen.next(); !step.done; step = gen.next()) text += step.value;
	return text;
}

const EVENT = /^(\d\d:\d\d:\d\d\.\d{3} {2}\S+ +\S+ +)(.*)$/;

/** The `events` lines of a transcript: everything after the `events` prompt. */
function eventLines(text: string): string[] {
	const lines = text.split('\n');
	return lines.slice(lines.findIndex((l) => l.endsWith('# events')) + 1).filter((l) => l !== '');
}

/** Words of a sentence, without names, addresses and numbers (debian1, 192.168.0.105, eth0, 30.0). */
const words = (sentence: string) => new Set(sentence.toLowerCase().match(/[a-záéíóúñü_]+(?![\w.:/-]*\d)/g) ?? []);

describe('events in Spanish', () => {
	const script = golden('events-failover.script');

	it('prints the failover story in English exactly as before', () => {
		expect(session(script, 'en')).toBe(golden('events-failover.out'));
	});

	it('prints every event of the same run in Spanish', () => {
		expect(session(script, 'es')).toBe(golden('events-failover.es.out'));
	});

	it('leaves no English sentence: each line has words of its own, beyond names and numbers', () => {
		const en = eventLines(session(script, 'en'));
		const es = eventLines(session(script, 'es'));
		expect(es.length).toBe(en.length);
		// The run has cables and power (lab), ARP (net), failover, checks, sync daemons and apache2.
		const sources = new Set(es.map((l) => l.split(/ +/)[2]));
		for (const s of ['lab', 'net', 'heartbeat', 'ldirectord', 'sync', 'http']) expect(sources).toContain(s);
		const english: string[] = [];
		en.forEach((line, i) => {
			const [, head, enText] = EVENT.exec(line)!;
			const [, esHead, esText] = EVENT.exec(es[i]!)!;
			// Same time, host and source: only the sentence changes language.
			expect(esHead).toBe(head);
			const enWords = words(enText!);
			const esWords = words(esText!);
			const onlyEn = [...enWords].filter((w) => !esWords.has(w));
			const onlyEs = [...esWords].filter((w) => !enWords.has(w));
			if (onlyEn.length === 0 || onlyEs.length === 0) english.push(es[i]!);
		});
		expect(english).toEqual([]);
	});
});
