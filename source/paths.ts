import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

let cached: string | undefined;

/** The package's root folder (holding fixtures/ and lessons/), from source or from dist/. */
export function packageRoot(): string {
	if (cached) return cached;
	let dir = path.dirname(fileURLToPath(import.meta.url));
	while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'fixtures'))) {
		const up = path.dirname(dir);
		if (up === dir) throw new Error('cannot find the cluster-lab package folder');
		dir = up;
	}
	cached = dir;
	return dir;
}

export function scenariosDir(): string {
	return path.join(packageRoot(), 'fixtures', 'scenarios');
}

export function lessonsDir(): string {
	return path.join(packageRoot(), 'lessons');
}
