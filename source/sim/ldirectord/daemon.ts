import type {TimerHandle} from '../event-queue';
import type {Daemon, Host} from '../host';
import type {Process} from '../process';
import {SEC, type Micros} from '../time';
import type {World} from '../world';
import {type FallbackConfig, type Forward, type LdirectordConfig, type RealConfig, type VirtualConfig, virtualAddr, virtualId} from './config';
import {apply, destConfig, errnoText, forwardFlag, readTable, tableKey, type OpResult} from './ipvs-ops';
import {ldLog} from './log';
import {ipOf, probeConnect, probeHttp, probePing} from './probe';
import {serviceToPort} from './services';

export const VERSION_STR = 'Linux Director v1.186-ha';

/** Where ldirectord keeps its pid: /var/run/ldirectord.CFGNAME.pid. */
export function pidFile(cfgname: string): string {
	return `/var/run/ldirectord.${cfgname}.pid`;
}

export function daemonKey(cfgname: string): string {
	return `ldirectord.${cfgname}`;
}

interface RealState {
	readonly cfg: RealConfig;
	readonly id: string;
	failcount: number;
	numConnects: number;
	/** Virtual ids this real is up in; null when none (Perl's undef). */
	virtualStatus: Set<string> | null;
}

interface FallbackState extends FallbackConfig {
	readonly id: string;
	port: number;
}

interface VirtualState {
	readonly cfg: VirtualConfig;
	readonly id: string;
	readonly reals: RealState[];
	realStatus: Set<string> | null;
	fallbackStatus: Set<string> | null;
	fallbackCommandStatus?: 'start' | 'stop';
	checktimeout: number;
	negotiatetimeout: number;
	checkcount: number;
	failurecount: number;
}

/**
 * A running ldirectord: its check loop, the real-server state machine
 * (soft failures, quiescing, fallback) and the ipvsadm changes it makes, in
 * the order ldirectord makes them.
 */
export class LdirectordDaemon implements Daemon {
	readonly name: string;
	process: Process;
	private virtuals: VirtualState[] = [];
	/** realId → ids of the virtuals listing that real (ldirectord's @REAL). */
	private realIndex = new Map<string, string[]>();
	private timer?: TimerHandle;
	private round = 0;
	private stattime: Micros | undefined;
	private checksum: string | undefined;
	private stopped = false;
	/** ld_start's forced state changes are set-up, not check results: no timeline events for them. */
	private quiet = false;

	constructor(
		private readonly world: World,
		private readonly host: Host,
		readonly configPath: string,
		readonly cfgname: string,
		public config: LdirectordConfig,
		pid: number,
	) {
		this.name = daemonKey(cfgname);
		this.process = host.processes.get(pid)!;
	}

	get pid(): number {
		return this.process.pid;
	}

	get running(): boolean {
		return !this.stopped;
	}

	log(message: string): void {
		ldLog(this.world, this.host, this.config.logfile, this.cfgname, this.pid, message);
	}

	/** ld_setup + ld_start, then the first check round straight away (ld_main). */
	start(): void {
		this.setup();
		this.ldStart([]);
		this.checkCfgfile();
		this.timer = this.world.after(0, () => this.runRound());
		const timeout = (x: VirtualState) => (x.cfg.checktype === 'negotiate' ? x.negotiatetimeout : x.checktimeout);
		const v = this.virtuals.map((x) => `${virtualAddr(x.cfg)} (${x.reals.length} real servers, ${x.cfg.checktype} check, timeout ${timeout(x)} s)`).join(', ');
		const vEs = this.virtuals.map((x) => `${virtualAddr(x.cfg)} (${x.reals.length} ${x.reals.length === 1 ? 'servidor real' : 'servidores reales'}, comprobación ${x.cfg.checktype}, timeout ${timeout(x)} s)`).join(', ');
		this.world.log('ldirectord', {
			en: `ldirectord started (pid ${this.pid}): ${v || 'no virtual services'}; real servers wait for their first check, every ${this.config.checkinterval} s`,
			es: `ldirectord arrancado (pid ${this.pid}): ${vEs || 'ningún servicio virtual'}; los servidores reales esperan su primera comprobación, cada ${this.config.checkinterval} s`,
		}, this.host.name);
	}

