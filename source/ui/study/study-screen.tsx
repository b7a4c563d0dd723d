import {useMemo, useSyncExternalStore} from 'react';
import {LabScreen, type SidePane} from '../lab/lab-screen';
import type {KeyGroup} from '../lab/keymap';
import {plainText} from '../panels/status-lines';
import {useSettings} from '../settings';
import {lessonPane} from './lesson-pane';
import type {StudyController} from './study-controller';

/**
 * Study mode: the lesson (step text, goal checklist, questions) with the
 * live lab screen, whose shell runs every line through the lesson.
 */
export function StudyScreen({controller}: {controller: StudyController}) {
	const {theme} = useSettings();
	const state = useSyncExternalStore(controller.subscribe, controller.getState);
	// The lab controller changes its state when the cluster is rebuilt: follow it.
	useSyncExternalStore(controller.lab.subscribe, controller.lab.getState);
	const {study, s, tr} = controller;
	const step = study.session.step;
	const keys = useMemo<KeyGroup>(
		() => ({
			title: {en: s.keysTitle, es: s.keysTitle},
			keys: s.keys.map(([k, text]) => ({keys: k, text: {en: text, es: text}})),
		}),
		[s],
	);
	const hints = useMemo(() => (theme.plain ? s.hints.map(([k, l]) => [plainText(k), l] as const) : s.hints), [s, theme]);
	const pane: SidePane = {
		show: state.showLesson,
		hints,
		keys,
		render: (width, height) => {
			const built = lessonPane({lesson: study.lesson, step, status: state.status, summary: state.summary, stepsDone: state.stepsDone, scroll: state.scroll, width, height, theme, s, tr});
			controller.setMaxScroll(built.maxScroll, built.page);
			return built.lines;
		},
	};
	return <LabScreen controller={controller.lab} pane={pane} />;
}
