import type {Ipvs} from '../../sim/ipvs/ipvs';
import type {DestConfig, ForwardMethod, IpvsErrno, Protocol, Rates, Service, ServiceConfig, ServiceKey, Stats, TunnelType} from '../../sim/ipvs/types';
import {type DaemonSpec, type DestSpec, type Family, IPPROTO_SCTP, IPPROTO_TCP, IPPROTO_UDP, type ServiceSpec, SVC_ONEPACKET, SVC_PERSISTENT} from './entry';

/** The libipvs calls whose failures ipvs_strerror() words differently. */
export type LibCall =
	| 'add_service'
	| 'update_service'
	| 'del_service'
	| 'zero_service'
	| 'add_dest'
	| 'update_dest'
	| 'del_dest'
	| 'set_timeout'
	| 'start_daemon'
	| 'stop_daemon'
	| 'flush'
	| 'get_services'
	| 'get_dests'
	| 'get_service';

type Errno = IpvsErrno | 'ENOPROTOOPT' | 'EOPNOTSUPP' | 'EMSGSIZE';

/** ipvs_strerror(): messages that depend on the call, then general ones, then strerror(). */
const MESSAGES: ReadonlyArray<readonly [LibCall | null, Errno, string]> = [
	['add_service', 'EEXIST', 'Service already exists'],
	['add_service', 'ENOENT', 'Scheduler or persistence engine not found'],
	['update_service', 'ESRCH', 'No such service'],
	['update_service', 'ENOENT', 'Scheduler or persistence engine not found'],
	['del_service', 'ESRCH', 'No such service'],
	['zero_service', 'ESRCH', 'No such service'],
	['add_dest', 'ESRCH', 'Service not defined'],
	['add_dest', 'EEXIST', 'Destination already exists'],
	['update_dest', 'ESRCH', 'Service not defined'],
	['update_dest', 'ENOENT', 'No such destination'],
	['del_dest', 'ESRCH', 'Service not defined'],
	['del_dest', 'ENOENT', 'No such destination'],
	['start_daemon', 'EEXIST', 'Daemon has already run'],
	['stop_daemon', 'ESRCH', 'No daemon is running'],
	['get_services', 'ESRCH', 'No such service'],
	['get_dests', 'ESRCH', 'No such service'],
	['get_service', 'ESRCH', 'No such service'],
	[null, 'EPERM', 'Permission denied (you must be root)'],
	[null, 'EINVAL', 'Invalid operation.  Possibly wrong module version, address not unicast, ...'],
	[null, 'ENOPROTOOPT', 'Protocol not available'],
	[null, 'ENOMEM', 'Memory allocation problem'],
	[null, 'EOPNOTSUPP', 'Operation not supported with IPv6'],
	[null, 'EAFNOSUPPORT', 'Operation not supported with specified address family'],
	[null, 'EMSGSIZE', 'Module is wrong version'],
];

/** glibc's strerror() for the errno values the kernel side can return. */
const STRERROR: Record<Errno, string> = {
	EEXIST: 'File exists',
	ENOENT: 'No such file or directory',
	ESRCH: 'No such process',
	EINVAL: 'Invalid argument',
	ERANGE: 'Numerical result out of range',
	EPERM: 'Operation not permitted',
	ENOMEM: 'Cannot allocate memory',
	EFAULT: 'Bad address',
	ENODEV: 'No such device',
	EAFNOSUPPORT: 'Address family not supported by protocol',
	ENOPROTOOPT: 'Protocol not available',
	EOPNOTSUPP: 'Operation not supported',
	EMSGSIZE: 'Message too long',
};

export function ipvsStrerror(call: LibCall, errno: Errno): string {
	const match = MESSAGES.find(([c, e]) => (c === null || c === call) && e === errno);
	return match ? match[2] : STRERROR[errno];
}

/** A real server as the kernel reports it to ipvsadm (ipvs_dest_entry_t). */
export interface DestEntry {
	af: Family;
	addr: number;
	port: number;
	fwd: ForwardMethod;
	weight: number;
	uThreshold: number;
	lThreshold: number;
	activeConns: number;
	inactConns: number;
	persistConns: number;
	stats: Stats;
	rates: Rates;
	tunType: number;
	tunPort: number;
	tunFlags: number;
}

/** A virtual service as the kernel reports it (ipvs_service_entry_t). */
export interface ServiceEntry {
	af: Family;
	fwmark: number;
	protocol: number;
	addr: number;
	port: number;
	scheduler: string;
	flags: number;
	timeout: number;
	netmask: number;
	pe: string;
	stats: Stats;
	rates: Rates;
	/** In kernel list order: newest first. */
	dests: DestEntry[];
}

