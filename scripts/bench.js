// Benchmarks: each case runs in its own process so peak RSS is per case.
// Cases are listed here; other scripts named scripts/bench-*.js run too.
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const CASES = [
	['lab screen: time to first frame vs Ink hello-world', 'bench/ui-first-frame.js'],
	['lab screen: frame cost at 100×30 under traffic, 20× speed', 'bench/ui-frames.js'],
	['lab screen: CPU while paused', 'bench/ui-paused-cpu.js'],
	...readdirSync(here)
		.filter((f) => /^bench-.+\.js$/.test(f))
		.sort()
		.map((f) => [f.slice('bench-'.length, -'.js'.length), f]),
];

const only = process.argv.slice(2);
let failed = 0;
for (const [name, file] of CASES) {
	if (only.length > 0 && !only.some((o) => name.includes(o) || file.includes(o))) continue;
	console.log(`\n${name}`);
	const r = spawnSync(process.execPath, ['--max-old-space-size=4096', path.join(here, file)], {stdio: 'inherit'});
	if (r.status !== 0) {
		failed++;
		console.log(`  (case failed with status ${r.status})`);
	}
}
process.exitCode = failed > 0 ? 1 : 0;
