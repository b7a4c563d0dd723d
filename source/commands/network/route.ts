import type {Host, Route} from '../../sim/host';
import {formatIp, maskToPrefix, networkOf, parseIp, prefixToMask} from '../../sim/net/ipv4';
import {addRoute, connectedDevice, deleteRoute, routesInKernelOrder} from '../../sim/net/netconfig';
import {userlandEra} from '../../sim/net/userland-era';
import type {CommandContext, CommandSpec} from '../context';

/** Names from the host's /etc/hosts, for route and arp without -n. */
export function hostNames(host: Host): Map<number, string> {
	const map = new Map<number, string>();
	for (const line of (host.fs.tryRead('/etc/hosts') ?? '').split('\n')) {
		const [addr, name] = line.replace(/#.*/, '').trim().split(/\s+/);
		const ip = addr ? parseIp(addr) : undefined;
		if (ip !== undefined && name && !map.has(ip)) map.set(ip, name);
	}
	return map;
}

/** Network names from /etc/networks (`localnet 192.168.0.0`). */
function networkNames(host: Host): Map<number, string> {
	const map = new Map<number, string>();
	for (const line of (host.fs.tryRead('/etc/networks') ?? '').split('\n')) {
		const [name, addr] = line.replace(/#.*/, '').trim().split(/\s+/);
		const ip = addr ? parseIp(addr.split('.').length < 4 ? (addr + '.0.0.0').split('.').slice(0, 4).join('.') : addr) : undefined;
		if (ip !== undefined && name && !map.has(ip)) map.set(ip, name);
	}
	return map;
}

const E_SOCK = 7;
const E_USAGE = 4;

const USAGE = `Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables
       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.

       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.
       route {-V|--version}                  Display version/author and exit.
`;

function table(ctx: CommandContext, numeric: boolean): string {
	const host = ctx.host;
	const old = userlandEra(host.kernel) === 'sarge';
	const names = numeric ? new Map<number, string>() : hostNames(host);
	const nets = numeric ? new Map<number, string>() : networkNames(host);
	let out = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
	for (const r of routesInKernelOrder(host)) {
		const dest = !numeric && r.prefix === 0 ? 'default' : ((r.prefix === 32 ? names.get(r.dest) : nets.get(r.dest)) ?? formatIp(r.dest));
		const gw = r.via === undefined ? (numeric ? '0.0.0.0' : old ? '*' : '0.0.0.0') : (names.get(r.via) ?? formatIp(r.via));
		let flags = 'U';
		if (r.via !== undefined) flags += 'G';
		if (r.prefix === 32) flags += 'H';
		out += `${dest.slice(0, 15).padEnd(15)} ${gw.slice(0, 15).padEnd(15)} ${formatIp(prefixToMask(r.prefix)).padEnd(15)} ${flags.padEnd(5)} ${'0'.padEnd(6)} ${'0'.padEnd(6)} ${'0'.padStart(3)} ${r.dev}\n`;
	}
	return out;
}

/** net-tools route: -n table, add/del -net/-host/default with netmask, gw, dev. */
export const route: CommandSpec = {
	name: 'route',
	paths: ['/sbin/route'],
	group: 'network',
	summary: {en: 'routing table the old way: route -n, route add default gw IP', es: 'tabla de rutas al estilo antiguo: route -n, route add default gw IP'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		let numeric = false;
		while (args[0]?.startsWith('-') && !['-net', '-host'].includes(args[0])) {
			const a = args.shift()!;
			if (/^-[nevFC]+$/.test(a)) numeric ||= a.includes('n');
			else if (a === '-A' || a === '--inet') args.shift();
			else {
				ctx.err(`route: invalid option -- '${a.replace(/^-+/, '').slice(0, 1)}'\n${USAGE}`);
				return E_USAGE;
			}
		}
		if (args[0] === 'inet') args.shift();
		const verb = args.shift();
		if (verb === undefined) {
			ctx.out(table(ctx, numeric));
			return 0;
		}
		if (verb !== 'add' && verb !== 'del') {
			ctx.err(USAGE);
			return E_USAGE;
		}
		return modify(ctx, verb, args);
	},
};

function modify(ctx: CommandContext, verb: 'add' | 'del', args: string[]): number {
	const host = ctx.host;
	let kind: 'net' | 'host' | undefined;
	let target: string | undefined;
	let mask: number | undefined;
	let gw: number | undefined;
	let dev: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const v = args[i + 1];
		if (a === '-net' || a === '-host') kind = a === '-net' ? 'net' : 'host';
		else if (a === 'netmask' || a === 'gw' || a === 'dev' || a === 'metric' || a === 'mss' || a === 'window') {
			if (v === undefined) {
				ctx.err(USAGE);
				return E_USAGE;
			}
			i++;
			if (a === 'netmask' || a === 'gw') {
				const ip = parseIp(v);
				if (ip === undefined) {
					ctx.err(`${v}: Unknown host\n`);
					return E_SOCK - 1;
				}
				if (a === 'netmask') mask = ip;
				else gw = ip;
			} else if (a === 'dev') dev = v;
		} else if (target === undefined) target = a;
		else dev = a;
	}
	if (target === undefined) {
		ctx.err(USAGE);
		return E_USAGE;
	}
	let dest: number;
	let prefix: number;
	if (target === 'default') {
		dest = 0;
		prefix = 0;
	} else {
		const ip = parseIp(target);
		if (ip === undefined) {
			ctx.err(`${target}: Unknown host\n`);
			return E_SOCK - 1;
		}
		dest = ip;
		if (mask !== undefined) {
			const p = maskToPrefix(mask);
			if (p === undefined) {
				ctx.err('route: bogus netmask ' + formatIp(mask) + '\n');
				return E_USAGE;
			}
			prefix = p;
			if (networkOf(ip, p) !== ip) {
				ctx.err('route: netmask doesn\'t match route address\n' + USAGE);
				return E_USAGE;
			}
		} else prefix = kind === 'net' ? 24 : 32;
	}
	const op = verb === 'add' ? 'SIOCADDRT' : 'SIOCDELRT';
	if (dev !== undefined && !host.interfaces.has(dev)) {
		ctx.err(`${op}: No such device\n`);
		return E_SOCK;
	}
	if (verb === 'del') {
		if (deleteRoute(host, {dest, prefix, via: gw, dev})) {
			ctx.err('SIOCDELRT: No such process\n');
			return E_SOCK;
		}
		return 0;
	}
	let outDev = dev;
	if (gw !== undefined) {
		const through = connectedDevice(host, gw);
		if (!through) {
			ctx.err('SIOCADDRT: Network is unreachable\n');
			return E_SOCK;
		}
		outDev ??= through;
	}
	if (outDev === undefined) {
		ctx.err('SIOCADDRT: No such device\n');
		return E_SOCK;
	}
	const r: Route = {dest, prefix, via: gw, dev: outDev, proto: 'boot', scope: gw === undefined ? 'link' : undefined};
	if (addRoute(host, r) === 'EEXIST') {
		ctx.err('SIOCADDRT: File exists\n');
		return E_SOCK;
	}
	return 0;
}
