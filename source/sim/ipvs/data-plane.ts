import type {Daemon, Host} from '../host';
import {printk} from '../system/kernel-log';
import {formatIp, type Ip} from '../net/ipv4';
import {SEC, type Micros} from '../time';
import type {World} from '../world';
import {CF_INACTIVE, CF_NOOUTPUT, CF_TEMPLATE, ConnTable, FWD_CODES, FWD_MASQ, P_IP, P_SCTP, P_TCP, P_UDP, PROTO_CODES, PROTO_NAMES} from './conn-table';
import {Estimator, ESTIMATOR_INTERVAL_SEC} from './estimator';
import type {Ipvs} from './ipvs';
import {persistentDest, TemplateIndex} from './persistence';
import type {ScheduleTrace} from './schedulers/scheduler';
import {DIR_INPUT, DIR_INPUT_ONLY, DIR_OUTPUT, nextTcpState, S_ESTABLISHED, S_FIN_WAIT, S_NONE, S_TIME_WAIT, S_CLOSE, S_UDP, STATE_NAMES, STATE_TIMEOUTS} from './tcp-states';
import type {ConnEntry, Dest, Protocol, Service} from './types';

/** How a template keeps a live connection's template alive: 60 s at a time. */
const TEMPLATE_KEEPALIVE: Micros = 60 * SEC;

/** Why a new connection did not get a real server. */
export type ScheduleFailure = 'no-destination' | 'no-scheduler';

/** What the director decided for one new connection (kept for `explain`). */
export interface Decision {
	readonly at: Micros;
	readonly director: string;
	readonly service: Service;
	readonly client: Ip;
	readonly cport: number;
	/** The chosen real server, if any. */
	readonly dest?: Dest;
	/** Set when a persistence template decided (the scheduler was not asked). */
	readonly template?: {readonly caddr: Ip; readonly created: boolean; readonly expiredOld?: string};
	/** The scheduler's own account, when it was recorded. */
	readonly trace?: ScheduleTrace;
	readonly failure?: ScheduleFailure;
	/** An old entry for the same client port that was reused or replaced. */
	readonly reused?: {readonly state: string; readonly dest: Dest; readonly replaced: boolean};
}

/** Hooks for the sync daemon: entries changed that a master should send. */
export interface SyncHooks {
	changed(plane: IpvsDataPlane, slot: number): void;
}

/**
 * One director's IPVS data plane: connection entries, the TCP state machine,
 * ActiveConn/InActConn accounting, persistence templates, thresholds, counters
 * and the rate estimator, on top of the control plane in `Ipvs`. How a
 * persistent service picks a real server is in persistence.ts; the entries
 * the sync daemon sends and receives are in sync-entry.ts.
 */
export class IpvsDataPlane implements Daemon {
	readonly name = 'ipvs-data';
	/** The host's position in the world: tells data planes apart in cache keys. */
	readonly serial: number;
	readonly table: ConnTable;
	private readonly dests: Dest[] = [];
	private readonly destIndex = new Map<Dest, number>();
	private readonly services: Service[] = [];
	private readonly serviceIndex = new Map<Service, number>();
	/** Persistence templates by masked client address. */
	readonly templates = new TemplateIndex();
	private readonly estimators = new Map<object, Estimator>();
	lastDecision?: Decision;
	/** Where a master sync daemon's entries go (the world's sync bus). */
	syncTo?: SyncHooks;
	/** Rate limit for kernel messages (net_ratelimit: 10 per 5 s). */
	private logBurst = 0;
	private logWindow = -Infinity;
	private readonly oldKernel: boolean;

	constructor(
		readonly world: World,
		readonly host: Host,
		readonly ipvs: Ipvs,
		seed: number,
	) {
		this.table = new ConnTable(seed);
		this.serial = [...world.hosts.values()].indexOf(host);
		const [major = 0, minor = 0] = host.kernel.split(/[.-]/).map((x) => Number(x));
		this.oldKernel = major < 3;
		void minor;
		ipvs.connections = () => this.entries();
		world.every(ESTIMATOR_INTERVAL_SEC * SEC, () => this.estimate());
	}

	// ---- registries -------------------------------------------------------

