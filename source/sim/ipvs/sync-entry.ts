import type {Ip} from '../net/ipv4';
import {SEC, type Micros} from '../time';
import {CF_INACTIVE, CF_NOOUTPUT, CF_SYNC, CF_TEMPLATE, FWD_CODES, FWD_MASQ, P_IP, P_SCTP, P_TCP, P_UDP, PROTO_CODES} from './conn-table';
import type {IpvsDataPlane} from './data-plane';
import {S_ESTABLISHED, S_NONE, S_UDP} from './tcp-states';
import type {Dest, Protocol, Service} from './types';

/*
 * Connection entries as the sync daemon carries them: the message a master
 * director sends for an entry, and what a backup director does with one.
 * The bus that moves them (who hears whom, when) is in sync.ts.
 */

/** IP_VS_SYNC_CONN_TIMEOUT: how long a synced entry lives without news when the message says nothing. */
const SYNC_CONN_TIMEOUT: Micros = 180 * SEC;
/** A synced entry's packet count starts at sync_threshold, so the new master does not resend it at once. */
const SYNC_THRESHOLD = 3;

/** One entry as the sync protocol carries it. */
export interface SyncEntry {
	readonly protocol: Protocol;
	readonly fwmark: number;
	readonly caddr: Ip;
	readonly cport: number;
	readonly vaddr: Ip;
	readonly vport: number;
	readonly daddr: Ip;
	readonly dport: number;
	readonly state: number;
	readonly template: boolean;
	/** Forwarding method code (FWD_*), from the entry's flags. */
	readonly fwd: number;
	/** Version 1 messages: the entry's timeout in seconds; undefined in version 0. */
	readonly timeout?: number;
}

/** The sync message fields for an entry (master side), in this kernel's message version. */
export function syncMessage(plane: IpvsDataPlane, slot: number): SyncEntry | undefined {
	const t = plane.table;
	if (!t.flags[slot]) return undefined;
	const svc = plane.serviceAt(slot);
	const p = t.proto[slot]!;
	const template = (t.flags[slot]! & CF_TEMPLATE) !== 0;
	const v1 = plane.ipvs.era.syncV1 && (!plane.host.sysctl.has('net.ipv4.vs.sync_version') || plane.host.sysctlNumber('net.ipv4.vs.sync_version') >= 1);
	return {
		protocol: p === P_UDP ? 'udp' : p === P_SCTP ? 'sctp' : 'tcp',
		fwmark: p === P_IP ? t.vaddr[slot]! : (svc?.fwmark ?? 0),
		caddr: t.caddr[slot]!,
		cport: t.cport[slot]!,
		vaddr: t.vaddr[slot]!,
		vport: t.vport[slot]!,
		daddr: t.daddr[slot]!,
		dport: t.dport[slot]!,
		state: t.state[slot]!,
		template,
		fwd: t.fwd[slot]!,
		// Version 1 carries cp->timeout: the persistence timeout for a template, the state's for a connection.
		timeout: v1 ? (template ? (svc?.timeout ?? SYNC_CONN_TIMEOUT / SEC) : plane.stateTimeout(t.state[slot]!) / SEC) : undefined,
	};
}

/**
 * Creates or updates an entry from a sync message (backup director), as
 * ip_vs_process_message / ip_vs_proc_conn do in this kernel's era:
 * - a new entry is bound to this director's real server with the same address
 *   and port when the service and server exist (2.6.24+); otherwise, and always
 *   on older kernels, it stays unbound: no ActiveConn/InActConn anywhere, and its
 *   packets go to the message's destination by the message's forwarding method;
 * - an unbound entry follows the master's state and forwarding method, and is
 *   bound by a later message once the real server exists (2.6.24+);
 * - a bound entry moves to the synced state with its counters (2.6.24+); older
 *   kernels leave its state alone;
 * - the timer: the message's own timeout (version 1), the state's timeout
 *   (2.6.24+, 3 minutes for templates), or 3 minutes for everything (older).
 */
export function applySyncEntry(plane: IpvsDataPlane, m: SyncEntry, now: Micros): void {
	const era = plane.ipvs.era;
	// Version 0 receivers cannot read version 1 messages and drop them.
	if (m.timeout !== undefined && !era.syncV1) return;
	const t = plane.table;
	const template = m.template;
	let slot = template ? findTemplate(plane, m) : plane.findIn(m.protocol, m.caddr, m.cport, m.vaddr, m.vport);
	let followState = true;
	if (slot < 0) {
		const found = era.syncBind ? syncDest(plane, m) : undefined;
		slot = found ? syncBound(plane, m, found.svc, found.dest, now) : syncUnbound(plane, m);
	} else if (!plane.destAt(slot)) {
		// An entry the sync made: it follows the master's forwarding method.
		setForward(plane, slot, m.fwd);
		if (era.syncBind) {
			const found = syncDest(plane, m);
			if (found) bindLater(plane, slot, found.svc, found.dest, m.state);
		}
	} else if (!era.syncBind) followState = false;
	t.inpkts[slot] = SYNC_THRESHOLD;
	if (!template && followState) syncState(plane, slot, m.state);
	let timeout: Micros;
	if (m.timeout !== undefined && m.timeout > 0) timeout = m.timeout * SEC;
	else if (template || !era.syncBind) timeout = SYNC_CONN_TIMEOUT;
	else timeout = plane.stateTimeout(m.state);
	t.arm(slot, timeout, now);
}

