import type {Host, HostRole} from '../sim/host';
import type {Ipvs} from '../sim/ipvs/ipvs';
import type {ConnEntry, ForwardMethod, Service} from '../sim/ipvs/types';
import {formatIp} from '../sim/net/ipv4';
import {SEC, type Micros} from '../sim/time';
import type {EventSource} from '../sim/timeline';
import type {World} from '../sim/world';
import {activeDirector, holdersOf, hostByAddress, hostState, serverKey, serviceLabel, type HostState, virtualIps} from './cluster-view';
import type {RateHistory, Series} from './history';
import {nodeLoads, type NodeLoad, type NodeProbe, NODE_PROBES} from './probes';

/**
 * Immutable pictures of a world for the lab screen. Building one only reads the
 * world; the screen never touches the engine while it renders.
 */

export type {HostState} from './cluster-view';

export interface HostView {
	readonly name: string;
	readonly role: HostRole;
	readonly state: HostState;
	/** The host's own address (first global address on a LAN device). */
	readonly ip?: string;
	/** VIPs this host answers for on the LAN (it holds the address on eth0 or an alias of it). */
	readonly vips: readonly string[];
	/** For directors: active (shows its IPVS table, usually holds the VIP) or standby. */
	readonly director?: 'active' | 'standby';
}

/** A real server as the active director's IPVS table sees it, summed over services. */
export interface ServerView {
	/** Host name, or the address when no host in the scenario owns it. */
	readonly name: string;
	/** Host state, or undefined for an address that is no host of the scenario. */
	readonly state?: HostState;
	/** In at least one service of the active director. */
	readonly inTable: boolean;
	/** Weight (the first service's, as the table lists it). */
	readonly weight: number;
	/** Every destination of it has weight 0: no new connections (ldirectord's quiescent mode). */
	readonly quiesced: boolean;
	readonly forward: readonly ForwardMethod[];
	readonly active: number;
	readonly inactive: number;
	/** Requests per second in the last whole virtual second: answered by its web server where it counts them, else connections sent. */
	readonly rate: number;
	/** Connections per second the director sent it (differs from `rate` when it cannot answer). */
	readonly sent: number;
}

export interface ServiceView {
	readonly label: string;
	readonly scheduler: string;
	readonly persistent: boolean;
	/** Forwarding methods its destinations use (one, or several when mixed). */
	readonly forward: readonly ForwardMethod[];
	readonly dests: number;
}

export interface VipView {
	readonly addr: string;
	/** Hosts that answer for it on the LAN: one normally, none while nobody holds it, two in an ARP conflict. */
	readonly holders: readonly string[];
}

/** One row of `ipvsadm -L -n -c`. */
export interface ConnRow {
	readonly protocol: string;
	/** Seconds left before the entry expires. */
	readonly expires: number;
	readonly state: string;
	readonly client: string;
	readonly virtual: string;
	readonly real: string;
	/** Host name of the real server, when it is a host of the scenario. */
	readonly realHost?: string;
	/** `HOST:PORT` of the client when its address belongs to a host of the scenario. */
	readonly clientHost?: string;
}

export interface ConnTableView {
	/** Director whose table this is. */
	readonly director?: string;
	readonly total: number;
	/** Entries per state, most common first. */
	readonly byState: ReadonlyArray<readonly [string, number]>;
	/** The most recently active entries, newest first. */
	readonly newest: readonly ConnRow[];
}

export interface EventView {
	readonly seq: number;
	readonly at: Micros;
	readonly source: EventSource;
	readonly host?: string;
	/** English sentence; `es` is the Spanish one when the engine gave it (see `eventText`). */
	readonly text: string;
	readonly es?: string;
}

export interface LabSnapshot {
	readonly revision: number;
	readonly now: Micros;
	readonly scenario: {readonly name: string; readonly title: string};
	readonly client?: string;
	/** Every host: directors first, then real servers, openMosix nodes, then the rest. */
	readonly hosts: readonly HostView[];
	readonly vips: readonly VipView[];
	/** Director whose IPVS table is shown (usually the one holding the VIP). */
	readonly director?: string;
	readonly services: readonly ServiceView[];
	readonly servers: readonly ServerView[];
	/** Requests per second over all real servers, last whole second. */
	readonly totalRate: number;
	readonly nodes: readonly NodeLoad[];
	/** Requests per second of each real server over the last minute. */
	readonly rateSeries: readonly Series[];
	/** Load of each openMosix node over the last minute. */
	readonly loadSeries: readonly Series[];
	readonly connections: ConnTableView;
	/** The newest timeline events, oldest first. */
	readonly events: readonly EventView[];
}