	/** SIGTERM: clean stop (purge services when cleanstop=yes) and exit. */
	terminate(signal = 'TERM'): void {
		if (this.stopped) return;
		this.stopped = true;
		this.timer?.cancel();
		this.round++;
		this.ldStop();
		this.log(`Linux Director Daemon terminated on signal: ${signal}`);
		this.exit();
		this.world.log('ldirectord', {en: `ldirectord stopped (signal ${signal})`, es: `ldirectord detenido (señal ${signal})`}, this.host.name);
	}

	/** SIGHUP: re-read the configuration and reconcile the table. */
	hangup(): void {
		if (this.stopped) return;
		this.log('Reloading Linux Director Daemon config on signal');
		this.rereadConfig();
	}

	/** SIGKILL: gone at once; the table and the pid file stay behind. */
	killed(): void {
		this.stopped = true;
		this.timer?.cancel();
		this.round++;
		this.host.daemons.delete(this.name);
		this.world.log('ldirectord', {en: `ldirectord killed (pid ${this.pid}); IPVS table left as it was`, es: `ldirectord matado (pid ${this.pid}); la tabla IPVS se queda como estaba`}, this.host.name);
	}

	onPowerOff(): void {
		this.stopped = true;
		this.timer?.cancel();
		this.round++;
		this.host.daemons.delete(this.name);
		try {
			this.host.fs.remove(pidFile(this.cfgname));
		} catch {
			// already gone
		}
	}

	/** Current state of each real server, for status views and tests. */
	snapshot(): Array<{virtual: string; real: string; up: boolean; failcount: number}> {
		return this.virtuals.flatMap((v) => v.reals.map((r) => ({virtual: v.id, real: `${r.cfg.server}:${r.cfg.port}`, up: v.realStatus?.has(r.id) ?? false, failcount: r.failcount})));
	}

	private exit(): void {
		this.host.daemons.delete(this.name);
		this.host.processes.reap(this.pid);
		try {
			this.host.fs.remove(pidFile(this.cfgname));
		} catch {
			// already gone
		}
	}

	// ---- configuration ------------------------------------------------------

	private setup(): void {
		const c = this.config;
		this.realIndex.clear();
		this.virtuals = c.virtuals.map((cfg) => {
			const id = virtualId(cfg);
			let checktimeout = cfg.checktimeout;
			if (checktimeout < 0) checktimeout = cfg.negotiatetimeout;
			if (checktimeout < 0) checktimeout = c.checktimeout;
			if (checktimeout < 0) checktimeout = c.negotiatetimeout;
			if (checktimeout < 0) checktimeout = 5;
			let negotiatetimeout = cfg.negotiatetimeout;
			if (negotiatetimeout < 0) negotiatetimeout = cfg.checktimeout;
			if (negotiatetimeout < 0) negotiatetimeout = c.negotiatetimeout;
			if (negotiatetimeout < 0) negotiatetimeout = c.checktimeout;
			if (negotiatetimeout < 0) negotiatetimeout = 30;
			const reals = cfg.real.map((r) => {
				const rid = realId(r, cfg);
				const list = this.realIndex.get(rid) ?? [];
				list.push(id);
				this.realIndex.set(rid, list);
				return {cfg: r, id: rid, failcount: 0, numConnects: cfg.checktype === 'combined' ? 999999 : -1, virtualStatus: null};
			});
			return {
				cfg,
				id,
				reals,
				realStatus: null,
				fallbackStatus: null,
				checktimeout,
				negotiatetimeout,
				checkcount: cfg.checkcount < 0 ? c.checkcount : cfg.checkcount,
				failurecount: cfg.failurecount < 0 ? c.failurecount : cfg.failurecount,
			};
		});
	}

