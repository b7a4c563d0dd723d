// Quick micro-benchmark of the IPVS schedulers' hot path: decisions per second
// with 4 real servers, no trace. Run: node scripts/bench-schedulers.js [rr wlc …]
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const names = process.argv.slice(2).length ? process.argv.slice(2) : ['rr', 'wlc'];

const entry = `
import {kernelEra} from './source/sim/ipvs/era';
import {Ipvs} from './source/sim/ipvs/ipvs';
import {createSchedulers} from './source/sim/ipvs/schedulers';
import {Rng} from './source/sim/rng';

export function bench(name, release, n) {
	const era = kernelEra(release);
	const ipvs = new Ipvs(era, {isLocalAddress: () => false, isBroadcastAddress: () => false},
		createSchedulers({era, now: () => 0, rng: new Rng(1)}));
	const key = {fwmark: 0, protocol: 'tcp', addr: 0xc0a806f0, port: 80};
	if (ipvs.addService(key, {scheduler: name, persistent: false, timeout: 300, netmask: 0xffffffff, onePacket: false, schedFlags: 0})) return undefined;
	for (let i = 1; i <= 4; i++) {
		ipvs.addDest(key, {addr: 0x0a000000 + i, port: 80, fwd: 'route', weight: i, uThreshold: 0, lThreshold: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0});
	}
	const svc = ipvs.findService(key);
	const packet = {saddr: 0xc0a80132, sport: 40000, daddr: 0xc0a806f0, dport: 80};
	const run = (count) => {
		let sum = 0;
		for (let i = 0; i < count; i++) {
			packet.saddr = (0xc0a80100 + (i & 255)) >>> 0;
			const d = ipvs.schedulerFor(svc.scheduler).schedule(svc, packet);
			// Connections come and go so the least-connection scans see changing loads.
			d.inactConns++;
			if ((i & 1023) === 1023) for (const x of svc.dests) x.inactConns >>= 1;
			sum += d.port;
		}
		return sum;
	};
	run(200000);
	const t0 = performance.now();
	run(n);
	return n / ((performance.now() - t0) / 1000);
}
`;

const out = await build({stdin: {contents: entry, resolveDir: root, loader: 'ts'}, bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning'});
const mod = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
for (const name of names) {
	for (const release of ['2.6.18-6-686', '6.1.0-18-686']) {
		const rate = mod.bench(name, release, 3_000_000);
		if (rate === undefined) continue;
		console.log(`${name.padEnd(5)} ${release.padEnd(14)} ${Math.round(rate).toLocaleString('en')} schedules/s (4 real servers)`);
	}
}
