import {useApp} from 'ink';
import {useEffect, useState} from 'react';
import {HomeScreen, scenarioSection, type HomeAction, type HomeSection} from './home/home-screen';
import type {LabController} from './lab/lab-controller';
import {LabScreen} from './lab/lab-screen';
import {useSettings} from './settings';

export interface AppProps {
	/** Scenarios (and later lessons) for the home screen; undefined opens `scenario` directly. */
	readonly home?: readonly HomeSection[];
	/** A lab that is already open (`cluster-lab sandbox`). */
	readonly controller?: LabController;
	/** Opens a lab for a home-screen choice (loaded lazily). */
	readonly open?: (action: HomeAction, onQuit: () => void) => Promise<{controller?: LabController; message?: string}>;
	/** Called with the controller that was used, to dispose of it after exit. */
	readonly onLab?: (controller: LabController) => void;
}

/** The home screen, or the lab screen once a scenario is open. */
export function App({home, controller: initial, open, onLab}: AppProps) {
	const {exit} = useApp();
	const {t} = useSettings();
	const [controller, setController] = useState(initial);
	const [message, setMessage] = useState<string>();
	useEffect(() => {
		if (controller) onLab?.(controller);
	}, [controller, onLab]);
	if (controller) return <LabScreen controller={controller} />;
	const sections = home ?? [scenarioSection(t.home.scenarios, [])];
	return (
		<HomeScreen
			sections={sections}
			message={message}
			onQuit={() => exit()}
			onChoose={(action) => {
				void open?.(action, () => exit()).then((result) => {
					if (result.controller) setController(result.controller);
					else setMessage(result.message);
				});
			}}
		/>
	);
}
