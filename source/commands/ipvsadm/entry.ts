import type {ForwardMethod} from '../../sim/ipvs/types';
import type {Command, OptionName} from './options';

/** Address families as ipvsadm tracks them (0 = not set yet). */
export type Family = 0 | 4 | 6;

/** IPPROTO_* numbers. */
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_SCTP = 132;

/** IP_VS_SVC_F_* service flags. */
export const SVC_PERSISTENT = 0x1;
export const SVC_ONEPACKET = 0x4;
export const SVC_SCHED1 = 0x8;
export const SVC_SCHED2 = 0x10;
export const SVC_SCHED3 = 0x20;
export const SVC_SCHED_FLAGS = SVC_SCHED1 | SVC_SCHED2 | SVC_SCHED3;

/** A virtual service as ipvsadm fills it in from the command line (ipvs_service_t). */
export interface ServiceSpec {
	af: Family;
	protocol: number;
	/** IPv4 address; IPv6 ones are only recognised, never stored. */
	addr: number;
	port: number;
	fwmark: number;
	scheduler: string;
	flags: number;
	timeout: number;
	/** IPv4 mask, or a prefix length for IPv6. */
	netmask: number;
	pe: string;
}

/** A real server as ipvsadm fills it in (ipvs_dest_t). */
export interface DestSpec {
	af: Family;
	addr: number;
	port: number;
	fwd: ForwardMethod;
	weight: number;
	uThreshold: number;
	lThreshold: number;
	/** 0 ipip, 1 gue, 2 gre. */
	tunType: number;
	tunPort: number;
	/** 0 nocsum, 1 csum, 2 remcsum. */
	tunFlags: number;
}

export interface DaemonSpec {
	state?: 'master' | 'backup';
	mcastIfn: string;
	syncid: number;
	maxlen: number;
	/** Address family of --mcast-group (0 = not given). */
	groupAf: Family;
	group: number;
	port: number;
	ttl: number;
}

/** FMT_* listing flags. */
export interface Format {
	numeric: boolean;
	rule: boolean;
	stats: boolean;
	rate: boolean;
	thresholds: boolean;
	persistentConn: boolean;
	nosort: boolean;
	exact: boolean;
	tunInfo: boolean;
}

export function noFormat(): Format {
	return {numeric: false, rule: false, stats: false, rate: false, thresholds: false, persistentConn: false, nosort: false, exact: false, tunInfo: false};
}

/** Everything one command line asks for (struct ipvs_command_entry plus the option mask). */
export interface CommandEntry {
	command?: Command;
	svc: ServiceSpec;
	dest: DestSpec;
	timeouts: {tcp: number; tcpfin: number; udp: number};
	daemon: DaemonSpec;
	options: Set<OptionName>;
	format: Format;
}

/** process_options()'s starting point: weight 1, direct routing, a /32 persistence mask. */
export function freshEntry(): CommandEntry {
	return {
		svc: {af: 0, protocol: 0, addr: 0, port: 0, fwmark: 0, scheduler: '', flags: 0, timeout: 0, netmask: 0xffffffff, pe: ''},
		dest: {af: 0, addr: 0, port: 0, fwd: 'route', weight: 1, uThreshold: 0, lThreshold: 0, tunType: 0, tunPort: 0, tunFlags: 0},
		timeouts: {tcp: 0, tcpfin: 0, udp: 0},
		daemon: {mcastIfn: '', syncid: 0, maxlen: 0, groupAf: 0, group: 0, port: 0, ttl: 0},
		options: new Set(),
		format: noFormat(),
	};
}
