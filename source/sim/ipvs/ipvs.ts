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
	type SyncDaemon,
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

	addService(key: ServiceKey, config: ServiceConfig): Result {
		if (this.findService(key)) return 'EEXIST';
		if (!this.schedulerExists(config.scheduler)) return 'ENOENT';
		if (config.pe !== undefined && config.pe !== 'sip') return 'ENOENT';
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
		const svc = this.findService(key);
		if (!svc) return 'ESRCH';
		if (!this.schedulerExists(config.scheduler)) return 'ENOENT';
		if (config.pe !== undefined && config.pe !== 'sip') return 'ENOENT';
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
		const svc = this.findService(key);
		if (!svc) return 'ESRCH';
		this.services.splice(this.services.indexOf(svc), 1);
		this.hooks.onServiceRemoved?.(svc);
		return undefined;
	}

	flush(): void {
		for (const svc of [...this.services]) this.deleteService(svc);
	}

	/** `-Z`: zero all services' stats, or one service's. */
	zero(key?: ServiceKey): Result {
		const targets = key ? [this.findService(key)] : this.services;
		if (targets[0] === undefined && key) return 'ESRCH';
		for (const svc of targets as Service[]) {
			svc.stats = emptyStats();
			svc.rates = emptyRates();
			for (const d of svc.dests) {
				d.stats = emptyStats();
				d.rates = emptyRates();
			}
		}
		return undefined;
	}

	findDest(svc: Service, addr: Ip, port: number): Dest | undefined {
		return svc.dests.find((d) => d.addr === addr && d.port === port);
	}

	addDest(key: ServiceKey, config: DestConfig): Result {
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

	startDaemon(daemon: Omit<SyncDaemon, 'pid'>, pid: number): Result {
		if (this.daemons.some((d) => d.state === daemon.state)) return 'EEXIST';
		this.daemons.push({...daemon, pid});
		this.daemons.sort((a, b) => (a.state === b.state ? 0 : a.state === 'master' ? -1 : 1));
		return undefined;
	}

	stopDaemon(state: SyncState): Result | SyncDaemon {
		const i = this.daemons.findIndex((d) => d.state === state);
		if (i < 0) return 'ESRCH';
		return this.daemons.splice(i, 1)[0]!;
	}

	/** The kernel accepts a scheduler when its module exists for this kernel. */
	schedulerExists(name: string): boolean {
		return this.era.schedulers.includes(name);
	}

	/** The scheduler implementation a service uses. */
	schedulerFor(name: string): Scheduler | undefined {
		return this.schedulerExists(name) ? this.schedulers(name) : undefined;
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
