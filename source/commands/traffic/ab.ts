import type {Lang} from '../../i18n/lang';
import {formatIp} from '../../sim/net/ipv4';
import {SEC} from '../../sim/time';
import {runBenchmark, type BenchmarkResult} from '../../sim/traffic/benchmark';
import type {CommandContext, CommandSpec} from '../context';
import {AB_USAGE_BODY} from './ab-usage';
import {requestSource} from './client';

const OPTSTRING = 'n:c:t:s:b:T:p:u:v:lrkVhwiIx:y:z:C:H:P:A:g:X:de:SqB:m:Z:f:E:';
const MAX_CONCURRENCY = 200000;
/** -t without -n: this many requests at most. */
const MAX_REQUESTS = 50000;
/** The most requests one ab run simulates (a million take about two seconds and 100 MB). */
export const AB_LIMIT = 1_000_000;

const BANNER = 'This is ApacheBench, Version 2.3 <$Revision$>\nCopyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/\nLicensed to The Apache Software Foundation, http://www.apache.org/\n\n';

interface AbOptions {
	requests: number;
	concurrency: number;
	timeLimit: number;
	timeout: number;
	keepAlive: boolean;
	quiet: boolean;
	percentile: boolean;
	confidence: boolean;
	head: boolean;
	noLength: boolean;
	recvErrOk: boolean;
	headers: string[];
	cookie: string;
	url: string;
}

/** atoi: leading digits (with sign), 0 when none. */
/** C's atoi on the lab's 32-bit hosts: strtol saturates at the limits of a long. */
function atoi(text: string): number {
	const m = /^\s*([+-]?\d+)/.exec(text);
	return m ? Math.max(-2147483648, Math.min(2147483647, Number(m[1]))) : 0;
}

function usage(ctx: CommandContext, prog: string): number {
	ctx.err(`Usage: ${prog} [options] [http[s]://]hostname[:port]/path\n${AB_USAGE_BODY}`);
	return 22;
}

/**
 * Order statistics (the values at sorted positions `ks`) of whole-microsecond
 * times: a histogram over their range when it is small enough, else a sort.
 * Same numbers as sorting the records, in linear time.
 */
function orderStats(values: Float64Array, ks: readonly number[]): number[] {
	const n = values.length;
	let min = Infinity;
	let max = -Infinity;
	let integral = true;
	for (let i = 0; i < n; i++) {
		const v = values[i]!;
		if (v < min) min = v;
		if (v > max) max = v;
		if (integral && v !== Math.floor(v)) integral = false;
	}
	if (n === 0) return ks.map(() => 0);
	const range = max - min + 1;
	if (!integral || range > 1 << 23) {
		const sorted = Float64Array.from(values).sort();
		return ks.map((k) => sorted[k]!);
	}
	const counts = new Uint32Array(range);
	for (let i = 0; i < n; i++) counts[values[i]! - min]!++;
	const order = ks.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0]);
	const out = new Array<number>(ks.length);
	let seen = 0;
	let v = 0;
	for (const [k, i] of order) {
		while (seen + counts[v]! <= k) seen += counts[v++]!;
		out[i] = v + min;
	}
	return out;
}