export interface SnapshotOptions {
	readonly history?: RateHistory;
	/** Newest connection entries to keep (0 skips reading the table). */
	readonly connectionRows?: number;
	/** Reuse this table instead of reading it again (the screen refreshes it less often). */
	readonly connections?: ConnTableView;
	readonly events?: number;
	readonly probes?: readonly NodeProbe[];
	/**
	 * The previous snapshot: parts that did not change are reused as they were
	 * (the same objects), so the screen redraws only the panels whose data moved.
	 */
	readonly previous?: LabSnapshot;
}

/** `next` when it differs from `before` in content, else `before` itself. */
function keep<T>(before: T | undefined, next: T): T {
	return before !== undefined && sameData(before, next) ? before : next;
}

/** Deep equality for snapshot data (plain objects, arrays, strings, numbers, booleans). */
function sameData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
		return true;
	}
	const ka = Object.keys(a);
	if (ka.length !== Object.keys(b).length) return false;
	for (const k of ka) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
	return true;
}

const ROLE_ORDER: Record<HostRole, number> = {director: 0, realserver: 1, node: 2, client: 3, router: 4};

export function takeSnapshot(world: World, options: SnapshotOptions = {}): LabSnapshot {
	const vipIps = virtualIps(world);
	const director = activeDirector(world, vipIps);
	const vips: VipView[] = vipIps.map((ip) => ({addr: formatIp(ip), holders: holdersOf(world, ip).map((h) => h.name)}));
	const hosts = [...world.hosts.values()]
		.map((h, i) => ({h, i}))
		.sort((a, b) => ROLE_ORDER[a.h.role] - ROLE_ORDER[b.h.role] || a.i - b.i)
		.map(({h}) => hostView(h, vips, director));
	const services = director?.ipvs?.services ?? [];
	const latest = options.history?.latestRates() ?? new Map<string, number>();
	const sent = options.history?.latestSent() ?? new Map<string, number>();
	const servers = serverViews(world, services, latest, sent);
	const before = options.previous;
	const timeline = world.timeline.list();
	const lastEvent = timeline[timeline.length - 1]?.seq;
	// The timeline only grows: the same newest event means the same list.
	const events = before && before.events[before.events.length - 1]?.seq === lastEvent ? before.events : timeline.slice(-(options.events ?? 100));
	return {
		revision: world.revision,
		now: world.now,
		scenario: keep(before?.scenario, {name: world.scenario.name, title: world.scenario.title}),
		client: world.scenario.client,
		hosts: keep(before?.hosts, hosts),
		vips: keep(before?.vips, vips),
		director: director?.name,
		services: keep(before?.services, services.map(serviceView)),
		servers: keep(before?.servers, servers),
		totalRate: servers.reduce((sum, s) => sum + s.rate, 0),
		nodes: keep(before?.nodes, nodeLoads(world, options.probes ?? NODE_PROBES)),
		rateSeries: options.history?.rateSeries() ?? [],
		loadSeries: options.history?.loadSeries() ?? [],
		connections: keep(before?.connections, options.connections ?? connectionTable(world, director, options.connectionRows ?? 20)),
		events,
	};
}

function hostView(host: Host, vips: readonly VipView[], director: Host | undefined): HostView {
	const ip = host.primaryIp();
	return {
		name: host.name,
		role: host.role,
		state: hostState(host),
		ip: ip === undefined ? undefined : formatIp(ip),
		vips: vips.filter((v) => v.holders.includes(host.name)).map((v) => v.addr),
		director: host.role === 'director' ? (host === director ? 'active' : 'standby') : undefined,
	};
}

function serviceView(svc: Service): ServiceView {
	return {
		label: serviceLabel(svc),
		scheduler: svc.scheduler,
		persistent: svc.persistent,
		forward: [...new Set(svc.dests.map((d) => d.fwd))],
		dests: svc.dests.length,
	};
}

