// Benchmarks: each case runs in its own process so peak RSS is per case.
// The traffic cases run `ab -n N -c 100` against the sandbox (four real servers,
// direct routing) and report simulated requests per second of the child's CPU
// time (user + system during the ab run), which stays meaningful on a shared
// machine, and the child's peak resident set size.
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'dist', 'bench', 'case.mjs');
mkdirSync(path.dirname(out), {recursive: true});
await build({
	entryPoints: [path.join(root, 'scripts', 'bench-case.ts')],
	outfile: out,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'warning',
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
});

const cases = [
	['ab-rr-1M', 'rr', 1_000_000],
	['ab-rr-100k', 'rr', 100_000],
	['ab-wlc-1M', 'wlc', 1_000_000],
	['ab-wlc-100k', 'wlc', 100_000],
];

const results = new Map();
let failed = false;
for (const [name, scheduler, requests] of cases) {
	const r = spawnSync(process.execPath, [out, scheduler, String(requests)], {encoding: 'utf8', cwd: root});
	const line = r.stdout.trim().split('\n').pop() ?? '';
	let data;
	try {
		data = JSON.parse(line);
	} catch {
		data = {error: (r.stderr || line || `exit ${r.status}`).trim()};
	}
	if (data.error || data.requests !== requests) {
		console.log(`${name}: failed (${data.error ?? `${data.requests} of ${requests} requests completed`})`);
		failed = true;
		continue;
	}
	results.set(name, data);
	const rate = Math.round(requests / (data.cpuMs / 1000));
	console.log(`${name}: ${rate.toLocaleString('en')} simulated requests/s, peak RSS ${Math.round(data.rssMb)} MB`);
}
for (const s of ['rr', 'wlc']) {
	const big = results.get(`ab-${s}-1M`);
	const small = results.get(`ab-${s}-100k`);
	if (big && small) console.log(`${s}: 1M requests cost ${(big.cpuMs / small.cpuMs).toFixed(1)}x 100k`);
}
if (failed) process.exitCode = 1;
