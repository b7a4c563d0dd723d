import {CONN_TAB_SIZE} from '../../sim/ipvs/ipvs';
import {FORWARD_NAME} from '../../sim/ipvs/proc';
import type {ForwardMethod} from '../../sim/ipvs/types';
import {type Format, IPPROTO_SCTP, IPPROTO_TCP, IPPROTO_UDP, type ServiceSpec, SVC_ONEPACKET, SVC_PERSISTENT, SVC_SCHED_FLAGS} from './entry';
import {fail, type Io} from './exit';
import {dotted, largenum, left} from './format';
import {type DestEntry, ipvsStrerror, type LibIpvs, type ServiceEntry} from './libipvs';
import type {Netdb, ServiceProtocol} from './netdb';
import {compareDests, compareServices, glibcSort} from './sort';

/** What the listing code reads: output, the kernel and name lookups. */
export interface ListEnv {
	io: Io;
	lib: LibIpvs;
	netdb: Netdb;
	/** IP_VS_VERSION_CODE of the running kernel, e.g. 1.2.1. */
	kernelVersion: string;
}

const PROTOCOL_NAME: Record<number, string> = {[IPPROTO_TCP]: 'TCP', [IPPROTO_UDP]: 'UDP', [IPPROTO_SCTP]: 'SCTP'};
const PROTOCOL_OPTION: Record<number, string> = {[IPPROTO_TCP]: '-t', [IPPROTO_UDP]: '-u', [IPPROTO_SCTP]: '--sctp-service'};
const SERVICE_PROTOCOL: Record<number, ServiceProtocol> = {[IPPROTO_TCP]: 'tcp', [IPPROTO_UDP]: 'udp', [IPPROTO_SCTP]: 'sctp'};

/** fwd_switch(): the forwarding option -S writes; Local saves as -g. */
const FORWARD_SWITCH: Record<ForwardMethod, string> = {masq: '-m', tunnel: '-i', local: '-g', route: '-g'};
const TUNNEL_NAMES = ['ipip', 'gue', 'gre'];
const TUNNEL_FLAGS = ['-c', '+c', 'r+c'];
const TUNNEL_FLAG_OPTIONS = ['--tun-nocsum', '--tun-csum', '--tun-remcsum'];

/**
 * addrport_to_anyname(): `address:port`, with names from /etc/hosts and
 * /etc/services unless -n. The buffer holds 59 characters.
 */
export function addrPortName(netdb: Netdb, addr: number, port: number, protocol: number, numeric: boolean): string {
	let text: string;
	if (numeric) text = `${dotted(addr)}:${port}`;
	else {
		const proto = SERVICE_PROTOCOL[protocol];
		const service = proto ? netdb.serviceByPort(port, proto) : undefined;
		text = `${netdb.hostByAddr(addr) ?? dotted(addr)}:${service ?? port}`;
	}
	return text.slice(0, 59);
}

/** print_title(). */
function title(format: Format): string {
	const head = left('Prot LocalAddress:Port', 33);
	const next = '  -> RemoteAddress:Port\n';
	if (format.stats) return `${head} ${'Conns'.padStart(8)} ${'InPkts'.padStart(8)} ${'OutPkts'.padStart(8)} ${'InBytes'.padStart(8)} ${'OutBytes'.padStart(8)}\n${next}`;
	if (format.rate) return `${head} ${'CPS'.padStart(8)} ${'InPPS'.padStart(8)} ${'OutPPS'.padStart(8)} ${'InBPS'.padStart(8)} ${'OutBPS'.padStart(8)}\n${next}`;
	if (format.thresholds) return `${head} ${left('Uthreshold', 10)} ${left('Lthreshold', 10)} ${left('ActiveConn', 10)} ${left('InActConn', 10)}\n${next}`;
	if (format.persistentConn) return `${head} ${left('Weight', 9)} ${left('PersistConn', 11)} ${left('ActiveConn', 10)} ${left('InActConn', 10)}\n${next}`;
	if (format.tunInfo) return 'Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n';
	if (format.rule) return '';
	return 'Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
}

/** print_sched_flags(): named after the scheduler that reads them. */
function schedFlagNames(se: ServiceEntry): string {
	const bit = (n: number) => (se.flags >> 3) & n;
	const names: string[] = [];
	if (se.scheduler === 'sh' || se.scheduler === 'mh') {
		if (bit(1)) names.push(`${se.scheduler}-fallback`);
		if (bit(2)) names.push(`${se.scheduler}-port`);
	} else {
		if (bit(1)) names.push('flag-1');
		if (bit(2)) names.push('flag-2');
		if (bit(4)) names.push('flag-3');
	}
	return names.join(',');
}

/** fwd_tun_info(): the TunnelInfo column. */
function tunnelInfo(e: DestEntry): string {
	if (e.fwd !== 'tunnel') return 'n/a';
	if (e.tunType === 1) return `gue:${e.tunPort}:${TUNNEL_FLAGS[e.tunFlags] ?? ''}`;
	if (e.tunType === 2) return `gre:${TUNNEL_FLAGS[e.tunFlags] ?? ''}`;
	return e.tunType === 0 ? 'ipip' : 'n/a';
}

