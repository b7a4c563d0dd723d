import {headerText} from '../../sim/http/static-files';
import {formatIp} from '../../sim/net/ipv4';
import {SEC} from '../../sim/time';
import {trafficEngine} from '../../sim/traffic/engine';
import type {Flow, FlowOwner} from '../../sim/traffic/flow';
import type {CommandSpec} from '../context';
import {ms, parseUrl, requestSource, runUntilDone} from './client';

const VERSION = '7.88.1';
const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

interface Options {
	silent: boolean;
	showError: boolean;
	include: boolean;
	head: boolean;
	verbose: boolean;
	/** -f: fail on HTTP errors (exit 22) instead of printing the error page. */
	fail: boolean;
	maxTime?: number;
	connectTimeout?: number;
	output?: string;
	userAgent: string;
	headers: string[];
	url?: string;
}

const WITH_VALUE: Record<string, string> = {
	m: 'max-time',
	o: 'output',
	A: 'user-agent',
	H: 'header',
	e: 'referer',
	u: 'user',
	X: 'request',
	d: 'data',
	x: 'proxy',
};
const LONG_VALUE = new Set(['max-time', 'output', 'user-agent', 'header', 'connect-timeout', 'referer', 'user', 'request', 'data', 'proxy', 'retry']);
const FLAGS: Record<string, string> = {s: 'silent', S: 'show-error', i: 'include', I: 'head', v: 'verbose', L: 'location', f: 'fail', k: 'insecure', '0': 'http1.0'};
const LONG_FLAGS = new Set(['silent', 'show-error', 'include', 'head', 'verbose', 'location', 'fail', 'insecure', 'http1.0', 'http1.1', 'no-progress-meter', 'compressed']);

function parse(argv: readonly string[]): Options | {error: string; status: number} {
	const o: Options = {silent: false, showError: false, include: false, head: false, verbose: false, fail: false, userAgent: `curl/${VERSION}`, headers: []};
	const set = (name: string, value?: string): string | undefined => {
		switch (name) {
			case 'silent':
				o.silent = true;
				break;
			case 'show-error':
				o.showError = true;
				break;
			case 'include':
				o.include = true;
				break;
			case 'head':
				o.head = true;
				break;
			case 'verbose':
				o.verbose = true;
				break;
			case 'fail':
				o.fail = true;
				break;
			case 'max-time':
			case 'connect-timeout': {
				if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value!)) return 'expected a proper numerical parameter';
				if (name === 'max-time') o.maxTime = Number(value);
				else o.connectTimeout = Number(value);
				break;
			}
			case 'output':
				o.output = value;
				break;
			case 'user-agent':
				o.userAgent = value!;
				break;
			case 'header':
				o.headers.push(value!);
				break;
		}
		return undefined;
	};
	const args = [...argv];
	while (args.length) {
		const a = args.shift()!;
		if (a.startsWith('--') && a.length > 2) {
			const name = a.slice(2);
			if (LONG_FLAGS.has(name)) set(name);
			else if (LONG_VALUE.has(name)) {
				if (args.length === 0) return {error: `curl: option ${a}: requires parameter\n${TRY}`, status: 2};
				const bad = set(name, args.shift());
				if (bad) return {error: `curl: option ${a}: ${bad}\n${TRY}`, status: 2};
			} else return {error: `curl: option ${a}: is unknown\n${TRY}`, status: 2};
		} else if (a.startsWith('-') && a.length > 1) {
			for (let i = 1; i < a.length; i++) {
				const c = a[i]!;
				if (FLAGS[c]) set(FLAGS[c]!);
				else if (WITH_VALUE[c]) {
					let value = a.slice(i + 1);
					if (value === '') {
						if (args.length === 0) return {error: `curl: option -${c}: requires parameter\n${TRY}`, status: 2};
						value = args.shift()!;
					}
					const bad = set(WITH_VALUE[c]!, value);
					if (bad) return {error: `curl: option -${c}: ${bad}\n${TRY}`, status: 2};
					break;
				} else return {error: `curl: option -${c}: is unknown\n${TRY}`, status: 2};
			}
		} else o.url ??= a;
	}
	return o;
}

/** curl's progress meter as it looks when the body goes to a file. */
function meter(bytes: number, elapsedUs: number): string {
	const head = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
	const zero = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
	const speed = elapsedUs > 0 ? Math.floor((bytes * SEC) / elapsedUs) : 0;
	const five = (n: number) => String(n).padStart(5);
	const spent = elapsedUs >= SEC ? clock(elapsedUs) : '--:--:--';
	const pct = bytes > 0 ? 100 : 0;
	const done = `${String(pct).padStart(3)} ${five(bytes)}  ${String(pct).padStart(3)} ${five(bytes)}    0     0  ${five(speed)}      0 --:--:-- ${spent} --:--:-- ${five(speed)}`;
	return `${head}\r${zero}\r${done}\n`;
}

