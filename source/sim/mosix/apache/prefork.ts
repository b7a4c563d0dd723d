import {spawnTask, type Task} from '../../cpu/task';
import type {TimerHandle} from '../../event-queue';
import type {Daemon, Host} from '../../host';
import type {HttpHandler, HttpRequest, HttpResponse} from '../../http/types';
import {formatIp} from '../../net/ipv4';
import {SEC} from '../../time';
import type {World} from '../../world';
import type {HttpdSettings} from '../settings';

/** Sizes of Red Hat 8.0's httpd 2.0.40 with PHP 4.2.2 (KiB). Workers share most pages (and the scoreboard). */
const PARENT_MEMORY = {vszKb: 18912, rssKb: 7356};
const WORKER_MEMORY = {vszKb: 19060, rssKb: 6880};
/** CPU and system calls of serving a static file (yardstick seconds). */
const STATIC_CPU_S = 0.0005;
const STATIC_IO = 6;
export const SERVER_TOKEN = 'Apache/2.0.40 (Red Hat Linux)';

/**
 * The lab's web server front (the traffic model's `apache2` daemon): it owns
 * the listening socket and hands each request to a pluggable handler.
 */
interface ServerFront {
	handler: HttpHandler;
	running: boolean;
}

interface Pending {
	readonly request: HttpRequest;
	readonly respond: (response: HttpResponse) => void;
}