	private rereadConfig(): void {
		const old = this.virtuals;
		const oldConfig = this.config;
		const text = this.host.fs.tryRead(this.configPath);
		const parsed = text === undefined ? undefined : this.reparse(text);
		if (!parsed) return;
		if (!parsed.ok) {
			// Errors while running are logged, and the old configuration stays.
			this.log(`Error [${this.pid}] reading file ${this.configPath}${parsed.error.line > 0 ? ` at line ${parsed.error.line}` : ''}: ${parsed.error.message}\n`);
			this.config = oldConfig;
			return;
		}
		for (const w of parsed.warnings) this.log(`Warning [${this.pid}] reading file ${this.configPath}${w.line > 0 ? ` at line ${w.line}` : ''}: ${w.message}\n`);
		this.config = parsed.config;
		this.stattime = undefined;
		this.checksum = undefined;
		this.setup();
		this.ldStart(old);
		this.world.log('ldirectord', {en: `ldirectord re-read ${this.configPath}`, es: `ldirectord volvió a leer ${this.configPath}`}, this.host.name);
	}

	/** Set by the command layer: parses a config text for this host. */
	reparse: (text: string) => import('./config').ParseResult | undefined = () => undefined;

	/** check_cfgfile: notices edits by mtime + content; true when it changed. */
	private checkCfgfile(): boolean {
		const entry = this.host.fs.stat(this.configPath);
		const mtime = entry?.mtime;
		if (mtime === undefined) {
			return false;
		}
		if (this.stattime === mtime) return false;
		this.stattime = mtime;
		const content = entry?.kind === 'file' ? entry.content : '';
		let changed = false;
		if (this.checksum !== undefined && this.checksum !== content) {
			this.log(`Configuration file '${this.configPath}' has changed on disk`);
			if (this.config.autoreload === 'yes') {
				this.log(' - reread new configuration');
				this.checksum = content;
				this.rereadConfig();
			} else {
				this.log(' - ignore new configuration\n');
			}
			changed = true;
		}
		this.checksum = content;
		return changed;
	}

	// ---- the check loop -----------------------------------------------------

	private runRound(): void {
		if (this.stopped) return;
		const round = ++this.round;
		const todo: Array<[VirtualState, RealState]> = [];
		const checked = new Set<string>();
		for (const v of this.virtuals) {
			for (const r of v.reals) {
				if (checked.has(r.id)) continue;
				checked.add(r.id);
				todo.push([v, r]);
			}
		}
		const next = (i: number) => {
			if (this.stopped || round !== this.round) return;
			if (i >= todo.length) {
				if (!this.checkCfgfile()) this.timer = this.world.after(this.config.checkinterval * SEC, () => this.runRound());
				else this.timer = this.world.after(0, () => this.runRound());
				return;
			}
			const [v, r] = todo[i]!;
			this.checkReal(v, r, () => next(i + 1));
		};
		next(0);
	}

	private checkReal(v: VirtualState, r: RealState, done: () => void): void {
		const cfg = v.cfg;
		if (this.inMaintenance(r)) {
			this.serviceSet(v, r, 'down', true);
			done();
			return;
		}
		if (cfg.checktype === 'negotiate' || (cfg.checktype === 'combined' && r.numConnects >= cfg.numConnects)) {
			this.negotiate(v, r, (up) => {
				if (up) r.numConnects = 0;
				done();
			});
		} else if (cfg.checktype === 'connect') {
			if (cfg.protocol !== 'udp') this.checkConnect(v, r, () => done());
			else this.checkPing(v, r, done);
		} else if (cfg.checktype === 'ping') {
			this.checkPing(v, r, done);
		} else if (cfg.checktype === 'external' || cfg.checktype === 'external-perl') {
			// The lab runs no external programs; /bin/true and /bin/false behave as themselves.
			const ok = /(^|\/)true$/.test(cfg.checkcommand.trim());
			this.world.after(10_000, () => {
				if (this.stopped) return;
				this.serviceSet(v, r, ok ? 'up' : 'down');
				done();
			});
		} else if (cfg.checktype === 'on') {
			this.serviceSet(v, r, 'up');
			this.world.after(0, done);
		} else if (cfg.checktype === 'off') {
			this.world.after(0, done);
		} else {
			// combined: connect checks until N succeed in a row, then a negotiate check.
			this.checkConnect(v, r, (up) => {
				r.numConnects = up ? r.numConnects + 1 : 999999;
				done();
			});
		}
	}

