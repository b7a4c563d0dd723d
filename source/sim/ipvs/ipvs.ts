import type {Ip} from '../net/ipv4';
import {isMulticast} from '../net/ipv4';
import type {KernelEra} from './era';
import type {Scheduler} from './schedulers/scheduler';
import {
	type ConnEntry,
	emptyRates,
	emptyStats,
	type Dest,
	type DestConfig,
	type IpvsErrno,
	type Service,
	type ServiceConfig,
	type ServiceKey,
	type Stats,
	type Rates,
	type SyncDaemon,
	type SyncDaemonRequest,
	type SyncState,
	type Timeouts,
} from './types';

/** Connection hash table size: 2^CONFIG_IP_VS_TAB_BITS (12). */
export const CONN_TAB_SIZE = 4096;

export const DEFAULT_TIMEOUTS: Timeouts = {tcp: 900, tcpfin: 120, udp: 300};

/** Host facts the kernel needs: which addresses are local or broadcast. */
export interface IpvsHostView {
	isLocalAddress(ip: Ip): boolean;
	isBroadcastAddress(ip: Ip): boolean;
}

/**
 * What the rest of the host's kernel does for IPVS: look up an interface, run
 * and end the sync daemon's kernel thread. The ipvs feature installs the real ones;
 * these defaults serve an Ipvs built on its own (unit tests).
 */
export interface IpvsKernelHooks {
	/** MTU of a network interface, or undefined when it does not exist. */
	interfaceMtu(name: string): number | undefined;
	/** Starts a kernel thread; returns its pid. */
	spawnThread(name: string): number;
	/** The thread exited. */
	endThread(pid: number): void;
}

/** IP_VS_SVC_TAB_BITS: the service hash tables have 256 buckets. */
const SVC_TAB_MASK = 255;

/** IANA protocol numbers, as the kernel hashes and sorts them. */
export const PROTOCOL_NUMBER = {tcp: 6, udp: 17, sctp: 132} as const;

/** Default multicast group and port of the sync daemons (224.0.0.81:8848). */
export const SYNC_GROUP = 0xe0000051;
export const SYNC_PORT = 8848;

/** IP (20) + UDP (8) headers around a sync message. */
const SYNC_HEADERS = 28;

type Result = IpvsErrno | undefined;

/**
 * One host's IPVS table: the control plane that ipvsadm (and ldirectord
 * through it) drives. The data plane (connections, scheduling of packets)
 * builds on the same Service and Dest objects.
 */
export class Ipvs {
	/** Services in insertion order; listings sort or hash them as the kernel does. */
	readonly services: Service[] = [];
	timeouts: Timeouts = {...DEFAULT_TIMEOUTS};
	readonly daemons: SyncDaemon[] = [];
	/**
	 * The connection table in the kernel's listing order (hash-bucket order).
	 * The data plane installs the real table here; a fresh table is empty.
	 */
	connections: () => Iterable<ConnEntry> = () => [];
	/**
	 * Every packet IPVS handled, across all services (/proc/net/ip_vs_stats). The data
	 * plane adds to these as it adds to the service and destination counters; only
	 * zeroing all services (`ipvsadm -Z`) clears them.
	 */
	totals: Stats = emptyStats();
	totalRates: Rates = emptyRates();
	kernel: IpvsKernelHooks = {interfaceMtu: () => 1500, spawnThread: () => 0, endThread: () => {}};
	private serviceSeq = 0;
	private destSeq = 0;

	constructor(
		readonly era: KernelEra,
		private readonly host: IpvsHostView,
		private readonly schedulers: (name: string) => Scheduler | undefined,
		/** Hook for the data plane: a destination was deleted or a service removed. */
		private readonly hooks: {onDestRemoved?(svc: Service, dest: Dest): void; onServiceRemoved?(svc: Service): void} = {},
	) {}

	findService(key: ServiceKey): Service | undefined {
		return this.services.find((s) =>
			key.fwmark > 0
				? s.fwmark === key.fwmark
				: s.fwmark === 0 && s.protocol === key.protocol && s.addr === key.addr && s.port === key.port,
		);
	}

	/** Kernels before SCTP support refuse any other protocol than TCP and UDP with EFAULT. */
	private protocolFault(key: ServiceKey): Result {
		return key.fwmark === 0 && key.protocol === 'sctp' && !this.era.sctp ? 'EFAULT' : undefined;
	}

	private peMissing(config: ServiceConfig): boolean {
		return config.pe !== undefined && (config.pe !== 'sip' || !this.era.persistenceEngines);
	}

	addService(key: ServiceKey, config: ServiceConfig): Result {
		const fault = this.protocolFault(key);
		if (fault) return fault;
		if (this.findService(key)) return 'EEXIST';
		if (!this.schedulerExists(config.scheduler)) return 'ENOENT';
		if (this.peMissing(config)) return 'ENOENT';
		const svc: Service = {
			...key,
			...config,
			dests: [],
			trash: [],
			stats: emptyStats(),
			rates: emptyRates(),
			schedState: undefined,
			seq: this.serviceSeq++,
		};
		this.schedulerFor(svc.scheduler)?.init?.(svc);
		this.services.push(svc);
		return undefined;
	}

