import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {build} from 'esbuild';
import {beforeAll, describe, expect, it} from 'vitest';
import {configDir, progressFile} from '../../source/progress/paths';
import {lessonStatus, markStepDone, recordHint, recordQuiz, setPosition} from '../../source/progress/progress';
import {PROGRESS_VERSION, progressSchema} from '../../source/progress/schema';
import {ProgressStore, type ProgressWarning} from '../../source/progress/store';
import {lesson} from './helpers';

const NOW = new Date('2026-11-26T10:00:00Z');

function fresh(): {file: string; warnings: ProgressWarning[]; store: ProgressStore} {
	const dir = mkdtempSync(path.join(tmpdir(), 'cluster-lab-progress-'));
	const file = path.join(dir, 'cluster-lab', 'progress.json');
	const warnings: ProgressWarning[] = [];
	return {file, warnings, store: new ProgressStore({schema: progressSchema, file, warn: (w) => warnings.push(w), now: () => NOW})};
}

const TWO = lesson(`
## One {#one}

\`\`\`step
quiz:
  - {id: q, ask: '?', choices: [a, b], answer: a}
\`\`\`

## Two {#two}

\`\`\`step
quiz:
  - {id: r, ask: '?', choices: [a, b], answer: b}
\`\`\`
`);

/** A small program that updates the store in a loop, for the tests that need real processes. */
let worker: string;
beforeAll(async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'cluster-lab-worker-'));
	const entry = path.join(dir, 'worker.ts');
	writeFileSync(
		entry,
		`import {ProgressStore} from ${JSON.stringify(path.resolve('source/progress/store.ts'))};
import {progressSchema} from ${JSON.stringify(path.resolve('source/progress/schema.ts'))};
const [file, count, name] = process.argv.slice(2);
const store = new ProgressStore({schema: progressSchema, file, warn: (w) => process.stderr.write(JSON.stringify(w) + '\\n')});
process.stdout.write('ready\\n');
for (let i = 0; i < Number(count); i++) {
	store.update((data) => {
		const set = (data.sets[name] ??= {lessons: {}});
		const lesson = (set.lessons.counter ??= {steps: {}});
		const step = (lesson.steps.n ??= {hints: 0, quiz: {}});
		step.hints += 1;
		// Bulk, so a write takes long enough to be interrupted.
		set.lessons.padding = {steps: Object.fromEntries(Array.from({length: 200}, (_, j) => ['s' + j, {hints: i, quiz: {}}]))};
	});
}
`,
	);
	worker = path.join(dir, 'worker.mjs');
	await build({entryPoints: [entry], outfile: worker, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning'});
});

