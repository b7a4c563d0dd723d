// Benchmarks: each case runs in its own process so peak RSS is per case.
// The traffic cases run `ab -n N -c 100` against the sandbox (four real servers,
// direct routing) and report simulated requests per second (requests divided by
// the wall-clock time of the ab run inside the child) and the child's peak
// resident set size. Each case runs three times in fresh processes and the
// fastest run counts, so a busy machine does not decide the result.
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
	// ab reuses its client ports (28,232 of them), so few of its entries stay alive; this
	// case keeps about a million connections in FIN_WAIT at once: 6,000 requests/s from
	// 40 client addresses for 170 s with a 180 s FIN_WAIT timeout.
	['load-1M-fin-wait', 'load', 6000, ['170', '40']],
];

const RUNS = 3;

function once(scheduler, requests, extra = []) {
	const r = spawnSync(process.execPath, [out, scheduler, String(requests), ...extra], {encoding: 'utf8', cwd: root});
	const line = r.stdout.trim().split('\n').pop() ?? '';
	try {
		return JSON.parse(line);
	} catch {
		return {error: (r.stderr || line || `exit ${r.status}`).trim()};
	}
}

const results = new Map();
let failed = false;
for (const [name, scheduler, requests, extra] of cases) {
	let best;
	let rss = 0;
	const isLoad = scheduler === 'load';
	for (let i = 0; i < (isLoad ? 1 : RUNS); i++) {
		const data = once(scheduler, requests, extra);
		if (data.error || (!isLoad && data.requests !== requests) || data.requests === 0) {
			best = {error: data.error ?? `${data.requests} of ${requests} requests completed`};
			break;
		}
		rss = Math.max(rss, data.rssMb);
		if (!best || data.wallMs < best.wallMs) best = data;
	}
	if (best.error) {
		console.log(`${name}: failed (${best.error})`);
		failed = true;
		continue;
	}
	results.set(name, best);
	const rate = Math.round(best.requests / (best.wallMs / 1000));
	const alive = isLoad ? ` (${best.requests.toLocaleString('en')} requests, ${best.entries.toLocaleString('en')} connection entries alive at the end)` : '';
	console.log(`${name}: ${rate.toLocaleString('en')} simulated requests/s, peak RSS ${Math.round(rss)} MB${alive}`);
}
for (const s of ['rr', 'wlc']) {
	const big = results.get(`ab-${s}-1M`);
	const small = results.get(`ab-${s}-100k`);
	if (big && small) console.log(`${s}: 1M requests cost ${(big.wallMs / small.wallMs).toFixed(1)}x 100k`);
}
if (failed) process.exitCode = 1;

// The lab screen's cases, each in its own process (see scripts/bench/): time to
// first frame against an Ink hello-world, per-frame cost under traffic at 20×,
// and CPU while paused.
const screenCases = [
	['lab screen: time to first frame vs Ink hello-world', 'ui-first-frame.js'],
	['lab screen: frame cost at 100×30 under traffic, 20× speed', 'ui-frames.js'],
	['lab screen: CPU while paused', 'ui-paused-cpu.js'],
];
for (const [name, file] of screenCases) {
	console.log(`\n${name}`);
	const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench', file)], {stdio: 'inherit'});
	if (r.status !== 0) {
		console.log(`  (case failed with status ${r.status})`);
		failed = true;
	}
}
if (failed) process.exitCode = 1;
