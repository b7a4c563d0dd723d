import {FileSystem} from './fs/filesystem';
import type {Ipvs} from './ipvs/ipvs';
import type {Ip} from './net/ipv4';
import {ProcessTable} from './process';
import type {Micros} from './time';

export type HostRole = 'director' | 'realserver' | 'client' | 'router' | 'node';

/** A network interface (the device, not its addresses). */
export interface NetInterface {
	readonly name: string;
	readonly index: number;
	readonly kind: 'ether' | 'loopback' | 'ipip';
	readonly mac: string;
	mtu: number;
	/** Administrative state (`ip link set up`, ifup/ifdown). */
	up: boolean;
	/** Whether a cable connects it to a network segment (ether only). */
	plugged: boolean;
	/** Name of the segment (switch, hub or crossover link) the cable goes to. */
	segment?: string;
}

/** One address on a device, as `ip addr` lists it. */
export interface Address {
	ip: Ip;
	prefix: number;
	/** Physical device (`eth0`, `lo`, `tunl0`). */
	dev: string;
	/** Label; an alias such as `eth0:0` or `lo:0`, else the device name. */
	label: string;
	broadcast?: Ip;
	scope: 'global' | 'host' | 'link';
}

export interface Route {
	/** Destination network; 0 with prefix 0 for the default route. */
	dest: Ip;
	prefix: number;
	via?: Ip;
	dev: string;
	src?: Ip;
	proto: 'kernel' | 'static' | 'boot';
	scope?: 'link' | 'host' | 'global';
}

/**
 * A policy routing rule (`ip rule add from 10.0.0.11 table 100`): packets whose
 * source matches use that table before the main one.
 */
export interface PolicyRule {
	from: Ip;
	prefix: number;
	table: number;
	/** Lower runs first (the kernel's local rule is 0, main 32766). */
	priority: number;
}

/** An ARP (neighbour) cache entry, as `ip neigh` shows it. */
export interface Neighbor {
	mac: string;
	dev: string;
	state: 'PERMANENT' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'INCOMPLETE';
	/** Virtual time the entry was last confirmed. */
	updated: Micros;
}

/**
 * Something long-running on a host that a subsystem (heartbeat, ldirectord,
 * apache, the openMosix daemons…) registers under a well-known name.
 */
export interface Daemon {
	readonly name: string;
	/** Called when the host powers off: drop all volatile state, cancel timers. */
	onPowerOff?(): void;
	/** Called when the host boots again (init scripts decide whether to restart). */
	onBoot?(): void;
}

/** Descriptive hardware facts (the thesis lists them per PC). */
export interface Hardware {
	cpu: string;
	mhz: number;
	memoryMb: number;
	cpus: number;
}

export class Host {
	readonly fs: FileSystem;
	readonly processes = new ProcessTable();
	readonly interfaces = new Map<string, NetInterface>();
	addresses: Address[] = [];
	/** The main routing table. */
	routes: Route[] = [];
	/** Policy routing rules besides the kernel's local/main/default ones, by priority. */
	rules: PolicyRule[] = [];
	/** Routing tables other than main, by number (`ip route show table 100`). */
	readonly tables = new Map<number, Route[]>();
	readonly sysctl = new Map<string, string>();
	/** ARP cache: IP address → neighbour entry. */
	readonly neighbors = new Map<Ip, Neighbor>();
	readonly daemons = new Map<string, Daemon>();
	/** Init scripts the host starts when it boots, in order (the scenario's `boot:` list). */
	boot: string[] = [];
	/** Powered on. */
	powered = true;
	/** Time the host last booted (for uptime and log timestamps). */
	bootedAt: Micros = 0;
	/** The kernel's IP Virtual Server table, on hosts whose kernel has ip_vs. */
	ipvs?: Ipvs;
	/** The scenario's per-host feature settings (`hosts.NAME.settings`), validated by each feature. */
	settings: Readonly<Record<string, unknown>> = {};

	constructor(
		readonly name: string,
		readonly role: HostRole,
		readonly hardware: Hardware,
		/** Kernel release shown by `uname -r`; decides era-specific IPVS behaviour. */
		readonly kernel: string,
		now: () => Micros,
	) {
		this.fs = new FileSystem(now);
	}

	daemon<T extends Daemon>(name: string): T | undefined {
		return this.daemons.get(name) as T | undefined;
	}

	/** Addresses on a device (by physical name), primary first as the kernel keeps them. */
	addressesOn(dev: string): Address[] {
		return this.addresses.filter((a) => a.dev === dev);
	}

	hasAddress(ip: Ip): boolean {
		return this.addresses.some((a) => a.ip === ip);
	}

	/** The first global address on the first ethernet interface: the host's "own" IP. */
	primaryIp(): Ip | undefined {
		return this.addresses.find((a) => a.scope === 'global' && a.dev !== 'lo' && a.dev !== 'tunl0')?.ip;
	}

	/** Sysctl value as a number (0 when unset or not numeric). */
	sysctlNumber(key: string): number {
		const n = Number(this.sysctl.get(key) ?? '0');
		return Number.isFinite(n) ? n : 0;
	}

	/** Whether the host can send and receive on the LAN right now. */
	get online(): boolean {
		return this.powered && [...this.interfaces.values()].some((i) => i.kind === 'ether' && i.plugged && i.up);
	}
}