	/** `-E`: replaces every service parameter. */
	editService(key: ServiceKey, config: ServiceConfig): Result {
		const fault = this.protocolFault(key);
		if (fault) return fault;
		const svc = this.findService(key);
		if (!svc) return 'ESRCH';
		if (!this.schedulerExists(config.scheduler)) return 'ENOENT';
		if (this.peMissing(config)) return 'ENOENT';
		const schedChanged = svc.scheduler !== config.scheduler;
		Object.assign(svc, config);
		if (config.pe === undefined) delete svc.pe;
		if (schedChanged) {
			svc.schedState = undefined;
			this.schedulerFor(svc.scheduler)?.init?.(svc);
		}
		return undefined;
	}

	deleteService(key: ServiceKey): Result {
		const fault = this.protocolFault(key);
		if (fault) return fault;
		const svc = this.findService(key);
		if (!svc) return 'ESRCH';
		this.services.splice(this.services.indexOf(svc), 1);
		this.hooks.onServiceRemoved?.(svc);
		return undefined;
	}

	flush(): void {
		for (const svc of [...this.services]) this.deleteService(svc);
	}

	/** `-Z`: zero all services' stats (and the totals), or one service's. */
	zero(key?: ServiceKey): Result {
		if (key) {
			const fault = this.protocolFault(key);
			if (fault) return fault;
		}
		const targets = key ? [this.findService(key)] : this.services;
		if (targets[0] === undefined && key) return 'ESRCH';
		// Counters are cleared in place: the data plane may hold on to these objects.
		if (!key) {
			Object.assign(this.totals, emptyStats());
			Object.assign(this.totalRates, emptyRates());
		}
		for (const svc of targets as Service[]) {
			Object.assign(svc.stats, emptyStats());
			Object.assign(svc.rates, emptyRates());
			for (const d of svc.dests) {
				Object.assign(d.stats, emptyStats());
				Object.assign(d.rates, emptyRates());
			}
		}
		return undefined;
	}

	findDest(svc: Service, addr: Ip, port: number): Dest | undefined {
		return svc.dests.find((d) => d.addr === addr && d.port === port);
	}

	addDest(key: ServiceKey, config: DestConfig): Result {
		const fault = this.protocolFault(key);
		if (fault) return fault;
		const svc = this.findService(key);
		if (!svc) return 'ESRCH';
		const invalid = this.checkDest(config);
		if (invalid) return invalid;
		if (this.findDest(svc, config.addr, config.port)) return 'EEXIST';
		const fwd = this.effectiveForward(config);
		// A deleted destination still referenced by connections is reused, counters and all.
		const trashed = svc.trash.findIndex((d) => d.addr === config.addr && d.port === config.port);
		let dest: Dest;
		if (trashed >= 0) {
			dest = svc.trash.splice(trashed, 1)[0]!;
			Object.assign(dest, config, {fwd, available: true});
		} else {
			dest = {
				...config,
				fwd,
				activeConns: 0,
				inactConns: 0,
				persistConns: 0,
				overloaded: false,
				available: true,
				stats: emptyStats(),
				rates: emptyRates(),
				id: this.destSeq++,
			};
		}
		svc.dests.unshift(dest);
		this.schedulerFor(svc.scheduler)?.update?.(svc, 'add', dest);
		return undefined;
	}

	editDest(key: ServiceKey, config: DestConfig): Result {
		const fault = this.protocolFault(key);
		if (fault) return fault;
		const svc = this.findService(key);
		if (!svc) return 'ESRCH';
		const range = this.checkRanges(config);
		if (range) return range;
		const dest = this.findDest(svc, config.addr, config.port);
		if (!dest) return 'ENOENT';
		const raisedOrCleared = config.uThreshold === 0 || config.uThreshold > dest.uThreshold;
		Object.assign(dest, config, {fwd: this.effectiveForward(config)});
		if (raisedOrCleared) dest.overloaded = false;
		this.schedulerFor(svc.scheduler)?.update?.(svc, 'edit', dest);
		return undefined;
	}

	deleteDest(key: ServiceKey, addr: Ip, port: number): Result {
		const fault = this.protocolFault(key);
		if (fault) return fault;
		const svc = this.findService(key);
		if (!svc) return 'ESRCH';
		const dest = this.findDest(svc, addr, port);
		if (!dest) return 'ENOENT';
		svc.dests.splice(svc.dests.indexOf(dest), 1);
		dest.available = false;
		if (dest.activeConns + dest.inactConns + dest.persistConns > 0) svc.trash.push(dest);
		this.schedulerFor(svc.scheduler)?.update?.(svc, 'del', dest);
		this.hooks.onDestRemoved?.(svc, dest);
		return undefined;
	}