/** ab's statistics, integer arithmetic as in C on microseconds. */
function stats(r: BenchmarkResult, o: AbOptions): string {
	const done = r.done;
	const time = r.time.subarray(0, done);
	const ctime = r.ctime.subarray(0, done);
	const wait = r.wait.subarray(0, done);
	const d = new Float64Array(done);
	let totalcon = 0;
	let total = 0;
	let totald = 0;
	let totalwait = 0;
	let mincon = Infinity;
	let mintot = Infinity;
	let mind = Infinity;
	let minwait = Infinity;
	let maxcon = 0;
	let maxtot = 0;
	let maxd = 0;
	let maxwait = 0;
	for (let i = 0; i < done; i++) {
		const c = ctime[i]!;
		const t = time[i]!;
		const w = wait[i]!;
		const x = t - c;
		d[i] = x;
		if (c < mincon) mincon = c;
		if (t < mintot) mintot = t;
		if (x < mind) mind = x;
		if (w < minwait) minwait = w;
		if (c > maxcon) maxcon = c;
		if (t > maxtot) maxtot = t;
		if (x > maxd) maxd = x;
		if (w > maxwait) maxwait = w;
		totalcon += c;
		total += t;
		totald += x;
		totalwait += w;
	}
	const meancon = Math.floor(totalcon / done);
	const meantot = Math.floor(total / done);
	const meand = Math.floor(totald / done);
	const meanwait = Math.floor(totalwait / done);
	let sdtot = 0;
	let sdcon = 0;
	let sdd = 0;
	let sdwait = 0;
	for (let i = 0; i < done; i++) {
		let a = time[i]! - meantot;
		sdtot += a * a;
		a = ctime[i]! - meancon;
		sdcon += a * a;
		a = d[i]! - meand;
		sdd += a * a;
		a = wait[i]! - meanwait;
		sdwait += a * a;
	}
	sdtot = done > 1 ? Math.sqrt(sdtot / (done - 1)) : 0;
	sdcon = done > 1 ? Math.sqrt(sdcon / (done - 1)) : 0;
	sdd = done > 1 ? Math.sqrt(sdd / (done - 1)) : 0;
	sdwait = done > 1 ? Math.sqrt(sdwait / (done - 1)) : 0;
	// ab sorts its records by each key in turn; for an odd count it averages the two
	// entries after the middle (its own quirk), for an even count it takes done/2.
	// ab sorts its records by each key in turn; for an odd count it averages the two
	// entries after the middle (its own quirk), for an even count it takes done/2.
	const k = done >> 1;
	const odd = done > 1 && done % 2 === 1;
	const picks = odd ? [k, k + 1] : [k];
	const medianOf = (a: Float64Array) => {
		const v = orderStats(a, picks);
		return odd ? Math.floor((v[0]! + v[1]!) / 2) : v[0]!;
	};
	const mc = medianOf(ctime);
	const md = medianOf(d);
	const mw = medianOf(wait);
	const PERCS = [50, 66, 75, 80, 90, 95, 98, 99];
	const tpicks = [...picks, ...PERCS.map((p) => Math.floor((done * p) / 100)), done - 1];
	const tv = orderStats(time, tpicks);
	const mt = odd ? Math.floor((tv[0]! + tv[1]!) / 2) : tv[0]!;
	const pct = tv.slice(picks.length);
	const rms = (a: number) => Math.floor((a + 500) / 1000);
	const row = (name: string, min: number, mean: number, sdev: number, med: number, max: number) =>
		`${name}${String(rms(min)).padStart(5)} ${String(rms(mean)).padStart(4)} ${(sdev / 1000).toFixed(1).padStart(5)} ${String(rms(med)).padStart(6)} ${String(rms(max)).padStart(7)}\n`;
	let out = '\nConnection Times (ms)\n';
	if (o.confidence) {
		out += '              min  mean[+/-sd] median   max\n';
		out += row('Connect:    ', mincon, meancon, sdcon, mc, maxcon);
		out += row('Processing: ', mind, meand, sdd, md, maxd);
		out += row('Waiting:    ', minwait, meanwait, sdwait, mw, maxwait);
		out += row('Total:      ', mintot, meantot, sdtot, mt, maxtot);
		const sane = (what: string, mean: number, med: number, sdev: number) => {
			let diff = rms(mean) - rms(med);
			if (diff < 0) diff = -diff;
			const s = sdev / 1000;
			if (diff > 2 * s) return `ERROR: The median and mean for ${what} are more than twice the standard\n       deviation apart. These results are NOT reliable.\n`;
			if (diff > s) return `WARNING: The median and mean for ${what} are not within a normal deviation\n        These results are probably not that reliable.\n`;
			return '';
		};
		out += sane('the initial connection time', meancon, mc, sdcon);
		out += sane('the processing time', meand, md, sdd);
		out += sane('the waiting time', meanwait, mw, sdwait);
		out += sane('the total time', meantot, mt, sdtot);
	} else {
		out += '              min   avg   max\n';
		const r5 = (name: string, min: number, mean: number, max: number) => `${name}${String(rms(min)).padStart(5)} ${String(rms(mean)).padStart(5)}${String(rms(max)).padStart(5)}\n`;
		out += r5('Connect:    ', mincon, meancon, maxcon);
		out += r5('Processing: ', mind, meand, maxd);
		out += r5('Waiting:    ', minwait, meanwait, maxwait);
		out += r5('Total:      ', mintot, meantot, maxtot);
	}
	if (o.percentile && done > 1) {
		out += '\nPercentage of the requests served within a certain time (ms)\n';
		PERCS.forEach((p, i) => {
			out += `  ${p}%  ${String(rms(pct[i]!)).padStart(5)}\n`;
		});
		out += ` 100%  ${String(rms(pct[PERCS.length]!)).padStart(5)} (longest request)\n`;
	}
	return out;
}

