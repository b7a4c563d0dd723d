import {render} from 'ink';
import type {Lang} from '../i18n/lang';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {scenariosDir} from '../paths';
import {App} from './app';
import {scenarioSection, type HomeAction} from './home/home-screen';
import type {LabController} from './lab/lab-controller';
import {startMetrics} from './metrics';
import {createSettings, SettingsProvider} from './settings';

export interface InteractiveOptions {
	/** Open this scenario's lab directly; undefined shows the home screen. */
	readonly scenario?: string;
	readonly seed: number;
	readonly lang: Lang;
	readonly plain: boolean;
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
	let exit = () => {};
	const onQuit = () => exit();
	let controller: LabController | undefined;
	let opening: HomeAction | undefined;
	let failure: string | undefined;
	// A built-in scenario opens after the first frame (the engine loads meanwhile);
	// a scenario file is read first, so that its mistakes print on the plain terminal.
	if (options.scenario !== undefined && isBuiltin(options.scenario)) {
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
	// The home screen's sections. The lesson map becomes a section here, before the scenarios.
	const home = controller || opening ? undefined : [scenarioSection(settings.t.home.scenarios, (await import('./home/catalog')).scenarioCatalog())];
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
				open={async (action, quit) => {
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
	try {
		await instance.waitUntilExit();
	} finally {
		for (const c of opened) c.store.dispose();
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
