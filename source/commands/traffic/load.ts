import type {Lang} from '../../i18n/lang';
import {formatIp, type Ip} from '../../sim/net/ipv4';
import {formatClock, SEC} from '../../sim/time';
import {loadGenerator, type LoadGenerator} from '../../sim/traffic/load';
import type {World} from '../../sim/world';
import type {CommandContext, CommandSpec} from '../context';
import {clientHost, parseUrl, requestSource} from './client';

const USAGE: Record<Lang, string> = {
	en: 'usage: load start [--rate R] [--hold SECS] [--clients N] [URL]\n       load stop\n       load status\n',
	es: 'uso: load start [--rate R] [--hold SEG] [--clients N] [URL]\n       load stop\n       load status\n',
};

const KIND: Record<string, Record<Lang, string>> = {
	refused: {en: 'refused', es: 'rechazadas'},
	timeout: {en: 'timeout', es: 'tiempo agotado'},
	unreachable: {en: 'unreachable', es: 'inalcanzable'},
	empty: {en: 'empty reply', es: 'respuesta vacía'},
};

/** The first virtual service of any director: where load goes when no URL is given. */
function defaultTarget(world: World): {ip: Ip; port: number} | undefined {
	for (const host of world.hosts.values()) {
		const svc = host.ipvs?.services.find((s) => s.fwmark === 0 && s.protocol === 'tcp');
		if (svc) return {ip: svc.addr, port: svc.port || 80};
	}
	return undefined;
}

function status(gen: LoadGenerator, world: World, lang: Lang): string {
	const es = lang === 'es';
	const spec = gen.spec;
	if (!spec) return es ? 'load: no se ha iniciado ninguna carga (load start)\n' : 'load: no load has been started (load start)\n';
	const c = gen.counters;
	const end = gen.running ? world.now : gen.stoppedAt;
	const secs = Math.floor((end - gen.startedAt) / SEC);
	const addrs = gen.addresses.length === 1 ? formatIp(gen.addresses[0]!) : `${formatIp(gen.addresses[0]!)}…${formatIp(gen.addresses[gen.addresses.length - 1]!)}`;
	const url = `http://${spec.hostHeader}${spec.path}`;
	let out = es
		? `load: ${gen.running ? 'en marcha' : 'parada'} desde ${formatClock(gen.startedAt)} (${secs} s), ${spec.rate} peticiones/s desde ${spec.clients} cliente${spec.clients === 1 ? '' : 's'} (${addrs}), hold ${spec.hold} s, hacia ${url}\n`
		: `load: ${gen.running ? 'running' : 'stopped'} since ${formatClock(gen.startedAt)} (${secs} s), ${spec.rate} requests/s from ${spec.clients} client${spec.clients === 1 ? '' : 's'} (${addrs}), hold ${spec.hold} s, to ${url}\n`;
	let failed = 0;
	const parts: string[] = [];
	for (const [kind, n] of [...c.failed].sort()) {
		failed += n;
		parts.push(`${KIND[kind]?.[lang] ?? kind} ${n}`);
	}
	out += es
		? `  enviadas ${c.sent}  atendidas ${c.served}  fallidas ${failed}${parts.length ? ` (${parts.join(', ')})` : ''}  reseteadas ${c.reset}  en curso ${gen.inFlight}\n`
		: `  sent ${c.sent}  served ${c.served}  failed ${failed}${parts.length ? ` (${parts.join(', ')})` : ''}  reset ${c.reset}  in flight ${gen.inFlight}\n`;
	const h = c.held;
	if (spec.hold > 0 || h.reset > 0) {
		out += es
			? `  conexiones mantenidas: abiertas ${h.open}  cerradas ${h.closed}  reseteadas ${h.reset}\n`
			: `  held connections: open ${h.open}  closed ${h.closed}  reset ${h.reset}\n`;
	}
	if (c.byServer.size) {
		const list = [...c.byServer].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, n]) => `${name} ${n}`);
		out += `  ${es ? 'atendidas por' : 'served by'}: ${list.join(', ')}\n`;
	}
	return out;
}

