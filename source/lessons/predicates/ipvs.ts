import type {Host} from '../../sim/host';
import type {ConnEntry, Dest, Service, ServiceKey} from '../../sim/ipvs/types';
import {parseIp} from '../../sim/net/ipv4';
import type {Goal} from '../schema';
import {compareCount} from './compare';
import type {GoalContext} from './context';

/** `tcp 10.0.0.100:80` / `fwm 1` → the kernel's service key. */
export function parseService(spec: string): ServiceKey | undefined {
	const fwm = /^fwm (\d+)$/.exec(spec);
	if (fwm) return {fwmark: Number(fwm[1]), protocol: 'tcp', addr: 0, port: 0};
	const m = /^(tcp|udp|sctp) ([^:]+):(\d+)$/.exec(spec);
	const addr = m ? parseIp(m[2]!) : undefined;
	if (!m || addr === undefined) return undefined;
	return {fwmark: 0, protocol: m[1] as ServiceKey['protocol'], addr, port: Number(m[3])};
}

export function parseEndpoint(spec: string): {addr: number; port: number} | undefined {
	const [a, p] = spec.split(':');
	const addr = parseIp(a ?? '');
	return addr === undefined || p === undefined ? undefined : {addr, port: Number(p)};
}

const FORWARD: Record<string, Dest['fwd']> = {masq: 'masq', nat: 'masq', route: 'route', dr: 'route', tunnel: 'tunnel', tun: 'tunnel', local: 'local'};

function service(ctx: GoalContext, host: string, spec: string): {host?: Host; svc?: Service} {
	const h = ctx.lab.world.host(host);
	const key = parseService(spec);
	return {host: h, svc: h?.ipvs && key ? h.ipvs.findService(key) : undefined};
}

function dest(svc: Service | undefined, spec: string): Dest | undefined {
	const e = parseEndpoint(spec);
	return svc && e ? svc.dests.find((d) => d.addr === e.addr && d.port === e.port) : undefined;
}

export function ipvsService(args: NonNullable<Goal['ipvs-service']>, ctx: GoalContext): boolean {
	const {svc} = service(ctx, args.host, args.service);
	if (args.exists === false) return svc === undefined;
	if (!svc) return false;
	if (args.scheduler !== undefined && svc.scheduler !== args.scheduler) return false;
	if (args.persistent !== undefined) {
		if (typeof args.persistent === 'boolean' ? svc.persistent !== args.persistent : !svc.persistent || svc.timeout !== args.persistent) return false;
	}
	if (args.dests !== undefined) {
		if (svc.dests.length !== args.dests.length) return false;
		if (!args.dests.every((d) => dest(svc, d) !== undefined)) return false;
	}
	for (const [spec, weight] of Object.entries(args.weights ?? {})) {
		if (dest(svc, spec)?.weight !== weight) return false;
	}
	return true;
}

export function ipvsDest(args: NonNullable<Goal['ipvs-dest']>, ctx: GoalContext): boolean {
	const {svc} = service(ctx, args.host, args.service);
	const d = dest(svc, args.dest);
	if (args.exists === false) return d === undefined;
	if (!d) return false;
	if (args.forward !== undefined && d.fwd !== FORWARD[args.forward]) return false;
	if (args.weight !== undefined && !compareCount(d.weight, args.weight)) return false;
	if (args.active !== undefined && !compareCount(d.activeConns, args.active)) return false;
	if (args.inactive !== undefined && !compareCount(d.inactConns, args.inactive)) return false;
	return true;
}

export function ipvsStats(args: NonNullable<Goal['ipvs-stats']>, ctx: GoalContext): boolean {
	const {svc} = service(ctx, args.host, args.service);
	if (!svc) return false;
	const target = args.dest === undefined ? svc : dest(svc, args.dest);
	if (!target) return false;
	const s = target.stats;
	const checks: Array<[number, number | string | undefined]> = [
		[s.conns, args.conns],
		[s.inpkts, args.inpkts],
		[s.outpkts, args.outpkts],
		[s.inbytes, args.inbytes],
		[s.outbytes, args.outbytes],
	];
	return checks.every(([actual, wanted]) => wanted === undefined || compareCount(actual, wanted));
}

export function connections(args: NonNullable<Goal['connections']>, ctx: GoalContext): boolean {
	const host = ctx.lab.world.host(args.host);
	if (!host?.ipvs) return compareCount(0, args.count);
	const key = args.service === undefined ? undefined : parseService(args.service);
	const d = args.dest === undefined ? undefined : parseEndpoint(args.dest);
	const client = args.client === undefined ? undefined : parseIp(args.client);
	const now = ctx.lab.world.now;
	let n = 0;
	for (const c of host.ipvs.connections()) {
		if (c.expires <= now) continue;
		if (c.template !== (args.template ?? false)) continue;
		if (key && !inService(c, key)) continue;
		if (d && (c.daddr !== d.addr || (c.dport !== d.port && !(c.template && c.dport === 0)))) continue;
		if (client !== undefined && c.caddr !== client) continue;
		if (args.state !== undefined && c.state !== args.state) continue;
		n++;
	}
	return compareCount(n, args.count);
}

/**
 * Whether a connection entry belongs to a service. Entries of fwmark services
 * carry the packet's own address, so only their templates (vaddr 0.0.0.MARK)
 * can be told apart; their ordinary entries always count.
 */
function inService(c: ConnEntry, key: ServiceKey): boolean {
	if (key.fwmark > 0) return !c.template || (c.protocol === 'ip' && c.vaddr === key.fwmark);
	return c.protocol === key.protocol && c.vaddr === key.addr && (c.vport === key.port || (c.template && c.vport === 0));
}