	private checkPort(v: VirtualState, r: RealState): number {
		if (v.cfg.checkport !== undefined) return v.cfg.checkport;
		if (r.cfg.port > 0) return r.cfg.port;
		return serviceToPort(v.cfg.service) ?? 0;
	}

	private negotiate(v: VirtualState, r: RealState, done: (up: boolean) => void): void {
		const service = v.cfg.service;
		if (service === 'http' || service === 'https' || service === 'http_proxy') {
			this.checkHttp(v, r, done);
		} else if (service === 'none') {
			this.serviceSet(v, r, 'up');
			this.world.after(0, () => done(true));
		} else {
			// Other protocols' dialogues reduce to "does the port answer" in the lab.
			const round = this.round;
			probeConnect(this.world, this.host, ipOf(r.cfg.server), this.checkPort(v, r), v.negotiatetimeout * SEC, (o) => {
				if (this.stopped || round !== this.round) return;
				const up = o.kind === 'connected' || o.kind === 'response';
				this.serviceSet(v, r, up ? 'up' : 'down');
				done(up);
			});
		}
	}

	private checkHttp(v: VirtualState, r: RealState, done: (up: boolean) => void): void {
		const round = this.round;
		const path = r.cfg.request ?? v.cfg.request;
		const receive = r.cfg.request !== undefined && r.cfg.receive !== undefined ? r.cfg.receive : v.cfg.receive;
		probeHttp(
			this.world,
			this.host,
			{ip: ipOf(r.cfg.server), port: this.checkPort(v, r), method: v.cfg.httpmethod, path: path.startsWith('/') ? path : '/' + path, hostHeader: v.cfg.virtualhost ?? r.cfg.server},
			v.negotiatetimeout * SEC,
			(o) => {
				if (this.stopped || round !== this.round) return;
				let up = false;
				if (o.kind === 'response' && o.status >= 200 && o.status < 300) up = receive === '' || matches(receive, o.body);
				this.serviceSet(v, r, up ? 'up' : 'down');
				done(up);
			},
		);
	}

	private checkConnect(v: VirtualState, r: RealState, done: (up: boolean) => void): void {
		const round = this.round;
		probeConnect(this.world, this.host, ipOf(r.cfg.server), this.checkPort(v, r), v.checktimeout * SEC, (o) => {
			if (this.stopped || round !== this.round) return;
			const up = o.kind === 'connected' || o.kind === 'response';
			this.serviceSet(v, r, up ? 'up' : 'down');
			done(up);
		});
	}

	private checkPing(v: VirtualState, r: RealState, done: () => void): void {
		const round = this.round;
		const attempt = (n: number) => {
			probePing(this.world, this.host, ipOf(r.cfg.server), v.checktimeout * SEC, (ok) => {
				if (this.stopped || round !== this.round) return;
				if (ok) {
					this.serviceSet(v, r, 'up');
					done();
				} else if (n + 1 < v.checkcount) attempt(n + 1);
				else {
					this.serviceSet(v, r, 'down');
					done();
				}
			});
		};
		attempt(0);
	}

	private inMaintenance(r: RealState): boolean {
		const dir = this.config.maintenancedir;
		if (!dir) return false;
		return this.host.fs.exists(`${dir}/${r.cfg.server}:${r.cfg.port}`) || this.host.fs.exists(`${dir}/${r.cfg.server}`);
	}