function start(ctx: CommandContext, args: string[]): number {
	const es = ctx.lang === 'es';
	let rate = 10;
	let hold = 0;
	let clients = 1;
	let url: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
		if (flag === '--rate' || flag === '--hold' || flag === '--clients') {
			const value = inline ?? args[++i];
			const n = value !== undefined && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
			const bad = Number.isNaN(n) || (flag === '--rate' && (n <= 0 || n > 100000)) || (flag === '--clients' && (!Number.isInteger(n) || n < 1 || n > 250)) || (flag === '--hold' && n > 86400);
			if (bad) {
				ctx.err(es ? `load: valor no válido para ${flag}: '${value ?? ''}'\n` : `load: invalid value for ${flag}: '${value ?? ''}'\n`);
				return 2;
			}
			if (flag === '--rate') rate = n;
			else if (flag === '--hold') hold = n;
			else clients = n;
		} else if (a.startsWith('-')) {
			ctx.err((es ? `load: opción desconocida ${a}\n` : `load: unknown option ${a}\n`) + USAGE[ctx.lang]);
			return 2;
		} else if (url === undefined) url = a;
		else {
			ctx.err(USAGE[ctx.lang]);
			return 2;
		}
	}
	let client = clientHost(ctx.world, ctx.host);
	let ip: Ip;
	let port: number;
	let host: string;
	let path = '/';
	if (url !== undefined) {
		const u = parseUrl(url);
		if (!u || 'error' in u) {
			ctx.err(es ? `load: URL no válida: ${url}\n` : `load: bad URL: ${url}\n`);
			return 2;
		}
		const source = requestSource(ctx.world, ctx.host, u.host);
		const r = source.ip;
		client = source.client;
		if (r === undefined) {
			ctx.err(es ? `load: no se puede resolver ${u.host}\n` : `load: cannot resolve ${u.host}\n`);
			return 1;
		}
		ip = r;
		port = u.port;
		host = u.explicitPort && u.port !== 80 ? `${u.host}:${u.port}` : u.host;
		path = u.path;
	} else {
		const t = defaultTarget(ctx.world);
		if (!t) {
			ctx.err(es ? 'load: no hay ningún servicio virtual; indica una URL\n' : 'load: there is no virtual service yet; give a URL\n');
			return 1;
		}
		ip = t.ip;
		port = t.port;
		host = port === 80 ? formatIp(ip) : `${formatIp(ip)}:${port}`;
	}
	const gen = loadGenerator(ctx.world);
	gen.start({client, dst: ip, dport: port, path, hostHeader: host, rate, hold, clients});
	ctx.out(status(gen, ctx.world, ctx.lang));
	return 0;
}

/** `load start|stop|status`: background traffic from the client PC that keeps flowing as time passes. */
export const load: CommandSpec = {
	name: 'load',
	group: 'traffic',
	summary: {en: 'lab: background traffic from the client PC (load start --rate R --hold S --clients N, stop, status)', es: 'lab: tráfico de fondo desde el PC cliente (load start --rate R --hold S --clients N, stop, status)'},
	run(ctx) {
		const [sub, ...args] = ctx.argv.slice(1);
		const gen = loadGenerator(ctx.world);
		switch (sub) {
			case 'start':
				return start(ctx, args);
			case 'stop':
				if (args.length) break;
				if (!gen.stop()) {
					ctx.out(ctx.lang === 'es' ? 'load: no hay carga en marcha\n' : 'load: no load is running\n');
					return 1;
				}
				ctx.out(status(gen, ctx.world, ctx.lang));
				return 0;
			case 'status':
				if (args.length) break;
				ctx.out(status(gen, ctx.world, ctx.lang));
				return 0;
		}
		ctx.err(USAGE[ctx.lang]);
		return 2;
	},
	complete: (_c, words) => (words.length === 1 ? ['start', 'stop', 'status'] : []),
};
