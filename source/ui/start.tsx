import {render} from 'ink';
import type {Lang} from '../i18n/lang';
import {existsSync} from 'node:fs';
import path from 'node:path';
import type {LessonSet} from '../lessons/load';
import type {Lesson} from '../lessons/model';
import {scenariosDir} from '../paths';
import type {ProgressStore} from '../progress/store';
import {App} from './app';
import {scenarioSection, type HomeAction, type HomeSection} from './home/home-screen';
import type {LabController} from './lab/lab-controller';
import type {StudyController} from './study/study-controller';
import {startMetrics} from './metrics';
import {createSettings, SettingsProvider} from './settings';

export interface InteractiveOptions {
	/** Open this scenario's lab directly; undefined shows the home screen. */
	readonly scenario?: string;
	readonly seed: number;
	readonly lang: Lang;
	readonly plain: boolean;
	/** The learner's progress: the home screen's lesson map and study mode need it. */
	readonly store?: ProgressStore;
	/** `--lessons DIR`, or undefined for the built-in lessons. */
	readonly lessonsDir?: string;
	/** Open this lesson in study mode directly (`cluster-lab lesson ID`). */
	readonly lesson?: {readonly set: LessonSet; readonly lesson: Lesson; readonly seed?: number};
}

// The lab uses the terminal's alternate screen, like other full-screen programs:
// on exit the shell's screen comes back as it was.
const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';

/** Opens the interactive lab; resolves to the process exit code. */
export async function startInteractive(options: InteractiveOptions): Promise<number> {
	const metrics = startMetrics();
	metrics?.mark('start');
	const settings = createSettings(options.lang, {plain: options.plain});
	const opened: LabController[] = [];
	const studies: StudyController[] = [];
	let exit = () => {};
	const onQuit = () => exit();
	let controller: LabController | undefined;
	let opening: HomeAction | undefined;
	let failure: string | undefined;
	// A lesson (`cluster-lab lesson ID`) opens after the first frame too: its cluster is built meanwhile.
	if (options.lesson && options.store) {
		opening = {kind: 'lesson', id: options.lesson.lesson.id};
		metrics?.expectLab();
	}
	// A built-in scenario opens after the first frame (the engine loads meanwhile);
	// a scenario file is read first, so that its mistakes print on the plain terminal.
	else if (options.scenario !== undefined && isBuiltin(options.scenario)) {
		opening = {kind: 'scenario', name: options.scenario};
		metrics?.expectLab();
	}
	else if (options.scenario !== undefined) {
		const {openLab} = await import('./lab/open-lab');
		const result = openLab({scenario: options.scenario, seed: options.seed, lang: options.lang, theme: settings.theme, onQuit});
		if (!result.ok) {
			process.stderr.write(`cluster-lab: ${result.message}\n`);
			return 2;
		}
		controller = result.controller;
		metrics?.mark('lab built');
	}
	// The home screen's sections: the lesson map, then the scenarios.
	let home: HomeSection[] | undefined;
	if (!controller && !opening) {
		home = [scenarioSection(settings.t.home.scenarios, (await import('./home/catalog')).scenarioCatalog(options.lang))];
		if (options.store) {
			const {lessonCatalog} = await import('./home/lesson-catalog');
			const {lessonSection} = await import('./home/lesson-map');
			const catalog = lessonCatalog(options.lang, options.lessonsDir);
			if (catalog.lessons.length > 0) home.unshift(lessonSection({t: settings.t, theme: settings.theme, lessons: catalog.lessons, progress: options.store.load(), setKey: catalog.setKey}));
			metrics?.mark('lessons listed');
		}
	}
	const stdout = process.stdout;
	stdout.write(ENTER_ALT);
	const leave = () => stdout.write(LEAVE_ALT);
	process.once('exit', leave);
	const instance = render(
		<SettingsProvider settings={settings}>
			<App
				home={home}
				controller={controller}
				opening={opening}
				onOpenFailed={(message) => {
					failure = message;
					exit();
				}}
				onLab={(c) => opened.push(c)}
				onStudy={(c) => studies.push(c)}
				open={async (action, quit) => {
					await options.store?.ready();
					if (action.kind === 'lesson') {
						const direct = options.lesson?.lesson.id === action.id ? options.lesson : undefined;
						// The full lesson set is loaded only now: the home screen showed titles only.
						const {findLesson, loadLessonSet} = await import('../lessons/load');
						const lessonSet = direct?.set ?? loadLessonSet(options.lessonsDir);
						const lesson = direct?.lesson ?? findLesson(lessonSet, options.lang, action.id);
						if (!lesson || !options.store) {
							const {formatDataError} = await import('../data/yaml-load');
							const problems = lessonSet.errors.filter((e) => e.file.includes(action.id)).map((e) => formatDataError(e));
							return {message: [action.id, ...problems].join('\n')};
						}
						const {openStudy} = await import('./study/open-study');
						const result = openStudy({set: lessonSet, lesson, lang: options.lang, store: options.store, theme: settings.theme, seed: direct?.seed, onQuit: quit});
						metrics?.mark('lab built');
						return result.ok ? {study: result.controller} : {message: result.message};
					}
					const {openLab} = await import('./lab/open-lab');
					const result = openLab({scenario: action.name, seed: options.seed, lang: options.lang, theme: settings.theme, onQuit: quit});
					metrics?.mark('lab built');
					return result.ok ? {controller: result.controller} : {message: result.message};
				}}
			/>
		</SettingsProvider>,
		// The store publishes at most 20 snapshots a second; Ink's own throttle sits a little
		// above (30) so that it never merges two of them into one frame, which at exactly
		// 20 halves the frame rate when the timers drift.
		// No incrementalRendering: in Ink 6.8 it leaves stale lines behind after a resize.
		{exitOnCtrlC: false, maxFps: 30, patchConsole: false, onRender: metrics?.onRender},
	);
	exit = () => instance.unmount();
	metrics?.attach(() => instance.unmount());
	// The progress file's checker, now that the first frame is out (before anything writes progress).
	void options.store?.ready();
	try {
		await instance.waitUntilExit();
	} finally {
		for (const c of opened) c.store.dispose();
		for (const c of studies) c.dispose();
		process.removeListener('exit', leave);
		leave();
		metrics?.finish();
	}
	if (failure !== undefined) {
		process.stderr.write(`cluster-lab: ${failure}\n`);
		return 2;
	}
	return 0;
}

function isBuiltin(name: string): boolean {
	return !name.includes('/') && !/\.ya?ml$/.test(name) && existsSync(path.join(scenariosDir(), `${name}.yaml`));
}