	// ---- real-server state machine (service_set and friends) ----------------

	/** service_set: applies a check result to every virtual service that lists this real server. */
	private serviceSet(_checked: VirtualState, r: RealState, state: 'up' | 'down', force = false): void {
		const virtuals = this.realIndex.get(r.id);
		if (!virtuals) return;
		for (const v of this.virtuals) {
			if (!virtuals.includes(v.id)) continue;
			if (state === 'up') this.serviceUp(v, r, force);
			else this.serviceDown(v, r, force);
		}
	}

	private serviceUp(v: VirtualState, r: RealState, force: boolean): void {
		if (r.failcount > 0) this.log(`Resetting soft failure count: ${r.cfg.server}:${r.cfg.port} (${v.id})`);
		r.failcount = 0;
		if (!this.statusUp(v, r) && !force) return;
		if (!this.quiet) {
			const real = `${r.cfg.server}:${r.cfg.port}`;
			this.world.log('ldirectord', {
				en: `check of ${real} succeeded: real server up in ${virtualAddr(v.cfg)}`,
				es: `comprobación de ${real} correcta: servidor real activo en ${virtualAddr(v.cfg)}`,
			}, this.host.name);
		}
		this.restoreService(v, `${r.cfg.server}:${r.cfg.port}`, r.cfg.forward, r.cfg.weight, 'real');
		this.fallbackOff(v);
	}

	private serviceDown(v: VirtualState, r: RealState, force: boolean): void {
		if (!this.statusCheck(v, r) && !force) return;
		r.failcount++;
		if (!force && this.statusCheck(v, r) && r.failcount < v.failurecount) {
			this.log(`Soft failure real server: ${r.cfg.server}:${r.cfg.port} (${v.id}) failure ${r.failcount}/${v.failurecount}`);
			this.world.log('ldirectord', {
				en: `check of ${r.cfg.server}:${r.cfg.port} failed (${r.failcount} of ${v.failurecount} allowed failures)`,
				es: `comprobación de ${r.cfg.server}:${r.cfg.port} fallida (${r.failcount} de ${v.failurecount} fallos permitidos)`,
			}, this.host.name);
			return;
		}
		if (!this.quiet) {
			const quiesced = this.quiescent(v);
			const how = quiesced ? 'quiesced: weight 0, it stays listed (quiescent=yes; quiescent=no would delete it)' : 'deleted from the table (quiescent=no)';
			const como = quiesced ? 'con peso 0: sigue en la tabla (quiescent=yes; con quiescent=no se borraría)' : 'borrado de la tabla (quiescent=no)';
			this.world.log('ldirectord', {
				en: `check of ${r.cfg.server}:${r.cfg.port} failed: real server ${how}`,
				es: `comprobación de ${r.cfg.server}:${r.cfg.port} fallida: servidor real ${como}`,
			}, this.host.name);
		}
		this.statusDown(v, r);
		this.removeService(v, `${r.cfg.server}:${r.cfg.port}`, r.cfg.forward, 'real');
		this.fallbackOn(v);
	}

	private statusCheck(v: VirtualState, r: {id: string}, fallback = false): boolean {
		if (fallback) return v.realStatus !== null || (v.fallbackStatus?.has(r.id) ?? false);
		return v.realStatus?.has(r.id) ?? false;
	}

	private statusUp(v: VirtualState, r: RealState | FallbackState, fallback = false): boolean {
		if (this.statusCheck(v, r, fallback)) return false;
		if ('virtualStatus' in r) (r.virtualStatus ??= new Set()).add(v.id);
		if (fallback) (v.fallbackStatus ??= new Set()).add(r.id);
		else (v.realStatus ??= new Set()).add(r.id);
		return true;
	}