	destId(dest: Dest): number {
		let i = this.destIndex.get(dest);
		if (i === undefined) {
			i = this.dests.length;
			this.dests.push(dest);
			this.destIndex.set(dest, i);
		}
		return i;
	}

	destAt(slot: number): Dest | undefined {
		const i = this.table.dest[slot]!;
		return i >= 0 ? this.dests[i] : undefined;
	}

	serviceId(svc: Service): number {
		let i = this.serviceIndex.get(svc);
		if (i === undefined) {
			i = this.services.length;
			this.services.push(svc);
			this.serviceIndex.set(svc, i);
		}
		return i;
	}

	serviceAt(slot: number): Service | undefined {
		const i = this.table.svc[slot]!;
		return i >= 0 ? this.services[i] : undefined;
	}

	/** The virtual service a packet to vaddr:vport belongs to (exact match, then a port-0 service). */
	findService(proto: Protocol, vaddr: Ip, vport: number): Service | undefined {
		let zero: Service | undefined;
		for (const s of this.ipvs.services) {
			if (s.fwmark !== 0 || s.protocol !== proto || s.addr !== vaddr) continue;
			if (s.port === vport) return s;
			if (s.port === 0) zero = s;
		}
		return zero;
	}

	private sysctl(key: string): number {
		return this.host.sysctlNumber(`net.ipv4.vs.${key}`);
	}

	/** Sysctls read on every packet, re-read whenever something else may have run. */
	private secureTcp = false;
	private reuseMode = 1;
	private nodestExpire = false;
	private sysRevision = -1;

	/** Re-reads the per-packet sysctls (the engine calls this when a batch of packets starts). */
	refresh(): void {
		this.sysRevision = this.world.revision;
		this.secureTcp = this.sysctl('secure_tcp') >= 3;
		this.reuseMode = this.host.sysctl.has('net.ipv4.vs.conn_reuse_mode') ? this.sysctl('conn_reuse_mode') : 1;
		this.nodestExpire = this.sysctl('expire_nodest_conn') === 1;
		for (let i = 0; i < STATE_TIMEOUTS.length; i++) this.timeoutUs[i] = this.stateTimeout(i);
	}

	private fresh(): void {
		if (this.sysRevision !== this.world.revision) this.refresh();
	}

	/** Timeout of a state, honouring `ipvsadm --set`. */
	stateTimeout(state: number): Micros {
		const t = this.ipvs.timeouts;
		if (state === S_ESTABLISHED) return t.tcp * SEC;
		if (state === S_FIN_WAIT) return t.tcpfin * SEC;
		if (state === S_UDP) return t.udp * SEC;
		return STATE_TIMEOUTS[state]! * SEC;
	}

	/** State timeouts in µs, re-read with the sysctls (per batch of packets). */
	private readonly timeoutUs = new Float64Array(STATE_TIMEOUTS.length);

	// ---- connections --------------------------------------------------------

	/** The entry for a packet from the client, or -1. */
	findIn(proto: Protocol, caddr: Ip, cport: number, vaddr: Ip, vport: number): number {
		return this.table.find(PROTO_CODES[proto], caddr, cport, vaddr, vport);
	}

	/** The entry a reply from daddr:dport to the client belongs to, or -1 (NAT replies only). */
	findOut(proto: Protocol, daddr: Ip, dport: number, caddr: Ip, cport: number): number {
		const s = this.table.findOut(PROTO_CODES[proto], daddr, dport, caddr, cport);
		return s >= 0 && this.table.fwd[s] === FWD_MASQ ? s : -1;
	}

	/**
	 * A SYN (or first UDP datagram) for which an entry exists: the kernel either
	 * reuses it (the state machine takes the SYN) or, for entries in TIME_WAIT or
	 * CLOSE on kernels with conn_reuse_mode, expires it so the SYN is scheduled anew.
	 * Returns the slot to use, or -1 when the caller must schedule.
	 */
	reuseOrExpire(slot: number, now: Micros): number {
		const t = this.table;
		if (this.oldKernel || t.nControl[slot]! > 0 || t.control[slot]! >= 0) return slot;
		this.fresh();
		const mode = this.reuseMode;
		if (mode === 0) return slot;
		const st = t.state[slot]!;
		const expected = t.proto[slot] === P_TCP && (st === S_TIME_WAIT || st === S_CLOSE || ((mode & 2) !== 0 && st === S_FIN_WAIT && (t.flags[slot]! & CF_NOOUTPUT) !== 0));
		if (!expected) return slot;
		this.free(slot);
		void now;
		return -1;
	}

