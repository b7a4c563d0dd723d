import {createRegistry} from '../commands';
import type {Lang} from '../i18n/lang';
import {buildWorld} from '../scenario/build';
import type {ScenarioConfig} from '../scenario/schema';
import {Shell} from '../shell/shell';
import {setBootShell} from '../sim/system/host-boot';
import type {World} from '../sim/world';

export interface Lab {
	readonly world: World;
	readonly shell: Shell;
	readonly config: ScenarioConfig;
}

/** A world built from a scenario plus a shell logged in on its start host. */
export function createLab(config: ScenarioConfig, options: {seed: number; lang: Lang; interactive: boolean}): Lab {
	const world = buildWorld(config, options.seed);
	const registry = createRegistry();
	const shell = new Shell(world, registry, {
		lang: options.lang,
		interactive: options.interactive,
		start: world.host(config.start)!,
	});
	// A booting host runs its init scripts' commands (ifup -a…) in a shell of its own.
	setBootShell(world, (host, line) => {
		const r = new Shell(world, registry, {lang: options.lang, interactive: false, start: host}).execute(line + '\n');
		return {output: r.output.map((c) => c.text).join(''), status: r.status};
	});
	return {world, shell, config};
}
