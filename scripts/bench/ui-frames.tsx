// Per-frame cost of the lab screen at 100×30 under traffic at 20× speed:
// Ink's own render time per frame (layout + output, its onRender metric) and
// the React update each snapshot causes, p50 and p95. Runs the real screen and
// store in-process against a terminal-sized fake stdout, bundled for production.
import chalk from 'chalk';
import {render} from 'ink';
import {EventEmitter} from 'node:events';
import {createLab} from '../../source/lab/lab';
import {loadScenario} from '../../source/scenario/load';
import {SEC} from '../../source/sim/time';
import {LabController} from '../../source/ui/lab/lab-controller';
import {LabScreen} from '../../source/ui/lab/lab-screen';
import {LabStore} from '../../source/ui/live/lab-store';
import {createSettings, SettingsProvider} from '../../source/ui/settings';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const SPEED = 20;

class Terminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 100;
	readonly rows = 30;
	bytes = 0;
	writes = 0;
	write = (data: string) => {
		this.bytes += data.length;
		this.writes++;
		return true;
	};
}

class Keyboard extends EventEmitter {
	readonly isTTY = true;
	read = () => null;
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

// The thesis' cluster by default (heartbeat brings the VIP up, then 200 requests/s
// over direct routing); BENCH_SCENARIO=sandbox runs a NAT service on the sandbox.
const SCENARIO = process.env['BENCH_SCENARIO'] ?? 'ultramonkey';
const found = loadScenario(SCENARIO);
if (!found.ok) throw new Error(found.message);
chalk.level = 3;
const lab = createLab(found.config, {seed: 1, lang: 'en', interactive: true});
const LOADS: Record<string, string> = {
	ultramonkey: ['sleep 90', 'load start --rate 200'].join('\n'),
	sandbox: ['ipvsadm -A -t 10.0.0.100:80 -s wlc', ...[1, 2, 3, 4].map((n) => `ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.1${n} -m`), 'load start --rate 200'].join('\n'),
};
const script = process.env['BENCH_LOAD_SCRIPT'] ?? LOADS[SCENARIO] ?? 'load start --rate 200';
let traffic: string;
{
	for (const line of script.split('\n').filter(Boolean)) {
		const result = lab.shell.execute(line + '\n');
		if (result.status !== 0) throw new Error(`${line}: ${result.output.map((o) => o.text).join('')}`);
	}
	traffic = `${SCENARIO}: ${script.replace(/\n/g, '; ')}`;
}

const store = new LabStore(lab, {speed: SPEED});
const renderTimes: number[] = [];
const updateTimes: number[] = [];
let updateStart = 0;
store.subscribe(() => {
	updateStart = performance.now();
});
const settings = createSettings('en', {plain: false});
const controller = new LabController(lab, store, {lang: 'en', theme: settings.theme, onQuit: () => {}});
const stdout = new Terminal();
const app = render(
	<SettingsProvider settings={settings}>
		<LabScreen controller={controller} />
	</SettingsProvider>,
	{stdout: stdout as unknown as NodeJS.WriteStream, stdin: new Keyboard() as unknown as NodeJS.ReadStream, maxFps: 30, patchConsole: false, exitOnCtrlC: false, onRender: ({renderTime}) => renderTimes.push(renderTime)},
);
// React renders and commits the update in a microtask it queues from its listener
// (and Ink draws the frame in the commit unless its throttle defers it); a
// microtask queued after that one marks the end of the whole update.
store.subscribe(() => queueMicrotask(() => updateTimes.push(performance.now() - updateStart)));
const cpuStart = process.cpuUsage();
const heapStart = process.memoryUsage().heapUsed;
const wallStart = performance.now();
await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
const cpu = process.cpuUsage(cpuStart);
(globalThis as {gc?: () => void}).gc?.();
const heapEnd = process.memoryUsage().heapUsed;
const wall = performance.now() - wallStart;
app.unmount();
store.dispose();
const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
let entries = 0;
for (const host of lab.world.hosts.values()) for (const _ of host.ipvs?.connections() ?? []) entries++;
console.log(`  ${traffic}`);
console.log(`  ${SECONDS} s at ${SPEED}×: virtual clock reached ${(lab.world.now / SEC).toFixed(0)} s, ${entries} connection entries at the end`);
console.log(`  frames: ${renderTimes.length} (${(renderTimes.length / (wall / 1000)).toFixed(1)}/s), ${(stdout.bytes / 1024 / (wall / 1000)).toFixed(0)} KB/s written to the terminal`);
console.log(`  Ink render time per frame   p50 ${pct(renderTimes, 50).toFixed(2)} ms   p95 ${pct(renderTimes, 95).toFixed(2)} ms   (target p95 ≤ 16 ms)`);
console.log(`  whole update per snapshot   p50 ${pct(updateTimes, 50).toFixed(2)} ms   p95 ${pct(updateTimes, 95).toFixed(2)} ms   (React render + commit + Ink frame)`);
console.log(`  CPU ${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(0)}% of one core (simulation + screen); heap ${(heapStart / 1048576).toFixed(0)} MB → ${(heapEnd / 1048576).toFixed(0)} MB after GC, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
process.exit(0);
