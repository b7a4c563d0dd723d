import type {Host} from '../host';
import {formatIp} from '../net/ipv4';
import type {Micros} from '../time';
import type {World} from '../world';
import type {HttpHandler, HttpRequest, HttpResponse} from './types';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 1123 date as HTTP headers carry it, from the scenario's virtual wall clock. */
export function httpDate(epochMs: number, t: Micros): string {
	const d = new Date(epochMs + Math.floor(t / 1000));
	const p2 = (n: number) => String(n).padStart(2, '0');
	return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** The Server header and the versions it implies, by the host's era. */
export function apacheVersion(host: Host): string {
	const [major = 0] = host.kernel.split('.').map((x) => Number(x));
	return major < 3 ? 'Apache/2.2.3 (Debian)' : 'Apache/2.4.57 (Debian)';
}

const TYPES: Record<string, string> = {
	html: 'text/html',
	htm: 'text/html',
	txt: 'text/plain',
	css: 'text/css',
	js: 'application/javascript',
	png: 'image/png',
	jpg: 'image/jpeg',
	gif: 'image/gif',
	php: 'text/html',
};

/**
 * Apache serving a host's /var/www: `/` is index.html, a missing file is a 404
 * page in Apache's words, headers as a Debian Apache sends them. Responses are
 * built once per file and second (the Date header) so heavy benchmarks stay cheap.
 */
export class StaticFiles implements HttpHandler {
	/** Last response per URL path, valid while nothing else ran (same world revision) and in the same second. */
	private cache = new Map<string, {revision: number; second: number; request: HttpRequest; resp: HttpResponse}>();

	constructor(
		private readonly world: World,
		private readonly host: Host,
		private readonly docroot = '/var/www',
	) {}

	handle(request: HttpRequest, respond: (response: HttpResponse) => void): void {
		respond(this.responseFor(request));
	}

	/** The very last answer: a benchmark asks the same thing over and over. */
	private lastRequest?: HttpRequest;
	private lastRevision = -1;
	private lastUntil = 0;
	private lastResp?: HttpResponse;

	responseFor(request: HttpRequest): HttpResponse {
		const now = this.world.now;
		if (request === this.lastRequest && this.world.revision === this.lastRevision && now < this.lastUntil) return this.lastResp!;
		const resp = this.lookup(request, now);
		this.lastRequest = request;
		this.lastRevision = this.world.revision;
		this.lastUntil = (Math.floor(now / 1_000_000) + 1) * 1_000_000;
		this.lastResp = resp;
		return resp;
	}

	private lookup(request: HttpRequest, now: Micros): HttpResponse {
		const second = Math.floor(now / 1_000_000);
		const hit = this.cache.get(request.path);
		if (hit && hit.revision === this.world.revision && hit.second === second) {
			const r = hit.request;
			if (r === request || (r.method === request.method && r.keepAlive === request.keepAlive && r.version === request.version && r.host === request.host)) return hit.resp;
		}
		const path = this.fsPath(request.path);
		const entry = this.host.fs.stat(path);
		const resp = this.build(request, path, entry?.kind === 'file' ? entry : undefined, now);
		if (this.cache.size > 256) this.cache.clear();
		this.cache.set(request.path, {revision: this.world.revision, second, request, resp});
		return resp;
	}

	private fsPath(urlPath: string): string {
		const clean = urlPath.split('?')[0]!.replace(/\/+/g, '/');
		if (clean.endsWith('/')) return this.docroot + clean + 'index.html';
		return this.docroot + clean;
	}

	private build(request: HttpRequest, path: string, file: {content: string; mtime: Micros} | undefined, now: Micros): HttpResponse {
		const epoch = this.world.scenario.epoch;
		const server = apacheVersion(this.host);
		const modern = server.startsWith('Apache/2.4');
		const headers: Array<[string, string]> = [
			['Date', httpDate(epoch, now)],
			['Server', server],
		];
		// Apache answers a Keep-Alive token with one; HTTP/1.1 is persistent without saying so; anything else closes.
		const http11 = request.version === 'HTTP/1.1';
		const conn: Array<[string, string]> =
			request.keepAlive && !http11 ? [['Keep-Alive', 'timeout=5, max=100'], ['Connection', 'Keep-Alive']] : request.keepAlive && http11 ? [] : [['Connection', 'close']];
		if (!file) {
			const shown = request.host.replace(/:\d+$/, '');
			const body =
				'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n' +
				(modern ? '<p>The requested URL was not found on this server.</p>\n' : `<p>The requested URL ${request.path} was not found on this server.</p>\n`) +
				`<hr>\n<address>${server} Server at ${shown} Port 80</address>\n</body></html>\n`;
			headers.push(['Content-Length', String(body.length)], ...conn, ['Content-Type', 'text/html; charset=iso-8859-1']);
			return {status: 404, reason: 'Not Found', headers, body: request.method === 'HEAD' ? '' : body};
		}
		const size = Buffer.byteLength(file.content);
		const ext = path.slice(path.lastIndexOf('.') + 1);
		const type = TYPES[ext] ?? 'text/plain';
		headers.push(
			['Last-Modified', httpDate(epoch, file.mtime)],
			['ETag', modern ? `"${size.toString(16)}-${Math.floor(epoch * 1000 + file.mtime).toString(16)}"` : `"${inodeOf(path).toString(16)}-${size.toString(16)}-${Math.floor(epoch * 1000 + file.mtime).toString(16)}"`],
			['Accept-Ranges', 'bytes'],
			['Content-Length', String(size)],
		);
		if (modern && type.startsWith('text/')) headers.push(['Vary', 'Accept-Encoding']);
		headers.push(...conn, ['Content-Type', type]);
		return {status: 200, reason: 'OK', headers, body: request.method === 'HEAD' ? '' : file.content};
	}
}

/** A stable made-up inode number for Apache 2.2's inode-size-mtime ETag. */
function inodeOf(path: string): number {
	let h = 0x2c8b2;
	for (let i = 0; i < path.length; i++) h = (Math.imul(h, 31) + path.charCodeAt(i)) & 0xfffff;
	return h;
}

/** The bytes of a response's status line and headers (for sizes and `curl -i`). */
export function headerText(response: HttpResponse, version = 'HTTP/1.1'): string {
	let text = `${version} ${response.status} ${response.reason}\r\n`;
	for (const [k, v] of response.headers) text += `${k}: ${v}\r\n`;
	return text + '\r\n';
}

/** Server address as Apache would print it in its own pages. */
export function serverName(ip: number): string {
	return formatIp(ip);
}
