// One benchmark case, run in its own process by scripts/bench.js:
//   node dist/bench/case.mjs SCHEDULER REQUESTS          ab -n REQUESTS -c 100 from the client PC
//   node dist/bench/case.mjs load RATE SECONDS CLIENTS    background load from many client addresses
// Prints one JSON line: requests, CPU and wall milliseconds, peak RSS (and live entries for load).
import {createLab} from '../source/lab/lab';
import {loadScenario} from '../source/scenario/load';
import {parseIp} from '../source/sim/net/ipv4';

const [mode = 'rr', count = '100000', seconds = '0', clients = '1'] = process.argv.slice(2);
const scheduler = mode === 'load' ? 'rr' : mode;
const requests = Number(count);
const found = loadScenario('sandbox');
if (!found.ok) throw new Error(found.message);
const lab = createLab(found.config, {seed: 1, lang: 'en', interactive: false});
const ipvs = lab.world.host('lvs1')!.ipvs!;
if (!ipvs.schedulerFor(scheduler)) {
	console.log(JSON.stringify({error: `the ${scheduler} scheduler module is not available`}));
	process.exit(1);
}
const service = {fwmark: 0, protocol: 'tcp' as const, addr: parseIp('10.0.0.100')!, port: 80};
ipvs.addService(service, {scheduler, persistent: false, timeout: 300, netmask: 0xffffffff, onePacket: false, schedFlags: 0});
for (let i = 1; i <= 4; i++) {
	ipvs.addDest(service, {addr: parseIp(`10.0.0.1${i}`)!, port: 80, fwd: 'route', weight: 1, uThreshold: 0, lThreshold: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0});
}
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
let done: number;
let entries = 0;
if (mode === 'load') {
	// RATE requests/s for SECONDS; closed connections wait in FIN_WAIT for 180 s (ipvsadm --set 0 180 0),
	// so about RATE * SECONDS entries are alive at the end.
	ipvs.setTimeouts({tcp: 0, tcpfin: 180, udp: 0});
	lab.shell.execute(`load start --rate ${requests} --clients ${clients}\n`);
	lab.shell.execute(`sleep ${seconds}\n`);
	lab.shell.execute('load stop\n');
	const status = lab.shell.execute('load status\n').output.map((c) => c.text).join('');
	done = Number(/served (\d+)/.exec(status)?.[1] ?? 0);
	entries = (lab.world.host('lvs1')!.daemon('ipvs-data') as unknown as {table: {count: number}}).table.count;
} else {
	const result = lab.shell.execute(`ab -q -n ${requests} -c 100 http://10.0.0.100/\n`);
	const text = result.output.map((c) => c.text).join('');
	done = Number(/Complete requests:\s+(\d+)/.exec(text)?.[1] ?? 0);
}
const wall = performance.now() - wall0;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({requests: done, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: wall, rssMb: process.resourceUsage().maxRSS / 1024, entries}));