	/**
	 * Schedules a new connection for the first packet from caddr:cport to the
	 * service: persistence template first, then the service's scheduler.
	 * Returns the new entry's slot, or -1 when no real server may be used. The
	 * decision (with the scheduler's trace when `wantTrace`) is in `lastDecision`
	 * when it was asked for, and always after a failure.
	 */
	newConnection(svc: Service, proto: Protocol, caddr: Ip, cport: number, vaddr: Ip, vport: number, now: Micros, wantTrace: boolean): number {
		let dest: Dest | null = null;
		let trace: ScheduleTrace | undefined;
		let template: Decision['template'];
		let tmpl = -1;
		if (svc.persistent) {
			const r = persistentDest(this, svc, proto, caddr, vaddr, vport, now, wantTrace);
			dest = r.dest;
			trace = r.trace;
			template = r.template;
			tmpl = r.slot;
		} else {
			const scheduler = this.ipvs.schedulerFor(svc.scheduler);
			if (!scheduler) return this.fail(svc, caddr, cport, now, 'no-scheduler');
			if (wantTrace) trace = {scheduler: svc.scheduler, steps: [], notes: []};
			const pkt = this.packet;
			pkt.saddr = caddr;
			pkt.sport = cport;
			pkt.daddr = vaddr;
			pkt.dport = vport;
			dest = scheduler.schedule(svc, pkt, trace);
		}
		if (!dest) return this.fail(svc, caddr, cport, now, 'no-destination', trace, template);
		const slot = this.bind(svc, dest, proto, caddr, cport, vaddr, vport, 0, now);
		if (tmpl >= 0) {
			this.table.control[slot] = tmpl;
			this.table.nControl[tmpl]!++;
			// Each new controlled connection gives the template its full timeout again.
			this.table.arm(tmpl, svc.timeout * SEC, now);
		}
		dest.stats.conns++;
		svc.stats.conns++;
		this.ipvs.totals.conns++;
		if (wantTrace) this.lastDecision = {at: now, director: this.host.name, service: svc, client: caddr, cport, dest, template, trace};
		return slot;
	}

	/** Scratch packet description handed to schedulers (they must not keep it). */
	private readonly packet = {saddr: 0, sport: 0, daddr: 0, dport: 0};

	private fail(svc: Service, caddr: Ip, cport: number, now: Micros, failure: ScheduleFailure, trace?: ScheduleTrace, template?: Decision['template']): number {
		this.lastDecision = {at: now, director: this.host.name, service: svc, client: caddr, cport, failure, trace, template};
		this.kernelLog(now, this.noDestMessage(svc));
		return -1;
	}

	/** The kernel's rate-limited "no destination available" line. */
	noDestMessage(svc: Service): string {
		if (this.oldKernel) return `IPVS: ${svc.scheduler.toUpperCase()}: no destination available`;
		const what = svc.fwmark ? `fwm:${svc.fwmark}` : `${svc.protocol.toUpperCase()} ${formatIp(svc.addr)}:${svc.port}`;
		return `IPVS: ${svc.scheduler}: ${what} - no destination available`;
	}

	private kernelLog(now: Micros, text: string): void {
		if (now - this.logWindow >= 5 * SEC) {
			this.logWindow = now;
			this.logBurst = 0;
		}
		if (this.logBurst++ >= 10) return;
		printk(this.host, now, text);
		// The kernel's own line is quoted as dmesg shows it, in every language.
		this.world.log('ipvs', {en: `kernel: ${text}`, es: `el kernel escribe: ${text}`}, this.host.name);
	}

	/** Takes a template out of the index (it is being freed or dropped). */
	detachTemplate(slot: number): void {
		this.templates.remove(this.table.caddr[slot]!, slot);
	}

