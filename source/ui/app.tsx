import {useApp} from 'ink';
import {useEffect, useState} from 'react';
import {HomeScreen, scenarioSection, type HomeAction, type HomeSection} from './home/home-screen';
import type {LabController} from './lab/lab-controller';
import {LabScreen} from './lab/lab-screen';
import {Starting} from './lab/starting';
import {useSettings} from './settings';
import type {StudyController} from './study/study-controller';
import {StudyScreen} from './study/study-screen';

/** What a home-screen choice opened: a scenario's lab, or a lesson in study mode. */
export interface Opened {
	controller?: LabController;
	study?: StudyController;
	message?: string;
}

export interface AppProps {
	/** Lessons and scenarios for the home screen; undefined opens `scenario` directly. */
	readonly home?: readonly HomeSection[];
	/** A lab that is already open. */
	readonly controller?: LabController;
	/** A lesson that is already open (`cluster-lab lesson ID`). */
	readonly study?: StudyController;
	/** A scenario to open right away (`cluster-lab sandbox`); the screen says so while it loads. */
	readonly opening?: HomeAction;
	/** Called when `opening` cannot be opened (the home screen shows other failures). */
	readonly onOpenFailed?: (message: string) => void;
	/** Opens a lab or a lesson for a home-screen choice (loaded lazily). */
	readonly open?: (action: HomeAction, onQuit: () => void) => Promise<Opened>;
	/** Called with the controller that was used, to dispose of it after exit. */
	readonly onLab?: (controller: LabController) => void;
	readonly onStudy?: (controller: StudyController) => void;
}

/** The home screen, the lab screen once a scenario is open, or the study screen for a lesson. */
export function App({home, controller: initial, study: initialStudy, opening: first, onOpenFailed, open, onLab, onStudy}: AppProps) {
	const {exit} = useApp();
	const {t} = useSettings();
	const [controller, setController] = useState(initial);
	const [study, setStudy] = useState(initialStudy);
	const [opening, setOpening] = useState(first);
	const [message, setMessage] = useState<string>();
	useEffect(() => {
		if (controller) onLab?.(controller);
	}, [controller, onLab]);
	useEffect(() => {
		if (study) onStudy?.(study);
	}, [study, onStudy]);
	useEffect(() => {
		if (!opening) return;
		let live = true;
		void open?.(opening, () => exit()).then((result) => {
			if (!live) return;
			if (result.study) setStudy(result.study);
			else if (result.controller) setController(result.controller);
			else if (opening === first && onOpenFailed) onOpenFailed(result.message ?? '');
			else setMessage(result.message);
			setOpening(undefined);
		});
		return () => {
			live = false;
		};
	}, [opening]);
	if (study) return <StudyScreen controller={study} />;
	if (controller) return <LabScreen controller={controller} />;
	if (opening) return <Starting action={opening} />;
	const sections = home ?? [scenarioSection(t.home.scenarios, [])];
	return (
		<HomeScreen
			sections={sections}
			message={message}
			onQuit={() => exit()}
			onChoose={(action) => {
				setMessage(undefined);
				setOpening(action);
			}}
		/>
	);
}
