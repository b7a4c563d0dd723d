import chalk from 'chalk';
import {afterEach, describe, expect, it} from 'vitest';
import {findLesson} from '../../../source/lessons/load';
import {markStepDone, setPosition} from '../../../source/progress/progress';
import {lessonCatalog} from '../../../source/ui/home/lesson-catalog';
import {App} from '../../../source/ui/app';
import {scenarioSection} from '../../../source/ui/home/home-screen';
import {lessonSection} from '../../../source/ui/home/lesson-map';
import {createSettings} from '../../../source/ui/settings';
import type {StudyController} from '../../../source/ui/study/study-controller';
import {openStudy} from '../../../source/ui/study/open-study';
import type {Lang} from '../../../source/i18n/lang';
import {KEY, renderScreen, type Rendered} from '../helpers/render';
import {SET, tempStore} from '../study/helpers';

let opened: StudyController[] = [];
let rendered: Rendered | undefined;
afterEach(() => {
	rendered?.unmount();
	for (const c of opened) c.dispose();
	opened = [];
});

function mount(store = tempStore(), rows = 24, plain = false, options: {lang?: Lang; columns?: number; color?: boolean} = {}) {
	const lang = options.lang ?? 'en';
	chalk.level = options.color ? 3 : 0;
	const settings = createSettings(lang, {plain});
	const catalog = lessonCatalog(lang);
	const sections = [
		lessonSection({t: settings.t, theme: settings.theme, lessons: catalog.lessons, progress: store.load(), setKey: catalog.setKey}),
		scenarioSection(settings.t.home.scenarios, [{name: 'sandbox', title: 'LVS sandbox'}]),
	];
	const r = renderScreen(
		<App
			home={sections}
			onStudy={(c) => opened.push(c)}
			open={async (action, onQuit) => {
				if (action.kind !== 'lesson') return {message: `scenario ${action.name}`};
				const result = openStudy({set: SET, lesson: findLesson(SET, 'en', action.id)!, lang: 'en', store, theme: settings.theme, onQuit, live: {paused: true}});
				return result.ok ? {study: result.controller} : {message: result.message};
			}}
		/>,
		{columns: options.columns ?? 80, rows, settings, color: options.color},
	);
	rendered = r;
	return r;
}

describe('the lesson map on the home screen', () => {
	it('reads the same lessons and steps as the full loader, in both languages', () => {
		for (const lang of ['en', 'es'] as const) {
			const quick = lessonCatalog(lang).lessons.map((l) => ({id: l.id, number: l.number, title: l.title, steps: l.steps.map((s) => s.id)}));
			const full = SET.lessons[lang].map((l) => ({id: l.id, number: l.number, title: l.title, steps: l.steps.map((s) => s.id)}));
			expect(quick).toEqual(full);
		}
		expect(lessonCatalog('en').setKey).toBe('builtin');
	});

	it('lists every lesson with its progress before the scenarios', async () => {
		const store = tempStore();
		const l1 = findLesson(SET, 'en', '1')!;
		const l4 = findLesson(SET, 'en', '4')!;
		const when = new Date('2026-11-26T12:00:00Z');
		store.update((d) => {
			for (const s of l1.steps) markStepDone(d, 'builtin', l1, s.id, when);
			setPosition(d, 'builtin', l4.id, l4.steps[2]!.id, when);
			markStepDone(d, 'builtin', l4, l4.steps[0]!.id, when);
			markStepDone(d, 'builtin', l4, l4.steps[1]!.id, when);
		});
		const r = mount(store, 40);
		const frame = await r.waitFor((f) => f.includes('Lessons'));
		expect(frame).toMatch(/▸  1 ● What a cluster is {2,}done/);
		expect(frame).toMatch(/   2 ○ Classifying clusters {2,}not started/);
		expect(frame).toMatch(/   4 ◐ LVS: director, VIP and real servers {2,}in progress 2\/5/);
		expect(frame.indexOf('Lessons')).toBeLessThan(frame.indexOf('Scenarios'));
		expect(frame).toContain('sandbox');
	});

	it('keeps the chosen entry in sight in a small window', async () => {
		const r = mount(tempStore(), 24);
		await r.waitFor((f) => f.includes('Lessons'));
		await r.press(KEY.end);
		const frame = await r.waitFor((f) => f.includes('▸ sandbox'));
		expect(frame.split('\n').length).toBeLessThanOrEqual(23);
		expect(frame).toContain('↑↓ choose · Enter open · q quit');
	});

	it('opens the chosen lesson in study mode where the learner left off', async () => {
		const store = tempStore();
		const l4 = findLesson(SET, 'en', '4')!;
		store.update((d) => setPosition(d, 'builtin', l4.id, 'add-real-servers', new Date()));
		const r = mount(store);
		await r.waitFor((f) => f.includes('Lessons'));
		await r.press(KEY.down, KEY.down, KEY.down, KEY.enter);
		const frame = await r.waitFor((f) => f.includes('root@lvs1:~#'));
		expect(frame).toContain('Lesson 4 · step 4/5 · Add two real servers');
	});

	it('marks progress without drawing characters in --plain', async () => {
		const r = mount(tempStore(), 24, true);
		const frame = await r.waitFor((f) => f.includes('Lessons'));
		expect(frame).toMatch(/\[ \] What a cluster is {2,}not started/);
	});

	// One lesson in progress widens the progress column.
	it.each([
		['en', 80, 24, false],
		['es', 80, 24, false],
		['en', 100, 30, false],
		['es', 100, 30, false],
		['es', 80, 24, true],
	] as const)('lines up numbers, marks, titles and progress in columns (%s, %i×%i, plain %s)', async (lang, columns, rows, plain) => {
		const store = tempStore();
		const l4 = findLesson(SET, lang, '4')!;
		store.update((d) => {
			setPosition(d, 'builtin', l4.id, l4.steps[2]!.id, new Date());
			markStepDone(d, 'builtin', l4, l4.steps[0]!.id, new Date());
		});
		const r = mount(store, rows, plain, {lang, columns, color: true});
		const title = lang === 'en' ? 'Lessons' : 'Lecciones';
		const frame = await r.waitFor((f) => f.includes(title));
		// Colour codes take no columns: measure the text as the terminal shows it.
		// eslint-disable-next-line no-control-regex
		const shown = frame.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
		const rowsOf = shown.filter((l) => /^[▸> ] +\d+ /.test(l));
		expect(rowsOf).toHaveLength(SET.lessons[lang].length);
		const status = lang === 'en' ? / (not started|in progress 1\/5)$/ : / (sin empezar|en curso 1\/5)$/;
		const mark = plain ? /\[[ ~x]\]/ : /[○◐●]/;
		const cols = rowsOf.map((l) => ({number: /\d+ /.exec(l)!.index + /\d+ /.exec(l)![0].length, mark: mark.exec(l)!.index, status: status.exec(l)!.index}));
		for (const c of cols) expect(c).toEqual({number: 5, mark: 5, status: cols[0]!.status});
		for (const l of shown) expect([...l].length).toBeLessThanOrEqual(columns);
		const cut = plain ? '...' : '…';
		const long = rowsOf.find((l) => l.includes(lang === 'en' ? 'Health checks with ldirectord' : 'Comprobaciones de salud'))!;
		// The longest Spanish title (60 columns) gives way at 80 columns; the English ones fit.
		if (columns === 80 && lang === 'es') expect(long).toContain(cut + '  ');
		else expect(long).toMatch(/fallback {2,}/);
	});
});