describe('progress store', () => {
	it('starts clean, saves, and reads back what it saved', () => {
		const {file, store, warnings} = fresh();
		expect(store.load()).toEqual({schemaVersion: PROGRESS_VERSION, sets: {}});
		store.update((data) => {
			data.lang = 'es';
			setPosition(data, 'builtin', TWO.id, 'two', NOW);
			recordHint(data, 'builtin', TWO.id, 'one', 2);
			recordHint(data, 'builtin', TWO.id, 'one', 1);
			recordQuiz(data, 'builtin', TWO.id, 'one', 'q', {answer: ['b'], correct: false});
			recordQuiz(data, 'builtin', TWO.id, 'one', 'q', {answer: ['a'], correct: true});
			markStepDone(data, 'builtin', TWO, 'one', NOW);
		});
		const saved = JSON.parse(readFileSync(file, 'utf8'));
		expect(saved.schemaVersion).toBe(1);
		const data = store.load();
		expect(data.lang).toBe('es');
		expect(data.sets.builtin!.current).toBe('test');
		const entry = data.sets.builtin!.lessons.test!;
		expect(entry.step).toBe('two');
		expect(entry.steps.one).toEqual({done: '2026-11-26T10:00:00.000Z', hints: 2, quiz: {q: {answer: ['a'], correct: true, attempts: 2}}});
		expect(lessonStatus(data, 'builtin', TWO)).toEqual({state: 'started', done: 1, total: 2, step: 'two'});
		store.update((d) => markStepDone(d, 'builtin', TWO, 'two', NOW));
		expect(lessonStatus(store.load(), 'builtin', TWO).state).toBe('done');
		expect(store.load().sets.builtin!.lessons.test!.completed).toBe('2026-11-26T10:00:00.000Z');
		expect(warnings).toEqual([]);
		// No temporary or lock files are left behind.
		expect(readdirSync(path.dirname(file))).toEqual(['progress.json']);
	});

	it('ignores (and later removes) the half-written temporary file of a killed writer', () => {
		const {file, store, warnings} = fresh();
		store.update((d) => {
			d.lang = 'en';
		});
		const temp = `${file}.4242.deadbeef.tmp`;
		writeFileSync(temp, '{"schemaVersion": 1, "lang": "es", "se');
		expect(store.load().lang).toBe('en');
		expect(existsSync(temp)).toBe(true);
		const old = new Date(Date.now() - 5 * 60_000);
		utimesSync(temp, old, old);
		expect(store.load().lang).toBe('en');
		expect(existsSync(temp)).toBe(false);
		expect(warnings).toEqual([]);
	});

	it('keeps a corrupt file aside with a time-stamped name, warns, and starts clean', () => {
		const {file, store, warnings} = fresh();
		store.update((d) => {
			d.lang = 'es';
		});
		writeFileSync(file, '{"schemaVersion": 1, "lang": "es", "sets": {');
		expect(store.load()).toEqual({schemaVersion: 1, sets: {}});
		const kept = `${file}.corrupt-20261126T100000Z`;
		expect(warnings).toEqual([{kind: 'corrupt', file, keptAs: kept, detail: expect.any(String)}]);
		expect(readFileSync(kept, 'utf8')).toBe('{"schemaVersion": 1, "lang": "es", "sets": {');
		expect(existsSync(file)).toBe(false);
		// A file of the right version but the wrong shape is corrupt too; a second one gets its own name.
		writeFileSync(file, JSON.stringify({schemaVersion: 1, sets: {builtin: {lessons: {x: {steps: {y: {hints: 'many'}}}}}}}));
		store.load();
		expect(warnings[1]).toMatchObject({kind: 'corrupt', keptAs: `${kept}-2`});
		// Saving afterwards works normally.
		store.update((d) => {
			d.lang = 'en';
		});
		expect(store.load().lang).toBe('en');
	});

	it('keeps a file from a newer version aside instead of misreading it', () => {
		const {file, store, warnings} = fresh();
		store.update(() => {});
		writeFileSync(file, JSON.stringify({schemaVersion: PROGRESS_VERSION + 1, format: 'something new'}));
		expect(store.load()).toEqual({schemaVersion: PROGRESS_VERSION, sets: {}});
		expect(warnings).toEqual([{kind: 'newer', file, keptAs: `${file}.newer-20261126T100000Z`, detail: `schemaVersion ${PROGRESS_VERSION + 1}`}]);
		expect(JSON.parse(readFileSync(`${file}.newer-20261126T100000Z`, 'utf8')).format).toBe('something new');
	});

	it('never loses an update when several labs write at once', async () => {
		const {file} = fresh();
		const procs = [1, 2, 3, 4].map(
			() =>
				new Promise<string>((resolve) => {
					const child = spawn(process.execPath, [worker, file, '25', 'shared'], {stdio: ['ignore', 'ignore', 'pipe']});
					let err = '';
					child.stderr.on('data', (d) => (err += d));
					child.on('close', () => resolve(err));
				}),
		);
		expect(await Promise.all(procs)).toEqual(['', '', '', '']);
		const data = new ProgressStore({schema: progressSchema, file}).load();
		expect(data.sets.shared!.lessons.counter!.steps.n!.hints).toBe(100);
		expect(readdirSync(path.dirname(file))).toEqual(['progress.json']);
	});

	it('leaves a readable file when a writer is killed at any moment', async () => {
		const {file} = fresh();
		for (let round = 0; round < 6; round++) {
			await new Promise<void>((resolve) => {
				const child = spawn(process.execPath, [worker, file, '100000', 'killed'], {stdio: ['ignore', 'pipe', 'ignore']});
				child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), 30 + round * 37));
				child.on('close', () => resolve());
			});
			const warnings: ProgressWarning[] = [];
			const data = new ProgressStore({schema: progressSchema, file, warn: (w) => warnings.push(w)}).load();
			expect(warnings).toEqual([]);
			expect(data.schemaVersion).toBe(1);
			// A killed writer may leave its lock; the next writer takes it over once stale, and meanwhile writes anyway.
		}
		const result = spawnSync(process.execPath, [worker, file, '1', 'after'], {encoding: 'utf8'});
		expect(result.stderr).toBe('');
		expect(new ProgressStore({schema: progressSchema, file}).load().sets.after!.lessons.counter!.steps.n!.hints).toBe(1);
	});
});

describe('progress location', () => {
	it('honours XDG_CONFIG_HOME and falls back to the platform folder', () => {
		expect(configDir({XDG_CONFIG_HOME: '/tmp/xdg'})).toBe('/tmp/xdg/cluster-lab');
		expect(progressFile({XDG_CONFIG_HOME: '/tmp/xdg'})).toBe('/tmp/xdg/cluster-lab/progress.json');
		// A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
		expect(configDir({XDG_CONFIG_HOME: 'relative'})).not.toContain('relative');
		expect(path.basename(configDir({}))).toBe('cluster-lab');
	});
});

describe('a store that loads its checker itself', () => {
	const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), 'cluster-lab-lazy-')), 'progress.json');

	it('needs no checker to start clean and to read back what it wrote', () => {
		const file = fresh();
		const store = new ProgressStore({file});
		expect(store.exists()).toBe(false);
		expect(store.load()).toEqual({schemaVersion: PROGRESS_VERSION, sets: {}});
		store.update((d) => (d.lang = 'es'));
		store.update((d) => (d.sets['builtin'] = {lessons: {}}));
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({schemaVersion: PROGRESS_VERSION, lang: 'es', sets: {builtin: {lessons: {}}}});
	});

	it('never overwrites a file it could not check yet, and checks it once ready', async () => {
		const file = fresh();
		const saved = JSON.stringify({schemaVersion: PROGRESS_VERSION, lang: 'es', sets: {}});
		writeFileSync(file, saved);
		const early = new ProgressStore({file});
		early.update((d) => (d.lang = 'en'));
		expect(readFileSync(file, 'utf8')).toBe(saved);

		const store = new ProgressStore({file});
		expect(store.exists()).toBe(true);
		await store.ready();
		expect(store.load().lang).toBe('es');
		store.update((d) => (d.lang = 'en'));
		expect(JSON.parse(readFileSync(file, 'utf8')).lang).toBe('en');
	});
});
