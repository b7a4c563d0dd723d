import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the built `dist/cli.js` (npm test builds it first) and captures everything. */
export function cli(args: string[], input?: string, env: Record<string, string> = {}) {
	const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], {
		input,
		encoding: 'utf8',
		cwd: root,
		env: {...process.env, ...env},
	});
	return {stdout: r.stdout, stderr: r.stderr, status: r.status};
}

/** Runs `dist/cli.js ARGS | head -n LINES` in a shell: a reader that stops early. */
export function cliIntoHead(args: string[], lines: number, input?: string) {
	const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
	const r = spawnSync('sh', ['-c', `'${process.execPath}' dist/cli.js ${quoted} | head -n ${lines}`], {input, encoding: 'utf8', cwd: root});
	return {stdout: r.stdout, stderr: r.stderr, status: r.status};
}
