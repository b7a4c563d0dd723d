// Time to first frame of the lab screen (`cluster-lab sandbox`) against a bundled
// Ink hello-world, both in a 100×30 pseudo-terminal, alternating runs so machine
// load hits both alike. First frame = performance.now() at Ink's first onRender
// (ms since the process started); wall = spawn to exit (the lab leaves right
// after the first frame with the cluster on it, also reported). Target: lab ≤ 1.3 × hello-world.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {bundle, median, root, terminalEnv} from './bundle.js';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const hello = await bundle('scripts/bench/hello-world.tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'cluster-lab-ttff-'));

function once(command, index) {
	const out = path.join(dir, `m${index}.json`);
	const start = performance.now();
	// `script` gives the program a real pseudo-terminal of the stated size.
	const r = spawnSync('script', ['-qec', `stty cols 100 rows 30; exec env CLUSTER_LAB_METRICS=${out} CLUSTER_LAB_EXIT_AFTER_FIRST_FRAME=1 ${command}`, '/dev/null'], {cwd: root, encoding: 'utf8', env: terminalEnv()});
	const wall = performance.now() - start;
	if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.stdout}`);
	const m = JSON.parse(readFileSync(out, 'utf8'));
	return {first: m.firstFrameMs, lab: m.labFrameMs ?? m.firstFrameMs, wall};
}

const lab = [];
const base = [];
const node = process.execPath;
for (let i = 0; i < runs; i++) {
	base.push(once(`${node} ${hello}`, `h${i}`));
	lab.push(once(`${node} ${path.join(root, 'dist', 'cli.js')} sandbox`, `l${i}`));
}
const f = (xs, key) => median(xs.map((x) => x[key]));
const best = (xs, key) => Math.min(...xs.map((x) => x[key]));
// Runs alternate, so each pair saw about the same machine load: the median of
// the pairs' ratios is steadier than the ratio of medians on a busy machine.
const ratio = median(lab.map((l, i) => l.first / base[i].first));
console.log(`  hello-world first frame  median ${f(base, 'first').toFixed(0)} ms, best ${best(base, 'first').toFixed(0)} ms (wall median ${f(base, 'wall').toFixed(0)} ms), ${runs} runs`);
console.log(`  lab screen first frame   median ${f(lab, 'first').toFixed(0)} ms, best ${best(lab, 'first').toFixed(0)} ms (wall median ${f(lab, 'wall').toFixed(0)} ms), ${runs} runs`);
console.log(`  ratio lab / hello-world  ${ratio.toFixed(2)}× (median of paired runs; best/best ${(best(lab, 'first') / best(base, 'first')).toFixed(2)}×)  target ≤ 1.30×${ratio <= 1.3 ? '' : '  ABOVE TARGET'}`);
// The first frame says the scenario is starting; the engine loads after it. This is
// when the cluster itself is on the screen.
const ready = median(lab.map((l, i) => l.lab / base[i].first));
console.log(`  lab screen with the cluster on it  median ${f(lab, 'lab').toFixed(0)} ms, best ${best(lab, 'lab').toFixed(0)} ms: ${ready.toFixed(2)}× hello-world`);
