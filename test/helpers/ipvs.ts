import type {Lab} from '../../source/lab/lab';
import {formatIp, parseIp} from '../../source/sim/net/ipv4';
import type {Dest, ForwardMethod, Service} from '../../source/sim/ipvs/types';

export interface ServiceOptions {
	director?: string;
	vip?: string;
	port?: number;
	scheduler?: string;
	fwd?: ForwardMethod;
	/** Real servers as `ip` or `ip:weight`, added in this order (the kernel lists the newest first). */
	rips?: string[];
	/** Persistence timeout in seconds. */
	persistent?: number;
	netmask?: string;
}

/** Sets up a virtual service on a director through the IPVS control plane (as ipvsadm -A/-a would). */
export function virtualService(l: Lab, opts: ServiceOptions = {}): Service {
	const ipvs = l.world.host(opts.director ?? 'lvs1')!.ipvs!;
	const key = {fwmark: 0, protocol: 'tcp' as const, addr: parseIp(opts.vip ?? '10.0.0.100')!, port: opts.port ?? 80};
	const err = ipvs.addService(key, {
		scheduler: opts.scheduler ?? 'rr',
		persistent: opts.persistent !== undefined,
		timeout: opts.persistent ?? 300,
		netmask: parseIp(opts.netmask ?? '255.255.255.255')!,
		onePacket: false,
		schedFlags: 0,
	});
	if (err) throw new Error(`addService: ${err}`);
	for (const spec of opts.rips ?? ['10.0.0.11', '10.0.0.12']) addReal(l, key, spec, opts.fwd ?? 'route', opts.director);
	return ipvs.findService(key)!;
}

export function addReal(l: Lab, key: Service | {fwmark: number; protocol: 'tcp'; addr: number; port: number}, spec: string, fwd: ForwardMethod = 'route', director = 'lvs1'): void {
	const ipvs = l.world.host(director)!.ipvs!;
	const [ip, weight = '1'] = spec.split(':');
	const err = ipvs.addDest(
		{fwmark: key.fwmark, protocol: key.protocol, addr: key.addr, port: key.port},
		{addr: parseIp(ip!)!, port: 80, fwd, weight: Number(weight), uThreshold: 0, lThreshold: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0},
	);
	if (err) throw new Error(`addDest ${spec}: ${err}`);
}

/** `ActiveConn/InActConn` per real server in list order, as `rs1 0/3` strings. */
export function counts(l: Lab, director = 'lvs1'): string[] {
	const svc = l.world.host(director)!.ipvs!.services[0]!;
	return svc.dests.map((d: Dest) => `${hostName(l, d.addr)} ${d.activeConns}/${d.inactConns}`);
}

export function hostName(l: Lab, ip: number): string {
	for (const h of l.world.hosts.values()) if (h.primaryIp() === ip) return h.name;
	return formatIp(ip);
}

/** The connection table as `STATE caddr:cport -> daddr expire=SECS` lines. */
export function table(l: Lab, director = 'lvs1'): string[] {
	const ipvs = l.world.host(director)!.ipvs!;
	return [...ipvs.connections()].map((c) => `${c.protocol.toUpperCase()} ${c.state} ${formatIp(c.caddr)}:${c.template ? 0 : 'port'} -> ${hostName(l, c.daddr)}:${c.dport} ${Math.floor((c.expires - l.world.now) / 1e6)}`);
}