	private statusDown(v: VirtualState, r: RealState | FallbackState, fallback = false): boolean {
		if (!this.statusCheck(v, r, fallback)) return false;
		if (fallback) {
			v.fallbackStatus?.delete(r.id);
			if (v.fallbackStatus?.size === 0) v.fallbackStatus = null;
		} else {
			v.realStatus?.delete(r.id);
			if (v.realStatus?.size === 0) v.realStatus = null;
		}
		if ('virtualStatus' in r) {
			r.virtualStatus?.delete(v.id);
			if (r.virtualStatus?.size === 0) r.virtualStatus = null;
		}
		return true;
	}

	private fallbackFind(v: VirtualState): FallbackState | undefined {
		let fb: FallbackConfig | undefined = v.cfg.fallback;
		if (!fb && this.config.fallback && v.cfg.protocol !== 'fwm') fb = this.config.fallback[v.cfg.protocol];
		if (!fb) return undefined;
		const port = fb.port ?? v.cfg.port;
		return {...fb, port, id: `fallback:${fb.server}:${port}`};
	}

	private fallbackOn(v: VirtualState, force = false): void {
		const fb = this.fallbackFind(v);
		if (fb && (this.statusUp(v, fb, true) || force)) {
			this.restoreService(v, `${fb.server}:${fb.port}`, fb.forward, 1, 'fallback');
			if (!this.quiet) {
				this.world.log('ldirectord', {
					en: `no real server left in ${virtualAddr(v.cfg)}: fallback ${fb.server}:${fb.port} added`,
					es: `no queda ningún servidor real en ${virtualAddr(v.cfg)}: se añade el fallback ${fb.server}:${fb.port}`,
				}, this.host.name);
			}
		}
		if (v.realStatus === null) this.fallbackCommand(v, 'start');
	}

	private fallbackOff(v: VirtualState, force = false): void {
		const fb = this.fallbackFind(v);
		if (fb && (this.statusDown(v, fb, true) || force)) this.removeService(v, `${fb.server}:${fb.port}`, fb.forward, 'fallback');
		if (v.realStatus !== null) this.fallbackCommand(v, 'stop');
	}

	private fallbackCommand(v: VirtualState, status: 'start' | 'stop'): void {
		if (v.fallbackCommandStatus === status) return;
		v.fallbackCommandStatus = status;
		const command = v.cfg.fallbackcommand ?? this.config.fallbackcommand;
		if (command) this.world.log('ldirectord', {en: `fallbackcommand: ${command} ${status}`, es: `se ejecuta el fallbackcommand: ${command} ${status}`}, this.host.name);
	}

	private quiescent(v: VirtualState): boolean {
		return (v.cfg.quiescent ?? this.config.quiescent) === 'yes';
	}

	private system(args: string, result: OpResult): void {
		if (result === undefined) return;
		this.log(`system(/sbin/ipvsadm ${args}) failed: ${result === 'NOIPVS' ? 'Protocol not available' : errnoText(result)}`);
	}

	/** _remove_service: quiesce (weight 0) or delete a real or fallback server. */
	private removeService(v: VirtualState, rservice: string, forward: Forward, tag: 'real' | 'fallback'): void {
		const table = readTable(this.host.ipvs);
		const ov = table.get(tableKey(v.cfg));
		if (!ov) return;
		const quiescent = tag !== 'fallback' && this.quiescent(v);
		let or = ov.get(rservice);
		let oldRservice: string | undefined;
		let service = rservice;
		if (!or) {
			// DR and tunnelled reals always carry the virtual's port in the kernel.
			const mapped = `${rservice.slice(0, rservice.lastIndexOf(':'))}:${v.cfg.port}`;
			if (ov.has(mapped)) {
				oldRservice = rservice;
				service = mapped;
				or = ov.get(mapped);
			}
		}
		if ((!or && !quiescent) || (quiescent && or && or.weight === 0 && flagOf(or.forward) === forwardFlag(forward))) return;
		if (quiescent && !or && this.config.readdquiescent === 'no') return;
		const [server, portText] = [service.slice(0, service.lastIndexOf(':')), service.slice(service.lastIndexOf(':') + 1)];
		const port = Number(portText);
		const addr = virtualAddr(v.cfg);
		const proto = protoFlag(v.cfg);
		const logArgs = `${tag} server: ${service} ${oldRservice ? `mapped from ${oldRservice} ` : ''}(${addr})`;
		if (quiescent) {
			const kind = or ? 'e' : 'a';
			this.system(`-${kind} ${proto} ${addr} -r ${service} ${forwardFlag(forward)} -w 0`, apply(this.host, {kind, v: v.cfg, dest: destConfig(v.cfg, server, port, forward, 0)}));
			this.log(`Quiescent ${logArgs} (Weight set to 0)`);
			this.emailAlert(v, `Quiescent ${logArgs} (Weight set to 0)`);
		} else {
			this.system(`-d ${proto} ${addr} -r ${service}`, apply(this.host, {kind: 'd', v: v.cfg, server, port}));
			this.log(`Deleted ${logArgs}`);
			this.emailAlert(v, `Deleted ${logArgs}`);
		}
	}