	/** Creates an entry bound to `dest` (ip_vs_conn_new + ip_vs_bind_dest). */
	bind(svc: Service, dest: Dest, proto: Protocol, caddr: Ip, cport: number, vaddr: Ip, vport: number, extraFlags: number, now: Micros): number {
		const t = this.table;
		const fwd = FWD_CODES[dest.fwd];
		let flags = CF_INACTIVE | extraFlags;
		if (fwd !== FWD_MASQ) flags |= CF_NOOUTPUT;
		const pcode = PROTO_CODES[proto];
		const s = t.add(pcode, caddr, cport, vaddr, vport, dest.addr, dest.port === 0 ? vport : dest.port, flags, fwd);
		t.svc[s] = this.serviceId(svc);
		t.dest[s] = this.destId(dest);
		t.state[s] = pcode === P_UDP ? S_UDP : S_NONE;
		dest.inactConns++;
		this.checkOverload(dest);
		t.arm(s, pcode === P_UDP ? this.stateTimeout(S_UDP) : 3 * SEC, now);
		return s;
	}

	/** A real server at its upper connection threshold is overloaded (no new connections). */
	checkOverload(dest: Dest): void {
		if (dest.uThreshold !== 0 && dest.activeConns + dest.inactConns >= dest.uThreshold) dest.overloaded = true;
	}

	/**
	 * A TCP packet of the connection seen by the director: state transition,
	 * counters moved between InActConn and ActiveConn, timer re-armed.
	 * `dir` is DIR_INPUT (client to server) or DIR_OUTPUT (reply, NAT only).
	 */
	tcpPacket(slot: number, dir: number, flag: number, now: Micros): void {
		this.tcpPackets(slot, dir, flag, 1, now);
	}

	/** `count` packets with the same flag in a row (an ACK per data segment…): one transition, one timer. */
	tcpPackets(slot: number, dir: number, flag: number, count: number, now: Micros): void {
		void count;
		const t = this.table;
		let off = dir;
		if (t.flags[slot]! & CF_NOOUTPUT) {
			if (dir === DIR_OUTPUT) t.flags[slot] = t.flags[slot]! & ~CF_NOOUTPUT;
			else off = DIR_INPUT_ONLY;
		}
		const old = t.state[slot]!;
		this.fresh();
		const state = nextTcpState(old, off, flag, this.secureTcp);
		if (state !== old) {
			const dest = this.destAt(slot);
			const f = t.flags[slot]!;
			if (dest) {
				if (!(f & CF_INACTIVE) && state !== S_ESTABLISHED) {
					dest.activeConns--;
					dest.inactConns++;
					t.flags[slot] = f | CF_INACTIVE;
				} else if (f & CF_INACTIVE && state === S_ESTABLISHED) {
					dest.activeConns++;
					dest.inactConns--;
					t.flags[slot] = f & ~CF_INACTIVE;
				}
			}
			t.state[slot] = state;
			if ((state === S_FIN_WAIT || state === S_TIME_WAIT || state === 7) && this.syncing()) this.syncTo!.changed(this, slot);
		}
		t.arm(slot, this.timeoutUs[state]!, now);
	}

	/** A UDP datagram of the connection: the single UDP state, timer re-armed. */
	udpPacket(slot: number, now: Micros): void {
		this.table.arm(slot, this.stateTimeout(S_UDP), now);
	}

	/** Whether a master sync daemon runs here (checked per packet: normally an empty list). */
	private syncing(): boolean {
		const d = this.ipvs.daemons;
		if (d.length === 0 || !this.syncTo) return false;
		for (const x of d) if (x.state === 'master') return true;
		return false;
	}

	/**
	 * A group of client packets arriving together (ACKs then a FIN, say): counted
	 * in, then through the state machine flag by flag (`second` < 0: none), with
	 * the timer armed once for the state they leave.
	 */
	inPackets(slot: number, first: number, second: number, pkts: number, bytes: number, now: Micros): void {
		this.countIn(slot, pkts, bytes);
		const t = this.table;
		let off = DIR_INPUT;
		if (t.flags[slot]! & CF_NOOUTPUT) off = DIR_INPUT_ONLY;
		this.fresh();
		const old = t.state[slot]!;
		let state = nextTcpState(old, off, first, this.secureTcp);
		if (second >= 0) state = nextTcpState(state, off, second, this.secureTcp);
		if (state !== old) this.moveState(slot, state);
		t.arm(slot, this.timeoutUs[state]!, now);
	}