function report(r: BenchmarkResult, o: AbOptions, host: string, port: number, path: string): string {
	const timetaken = (r.lasttime - r.start) / SEC;
	let out = '\n\n';
	out += `Server Software:        ${r.serverName}\n`;
	out += `Server Hostname:        ${host}\n`;
	out += `Server Port:            ${port}\n`;
	out += '\n';
	out += `Document Path:          ${path}\n`;
	out += o.noLength ? 'Document Length:        Variable\n' : `Document Length:        ${r.doclen} bytes\n`;
	out += '\n';
	out += `Concurrency Level:      ${o.concurrency}\n`;
	out += `Time taken for tests:   ${timetaken.toFixed(3)} seconds\n`;
	out += `Complete requests:      ${r.done}\n`;
	out += `Failed requests:        ${r.bad}\n`;
	if (r.bad) out += `   (Connect: ${r.errConn}, Receive: ${r.errRecv}, Length: ${r.errLength}, Exceptions: ${r.errExcept})\n`;
	if (r.errResponse) out += `Non-2xx responses:      ${r.errResponse}\n`;
	if (o.keepAlive) out += `Keep-Alive requests:    ${r.doneKa}\n`;
	out += `Total transferred:      ${r.totalRead} bytes\n`;
	out += `HTML transferred:       ${r.totalBread} bytes\n`;
	if (timetaken && r.done) {
		out += `Requests per second:    ${(r.done / timetaken).toFixed(2)} [#/sec] (mean)\n`;
		out += `Time per request:       ${((o.concurrency * timetaken * 1000) / r.done).toFixed(3)} [ms] (mean)\n`;
		out += `Time per request:       ${((timetaken * 1000) / r.done).toFixed(3)} [ms] (mean, across all concurrent requests)\n`;
		out += `Transfer rate:          ${(r.totalRead / 1024 / timetaken).toFixed(2)} [Kbytes/sec] received\n`;
	}
	if (r.done > 0) out += stats(r, o);
	return out;
}

/** The lab's addition: who served how many, clearly marked as not part of ab. */
function perServer(r: BenchmarkResult, lang: Lang): string {
	if (r.perServer.size === 0) return '';
	const total = [...r.perServer.values()].reduce((a, b) => a + b, 0);
	const names = [...r.perServer.keys()].sort();
	const width = Math.max(...names.map((n) => n.length));
	let out = lang === 'es' ? '\n[lab] Peticiones por servidor real (añadido del laboratorio; ab no lo imprime):\n' : '\n[lab] Requests per real server (added by the lab; ab does not print this):\n';
	for (const name of names) {
		const n = r.perServer.get(name)!;
		out += `[lab]   ${name.padEnd(width)}  ${String(n).padStart(String(total).length)}  (${((100 * n) / total).toFixed(1)}%)\n`;
	}
	return out;
}