interface Worker {
	readonly task: Task;
	busy: boolean;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 1123 date of the virtual clock, as the Date header carries it. */
export function httpDate(world: World): string {
	const d = new Date(world.scenario.epoch + Math.floor(world.now / 1000));
	const p = (n: number) => String(n).padStart(2, '0');
	return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

/**
 * Apache 2.0 with the prefork MPM, as Red Hat Linux 8.0 ships it: a parent and
 * a pool of single-threaded worker processes that all attach the SysV shared
 * memory scoreboard. Each request occupies one worker on the CPU model and is
 * answered when its work is done; requests wait in the listen queue while no
 * worker is idle, and the parent forks more workers once a second (1, 2, 4 …
 * up to 32 at a time) until MaxClients. Because every process maps the shared
 * scoreboard, openMosix 2.4 never migrates them.
 */
export class PreforkServer implements Daemon, HttpHandler {
	readonly name = 'httpd';
	private parent: Task | undefined;
	private readonly workers: Worker[] = [];
	private readonly queue: Pending[] = [];
	private maintenance: TimerHandle | undefined;
	private spawnRate = 1;
	private warnedMaxClients = false;

	constructor(
		readonly world: World,
		readonly host: Host,
		readonly settings: HttpdSettings,
	) {}

	get running(): boolean {
		return this.parent?.alive === true && this.host.powered;
	}

	/** Worker pids, busy ones and idle ones (for tests and the screen). */
	pool(): {total: number; busy: number; queued: number} {
		return {total: this.workers.length, busy: this.workers.filter((w) => w.busy).length, queued: this.queue.length};
	}

	start(): boolean {
		if (this.running) return false;
		this.parent = spawnTask(this.world, this.host, {command: '/usr/sbin/httpd', work: 0, shm: true, ...PARENT_MEMORY, onSignal: (_t, sig) => this.onParentSignal(sig)});
		for (let i = 0; i < this.settings.startServers; i++) this.fork();
		this.spawnRate = 1;
		this.warnedMaxClients = false;
		this.maintenance = this.world.every(SEC, () => this.maintain());
		this.plug(true);
		return true;
	}

	/** Makes the host's web server front answer with this pool (or stop answering). */
	private plug(on: boolean): void {
		const front = this.host.daemons.get('apache2') as (ServerFront & object) | undefined;
		if (!front || !('handler' in front)) return;
		if (on) front.handler = this;
		front.running = on;
	}

	stop(): boolean {
		if (!this.parent?.alive) return false;
		this.maintenance?.cancel();
		this.maintenance = undefined;
		this.plug(false);
		for (const w of this.workers.splice(0)) w.task.exit({kind: 'signal', signal: 15});
		this.parent.exit({kind: 'signal', signal: 15});
		this.parent = undefined;
		// Connections waiting in the listen queue are reset when the socket closes.
		this.queue.length = 0;
		return true;
	}

	private onParentSignal(signal: number): boolean | undefined {
		if (signal === 15 || signal === 2) {
			this.stop();
			return true;
		}
		if (signal === 1 || signal === 10) return false;
		return undefined;
	}

	private fork(): Worker | undefined {
		if (!this.parent?.alive) return undefined;
		const worker: Worker = {
			busy: false,
			task: spawnTask(this.world, this.host, {command: '/usr/sbin/httpd', user: 'apache', ppid: this.parent.pid, work: 0, shm: true, ...WORKER_MEMORY}),
		};
		worker.task.onExit(() => {
			const i = this.workers.indexOf(worker);
			if (i >= 0) this.workers.splice(i, 1);
		});
		this.workers.push(worker);
		return worker;
	}

	/** Apache's idle server maintenance, once a second. */
	private maintain(): void {
		if (!this.running) return;
		const idle = this.workers.filter((w) => !w.busy);
		if (idle.length > this.settings.maxSpareServers) {
			idle[idle.length - 1]!.task.exit({kind: 'signal', signal: 15});
			this.spawnRate = 1;
			return;
		}
		if (idle.length >= this.settings.minSpareServers) {
			this.spawnRate = 1;
			return;
		}
		const room = this.settings.maxClients - this.workers.length;
		if (room <= 0) {
			if (!this.warnedMaxClients) this.world.log('http', {en: '[error] server reached MaxClients setting, consider raising the MaxClients setting', es: 'apache2 avisa en su error.log: [error] server reached MaxClients setting, consider raising the MaxClients setting (no creará más procesos hijos)'}, this.host.name);
			this.warnedMaxClients = true;
			return;
		}
		// Apache forks idle_spawn_rate children at once, doubling it each second it is not enough.
		const n = Math.min(this.spawnRate, room);
		for (let i = 0; i < n; i++) {
			const w = this.fork();
			if (w) this.next(w);
		}
		if (this.spawnRate < 32) this.spawnRate *= 2;
	}

	handle(request: HttpRequest, respond: (response: HttpResponse) => void): void {
		if (!this.running) return;
		const worker = this.workers.find((w) => !w.busy);
		if (worker) this.serve(worker, {request, respond});
		else this.queue.push({request, respond});
	}

	private next(worker: Worker): void {
		if (worker.busy) return;
		const pending = this.queue.shift();
		if (pending) this.serve(worker, pending);
	}

	private serve(worker: Worker, pending: Pending): void {
		worker.busy = true;
		const {work, io, response} = this.page(pending.request);
		worker.task.io = work > 0 ? (io / work) * SEC : 0;
		worker.task.runBurst(Math.max(1, work), () => {
			worker.busy = false;
			// Answering may bring the client's next request straight to this idle worker.
			pending.respond(response);
			if (worker.task.alive && !worker.busy) this.next(worker);
		});
	}

	/** What a request costs and what it gets back. */
	private page(request: HttpRequest): {work: number; io: number; response: HttpResponse} {
		const path = request.path.split('?')[0] || '/';
		const configured = this.settings.pages[path];
		const root = this.settings.documentRoot.replace(/\/$/, '');
		let file = (root + path).replace(/\/+$/, '') || '/';
		if (this.host.fs.isDir(file)) file = file.replace(/\/$/, '') + '/index.html';
		const content = this.host.fs.tryRead(file);
		if (!configured && content === undefined) {
			const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL ${path} was not found on this server.</p>\n<hr />\n<address>${SERVER_TOKEN} Server at ${request.host || formatIp(this.host.primaryIp() ?? 0)} Port 80</address>\n</body></html>\n`;
			return {work: STATIC_CPU_S * SEC, io: STATIC_IO, response: this.response(404, 'Not Found', body, request, false)};
		}
		const php = path.endsWith('.php');
		const body = configured?.body ?? (php ? '' : (content ?? ''));
		const work = (configured?.cpu ?? STATIC_CPU_S) * SEC;
		const io = configured?.io ?? STATIC_IO;
		return {work, io, response: this.response(200, 'OK', body, request, php)};
	}

	private response(status: number, reason: string, body: string, request: HttpRequest, php: boolean): HttpResponse {
		const headers: Array<readonly [string, string]> = [
			['Date', httpDate(this.world)],
			['Server', SERVER_TOKEN],
		];
		if (php) headers.push(['X-Powered-By', 'PHP/4.2.2']);
		headers.push(['Content-Length', String(body.length)], ['Connection', 'close'], ['Content-Type', 'text/html; charset=ISO-8859-1']);
		return {status, reason, headers, body: request.method === 'HEAD' ? '' : body};
	}

	onPowerOff(): void {
		this.maintenance?.cancel();
		this.maintenance = undefined;
		this.workers.length = 0;
		this.queue.length = 0;
		this.parent = undefined;
	}

}