	/** Enters a new state, moving the connection between InActConn and ActiveConn. */
	private moveState(slot: number, state: number): void {
		const t = this.table;
		const dest = this.destAt(slot);
		const f = t.flags[slot]!;
		if (dest) {
			if (!(f & CF_INACTIVE) && state !== S_ESTABLISHED) {
				dest.activeConns--;
				dest.inactConns++;
				t.flags[slot] = f | CF_INACTIVE;
			} else if (f & CF_INACTIVE && state === S_ESTABLISHED) {
				dest.activeConns++;
				dest.inactConns--;
				t.flags[slot] = f & ~CF_INACTIVE;
			}
		}
		t.state[slot] = state;
		if ((state === S_FIN_WAIT || state === S_TIME_WAIT || state === 7) && this.syncing()) this.syncTo!.changed(this, slot);
	}

	/** Counts packets into the director (ip_vs_in_stats). */
	countIn(slot: number, pkts: number, bytes: number): void {
		const dest = this.destAt(slot);
		const svc = this.serviceAt(slot);
		if (dest) {
			dest.stats.inpkts += pkts;
			dest.stats.inbytes += bytes;
		}
		if (svc) {
			svc.stats.inpkts += pkts;
			svc.stats.inbytes += bytes;
		}
		const totals = this.ipvs.totals;
		totals.inpkts += pkts;
		totals.inbytes += bytes;
		const t = this.table;
		const before = t.inpkts[slot]!;
		const after = before + pkts;
		t.inpkts[slot] = after;
		if (this.syncing()) {
			// sync_threshold 3, sync_period 50: the 3rd packet, then every 50th.
			for (let n = before + 1; n <= after; n++) {
				if (n === 3 || (n > 3 && (n - 3) % 50 === 0)) {
					this.syncTo!.changed(this, slot);
					break;
				}
			}
		}
	}

	/** Counts reply packets through the director (NAT only; DR/TUN replies never pass). */
	countOut(slot: number, pkts: number, bytes: number): void {
		const dest = this.destAt(slot);
		const svc = this.serviceAt(slot);
		if (dest) {
			dest.stats.outpkts += pkts;
			dest.stats.outbytes += bytes;
		}
		if (svc) {
			svc.stats.outpkts += pkts;
			svc.stats.outbytes += bytes;
		}
		const totals = this.ipvs.totals;
		totals.outpkts += pkts;
		totals.outbytes += bytes;
	}

	/**
	 * Whether packets of this entry may go on (ip_vs_in's server status check).
	 * A deleted real server's entries stay until they expire, but their packets
	 * are dropped silently without restarting the timer; with expire_nodest_conn
	 * the entry is expired at once, so the client's next SYN is scheduled anew.
	 */
	destUsable(slot: number, now: Micros): boolean {
		const dest = this.destAt(slot);
		// An unbound entry (made by the sync daemon) has no server to check: its packets go on.
		if (!dest) return true;
		if (dest.available && this.ipvs.services.includes(this.serviceAt(slot)!)) return true;
		this.fresh();
		if (this.nodestExpire) this.table.arm(slot, 0, now);
		return false;
	}

	/**
	 * Whether IPVS looks packets up in the connection table at all: there are
	 * entries (synced ones may come without a service), and on kernels with the
	 * enable switch a service was added once.
	 */
	hasEntries(): boolean {
		return this.table.count > 0 && (!this.ipvs.era.enableSwitch || this.ipvs.enabled);
	}

	/** Small numbers for the (address, port, method) targets of unbound entries (the engine caches paths by them). */
	private readonly targets = new Map<number, number>();

	/** Where an entry's packets go: its real server's index, or for an unbound entry -1 minus its target's number. */
	targetOf(slot: number): number {
		const t = this.table;
		const d = t.dest[slot]!;
		if (d >= 0) return d;
		const key = (t.daddr[slot]! * 65536 + t.dport[slot]!) * 4 + t.fwd[slot]!;
		let id = this.targets.get(key);
		if (id === undefined) {
			id = this.targets.size;
			this.targets.set(key, id);
		}
		return -1 - id;
	}