/** The local service and real server a synced entry belongs to (ip_vs_find_dest). */
function syncDest(plane: IpvsDataPlane, m: SyncEntry): {svc: Service; dest: Dest} | undefined {
	const svc = plane.ipvs.services.find((s) => (m.fwmark ? s.fwmark === m.fwmark : s.fwmark === 0 && s.protocol === m.protocol && s.addr === m.vaddr && (s.port === m.vport || s.port === 0)));
	const dest = svc?.dests.find((d) => d.addr === m.daddr && (d.port === m.dport || d.port === 0));
	return svc && dest ? {svc, dest} : undefined;
}

/** A new synced entry bound to a local real server. */
function syncBound(plane: IpvsDataPlane, m: SyncEntry, svc: Service, dest: Dest, now: Micros): number {
	const t = plane.table;
	if (!m.template) return plane.bind(svc, dest, m.protocol, m.caddr, m.cport, m.vaddr, m.vport, CF_SYNC, now);
	const slot = addTemplate(plane, m, FWD_CODES[dest.fwd]);
	t.svc[slot] = plane.serviceId(svc);
	t.dest[slot] = plane.destId(dest);
	dest.persistConns++;
	plane.checkOverload(dest);
	return slot;
}

/** A new synced entry with no real server behind it (ip_vs_conn_new with a NULL dest). */
function syncUnbound(plane: IpvsDataPlane, m: SyncEntry): number {
	if (m.template) return addTemplate(plane, m, m.fwd);
	const t = plane.table;
	const pcode = PROTO_CODES[m.protocol];
	const slot = t.add(pcode, m.caddr, m.cport, m.vaddr, m.vport, m.daddr, m.dport, CF_INACTIVE | CF_SYNC | (m.fwd === FWD_MASQ ? 0 : CF_NOOUTPUT), m.fwd);
	t.state[slot] = pcode === P_UDP ? S_UDP : S_NONE;
	return slot;
}

function addTemplate(plane: IpvsDataPlane, m: SyncEntry, fwd: number): number {
	const pcode = m.fwmark ? P_IP : PROTO_CODES[m.protocol];
	const slot = plane.table.add(pcode, m.caddr, 0, m.fwmark || m.vaddr, m.vport, m.daddr, m.dport, CF_TEMPLATE | CF_INACTIVE | CF_SYNC, fwd);
	plane.templates.add(m.caddr, slot);
	return slot;
}

function setForward(plane: IpvsDataPlane, slot: number, fwd: number): void {
	const t = plane.table;
	t.fwd[slot] = fwd;
	t.flags[slot] = fwd === FWD_MASQ ? t.flags[slot]! & ~CF_NOOUTPUT : t.flags[slot]! | CF_NOOUTPUT;
}

/**
 * ip_vs_try_bind_dest: an unbound synced entry gets the real server, which counts
 * it from now on (ActiveConn if established, InActConn otherwise, PersistConn for a
 * template); the entry takes the real server's forwarding method.
 */
function bindLater(plane: IpvsDataPlane, slot: number, svc: Service, dest: Dest, state: number): void {
	const t = plane.table;
	t.svc[slot] = plane.serviceId(svc);
	t.dest[slot] = plane.destId(dest);
	setForward(plane, slot, FWD_CODES[dest.fwd]);
	const f = t.flags[slot]!;
	if (f & CF_TEMPLATE) dest.persistConns++;
	else if (t.proto[slot] === P_TCP && state === S_ESTABLISHED) {
		t.flags[slot] = f & ~CF_INACTIVE;
		dest.activeConns++;
	} else {
		t.flags[slot] = f | CF_INACTIVE;
		dest.inactConns++;
	}
	t.state[slot] = state;
	plane.checkOverload(dest);
}

/** Moves a synced entry to the master's state, with the counters following it when it is bound. */
function syncState(plane: IpvsDataPlane, slot: number, state: number): void {
	const t = plane.table;
	const dest = plane.destAt(slot);
	const f = t.flags[slot]!;
	if (dest && state !== t.state[slot]) {
		if (!(f & CF_INACTIVE) && state !== S_ESTABLISHED) {
			dest.activeConns--;
			dest.inactConns++;
			t.flags[slot] = f | CF_INACTIVE;
		} else if (f & CF_INACTIVE && state === S_ESTABLISHED && t.proto[slot] === P_TCP) {
			dest.activeConns++;
			dest.inactConns--;
			t.flags[slot] = f & ~CF_INACTIVE;
		}
	}
	t.state[slot] = state;
}

function findTemplate(plane: IpvsDataPlane, m: SyncEntry): number {
	const t = plane.table;
	const pcode = m.fwmark ? P_IP : PROTO_CODES[m.protocol];
	for (const s of plane.templates.of(m.caddr)) {
		if (t.proto[s] === pcode && t.vaddr[s] === (m.fwmark || m.vaddr) && t.vport[s] === m.vport) return s;
	}
	return -1;
}