function serverViews(world: World, services: readonly Service[], rates: ReadonlyMap<string, number>, sent: ReadonlyMap<string, number>): ServerView[] {
	interface Acc {
		name: string;
		state?: HostState;
		weights: number[];
		forward: Set<ForwardMethod>;
		active: number;
		inactive: number;
	}
	const byName = new Map<string, Acc>();
	const entry = (name: string, host: Host | undefined): Acc => {
		let acc = byName.get(name);
		if (!acc) {
			acc = {name, state: host && hostState(host), weights: [], forward: new Set(), active: 0, inactive: 0};
			byName.set(name, acc);
		}
		return acc;
	};
	// Real servers of the scenario come first, in its order, even before any service lists them.
	for (const host of world.hosts.values()) if (host.role === 'realserver') entry(host.name, host);
	for (const svc of services) {
		for (const dest of svc.dests) {
			const acc = entry(serverKey(world, dest), hostByAddress(world, dest.addr));
			acc.weights.push(dest.weight);
			acc.forward.add(dest.fwd);
			acc.active += dest.activeConns;
			acc.inactive += dest.inactConns;
		}
	}
	return [...byName.values()].map((acc) => ({
		name: acc.name,
		state: acc.state,
		inTable: acc.weights.length > 0,
		weight: acc.weights[0] ?? 0,
		quiesced: acc.weights.length > 0 && acc.weights.every((w) => w === 0),
		forward: [...acc.forward],
		active: acc.active,
		inactive: acc.inactive,
		rate: rates.get(acc.name) ?? 0,
		sent: sent.get(acc.name) ?? 0,
	}));
}

/** Seconds an entry in `state` lives after its last packet (ip_vs_proto_tcp.c defaults, `--set` values). */
function stateTimeout(ipvs: Ipvs, entry: ConnEntry): number {
	if (entry.template) return 360;
	switch (entry.state) {
		case 'ESTABLISHED':
			return ipvs.timeouts.tcp;
		case 'FIN_WAIT':
			return ipvs.timeouts.tcpfin;
		case 'UDP':
			return ipvs.timeouts.udp;
		case 'SYN_RECV':
		case 'CLOSE_WAIT':
			return 60;
		case 'LAST_ACK':
			return 30;
		case 'CLOSE':
			return 10;
		case 'NONE':
			return 2;
		default:
			return 120;
	}
}

/**
 * Reads a director's connection table: counts per state and the `rows` entries
 * that saw a packet most recently (expiry minus the state's timeout). One pass,
 * a bounded insertion list: the table can hold tens of thousands of entries.
 */
export function connectionTable(world: World, director: Host | undefined, rows: number): ConnTableView {
	const ipvs = director?.ipvs;
	if (!ipvs || rows <= 0) return {director: director?.name, total: 0, byState: [], newest: []};
	const counts = new Map<string, number>();
	const best: Array<{entry: ConnEntry; active: number}> = [];
	let total = 0;
	for (const entry of ipvs.connections()) {
		total++;
		counts.set(entry.state, (counts.get(entry.state) ?? 0) + 1);
		const active = entry.expires - stateTimeout(ipvs, entry) * SEC;
		if (best.length === rows && active <= best[rows - 1]!.active) continue;
		let i = best.length;
		while (i > 0 && best[i - 1]!.active < active) i--;
		best.splice(i, 0, {entry, active});
		if (best.length > rows) best.pop();
	}
	return {
		director: director.name,
		total,
		byState: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
		newest: best.map(({entry}) => connRow(world, entry)),
	};
}

function connRow(world: World, e: ConnEntry): ConnRow {
	const real = hostByAddress(world, e.daddr);
	const client = hostByAddress(world, e.caddr);
	return {
		protocol: e.protocol.toUpperCase(),
		expires: Math.max(0, Math.floor((e.expires - world.now) / SEC)),
		state: e.state,
		client: `${formatIp(e.caddr)}:${e.cport}`,
		virtual: `${formatIp(e.vaddr)}:${e.vport}`,
		real: `${formatIp(e.daddr)}:${e.dport}`,
		realHost: real?.name,
		clientHost: client ? `${client.name}:${e.cport}` : undefined,
	};
}
