import type {Daemon, Host} from '../host';
import type {Rng} from '../rng';
import type {Micros} from '../time';
import type {World} from '../world';
import {apacheVersion, StaticFiles} from './static-files';
import type {HttpHandler, HttpRequest, HttpResponse} from './types';

/** CPU time Apache needs for one small static page on a 550 MHz Pentium III. */
export const STATIC_SERVICE_US = 640;
/** Extra CPU per KiB sent. */
export const SERVICE_US_PER_KB = 45;
/** Prefork children started with the server (StartServers). */
const START_SERVERS = 5;
/** Requests Apache works on at once (MaxClients) plus what the kernel's accept queue holds (somaxconn). */
const MAX_QUEUED = 150 + 128;

/**
 * The Apache web server daemon of one host (`host.daemon('apache2')`): whether
 * it runs, its processes, the handler that produces pages (static files from
 * /var/www unless a feature plugs another one in) and its CPU, on which
 * requests queue one after another, so a busy server answers later.
 */
export class HttpServer implements Daemon {
	readonly name = 'apache2';
	running = false;
	/** TCP ports it listens on (all addresses). */
	ports: number[] = [80];
	handler: HttpHandler;
	/** Virtual time until which the CPU is busy with earlier requests. */
	private busyUntil: Micros = 0;
	/** Requests answered since start (for `explain` and tests). */
	served = 0;
	private pids: number[] = [];

	constructor(
		readonly world: World,
		readonly host: Host,
		private readonly rng: Rng,
	) {
		this.handler = new StaticFiles(world, host);
	}

	get version(): string {
		return apacheVersion(this.host);
	}

	/** The parent process id (for `status` and pid files). */
	get pid(): number | undefined {
		return this.pids[0];
	}

	listens(port: number): boolean {
		return this.running && this.host.powered && this.ports.includes(port);
	}

	/**
	 * Whether a new connection still fits: with every child busy and the accept
	 * queue full, the kernel drops SYNs and clients retransmit them.
	 */
	acceptsConnection(now: Micros): boolean {
		if (this.busyUntil <= now) return true;
		const unit = STATIC_SERVICE_US * (550 / this.host.hardware.mhz);
		return (this.busyUntil - now) / unit < MAX_QUEUED;
	}

	start(): boolean {
		if (this.running) return false;
		this.running = true;
		this.busyUntil = 0;
		const started = this.world.now;
		const parent = this.host.processes.spawn({user: 'root', command: '/usr/sbin/apache2 -k start', started});
		this.pids = [parent.pid];
		for (let i = 0; i < START_SERVERS; i++) {
			const child = this.host.processes.spawn({user: 'www-data', command: '/usr/sbin/apache2 -k start', started, ppid: parent.pid});
			this.pids.push(child.pid);
		}
		this.host.fs.mkdirp('/var/run/apache2');
		this.host.fs.put('/var/run/apache2/apache2.pid', `${parent.pid}\n`);
		this.world.log('http', {en: `apache2 started (${this.version})`, es: `apache2 arrancado (${this.version})`}, this.host.name);
		return true;
	}

	stop(): boolean {
		if (!this.running) return false;
		this.running = false;
		for (const pid of this.pids) this.host.processes.reap(pid);
		this.pids = [];
		if (this.host.fs.exists('/var/run/apache2/apache2.pid')) this.host.fs.remove('/var/run/apache2/apache2.pid');
		this.world.log('http', {en: 'apache2 stopped', es: 'apache2 detenido'}, this.host.name);
		return true;
	}

	onPowerOff(): void {
		this.running = false;
		this.pids = [];
		this.busyUntil = 0;
	}

	/**
	 * A request reached the server at `arrival` (which may be slightly ahead of the
	 * clock). `done(ctx, response, at)` gets the response and the time it leaves
	 * the server: static pages queue on the CPU; a handler that answers later in
	 * virtual time (a CPU-bound PHP script under openMosix) answers when it calls back.
	 */
	serve<C>(request: HttpRequest, arrival: Micros, done: (ctx: C, response: HttpResponse, at: Micros) => void, ctx: C): void {
		if (this.handler instanceof StaticFiles) {
			// The common case, without a callback per request.
			const response = this.handler.responseFor(request);
			this.served++;
			done(ctx, response, this.cpu(arrival, response));
			return;
		}
		let sync = true;
		let answered = false;
		this.handler.handle(request, (response) => {
			if (answered) return;
			answered = true;
			this.served++;
			if (sync) done(ctx, response, this.cpu(arrival, response));
			else {
				const now = this.world.now;
				done(ctx, response, now > arrival ? now : arrival);
			}
		});
		sync = false;
	}

	/** Queues a synchronously built response on the CPU; returns when it is sent. */
	private cpu(arrival: Micros, response: HttpResponse): Micros {
		const start = arrival > this.busyUntil ? arrival : this.busyUntil;
		const bytes = response.body.length;
		const cost = (STATIC_SERVICE_US + (bytes >> 10) * SERVICE_US_PER_KB) * (550 / this.host.hardware.mhz);
		// A little jitter, as on any real machine.
		const finish = start + Math.round(cost * (0.85 + 0.3 * this.rng.next()));
		this.busyUntil = finish;
		return finish;
	}
}

/** The host's web server daemon, created on first use. */
export function httpServer(world: World, host: Host, rng: () => Rng): HttpServer {
	let server = host.daemon<HttpServer>('apache2');
	if (!server) {
		server = new HttpServer(world, host, rng());
		host.daemons.set('apache2', server);
	}
	return server;
}
