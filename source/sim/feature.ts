import type {ScenarioConfig} from '../scenario/schema';
import type {Host} from './host';
import type {World} from './world';

/** A service started and stopped by `/etc/init.d/NAME` and by the host's boot list. */
export interface InitScript {
	/** Starts the service; returns the lines the init script prints. */
	start(world: World, host: Host): string;
	stop(world: World, host: Host): string;
	running(world: World, host: Host): boolean;
}

/**
 * A part of the simulation (IPVS, HTTP servers, heartbeat, openMosix…) that
 * plugs into every world: it may add per-host state, /proc files and init scripts.
 */
export interface Feature {
	readonly name: string;
	/** Called once per world, after all hosts exist and before they boot. */
	setup?(world: World): void;
	/** Called for every host after it is built. */
	setupHost?(world: World, host: Host): void;
	/** Init scripts by name (`apache2`, `heartbeat`). */
	readonly initScripts?: Readonly<Record<string, InitScript>>;
	/**
	 * Checks the scenario's settings for this feature. Paths are scenario keys
	 * (e.g. `['hosts', 'mosix1', 'settings', 'openmosix', 'speed']`) so the
	 * loader can point at the file and line.
	 */
	checkScenario?(config: ScenarioConfig): Array<{path: Array<string | number>; message: string}>;
}
