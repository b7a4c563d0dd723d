// Benchmark of the CPU model and openMosix: how fast virtual time runs with a
// loaded eight-node cluster, and Apache requests served per real second.
// Run: node scripts/bench-mosix.js
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const entry = `
import {readFileSync} from 'node:fs';
import {parseScenario} from './source/scenario/load';
import {buildWorld} from './source/scenario/build';
import {spawnTask} from './source/sim/cpu/task';
import {httpdOf} from './source/sim/mosix/apache/init-script';

function world(name) {
	const r = parseScenario(readFileSync('fixtures/scenarios/' + name + '.yaml', 'utf8'), name);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return buildWorld(r.value, 1);
}

export function balancing(minutes) {
	const w = world('openmosix-8');
	const home = w.host('mosix1');
	for (let i = 0; i < 24; i++) spawnTask(w, home, {command: 'loop', work: Infinity, vszKb: 1372, rssKb: 312});
	const t0 = performance.now();
	w.advance(minutes * 60e6);
	return {virtualSeconds: minutes * 60, ms: performance.now() - t0};
}

export function apache(requests) {
	const w = world('openmosix');
	const server = httpdOf(w, w.host('mosix1'));
	let answered = 0, sent = 0;
	const send = () => {
		if (sent >= requests) return;
		sent++;
		server.handle({method: 'GET', path: '/test.php', host: 'h', client: 1, clientPort: sent, keepAlive: false, userAgent: 'ab'}, () => { answered++; send(); });
	};
	for (let i = 0; i < 50; i++) send();
	const t0 = performance.now();
	while (answered < requests) w.advance(1e6);
	return {requests, ms: performance.now() - t0};
}
`;

const out = path.join(root, 'dist', 'bench-mosix.mjs');
await build({stdin: {contents: entry, resolveDir: root, loader: 'ts'}, bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning', banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"}});
const {balancing, apache} = await import(out);
const b = balancing(10);
console.log(`openmosix-8, 24 CPU-bound jobs: ${b.virtualSeconds} virtual s in ${b.ms.toFixed(0)} ms (${Math.round((b.virtualSeconds * 1000) / b.ms)} virtual s per real s)`);
const a = apache(5000);
console.log(`Apache prefork on mosix1, ab -c 50: ${a.requests} requests in ${a.ms.toFixed(0)} ms (${Math.round((a.requests * 1000) / a.ms)} requests per real s)`);