	/** `--set tcp tcpfin udp`: a 0 leaves that value unchanged. */
	setTimeouts(t: Timeouts): Result {
		if (t.tcp) this.timeouts.tcp = t.tcp;
		if (t.tcpfin) this.timeouts.tcpfin = t.tcpfin;
		if (t.udp) this.timeouts.udp = t.udp;
		return undefined;
	}

	/**
	 * `--start-daemon`: one master and one backup thread at most. Modern kernels fill in
	 * the defaults and check the interface first; 2.6 kernels started the thread, which
	 * died at once (leaving nothing running) when the interface did not exist.
	 */
	startDaemon(request: SyncDaemonRequest): Result {
		const running = () => this.daemons.some((d) => d.state === request.state);
		if (!this.era.syncDaemonDetails && running()) return 'EEXIST';
		const mtu = this.kernel.interfaceMtu(request.mcastIfn);
		if (mtu === undefined && this.era.netlink) return 'ENODEV';
		if (running()) return 'EEXIST';
		if (mtu === undefined) return undefined;
		let maxlen = 0;
		let group = 0;
		let port = 0;
		let ttl = 0;
		if (this.era.syncDaemonDetails) {
			// The backup receives whatever the interface carries; the master sends 1500-byte packets.
			const linkMtu = request.state === 'backup' ? Math.min(Math.max(mtu, 1500), 65535) : 1500;
			const minimum = request.state === 'backup' ? 1024 : 1;
			maxlen = request.maxlen ? Math.min(Math.max(request.maxlen, minimum), 65535 - SYNC_HEADERS) : linkMtu - SYNC_HEADERS;
			group = request.group ?? SYNC_GROUP;
			port = request.port || SYNC_PORT;
			ttl = request.ttl || 1;
		}
		const name = request.state === 'master' ? this.era.syncThreadNames.master : this.era.syncThreadNames.backup;
		const pid = this.kernel.spawnThread(name);
		this.daemons.push({state: request.state, mcastIfn: request.mcastIfn, syncid: request.syncid, maxlen, group, port, ttl, pid});
		this.daemons.sort((a, b) => (a.state === b.state ? 0 : a.state === 'master' ? -1 : 1));
		return undefined;
	}

	/** `--stop-daemon`: ends that state's thread. */
	stopDaemon(state: SyncState): Result {
		const i = this.daemons.findIndex((d) => d.state === state);
		if (i < 0) return 'ESRCH';
		const daemon = this.daemons.splice(i, 1)[0]!;
		this.kernel.endThread(daemon.pid);
		return undefined;
	}

	/**
	 * Services in the order the kernel walks its tables: the 256 buckets of the
	 * <protocol, address, port> hash, newest first inside a bucket, then the fwmark
	 * table likewise. This is the `--nosort` and /proc/net/ip_vs order.
	 */
	hashOrder(): Service[] {
		const bucketOf = (svc: Service) =>
			svc.fwmark > 0
				? svc.fwmark & SVC_TAB_MASK
				: (PROTOCOL_NUMBER[svc.protocol] ^ svc.addr ^ (svc.port >>> 8) ^ svc.port) & SVC_TAB_MASK;
		const table = (fwm: boolean) =>
			this.services
				.filter((s) => (s.fwmark > 0) === fwm)
				.sort((a, b) => bucketOf(a) - bucketOf(b) || b.seq - a.seq);
		return [...table(false), ...table(true)];
	}

	/** The host powered off: the kernel forgets every service, daemon and counter. */
	reset(): void {
		for (const svc of [...this.services]) this.deleteService(svc);
		for (const d of [...this.daemons]) this.stopDaemon(d.state);
		this.timeouts = {...DEFAULT_TIMEOUTS};
		Object.assign(this.totals, emptyStats());
		Object.assign(this.totalRates, emptyRates());
	}

	/** The kernel accepts a scheduler when its module exists for this kernel (or `none`, on 4.2+). */
	schedulerExists(name: string): boolean {
		return this.era.schedulers.includes(name) || (name === 'none' && this.era.noScheduler);
	}

	/** The scheduler implementation a service uses; none for `none`. */
	schedulerFor(name: string): Scheduler | undefined {
		return this.era.schedulers.includes(name) ? this.schedulers(name) : undefined;
	}

	private checkRanges(config: DestConfig): Result {
		if (config.weight < 0) return 'ERANGE';
		if (config.lThreshold > config.uThreshold) return 'ERANGE';
		return undefined;
	}

	private checkDest(config: DestConfig): Result {
		const range = this.checkRanges(config);
		if (range) return range;
		if (config.addr === 0 || isMulticast(config.addr) || this.host.isBroadcastAddress(config.addr)) return 'EINVAL';
		return undefined;
	}

	private effectiveForward(config: DestConfig): DestConfig['fwd'] {
		return this.era.localNodeForward && this.host.isLocalAddress(config.addr) ? 'local' : config.fwd;
	}
}