/** ApacheBench from the client PC, in virtual time, with ab's report byte for byte. */
export const ab: CommandSpec = {
	name: 'ab',
	paths: ['/usr/bin/ab', '/usr/sbin/ab'],
	group: 'traffic',
	summary: {en: 'ApacheBench from the client PC: ab -n N -c C [-k] [-t SECS] URL', es: 'ApacheBench desde el PC cliente: ab -n N -c C [-k] [-t SEG] URL'},
	run(ctx) {
		const prog = ctx.argv[0]!;
		const o: AbOptions = {requests: 1, concurrency: 1, timeLimit: 0, timeout: 30, keepAlive: false, quiet: false, percentile: true, confidence: true, head: false, noLength: false, recvErrOk: false, headers: [], cookie: '', url: ''};
		const args = ctx.argv.slice(1);
		const operands: string[] = [];
		let i = 0;
		for (; i < args.length; i++) {
			const a = args[i]!;
			if (a === '--') {
				i++;
				break;
			}
			if (!a.startsWith('-') || a === '-') {
				operands.push(a);
				continue;
			}
			for (let j = 1; j < a.length; j++) {
				const c = a[j]!;
				const at = OPTSTRING.indexOf(c);
				if (at < 0 || c === ':') {
					ctx.err(`${prog}: illegal option -- ${c}\n`);
					return usage(ctx, prog);
				}
				let value: string | undefined;
				if (OPTSTRING[at + 1] === ':') {
					value = a.slice(j + 1);
					if (value === '') {
						if (i + 1 >= args.length) {
							ctx.err(`${prog}: option requires an argument -- ${c}\n`);
							return usage(ctx, prog);
						}
						value = args[++i]!;
					}
					j = a.length;
				}
				switch (c) {
					case 'n':
						o.requests = atoi(value!);
						if (o.requests <= 0) {
							ctx.err('Invalid number of requests\n\n');
							return 1;
						}
						break;
					case 'c':
						o.concurrency = atoi(value!);
						break;
					case 't':
						o.timeLimit = atoi(value!);
						o.requests = MAX_REQUESTS;
						break;
					case 's':
						o.timeout = atoi(value!);
						break;
					case 'k':
						o.keepAlive = true;
						break;
					case 'q':
						o.quiet = true;
						break;
					case 'd':
						o.percentile = false;
						break;
					case 'S':
						o.confidence = false;
						break;
					case 'i':
						o.head = true;
						break;
					case 'l':
						o.noLength = true;
						break;
					case 'r':
						o.recvErrOk = true;
						break;
					case 'H':
						o.headers.push(value!);
						break;
					case 'C':
						o.cookie = `Cookie: ${value}\r\n`;
						break;
					case 'h':
						return usage(ctx, prog);
					case 'V':
						ctx.out(BANNER);
						return 0;
				}
			}
		}
		operands.push(...args.slice(i));
		if (operands.length !== 1) {
			ctx.err(`${prog}: wrong number of arguments\n`);
			return usage(ctx, prog);
		}
		const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)$/.exec(operands[0]!);
		if (!m || (operands[0]!.includes('://') && !operands[0]!.startsWith('http://'))) {
			ctx.err(`${prog}: invalid URL\n`);
			return usage(ctx, prog);
		}
		const hostname = m[1]!;
		const port = m[2] ? Number(m[2]) : 80;
		const path = m[3]!;
		if (o.concurrency < 0 || o.concurrency > MAX_CONCURRENCY) {
			ctx.err(`${prog}: Invalid Concurrency [Range 0..${MAX_CONCURRENCY}]\n`);
			return usage(ctx, prog);
		}
		if (o.concurrency > o.requests) {
			ctx.err(`${prog}: Cannot use concurrency level greater than total number of requests\n`);
			return usage(ctx, prog);
		}
		if (o.concurrency === 0) o.concurrency = 1;
		if (o.requests > AB_LIMIT) {
			ctx.err(
				ctx.lang === 'es'
					? `cluster-lab: ab -n ${o.requests} son demasiadas peticiones para el lab (simula como mucho ${AB_LIMIT})\n`
					: `cluster-lab: ab -n ${o.requests} is more requests than the lab simulates (at most ${AB_LIMIT})\n`,
			);
			return 1;
		}
		let heartbeat = 0;
		if (!o.quiet && o.requests > 150) heartbeat = Math.max(100, Math.floor(o.requests / 10));
		ctx.out(BANNER);
		const {client, ip} = requestSource(ctx.world, ctx.host, hostname);
		if (ip === undefined) {
			ctx.err(`apr_sockaddr_info_get() for ${hostname}: Temporary failure in name resolution (670003)\n`);
			return 670003 & 255;
		}
		ctx.out(`Benchmarking ${hostname} (be patient)${heartbeat ? '\n' : '...'}`);
		const hostField = port !== 80 ? `${hostname}:${port}` : hostname;
		const method = o.head ? 'HEAD' : 'GET';
		const request =
			`${method} ${path} HTTP/1.0\r\n` + (o.keepAlive ? 'Connection: Keep-Alive\r\n' : '') + o.cookie + o.headers.map((h) => h + '\r\n').join('') + `Host: ${hostField}\r\nUser-Agent: ApacheBench/2.3\r\nAccept: */*\r\n\r\n`;
		const r = runBenchmark(ctx.world, {
			client,
			dst: ip,
			dport: port,
			request: {method, path, hostHeader: hostField, userAgent: 'ApacheBench/2.3', version: 'HTTP/1.0', keepAlive: o.keepAlive, bytes: request.length},
			requests: o.requests,
			concurrency: o.concurrency,
			keepAlive: o.keepAlive,
			timeLimit: o.timeLimit * SEC,
			timeout: Math.max(1, o.timeout) * SEC,
			recvErrOk: o.recvErrOk,
			noLength: o.noLength,
			heartbeat,
			onHeartbeat: (done) => ctx.err(`Completed ${done} requests\n`),
		});
		if (r.abort) {
			ctx.err(`${r.abort.call}: ${r.abort.message}\n`);
			if (r.done) ctx.out(`Total of ${r.done} requests completed\n`);
			return r.abort.code & 255;
		}
		if (heartbeat) ctx.err(`Finished ${r.done} requests\n`);
		else ctx.out('..done\n');
		ctx.out(report(r, o, hostname, port, path));
		ctx.out(perServer(r, ctx.lang));
		void formatIp;
		return 0;
	},
};