function clock(us: number): string {
	const s = Math.floor(us / SEC);
	return `${String(Math.floor(s / 3600)).padStart(2)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** curl: one HTTP request from the client PC, with curl's messages and exit codes. */
export const curl: CommandSpec = {
	name: 'curl',
	paths: ['/usr/bin/curl'],
	group: 'traffic',
	summary: {en: 'fetch a URL from the client PC (curl -i, -I, -v, -m SECS, -o FILE)', es: 'pide una URL desde el PC cliente (curl -i, -I, -v, -m SEG, -o ARCHIVO)'},
	run(ctx) {
		const o = parse(ctx.argv.slice(1));
		if ('error' in o) {
			ctx.err(o.error);
			return o.status;
		}
		const quietErr = o.silent && !o.showError;
		const fail = (code: number, text: string) => {
			if (o.verbose) ctx.err(`* ${text}\n`);
			if (!quietErr) ctx.err(`curl: (${code}) ${text}\n`);
			return code;
		};
		if (o.url === undefined) {
			ctx.err(TRY);
			return 2;
		}
		const url = parseUrl(o.url);
		if (!url) return fail(3, 'URL using bad/illegal format or missing URL');
		if ('error' in url) return fail(1, `Protocol "${url.scheme}" not supported or disabled in libcurl`);
		const world = ctx.world;
		const {client, ip} = requestSource(world, ctx.host, url.host);
		if (ip === undefined) return fail(6, `Could not resolve host: ${url.host}`);
		const hostHeader = url.explicitPort && url.port !== 80 ? `${url.host}:${url.port}` : url.host;
		const method = o.head ? 'HEAD' : 'GET';
		const requestLines = [`${method} ${url.path} HTTP/1.1`, `Host: ${hostHeader}`, `User-Agent: ${o.userAgent}`, 'Accept: */*', ...o.headers];
		const requestText = requestLines.join('\r\n') + '\r\n\r\n';
		const shownHost = formatIp(ip) === url.host ? url.host : url.host;
		if (o.verbose) ctx.err(`*   Trying ${formatIp(ip)}:${url.port}...\n`);

		const engine = trafficEngine(world);
		const started = world.now;
		let finished: Flow | undefined;
		let closed = false;
		let connectedAt = -1;
		const owner: FlowOwner = {
			connected(flow) {
				connectedAt = flow.connectedAt;
			},
			finished(flow) {
				finished = flow;
				world.stop();
				return false;
			},
			closed() {
				closed = true;
				world.stop();
			},
		};
		const limit = o.maxTime !== undefined ? Math.max(1, Math.round(o.maxTime * SEC)) : undefined;
		const connectLimit = o.connectTimeout !== undefined ? Math.max(1, Math.round(o.connectTimeout * SEC)) : undefined;
		const flow = engine.start(
			{
				client,
				dst: ip,
				dport: url.port,
				request: {method, path: url.path, hostHeader, userAgent: o.userAgent, version: 'HTTP/1.1', keepAlive: true, bytes: requestText.length},
				owner,
				trace: true,
				deadline: limit !== undefined ? started + limit + 1000 : undefined,
				connectDeadline: connectLimit !== undefined ? started + connectLimit + 1000 : undefined,
			},
			'curl',
		);
		runUntilDone(world, () => closed || finished !== undefined, 24 * 3600 * SEC);
		// Let the closing packets reach the director, as they do the moment curl exits.
		runUntilDone(world, () => closed, 2 * SEC);
		const f = finished ?? flow;
		const elapsed = world.now - started;
		if (o.verbose && connectedAt >= 0) {
			ctx.err(`* Connected to ${shownHost} (${formatIp(ip)}) port ${url.port} (#0)\n`);
			for (const line of requestLines) ctx.err(`> ${line}\r\n`);
			ctx.err('> \r\n');
		}
		if (!f.failure && f.response) {
			const resp = f.response;
			const head = headerText(resp);
			if (o.fail && resp.status >= 400) {
				if (o.verbose) ctx.err(`* The requested URL returned error: ${resp.status}\n* Closing connection 0\n`);
				if (!quietErr) ctx.err(`curl: (22) The requested URL returned error: ${resp.status}\n`);
				return 22;
			}
			if (o.verbose) {
				for (const line of head.split('\r\n').slice(0, -1)) ctx.err(`< ${line}\r\n`);
			}
			let out = '';
			if (o.include || o.head) out += head;
			if (!o.head) out += resp.body;
			if (o.output !== undefined && o.output !== '-') {
				try {
					ctx.host.fs.write(ctx.resolve(o.output), o.head || o.include ? out : resp.body);
				} catch {
					return fail(23, `Failure writing output to destination`);
				}
				if (!o.silent) ctx.err(meter(f.bodyBytes, f.doneAt - f.start));
			} else ctx.out(out);
			if (o.verbose) ctx.err(resp.headers.some(([k, v]) => k === 'Connection' && v === 'close') ? '* Closing connection 0\n' : `* Connection #0 to host ${shownHost} left intact\n`);
			return 0;
		}
		const failure = f.failure;
		const took = ms(elapsed);
		let code = 28;
		let text: string;
		if (!failure) text = `Operation timed out after ${took} milliseconds with 0 bytes received`;
		else if (failure.deadline) {
			text = failure.connecting ? `Connection timed out after ${took} milliseconds` : `Operation timed out after ${took} milliseconds with 0 bytes received`;
		} else if (failure.kind === 'reset') {
			code = 56;
			text = 'Recv failure: Connection reset by peer';
		} else if (failure.kind === 'empty') {
			code = 52;
			text = 'Empty reply from server';
		} else {
			code = failure.kind === 'timeout' ? 28 : 7;
			if (o.verbose) ctx.err(`* connect to ${formatIp(ip)} port ${url.port} failed: ${failure.errno}\n`);
			text = `Failed to connect to ${shownHost} port ${url.port} after ${ms(elapsed)} ms: Couldn't connect to server`;
		}
		if (o.verbose) {
			ctx.err(`* ${text}\n* Closing connection 0\n`);
			if (!quietErr) ctx.err(`curl: (${code}) ${text}\n`);
			return code;
		}
		if (!quietErr) ctx.err(`curl: (${code}) ${text}\n`);
		return code;
	},
};

