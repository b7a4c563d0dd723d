import {createRegistry} from '../commands';
import type {Lang} from '../i18n/lang';
import {buildWorld} from '../scenario/build';
import type {ScenarioConfig} from '../scenario/schema';
import {Shell} from '../shell/shell';
import type {World} from '../sim/world';

export interface Lab {
	readonly world: World;
	readonly shell: Shell;
	readonly config: ScenarioConfig;
}

/** A world built from a scenario plus a shell logged in on its start host. */
export function createLab(config: ScenarioConfig, options: {seed: number; lang: Lang; interactive: boolean}): Lab {
	const world = buildWorld(config, options.seed);
	const shell = new Shell(world, createRegistry(), {
		lang: options.lang,
		interactive: options.interactive,
		start: world.host(config.start)!,
	});
	return {world, shell, config};
}
