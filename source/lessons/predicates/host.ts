import {resolvePath} from '../../sim/fs/path';
import {parseCidr, parseIp} from '../../sim/net/ipv4';
import type {CpuScheduler} from '../../sim/cpu/scheduler';
import type {Goal} from '../schema';
import {compareCount} from './compare';
import type {GoalContext} from './context';

export function fileContains(args: NonNullable<Goal['file-contains']>, ctx: GoalContext): boolean {
	const text = ctx.lab.world.host(args.host)?.fs.tryRead(resolvePath('/', args.path));
	if (text === undefined) return false;
	if (args.text !== undefined && !text.includes(args.text)) return false;
	if (args.match !== undefined && !new RegExp(args.match, 'm').test(text)) return false;
	return true;
}

export function fileExists(args: NonNullable<Goal['file-exists']>, ctx: GoalContext): boolean {
	return ctx.lab.world.host(args.host)?.fs.exists(resolvePath('/', args.path)) ?? false;
}

export function sysctl(args: NonNullable<Goal['sysctl']>, ctx: GoalContext): boolean {
	const value = ctx.lab.world.host(args.host)?.sysctl.get(args.key);
	return value !== undefined && value.trim() === String(args.value).trim();
}

export function addressOn(args: NonNullable<Goal['address-on']>, ctx: GoalContext): boolean {
	const host = ctx.lab.world.host(args.host);
	if (!host) return false;
	const cidr = args.address.includes('/') ? parseCidr(args.address) : undefined;
	const ip = cidr?.ip ?? parseIp(args.address);
	return host.addresses.some(
		(a) => a.ip === ip && (cidr === undefined || a.prefix === cidr.prefix) && (args.dev === undefined || a.dev === args.dev) && (args.label === undefined || a.label === args.label),
	);
}

export function route(args: NonNullable<Goal['route']>, ctx: GoalContext): boolean {
	const host = ctx.lab.world.host(args.host);
	if (!host) return false;
	const to = args.to === 'default' ? {ip: 0, prefix: 0} : (parseCidr(args.to) ?? {ip: parseIp(args.to)!, prefix: 32});
	const via = args.via === undefined ? undefined : parseIp(args.via);
	return host.routes.some((r) => r.dest === to.ip && r.prefix === to.prefix && (via === undefined || r.via === via) && (args.dev === undefined || r.dev === args.dev));
}

export function neighbor(args: NonNullable<Goal['neighbor']>, ctx: GoalContext): boolean {
	const world = ctx.lab.world;
	const entry = world.host(args.host)?.neighbors.get(parseIp(args.ip)!);
	if (!entry || entry.state === 'FAILED' || entry.state === 'INCOMPLETE') return false;
	if (args.mac !== undefined && entry.mac !== args.mac) return false;
	if (args.owner !== undefined) {
		const owner = world.host(args.owner);
		if (!owner || ![...owner.interfaces.values()].some((i) => i.mac === entry.mac)) return false;
	}
	return true;
}

export function hostState(args: NonNullable<Goal['host-state']>, ctx: GoalContext): boolean {
	const host = ctx.lab.world.host(args.host);
	if (!host) return false;
	if (args.powered !== undefined && host.powered !== args.powered) return false;
	if (args.plugged !== undefined) {
		const ifaces = [...host.interfaces.values()].filter((i) => (args.iface === undefined ? i.kind === 'ether' : i.name === args.iface));
		if (ifaces.length === 0 || !ifaces.every((i) => i.plugged === args.plugged)) return false;
	}
	return true;
}

export function shellOn(host: string, ctx: GoalContext): boolean {
	return ctx.lab.shell.session.host.name === host;
}

export function processRunning(args: NonNullable<Goal['process-running']>, ctx: GoalContext): boolean {
	const host = ctx.lab.world.host(args.host);
	const re = new RegExp(args.match);
	// Processes of the CPU model know where they execute; any other process runs at home.
	const cpu = host?.daemon<CpuScheduler>('cpu');
	let n = 0;
	if (host?.powered) {
		for (const p of host.processes.list()) {
			if (p.state === 'Z' || !re.test(p.command)) continue;
			if (args.on !== undefined) {
				const task = cpu?.homed.get(p.pid);
				const where = task ? task.node?.name : host.name;
				if (where !== args.on) continue;
			}
			n++;
		}
	}
	return args.count === undefined ? n > 0 : compareCount(n, args.count);
}
