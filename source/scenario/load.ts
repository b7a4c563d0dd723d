import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {loadYaml, type DataError, type Loaded} from '../data/yaml-load';
import {FEATURES, initScripts} from '../sim/features';
import {parseIp} from '../sim/net/ipv4';
import {scenariosDir} from '../paths';
import {precompiledScenario} from './precompiled';
import {scenarioSchema, type ScenarioConfig} from './schema';

/** Validates scenario YAML text; errors name the file and line. */
export function parseScenario(text: string, file: string): Loaded<ScenarioConfig> {
	const scripts = initScripts();
	return loadYaml(text, file, scenarioSchema, {
		check(config) {
			const problems: Array<{path: Array<string | number>; message: string}> = [];
			const hosts = Object.keys(config.hosts);
			if (!hosts.includes(config.start)) problems.push({path: ['start'], message: `no host named ${config.start}`});
			if (config.client && !hosts.includes(config.client)) problems.push({path: ['client'], message: `no host named ${config.client}`});
			const seen = new Map<number, string>();
			for (const [name, host] of Object.entries(config.hosts)) {
				for (const [ifname, iface] of Object.entries(host.interfaces)) {
					if (iface.segment && !(iface.segment in config.segments)) {
						problems.push({path: ['hosts', name, 'interfaces', ifname, 'segment'], message: `no segment named ${iface.segment}`});
					}
				}
				host.boot.forEach((script, i) => {
					if (!scripts.has(script)) problems.push({path: ['hosts', name, 'boot', i], message: `no init script named ${script} (known: ${[...scripts.keys()].sort().join(', ') || 'none'})`});
				});
				const eth = Object.entries(host.interfaces).find(([n]) => n !== 'lo' && !n.startsWith('tunl'));
				const first = eth?.[1].addresses[0];
				const ip = first === undefined ? undefined : parseIp((typeof first === 'string' ? first : first.address).split('/')[0]!);
				if (ip !== undefined) {
					const other = seen.get(ip);
					if (other) problems.push({path: ['hosts', name, 'interfaces', eth![0], 'addresses', 0], message: `address already used by ${other}`});
					seen.set(ip, name);
				}
			}
			for (const feature of FEATURES) problems.push(...(feature.checkScenario?.(config) ?? []));
			return problems;
		},
	});
}

/** Names of the scenarios shipped with the lab. */
export function builtinScenarios(): string[] {
	try {
		return readdirSync(scenariosDir())
			.filter((f) => f.endsWith('.yaml'))
			.map((f) => f.slice(0, -'.yaml'.length))
			.sort();
	} catch {
		return [];
	}
}

export type ScenarioLookup = {ok: true; config: ScenarioConfig; file: string} | {ok: false; message: string; errors?: DataError[]};

/** Loads a built-in scenario by name, or a user's scenario file by path. */
export function loadScenario(nameOrFile: string): ScenarioLookup {
	const isPath = nameOrFile.includes('/') || /\.ya?ml$/.test(nameOrFile);
	const file = isPath ? nameOrFile : path.join(scenariosDir(), `${nameOrFile}.yaml`);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (!isPath) return {ok: false, message: `unknown scenario '${nameOrFile}' (built-in: ${builtinScenarios().join(', ')})`};
		return {ok: false, message: `cannot read scenario file ${nameOrFile}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code)}`};
	}
	const shown = isPath ? nameOrFile : `fixtures/scenarios/${nameOrFile}.yaml`;
	const built = isPath ? undefined : precompiledScenario(nameOrFile, text);
	if (built) return {ok: true, config: built, file: shown};
	const loaded = parseScenario(text, shown);
	if (!loaded.ok) return {ok: false, message: `invalid scenario ${shown}`, errors: loaded.errors};
	return {ok: true, config: loaded.value, file: shown};
}