const PROTOCOL_OF: Record<number, Protocol | undefined> = {[IPPROTO_TCP]: 'tcp', [IPPROTO_UDP]: 'udp', [IPPROTO_SCTP]: 'sctp'};
const NUMBER_OF: Record<Protocol, number> = {tcp: IPPROTO_TCP, udp: IPPROTO_UDP, sctp: IPPROTO_SCTP};
const TUNNEL_TYPES: readonly TunnelType[] = ['ipip', 'gue', 'gre'];

/**
 * libipvs: turns ipvsadm's requests into calls on the host's IPVS table, the way
 * the kernel interface of that host's era takes them (generic netlink on modern
 * kernels, socket options on 2.6 ones), and reports errno values.
 */
export class LibIpvs {
	/** Which call failed last (ipvs_func), for the wording of its error. */
	call: LibCall = 'get_services';

	constructor(private readonly ipvs: Ipvs) {}

	private get netlink(): boolean {
		return this.ipvs.era.netlink;
	}

	/** The kernel key of a service, or the errno the library or kernel gives first. */
	private key(svc: ServiceSpec): ServiceKey | Errno {
		// No simulated kernel is built with IPv6 virtual services (CONFIG_IP_VS_IPV6).
		if (svc.af === 6) return 'EAFNOSUPPORT';
		if (svc.fwmark > 0) return {fwmark: svc.fwmark, protocol: 'tcp', addr: 0, port: 0};
		const protocol = PROTOCOL_OF[svc.protocol];
		// The kernel refuses any other protocol with EFAULT.
		if (!protocol) return 'EFAULT';
		return {fwmark: 0, protocol, addr: svc.addr, port: svc.port};
	}

	private config(svc: ServiceSpec): ServiceConfig | Errno {
		// The socket-option interface has no room for a persistence engine.
		if (svc.pe && !this.netlink) return 'EAFNOSUPPORT';
		const config: ServiceConfig = {
			scheduler: svc.scheduler,
			persistent: (svc.flags & SVC_PERSISTENT) !== 0,
			timeout: svc.timeout,
			netmask: svc.netmask >>> 0,
			onePacket: (svc.flags & SVC_ONEPACKET) !== 0,
			schedFlags: (svc.flags >> 3) & 7,
		};
		if (svc.pe) config.pe = svc.pe;
		return config;
	}

	private dest(dest: DestSpec): DestConfig | Errno {
		if (dest.af === 6) return 'EAFNOSUPPORT';
		// Tunnel types travel only over netlink; 2.6 kernels always tunnel with IP-in-IP.
		const tunnels = this.netlink;
		return {
			addr: dest.addr,
			port: dest.port,
			fwd: dest.fwd,
			weight: dest.weight,
			uThreshold: dest.uThreshold,
			lThreshold: dest.lThreshold,
			tunType: tunnels ? (TUNNEL_TYPES[dest.tunType] ?? 'ipip') : 'ipip',
			tunPort: tunnels ? dest.tunPort : 0,
			tunFlags: tunnels ? dest.tunFlags : 0,
		};
	}

	flush(): Errno | undefined {
		this.call = 'flush';
		this.ipvs.flush();
		return undefined;
	}

	addService(svc: ServiceSpec): Errno | undefined {
		this.call = 'add_service';
		const key = this.key(svc);
		if (typeof key === 'string') return key;
		const config = this.config(svc);
		return typeof config === 'string' ? config : this.ipvs.addService(key, config);
	}

	updateService(svc: ServiceSpec): Errno | undefined {
		this.call = 'update_service';
		const key = this.key(svc);
		if (typeof key === 'string') return key;
		const config = this.config(svc);
		return typeof config === 'string' ? config : this.ipvs.editService(key, config);
	}

	delService(svc: ServiceSpec): Errno | undefined {
		this.call = 'del_service';
		const key = this.key(svc);
		return typeof key === 'string' ? key : this.ipvs.deleteService(key);
	}

	/** With no service (all zero) the kernel zeroes every service and the totals. */
	zeroService(svc: ServiceSpec): Errno | undefined {
		this.call = 'zero_service';
		if (svc.af !== 6 && !svc.fwmark && !svc.addr && !svc.port) return this.ipvs.zero();
		const key = this.key(svc);
		return typeof key === 'string' ? key : this.ipvs.zero(key);
	}

	addDest(svc: ServiceSpec, dest: DestSpec): Errno | undefined {
		this.call = 'add_dest';
		const key = this.key(svc);
		if (typeof key === 'string') return key;
		const config = this.dest(dest);
		return typeof config === 'string' ? config : this.ipvs.addDest(key, config);
	}

