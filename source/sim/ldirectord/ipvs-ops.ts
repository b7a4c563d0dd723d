import type {Host} from '../host';
import type {Ipvs} from '../ipvs/ipvs';
import type {DestConfig, ForwardMethod, IpvsErrno, ServiceConfig, ServiceKey} from '../ipvs/types';
import {parseIp} from '../net/ipv4';
import type {Forward, VirtualConfig} from './config';

/**
 * The ipvsadm invocations ldirectord makes (`-A/-E/-D`, `-a/-e/-d`), applied to
 * the kernel table with ipvsadm's own defaults filled in, and the table read
 * back the way ldirectord parses `ipvsadm -L -n`.
 */

const ERRNO_TEXT: Record<string, string> = {
	EEXIST: 'File exists',
	ENOENT: 'No such file or directory',
	ESRCH: 'No such process',
	EINVAL: 'Invalid argument',
	ERANGE: 'Numerical result out of range',
	EPERM: 'Operation not permitted',
	ENOMEM: 'Cannot allocate memory',
	EFAULT: 'Bad address',
};

export function errnoText(e: IpvsErrno): string {
	return ERRNO_TEXT[e] ?? e;
}

export function serviceKey(v: VirtualConfig): ServiceKey {
	return v.protocol === 'fwm'
		? {fwmark: v.fwm!, protocol: 'tcp', addr: 0, port: 0}
		: {fwmark: 0, protocol: v.protocol, addr: parseIp(v.server!)!, port: v.port};
}

/** What `-A/-E -t VIP:port -s sched [-p N [-M mask]]` hands the kernel. */
export function serviceConfig(v: VirtualConfig): ServiceConfig {
	const persistent = v.persistent !== undefined;
	return {
		scheduler: v.scheduler,
		persistent,
		timeout: persistent ? v.persistent! || 360 : 0,
		netmask: persistent && v.netmask ? (parseIp(v.netmask) ?? 0xffffffff) : 0xffffffff,
		onePacket: v.ops,
		schedFlags: 0,
	};
}

export function forwardMethod(f: Forward): ForwardMethod {
	return f === 'masq' ? 'masq' : f === 'ipip' ? 'tunnel' : 'route';
}

/** The ipvsadm flag ldirectord passes for a forwarding method. */
export function forwardFlag(f: Forward): string {
	return f === 'masq' ? '-m' : f === 'ipip' ? '-i' : '-g';
}

export function destConfig(v: VirtualConfig, server: string, port: number, forward: Forward, weight: number): DestConfig {
	const fwd = forwardMethod(forward);
	return {
		addr: parseIp(server)!,
		// ipvsadm forces the service port for DR and tunnelling real servers.
		port: v.protocol !== 'fwm' && fwd !== 'masq' ? v.port : port,
		fwd,
		weight,
		uThreshold: 0,
		lThreshold: 0,
		tunType: 'ipip',
		tunPort: 0,
		tunFlags: 0,
	};
}

/** A real server as ldirectord reads it back from `ipvsadm -L -n`. */
export interface TableReal {
	forward: Forward | undefined;
	weight: number;
}

/** `{"192.168.0.105:80 tcp": {"192.168.0.101:80": {forward, weight}}}` */
export type Table = Map<string, Map<string, TableReal>>;

function fmt(ip: number): string {
	return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

export function readTable(ipvs: Ipvs | undefined): Table {
	const table: Table = new Map();
	if (!ipvs) return table;
	for (const s of ipvs.services) {
		const key = s.fwmark > 0 ? `${s.fwmark} fwm` : `${fmt(s.addr)}:${s.port} ${s.protocol}`;
		const reals = new Map<string, TableReal>();
		for (const d of s.dests) {
			const forward: Forward | undefined = d.fwd === 'route' ? 'gate' : d.fwd === 'masq' ? 'masq' : d.fwd === 'tunnel' ? 'ipip' : undefined;
			reals.set(`${fmt(d.addr)}:${d.port}`, {forward, weight: d.weight});
		}
		table.set(key, reals);
	}
	return table;
}

export function tableKey(v: VirtualConfig): string {
	return v.protocol === 'fwm' ? `${v.fwm} fwm` : `${v.server}:${v.port} ${v.protocol}`;
}

export type OpResult = IpvsErrno | undefined | 'NOIPVS';

/** Applies one change; undefined on success. */
export function apply(host: Host, op: {kind: 'A' | 'E' | 'D'; v: VirtualConfig} | {kind: 'a' | 'e'; v: VirtualConfig; dest: DestConfig} | {kind: 'd'; v: VirtualConfig; server: string; port: number}): OpResult {
	const ipvs = host.ipvs;
	if (!ipvs) return 'NOIPVS';
	const key = serviceKey(op.v);
	switch (op.kind) {
		case 'A':
			return ipvs.addService(key, serviceConfig(op.v));
		case 'E':
			return ipvs.editService(key, serviceConfig(op.v));
		case 'D':
			return ipvs.deleteService(key);
		case 'a':
			return ipvs.addDest(key, op.dest);
		case 'e':
			return ipvs.editDest(key, op.dest);
		case 'd': {
			const addr = parseIp(op.server)!;
			const port = op.v.protocol !== 'fwm' && ipvs.findService(key)?.dests.find((d) => d.addr === addr && d.port === op.port) === undefined ? op.v.port : op.port;
			return ipvs.deleteDest(key, addr, port);
		}
	}
}
