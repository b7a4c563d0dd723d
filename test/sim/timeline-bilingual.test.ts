import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {EventSource} from '../../source/sim/timeline';

/**
 * Every timeline event reaches a Spanish learner in Spanish: `world.log` has to
 * be given `{en, es}`. This reads the engine, the commands and the lessons'
 * timed events and lists each timeline call whose text is not an `{en, es}`
 * object written at the call site (a bare string, a template or a variable).
 */
const ROOTS = ['source/sim', 'source/commands', 'source/lessons'];

/**
 * Call sites allowed to stay English. source/sim/traffic/engine.ts is being
 * split into several files elsewhere and has no timeline call today; if one
 * shows up there it belongs here only until it is converted.
 */
const ALLOWED: readonly string[] = [];

const SOURCES: readonly EventSource[] = ['lab', 'net', 'ipvs', 'heartbeat', 'ldirectord', 'sync', 'mosix', 'http', 'traffic'];

/** `.log(` calls that write to the timeline: on a `world`, or with an event source as first argument. */
const CALL = /(\bworld\s*\.\s*log|\.log)\(\s*([^,()]*)\s*,\s*(\S)/g;

function englishOnlyLogs(file: string, text: string): string[] {
	const found: string[] = [];
	for (const m of text.matchAll(CALL)) {
		const [, callee, first, next] = m;
		const onWorld = /world\s*\.\s*log$/.test(callee!);
		const source = /^'(\w+)'$/.exec(first!.trim())?.[1];
		if (!onWorld && !(source && (SOURCES as readonly string[]).includes(source))) continue;
		if (next === '{') continue;
		const before = text.slice(0, m.index).split('\n');
		const start = m.index - before[before.length - 1]!.length;
		const end = text.indexOf('\n', m.index);
		found.push(`${file}:${before.length}: ${text.slice(start, end < 0 ? undefined : end).trim()}`);
	}
	return found;
}

function files(root: string): string[] {
	return readdirSync(root, {recursive: true, encoding: 'utf8'})
		.filter((f) => /\.tsx?$/.test(f))
		.map((f) => `${root}/${f}`);
}

describe('timeline events are bilingual', () => {
	it('finds an English-only call and lets an {en, es} one through', () => {
		const sample = [
			"world.log('lab', `cable pulled out of ${h}`, h);",
			"this.world.log('http', 'apache2 stopped', this.host.name);",
			'cluster.world.log(source, text, host.name);',
			"world.log('lab', {en: 'a', es: 'b'}, h);",
			"this.world.log('ldirectord', {\n\ten: 'a',\n\tes: 'b',\n}, h);",
			// Tool logs (ha-log, ldirectord's logfile) are not the timeline and keep the tool's English.
			"this.log('info', `Running ${script}`);",
			"log('INFO', ' Success');",
		].join('\n');
		expect(englishOnlyLogs('sample.ts', sample)).toEqual([
			"sample.ts:1: world.log('lab', `cable pulled out of ${h}`, h);",
			"sample.ts:2: this.world.log('http', 'apache2 stopped', this.host.name);",
			'sample.ts:3: cluster.world.log(source, text, host.name);',
		]);
	});

	it('no call site under source/sim, source/commands or source/lessons logs English alone', () => {
		const all = ROOTS.flatMap(files);
		expect(all.length).toBeGreaterThan(100);
		const found = all.flatMap((f) => englishOnlyLogs(f, readFileSync(f, 'utf8'))).filter((f) => !ALLOWED.some((a) => f.startsWith(a + ':')));
		expect(found).toEqual([]);
	});

	it('still sees the timeline calls it checks (the pattern has not gone blind)', () => {
		const calls = ROOTS.flatMap(files).reduce((n, f) => n + (readFileSync(f, 'utf8').match(/\bworld\s*\.\s*log\(/g)?.length ?? 0), 0);
		expect(calls).toBeGreaterThan(30);
	});
});