	/** Runs every entry timer due by `now`. */
	runTimers(now: Micros): void {
		this.table.runTimers(now, (slot) => this.expire(slot, now));
	}

	private expire(slot: number, now: Micros): void {
		const t = this.table;
		if (t.nControl[slot]! > 0) {
			t.arm(slot, TEMPLATE_KEEPALIVE, now);
			return;
		}
		this.free(slot);
	}

	/** Unbinds and frees an entry. */
	free(slot: number): void {
		const t = this.table;
		const ctl = t.control[slot]!;
		if (ctl >= 0) t.nControl[ctl] = Math.max(0, t.nControl[ctl]! - 1);
		const dest = this.destAt(slot);
		if (dest) {
			if (t.flags[slot]! & CF_TEMPLATE) dest.persistConns--;
			else if (t.flags[slot]! & CF_INACTIVE) dest.inactConns--;
			else dest.activeConns--;
			if (dest.lThreshold !== 0) {
				if (dest.activeConns + dest.inactConns < dest.lThreshold) dest.overloaded = false;
			} else if (dest.uThreshold !== 0) {
				if ((dest.activeConns + dest.inactConns) * 4 < dest.uThreshold * 3) dest.overloaded = false;
			} else dest.overloaded = false;
			if (!dest.available && dest.activeConns + dest.inactConns + dest.persistConns === 0) this.purgeFromTrash(dest);
		}
		if (t.flags[slot]! & CF_TEMPLATE) this.detachTemplate(slot);
		t.remove(slot);
	}

	private purgeFromTrash(dest: Dest): void {
		for (const svc of this.ipvs.services) {
			const i = svc.trash.indexOf(dest);
			if (i >= 0) svc.trash.splice(i, 1);
		}
	}

	/** Time of the next entry timer (Infinity when none). */
	nextDue(): number {
		return this.table.nextDue();
	}

	/** The controlling template of an entry, if any (the master syncs it too). */
	templateOf(slot: number): number {
		return this.table.control[slot]!;
	}

	// ---- listing, estimator, power --------------------------------------------

	/** Entries as `ipvsadm -L -n -c` and /proc/net/ip_vs_conn list them. */
	*entries(): Generator<ConnEntry> {
		const t = this.table;
		for (const s of t.slots()) {
			const template = (t.flags[s]! & CF_TEMPLATE) !== 0;
			const p = t.proto[s]!;
			const state = t.state[s]!;
			yield {
				protocol: p === P_IP ? 'ip' : p === P_UDP ? 'udp' : p === P_SCTP ? 'sctp' : 'tcp',
				caddr: t.caddr[s]!,
				cport: t.cport[s]!,
				vaddr: t.vaddr[s]!,
				vport: t.vport[s]!,
				daddr: t.daddr[s]!,
				dport: t.dport[s]!,
				state: template ? (p === P_UDP && this.oldKernel ? 'UDP' : 'NONE') : STATE_NAMES[state]!,
				expires: t.expires[s]!,
				template,
			};
		}
	}

	/** Protocol name of an entry as the listing prints it. */
	protoName(slot: number): string {
		return PROTO_NAMES[this.table.proto[slot]!]!;
	}

	private estimate(): void {
		this.tickOne(this.ipvs, this.ipvs.totals, this.ipvs.totalRates);
		for (const svc of this.ipvs.services) {
			this.tickOne(svc, svc.stats, svc.rates);
			for (const d of svc.dests) this.tickOne(d, d.stats, d.rates);
		}
	}

	private tickOne(key: object, stats: Service['stats'], rates: Service['rates']): void {
		let e = this.estimators.get(key);
		if (!e) {
			// As ip_vs_start_estimator when the service or real server is added: from zero.
			e = new Estimator();
			this.estimators.set(key, e);
		}
		e.tick(stats, rates);
	}

	/** Power off: the kernel's table and every counter that lived in memory are gone. */
	onPowerOff(): void {
		this.table.clear();
		this.templates.clear();
		this.lastDecision = undefined;
		for (const svc of this.ipvs.services) {
			for (const d of [...svc.dests, ...svc.trash]) {
				d.activeConns = d.inactConns = d.persistConns = 0;
				d.overloaded = false;
			}
		}
	}
}