/** print_service_entry(): one service and its real servers, in the chosen format. */
function serviceEntry(se: ServiceEntry, format: Format, env: ListEnv): string {
	let name: string;
	if (se.fwmark) {
		if (format.rule) name = se.af === 6 ? `-f ${se.fwmark} -6` : `-f ${se.fwmark}`;
		else name = se.af === 6 ? `FWM  ${se.fwmark} IPv6` : `FWM  ${se.fwmark}`;
	} else {
		const vname = addrPortName(env.netdb, se.addr, se.port, se.protocol, format.numeric);
		if (format.rule) name = `${PROTOCOL_OPTION[se.protocol] ?? '--xxx-service'} ${vname}`;
		else name = `${left(PROTOCOL_NAME[se.protocol] ?? '?', 4)} ${vname}`.slice(0, 33);
	}
	const n = (value: number) => largenum(value, format.exact);
	let text: string;
	if (format.rule) {
		text = `-A ${name} -s ${se.scheduler}`;
		if (se.flags & SVC_PERSISTENT) {
			text += ` -p ${se.timeout}`;
			if (se.netmask >>> 0 !== 0xffffffff) text += ` -M ${dotted(se.netmask)}`;
		}
		if (se.pe) text += ` --pe ${se.pe}`;
		if (se.flags & SVC_ONEPACKET) text += ' -o';
		if (se.flags & SVC_SCHED_FLAGS) text += ` -b ${schedFlagNames(se)}`;
	} else if (format.stats) {
		const s = se.stats;
		text = left(name, 33) + n(s.conns) + n(s.inpkts) + n(s.outpkts) + n(s.inbytes) + n(s.outbytes);
	} else if (format.rate) {
		const r = se.rates;
		text = left(name, 33) + n(r.cps) + n(r.inpps) + n(r.outpps) + n(r.inbps) + n(r.outbps);
	} else {
		text = `${name} ${se.scheduler}`;
		if (se.flags & SVC_SCHED_FLAGS) text += ` (${schedFlagNames(se)})`;
		if (se.flags & SVC_PERSISTENT) {
			text += ` persistent ${se.timeout}`;
			if (se.netmask >>> 0 !== 0xffffffff) text += ` mask ${dotted(se.netmask)}`;
			if (se.pe) text += ` pe ${se.pe}`;
		}
		if (se.flags & SVC_ONEPACKET) text += ' ops';
	}
	text += '\n';
	const dests = format.nosort ? se.dests : glibcSort(se.dests, compareDests);
	for (const e of dests) {
		let dname = addrPortName(env.netdb, e.addr, e.port, se.protocol, format.numeric);
		if (!format.rule) dname = dname.slice(0, 28);
		const count = (value: number) => left(Math.max(0, Math.trunc(value)), 10);
		if (format.rule) {
			const base = `-a ${name} -r ${dname} ${FORWARD_SWITCH[e.fwd]} -w ${e.weight}`;
			if (e.fwd !== 'tunnel') text += base + '\n';
			else if (e.tunType === 2) text += `${base} --tun-type gre ${TUNNEL_FLAG_OPTIONS[e.tunFlags] ?? ''}\n`;
			else if (e.tunType === 1) text += `${base} --tun-type gue --tun-port ${e.tunPort} ${TUNNEL_FLAG_OPTIONS[e.tunFlags] ?? ''}\n`;
			else if (e.tunType === 0) text += `${base} --tun-type ipip\n`;
			else text += base + '\n';
		} else if (format.stats) {
			const s = e.stats;
			text += `  -> ${left(dname, 28)}${n(s.conns)}${n(s.inpkts)}${n(s.outpkts)}${n(s.inbytes)}${n(s.outbytes)}\n`;
		} else if (format.rate) {
			const r = e.rates;
			const raw = (value: number) => String(Math.max(0, Math.trunc(value))).padStart(8);
			text += `  -> ${left(dname, 28)} ${raw(r.cps)} ${raw(r.inpps)} ${raw(r.outpps)}${n(r.inbps)}${n(r.outbps)}\n`;
		} else if (format.thresholds) {
			text += `  -> ${left(dname, 28)} ${count(e.uThreshold)} ${count(e.lThreshold)} ${count(e.activeConns)} ${count(e.inactConns)}\n`;
		} else if (format.persistentConn) {
			text += `  -> ${left(dname, 28)} ${left(e.weight, 9)} ${left(e.persistConns, 11)} ${count(e.activeConns)} ${count(e.inactConns)}\n`;
		} else if (format.tunInfo) {
			text += `  -> ${left(dname, 28)} ${left(FORWARD_NAME[e.fwd], 7)} ${left(tunnelInfo(e), 13)} ${left(e.weight, 6)} ${count(e.activeConns)} ${count(e.inactConns)}\n`;
		} else {
			text += `  -> ${left(dname, 28)} ${left(FORWARD_NAME[e.fwd], 7)} ${left(e.weight, 6)} ${count(e.activeConns)} ${count(e.inactConns)}\n`;
		}
	}
	return text;
}

/** list_all(): the version line (not for -S), the titles, then every service. */
export function listAll(format: Format, env: ListEnv): void {
	if (!format.rule) env.io.out(`IP Virtual Server version ${env.kernelVersion} (size=${CONN_TAB_SIZE})\n`);
	const services = env.lib.getServices();
	const ordered = format.nosort ? services : glibcSort(services, compareServices);
	let text = title(format);
	for (const se of ordered) text += serviceEntry(se, format, env);
	env.io.out(text);
}

/** list_service(): `-L -t VIP:port`, without the version line; exit 1 when there is no such service. */
export function listService(svc: ServiceSpec, format: Format, env: ListEnv): void {
	const found = env.lib.getService(svc);
	if (typeof found === 'string') fail(env.io, 1, ipvsStrerror(env.lib.call, found));
	env.io.out(title(format) + serviceEntry(found, format, env));
}