	/** _restore_service: add a real or fallback server, or give it back its weight. */
	private restoreService(v: VirtualState, rservice: string, forward: Forward, weight: number, tag: 'real' | 'fallback'): void {
		const addr = virtualAddr(v.cfg);
		const proto = protoFlag(v.cfg);
		const args = `${proto} ${addr} -r ${rservice} ${forwardFlag(forward)} -w ${weight}`;
		const logArgs = `${tag} server: ${rservice} (${addr})`;
		const [server, portText] = [rservice.slice(0, rservice.lastIndexOf(':')), rservice.slice(rservice.lastIndexOf(':') + 1)];
		const dest = destConfig(v.cfg, server, Number(portText), forward, weight);
		const ov = readTable(this.host.ipvs).get(tableKey(v.cfg));
		const or = ov?.get(rservice);
		if (or) {
			if (!(or.weight === weight && flagOf(or.forward) === forwardFlag(forward))) {
				this.system(`-e ${args}`, apply(this.host, {kind: 'e', v: v.cfg, dest}));
				this.log(`Restored ${logArgs} (Weight set to ${weight})`);
				this.emailAlert(v, `Restored ${logArgs} (Weight set to ${weight})`);
			}
		} else {
			this.system(`-a ${args}`, apply(this.host, {kind: 'a', v: v.cfg, dest}));
			this.log(`Added ${logArgs} (Weight set to ${weight})`);
			this.emailAlert(v, `Added ${logArgs} (Weight set to ${weight})`);
		}
	}

	private emailAlert(v: VirtualState, subject: string): void {
		const to = v.cfg.emailalert ?? this.config.emailalert;
		if (to !== '') this.log(`emailalert: ${subject}`);
	}

	private purgeUntracked(v: VirtualState, rservice: string, tag: string): void {
		const addr = virtualAddr(v.cfg);
		const [server, port] = [rservice.slice(0, rservice.lastIndexOf(':')), Number(rservice.slice(rservice.lastIndexOf(':') + 1))];
		this.system(`-d ${protoFlag(v.cfg)} ${addr} -r ${rservice}`, apply(this.host, {kind: 'd', v: v.cfg, server, port}));
		const message = `Purged real server (${tag}): ${rservice} (${addr})`;
		this.log(message);
		this.emailAlert(v, message);
	}

	private purgeVirtual(v: VirtualConfig, tag: string): void {
		this.system(`-D ${protoFlag(v)} ${virtualAddr(v)}`, apply(this.host, {kind: 'D', v}));
		this.log(`Purged virtual server (${tag}): ${virtualAddr(v)}`);
	}

	/** ld_start: bring the kernel table in line with the configuration. */
	private ldStart(oldVirtuals: readonly VirtualState[]): void {
		this.quiet = true;
		try {
			this.ldStartQuiet(oldVirtuals);
		} finally {
			this.quiet = false;
		}
	}