	updateDest(svc: ServiceSpec, dest: DestSpec): Errno | undefined {
		this.call = 'update_dest';
		const key = this.key(svc);
		if (typeof key === 'string') return key;
		const config = this.dest(dest);
		return typeof config === 'string' ? config : this.ipvs.editDest(key, config);
	}

	delDest(svc: ServiceSpec, dest: DestSpec): Errno | undefined {
		this.call = 'del_dest';
		const key = this.key(svc);
		if (typeof key === 'string') return key;
		if (dest.af === 6) return 'EAFNOSUPPORT';
		return this.ipvs.deleteDest(key, dest.addr, dest.port);
	}

	setTimeout(t: {tcp: number; tcpfin: number; udp: number}): Errno | undefined {
		this.call = 'set_timeout';
		return this.ipvs.setTimeouts(t);
	}

	startDaemon(d: DaemonSpec): Errno | undefined {
		this.call = 'start_daemon';
		// Only 4.3+ kernels know the extra settings; older ones ignore them.
		const details = this.ipvs.era.syncDaemonDetails;
		if (details && d.groupAf === 6) return 'EAFNOSUPPORT';
		return this.ipvs.startDaemon({
			state: d.state!,
			mcastIfn: d.mcastIfn,
			syncid: d.syncid,
			maxlen: details ? d.maxlen : 0,
			group: details && d.groupAf === 4 ? d.group : undefined,
			port: details ? d.port : 0,
			ttl: details ? d.ttl : 0,
		});
	}

	stopDaemon(d: DaemonSpec): Errno | undefined {
		this.call = 'stop_daemon';
		return this.ipvs.stopDaemon(d.state!);
	}

	/** Every service with its real servers, in the kernel's table order. */
	getServices(): ServiceEntry[] {
		this.call = 'get_services';
		return this.ipvs.hashOrder().map((s) => this.entry(s));
	}

	getService(svc: ServiceSpec): ServiceEntry | Errno {
		this.call = 'get_service';
		if (svc.af === 6) return 'EAFNOSUPPORT';
		const protocol = PROTOCOL_OF[svc.protocol];
		const found = svc.fwmark > 0 || protocol ? this.ipvs.findService({fwmark: svc.fwmark, protocol: protocol ?? 'tcp', addr: svc.addr, port: svc.port}) : undefined;
		return found ? this.entry(found) : 'ESRCH';
	}

	get timeouts(): {tcp: number; tcpfin: number; udp: number} {
		return this.ipvs.timeouts;
	}

	get daemons() {
		return this.ipvs.daemons;
	}

	private entry(s: Service): ServiceEntry {
		// Netlink leaves the protocol out of fwmark services; the socket interface reports TCP.
		const protocol = s.fwmark > 0 && this.netlink ? 0 : NUMBER_OF[s.protocol];
		return {
			af: 4,
			fwmark: s.fwmark,
			protocol,
			addr: s.fwmark > 0 ? 0 : s.addr,
			port: s.fwmark > 0 ? 0 : s.port,
			scheduler: s.scheduler,
			flags: (s.persistent ? SVC_PERSISTENT : 0) | (s.onePacket ? SVC_ONEPACKET : 0) | ((s.schedFlags & 7) << 3),
			timeout: s.timeout,
			netmask: s.netmask,
			pe: s.pe ?? '',
			stats: this.counters(s.stats, this.ipvs.era.stats64),
			rates: this.counters(s.rates, this.ipvs.era.stats64),
			dests: s.dests.map((d) => ({
				af: 4,
				addr: d.addr,
				port: d.port,
				fwd: d.fwd,
				weight: d.weight,
				uThreshold: d.uThreshold,
				lThreshold: d.lThreshold,
				activeConns: d.activeConns,
				inactConns: d.inactConns,
				persistConns: d.persistConns,
				// libipvs reads a real server's 64-bit counters with the 32-bit parser: only bytes stay whole.
				stats: this.counters(d.stats, false),
				rates: this.counters(d.rates, false),
				tunType: TUNNEL_TYPES.indexOf(d.tunType),
				tunPort: d.tunPort,
				tunFlags: d.tunFlags,
			})),
		};
	}

	/** Connection and packet counters and rates as ipvsadm receives them: 32-bit unless `wide`. */
	private counters<T extends Stats | Rates>(values: T, wide: boolean): T {
		if (wide) return {...values};
		const copy = {...values} as Record<string, number>;
		for (const [k, v] of Object.entries(copy)) if (!k.includes('bytes')) copy[k] = Math.trunc(v) % 2 ** 32;
		return copy as unknown as T;
	}
}
