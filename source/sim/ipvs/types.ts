import type {Ip} from '../net/ipv4';

export type Protocol = 'tcp' | 'udp' | 'sctp';

/** IP_VS_CONN_F_MASQ, _LOCALNODE, _TUNNEL, _DROUTE — the "Forward" column. */
export type ForwardMethod = 'masq' | 'local' | 'tunnel' | 'route';

/** errno values the IPVS control interface returns; ipvsadm turns them into messages. */
export type IpvsErrno = 'EEXIST' | 'ENOENT' | 'ESRCH' | 'EINVAL' | 'ERANGE' | 'EPERM' | 'ENOMEM' | 'EFAULT' | 'ENODEV' | 'EAFNOSUPPORT';

/** Packet/byte counters (64-bit in the kernel; JS numbers are exact to 2^53). */
export interface Stats {
	conns: number;
	inpkts: number;
	outpkts: number;
	inbytes: number;
	outbytes: number;
}

/** Rate-estimator output, per second. */
export interface Rates {
	cps: number;
	inpps: number;
	outpps: number;
	inbps: number;
	outbps: number;
}

/** Identifies a virtual service: a fwmark (> 0), or protocol + address + port. */
export interface ServiceKey {
	fwmark: number;
	protocol: Protocol;
	addr: Ip;
	port: number;
}

/** What `-A`/`-E` pass to the kernel (ipvsadm fills in its defaults first). */
export interface ServiceConfig {
	scheduler: string;
	/** Persistence on (IP_VS_SVC_F_PERSISTENT). */
	persistent: boolean;
	/** Persistence timeout in seconds. */
	timeout: number;
	netmask: Ip;
	/** One-packet scheduling (IP_VS_SVC_F_ONEPACKET). */
	onePacket: boolean;
	/** Scheduler flags in canonical order: flag-1..3 (printed by name per scheduler). */
	schedFlags: number;
	/** Persistence engine name (only `sip` exists). */
	pe?: string;
}

export type TunnelType = 'ipip' | 'gue' | 'gre';

/** What `-a`/`-e` pass to the kernel. */
export interface DestConfig {
	addr: Ip;
	port: number;
	fwd: ForwardMethod;
	weight: number;
	uThreshold: number;
	lThreshold: number;
	tunType: TunnelType;
	tunPort: number;
	tunFlags: number;
}

export interface Dest extends DestConfig {
	activeConns: number;
	inactConns: number;
	/** Persistence templates pointing at this destination. */
	persistConns: number;
	/** IP_VS_DEST_F_OVERLOAD. */
	overloaded: boolean;
	/** False once deleted (it then waits in the trash while connections still use it). */
	available: boolean;
	stats: Stats;
	rates: Rates;
	/** Monotonic creation number (diagnostics and stable identity). */
	readonly id: number;
}

export interface Service extends ServiceKey, ServiceConfig {
	/** Destinations in kernel list order: the most recently added first. */
	dests: Dest[];
	/** Deleted destinations still referenced by connections. */
	trash: Dest[];
	stats: Stats;
	rates: Rates;
	/** Scheduler-private state (rr position, wrr weights, sh buckets…). */
	schedState: unknown;
	/** Insertion sequence, used for the kernel's unsorted listing order. */
	readonly seq: number;
}

/**
 * One connection-table entry as ipvsadm -c and /proc/net/ip_vs_conn show it.
 * The data plane owns the table; listings only read these.
 */
export interface ConnEntry {
	/** `ip` for fwmark persistence templates. */
	readonly protocol: Protocol | 'ip';
	readonly caddr: Ip;
	readonly cport: number;
	readonly vaddr: Ip;
	readonly vport: number;
	readonly daddr: Ip;
	readonly dport: number;
	/** Kernel state name: ESTABLISHED, SYN_RECV, FIN_WAIT, TIME_WAIT, CLOSE, NONE, UDP, … */
	readonly state: string;
	/** Absolute virtual time at which the entry expires. */
	readonly expires: number;
	/** A persistence template (client port 0). */
	readonly template: boolean;
	readonly peName?: string;
	readonly peData?: string;
}

export interface Timeouts {
	/** ESTABLISHED, seconds. */
	tcp: number;
	/** FIN_WAIT, seconds. */
	tcpfin: number;
	udp: number;
}

export type SyncState = 'master' | 'backup';

export interface SyncDaemon {
	state: SyncState;
	mcastIfn: string;
	syncid: number;
	maxlen: number;
	group: Ip;
	port: number;
	ttl: number;
	/** Pid of the kernel thread shown by ps (`[ipvs_syncmaster]`). */
	pid: number;
}

/**
 * What `--start-daemon` asks for. Zero (or a missing group) means "kernel default":
 * maxlen from the interface MTU, group 224.0.0.81, port 8848, TTL 1.
 */
export interface SyncDaemonRequest {
	state: SyncState;
	mcastIfn: string;
	syncid: number;
	maxlen: number;
	group?: Ip;
	port: number;
	ttl: number;
}

export function emptyStats(): Stats {
	return {conns: 0, inpkts: 0, outpkts: 0, inbytes: 0, outbytes: 0};
}

export function emptyRates(): Rates {
	return {cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0};
}
