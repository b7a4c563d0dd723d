import {SEC} from '../time';
import type {Ipvs} from './ipvs';
import {CONN_TAB_SIZE} from './ipvs';
import type {ConnEntry, Dest, ForwardMethod, Service} from './types';

/** `%0NX`: upper-case hex, zero padded (numbers up to 2^53 are exact). */
export function hex(value: number, width: number): string {
	return Math.max(0, Math.trunc(value)).toString(16).toUpperCase().padStart(width, '0');
}

/** `%Ns` / `%-Ns` of printf. */
function right(text: string | number, width: number): string {
	return String(text).padStart(width);
}
function left(text: string | number, width: number): string {
	return String(text).padEnd(width);
}

/** ip_vs_fwd_name(): the Forward column. */
export const FORWARD_NAME: Record<ForwardMethod, string> = {masq: 'Masq', local: 'Local', tunnel: 'Tunnel', route: 'Route'};

/** ip_vs_proto_name(): fwmark templates carry IPPROTO_IP and print as IP. */
export const PROTOCOL_NAME: Record<ConnEntry['protocol'], string> = {tcp: 'TCP', udp: 'UDP', sctp: 'SCTP', ip: 'IP'};

/** /proc/net/ip_vs: the table in hex, services in hash order, destinations in list order. */
export function ipvsProc(ipvs: Ipvs): string {
	const era = ipvs.era;
	let text =
		`IP Virtual Server version ${ipvs.era.ipvsVersion} (size=${CONN_TAB_SIZE})\n` +
		'Prot LocalAddress:Port Scheduler Flags\n' +
		'  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\n';
	for (const svc of ipvs.hashOrder()) {
		text += serviceLine(svc, era.persistenceEngines, era.hz);
		for (const dest of svc.dests) text += destLine(dest);
	}
	return text;
}

function serviceLine(svc: Service, modern: boolean, hz: number): string {
	// Kernels with one-packet scheduling print an extra field (empty or "ops ") after the scheduler.
	const ops = modern ? (svc.onePacket ? 'ops ' : '') : undefined;
	let line: string;
	if (svc.fwmark > 0) line = `FWM  ${hex(svc.fwmark, 8)} ${svc.scheduler} ${ops ?? ''}`;
	else line = `${PROTOCOL_NAME[svc.protocol]}  ${hex(svc.addr, 8)}:${hex(svc.port, 4)} ${svc.scheduler} ${ops === undefined ? '' : ops + ' '}`;
	// The kernel keeps the persistence timeout in clock ticks and prints it that way here.
	if (svc.persistent) line += `persistent ${svc.timeout * hz} ${hex(svc.netmask, 8)}`;
	return line + '\n';
}

function destLine(dest: Dest): string {
	return `  -> ${hex(dest.addr, 8)}:${hex(dest.port, 4)}      ${left(FORWARD_NAME[dest.fwd], 7)} ${left(dest.weight, 6)} ${left(dest.activeConns, 10)} ${left(dest.inactConns, 10)}\n`;
}

/** Whole seconds left before an entry expires, as the kernel prints them (never negative). */
export function secondsLeft(entry: ConnEntry, now: number): number {
	return Math.floor(Math.max(0, entry.expires - now) / SEC);
}

/** /proc/net/ip_vs_conn: one line per connection-table entry, in hash-table order. */
export function ipvsConnProc(ipvs: Ipvs, now: number): string {
	const modern = ipvs.era.persistenceEngines;
	let text = modern
		? 'Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n'
		: 'Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires\n';
	for (const c of ipvs.connections()) {
		const pe = modern && c.peName && c.peData !== undefined ? ` ${c.peName} ${c.peData}` : '';
		text +=
			`${left(PROTOCOL_NAME[c.protocol], 3)} ${hex(c.caddr, 8)} ${hex(c.cport, 4)} ${hex(c.vaddr, 8)} ${hex(c.vport, 4)} ` +
			`${hex(c.daddr, 8)} ${hex(c.dport, 4)} ${left(c.state, 11)} ${right(secondsLeft(c, now), 7)}${pe}\n`;
	}
	return text;
}

/** /proc/net/ip_vs_stats: totals and rates over everything IPVS handled, in hex. */
export function ipvsStatsProc(ipvs: Ipvs): string {
	const t = ipvs.totals;
	const r = ipvs.totalRates;
	const row = (a: number, b: number, c: number, d: number, e: number) => `${right(hex(a, 0), 8)} ${right(hex(b, 0), 8)} ${right(hex(c, 0), 8)} ${right(hex(d, 0), 16)} ${right(hex(e, 0), 16)}\n`;
	return (
		'   Total Incoming Outgoing         Incoming         Outgoing\n' +
		'   Conns  Packets  Packets            Bytes            Bytes\n' +
		row(t.conns, t.inpkts, t.outpkts, t.inbytes, t.outbytes) +
		'\n' +
		' Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s\n' +
		row(r.cps, r.inpps, r.outpps, r.inbps, r.outbps)
	);
}
