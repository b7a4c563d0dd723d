import envPaths from 'env-paths';
import path from 'node:path';

/**
 * Folder for the lab's saved state: `$XDG_CONFIG_HOME/cluster-lab` when that
 * is set (on every platform, so tests and sandboxes can redirect it), else
 * the platform's usual config folder.
 */
export function configDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
	const xdg = env.XDG_CONFIG_HOME;
	if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'cluster-lab');
	return envPaths('cluster-lab', {suffix: ''}).config;
}

export function progressFile(env: Readonly<Record<string, string | undefined>> = process.env): string {
	return path.join(configDir(env), 'progress.json');
}
