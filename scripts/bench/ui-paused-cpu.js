// CPU the lab uses while paused (nothing changes, no timer should run) and,
// for comparison, while running at 1× with nothing happening. Runs the real
// `cluster-lab sandbox` in a 100×30 tmux terminal and reads the process's CPU
// time from /proc. Target while paused: near zero.
import {execFileSync, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {root} from './bundle.js';

if (spawnSync('tmux', ['-V']).status !== 0) {
	console.log('  skipped: tmux is not installed');
	process.exit(0);
}
const socket = `cluster-lab-bench-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ticks = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim());

/** utime + stime of a process, in ms. */
function cpuMs(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
}

async function measure(seconds, pid) {
	const before = cpuMs(pid);
	await sleep(seconds * 1000);
	return (cpuMs(pid) - before) / seconds;
}

try {
	tmux('new-session', '-d', '-s', 'lab', '-x', '100', '-y', '30', `cd '${root}' && exec env -u CI -u NO_COLOR '${process.execPath}' dist/cli.js sandbox`);
	const pid = Number(tmux('display', '-p', '-t', 'lab', '#{pane_pid}').trim());
	for (let i = 0; i < 200 && !tmux('capture-pane', '-p', '-t', 'lab').includes('root@lvs1'); i++) await sleep(50);
	await sleep(1000);
	const running = await measure(5, pid);
	tmux('send-keys', '-t', 'lab', '-l', 'pause');
	tmux('send-keys', '-t', 'lab', 'Enter');
	await sleep(1000);
	const paused = await measure(5, pid);
	console.log(`  running at 1× (idle cluster): ${running.toFixed(1)} ms CPU per second (${(running / 10).toFixed(1)}% of a core)`);
	console.log(`  paused:                       ${paused.toFixed(1)} ms CPU per second (${(paused / 10).toFixed(2)}% of a core)  (target: near zero)`);
} finally {
	try {
		tmux('kill-server');
	} catch {
		// Already gone.
	}
}