	private ldStartQuiet(oldVirtuals: readonly VirtualState[]): void {
		const table = readTable(this.host.ipvs);
		for (const v of this.virtuals) {
			const flags = serviceFlags(v.cfg);
			if (table.has(tableKey(v.cfg))) {
				this.system(`-E ${flags}`, apply(this.host, {kind: 'E', v: v.cfg}));
				this.log(`Changed virtual server: ${virtualAddr(v.cfg)}`);
			} else {
				this.system(`-A ${flags}`, apply(this.host, {kind: 'A', v: v.cfg}));
				this.log(`Added virtual server: ${virtualAddr(v.cfg)}`);
			}
		}
		const serverDown = new Map<string, [VirtualState, RealState]>();
		for (const v of this.virtuals) {
			const or = new Map(table.get(tableKey(v.cfg)) ?? []);
			const fb = this.fallbackFind(v);
			if (fb) or.delete(`${fb.server}:${fb.port}`);
			for (const r of v.reals) {
				const realStr = `${r.cfg.server}:${r.cfg.port}`;
				const existing = or.get(realStr);
				if (!existing || existing.weight === 0) serverDown.set(realStr, [v, r]);
				else {
					serverDown.delete(realStr);
					this.serviceSet(v, r, 'up', true);
				}
				or.delete(realStr);
			}
			for (const k of or.keys()) this.purgeUntracked(v, k, 'start');
			table.delete(tableKey(v.cfg));
			this.fallbackOn(v);
		}
		for (const [v, r] of serverDown.values()) {
			// Make sure the server is in the table so that quiescing it has something to act on.
			if (this.config.readdquiescent === 'no') this.serviceSet(v, r, 'up', true);
			this.serviceSet(v, r, 'down', true);
		}
		for (const ov of oldVirtuals) {
			if (table.has(tableKey(ov.cfg))) this.purgeVirtual(ov.cfg, 'start');
		}
	}

	/** ld_stop: with cleanstop, purge the reals that are up, then each virtual. */
	private ldStop(): void {
		for (const v of this.virtuals) {
			const clean = v.cfg.cleanstop ?? this.config.cleanstop;
			if (clean === 'no') continue;
			for (const r of v.reals) {
				if (r.virtualStatus !== null) {
					this.purgeUntracked(v, `${r.cfg.server}:${r.cfg.port}`, 'stop');
					this.statusDown(v, r);
				}
			}
			this.purgeVirtual(v.cfg, 'stop');
		}
	}
}

function flagOf(forward: Forward | undefined): string {
	return forward ? forwardFlag(forward) : ' ';
}

function protoFlag(v: VirtualConfig): string {
	return v.protocol === 'tcp' ? '-t' : v.protocol === 'udp' ? '-u' : '-f';
}

/** `-t 192.168.0.105:80 -s rr ` with ldirectord's trailing space. */
function serviceFlags(v: VirtualConfig): string {
	let flags = `${protoFlag(v)} ${virtualAddr(v)} -s ${v.scheduler} `;
	if (v.persistent !== undefined) {
		flags += `-p ${v.persistent} `;
		if (v.netmask) flags += `-M ${v.netmask} `;
	}
	return flags;
}

/** get_real_id_str: reals with the same check share one status across virtuals. */
function realId(r: RealConfig, v: VirtualConfig): string {
	const request = r.request ?? v.request;
	const receive = r.receive ?? v.receive;
	const check = v.checktype === 'negotiate' || v.checktype === 'combined' ? `${v.checktype}:${v.service}` : v.checktype === 'external' || v.checktype === 'external-perl' ? `${v.checktype}:${v.checkcommand}` : v.checktype;
	return [check, v.protocol, r.server, r.port, v.virtualhost ?? '', v.checkport ?? '', r.weight, r.forward, request, receive].join(':');
}

/** Perl regex match of the receive string against a page, tolerating bad patterns. */
function matches(pattern: string, body: string): boolean {
	try {
		return new RegExp(pattern).test(body);
	} catch {
		return body.includes(pattern);
	}
}
