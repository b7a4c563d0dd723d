import {useApp} from 'ink';
import {useEffect, useState} from 'react';
import {HomeScreen, scenarioSection, type HomeAction, type HomeSection} from './home/home-screen';
import type {LabController} from './lab/lab-controller';
import {LabScreen} from './lab/lab-screen';
import {Starting} from './lab/starting';
import {useSettings} from './settings';

export interface AppProps {
	/** Scenarios (and later lessons) for the home screen; undefined opens `scenario` directly. */
	readonly home?: readonly HomeSection[];
	/** A lab that is already open. */
	readonly controller?: LabController;
	/** A scenario to open right away (`cluster-lab sandbox`); the screen says so while it loads. */
	readonly opening?: HomeAction;
	/** Called when `opening` cannot be opened (the home screen shows other failures). */
	readonly onOpenFailed?: (message: string) => void;
	/** Opens a lab for a home-screen choice (loaded lazily). */
	readonly open?: (action: HomeAction, onQuit: () => void) => Promise<{controller?: LabController; message?: string}>;
	/** Called with the controller that was used, to dispose of it after exit. */
	readonly onLab?: (controller: LabController) => void;
}

/** The home screen, or the lab screen once a scenario is open. */
export function App({home, controller: initial, opening: first, onOpenFailed, open, onLab}: AppProps) {
	const {exit} = useApp();
	const {t} = useSettings();
	const [controller, setController] = useState(initial);
	const [opening, setOpening] = useState(first);
	const [message, setMessage] = useState<string>();
	useEffect(() => {
		if (controller) onLab?.(controller);
	}, [controller, onLab]);
	useEffect(() => {
		if (!opening) return;
		let live = true;
		void open?.(opening, () => exit()).then((result) => {
			if (!live) return;
			if (result.controller) setController(result.controller);
			else if (opening === first && onOpenFailed) onOpenFailed(result.message ?? '');
			else setMessage(result.message);
			setOpening(undefined);
		});
		return () => {
			live = false;
		};
	}, [opening]);
	if (controller) return <LabScreen controller={controller} />;
	if (opening) return <Starting scenario={opening.name} />;
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
