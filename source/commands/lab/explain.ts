import type {Lang} from '../../i18n/lang';
import type {Host} from '../../sim/host';
import type {Decision} from '../../sim/ipvs/data-plane';
import type {TraceVerdict} from '../../sim/ipvs/schedulers/scheduler';
import type {Dest, ForwardMethod} from '../../sim/ipvs/types';
import {formatIp, type Ip} from '../../sim/net/ipv4';
import type {Hop} from '../../sim/net/path';
import {confMax, lookupRoute, MAIN_TABLE, ruleMatches} from '../../sim/net/routing';
import {formatClock, MSEC} from '../../sim/time';
import {trafficEngine} from '../../sim/traffic/engine';
import type {Flow} from '../../sim/traffic/flow';
import type {World} from '../../sim/world';
import type {CommandSpec} from '../context';

type Text = Record<Lang, string>;

const VERDICT: Record<TraceVerdict, Text> = {
	chosen: {en: 'chosen', es: 'elegido'},
	lost: {en: 'compared, not chosen', es: 'comparado, no elegido'},
	'skipped-weight': {en: 'skipped: weight 0', es: 'saltado: peso 0'},
	'skipped-overloaded': {en: 'skipped: overloaded (above its upper threshold)', es: 'saltado: sobrecargado (sobre su umbral superior)'},
	'skipped-unavailable': {en: 'skipped: deleted (waiting in the trash)', es: 'saltado: borrado (esperando en la papelera)'},
	'not-reached': {en: 'not looked at', es: 'no se miró'},
};

const METHOD: Record<ForwardMethod, Text> = {
	route: {en: 'direct routing (DR): the same IP packet, sent to the real server\'s MAC address', es: 'enrutamiento directo (DR): el mismo paquete IP, enviado a la MAC del servidor real'},
	tunnel: {en: 'IP-in-IP tunnelling (TUN): the packet wrapped in another one addressed to the real server', es: 'túnel IP-en-IP (TUN): el paquete envuelto en otro dirigido al servidor real'},
	masq: {en: 'NAT (masquerading): destination rewritten to the real server, replies come back through the director', es: 'NAT (enmascaramiento): destino reescrito al servidor real, las respuestas vuelven por el director'},
	local: {en: 'local delivery: the director itself serves it', es: 'entrega local: el propio director lo sirve'},
};

function hostOf(world: World, ip: Ip): Host | undefined {
	for (const h of world.hosts.values()) if (h.addresses.some((a) => a.ip === ip && a.dev !== 'lo' && a.dev !== 'tunl0')) return h;
	return undefined;
}

function hops(list: readonly Hop[] | undefined): string {
	if (!list || list.length === 0) return '';
	return [list[0]!.from, ...list.map((h) => h.to)].join(' → ');
}

function destName(world: World, d: Dest): string {
	const h = hostOf(world, d.addr);
	return `${formatIp(d.addr)}:${d.port}${h ? ` (${h.name})` : ''}`;
}

/** Explains one decision and what followed, in the user's language. */
export function explainFlow(world: World, flow: Flow, startedBy: string, lang: Lang): string {
	const es = lang === 'es';
	const lines: string[] = [];
	const target = `${formatIp(flow.dst)}:${flow.dport}`;
	const ago = world.now - flow.start;
	lines.push(
		es
			? `Última conexión: ${startedBy} desde ${flow.client.name} ${formatIp(flow.cip)}:${flow.cport} hacia ${target}, a las ${formatClock(flow.start)} (hace ${fmtMs(ago)}).`
			: `Last connection: ${startedBy} from ${flow.client.name} ${formatIp(flow.cip)}:${flow.cport} to ${target}, at ${formatClock(flow.start)} (${fmtMs(ago)} ago).`,
	);
	const first = flow.info.clientHops;
	const d: Decision | undefined = flow.decision;
	let n = 1;
	const step = (text: string) => lines.push(`${n++}. ${text}`);
	if (first && first.length) {
		const arrived = first[first.length - 1]!.to;
		step(es ? `El SYN del cliente fue: ${hops(first)}.` : `The client's SYN went: ${hops(first)}.`);
		const director = world.host(arrived);
		if (!d && director && director.hasAddress(flow.dst) && !director.ipvs) {
			const entry = flow.client.neighbors.get(first[first.length - 1]!.nextHop);
			const poisoned = director.addresses.find((a) => a.ip === flow.dst);
			step(
				es
					? `${target} llegó directamente a ${director.name}, no a un director: la caché ARP del cliente asocia ${formatIp(flow.dst)} a ${entry?.mac ?? '?'}, la MAC de ${director.name}. ${director.name} tiene ${formatIp(flow.dst)} en ${poisoned?.label ?? '?'} y respondió o anunció esa dirección por ARP (arp_ignore=${confMax(director, 'eth0', 'arp_ignore')}, arp_announce=${confMax(director, 'eth0', 'arp_announce')}): el problema ARP de LVS-DR.`
					: `${target} reached ${director.name} directly, not a director: the client's ARP cache maps ${formatIp(flow.dst)} to ${entry?.mac ?? '?'}, ${director.name}'s MAC. ${director.name} has ${formatIp(flow.dst)} on ${poisoned?.label ?? '?'} and answered or announced it in ARP (arp_ignore=${confMax(director, 'eth0', 'arp_ignore')}, arp_announce=${confMax(director, 'eth0', 'arp_announce')}): the LVS-DR ARP problem.`,
			);
		}
	} else if (flow.failure) {
		step(es ? `El cliente no pudo enviar el SYN: ${flow.failure.detail.es}.` : `The client could not send its SYN: ${flow.failure.detail.en}.`);
	}
	if (d) {
		const svc = d.service;
		const svcName = `${svc.protocol.toUpperCase()} ${formatIp(svc.addr)}:${svc.port}`;
		step(
			es
				? `${d.director} tiene ${formatIp(flow.dst)} y el servicio virtual ${svcName} (planificador ${svc.scheduler}${svc.persistent ? `, persistente ${svc.timeout} s` : ''}).`
				: `${d.director} holds ${formatIp(flow.dst)} and the virtual service ${svcName} (scheduler ${svc.scheduler}${svc.persistent ? `, persistent ${svc.timeout} s` : ''}).`,
		);
		if (d.reused) {
			step(
				es
					? `Ya había una entrada para ${formatIp(flow.cip)}:${flow.cport} en estado ${d.reused.state}; ${d.reused.replaced ? 'el kernel la expiró y planificó de nuevo' : 'el kernel la reutilizó sin preguntar al planificador'}.`
					: `There already was an entry for ${formatIp(flow.cip)}:${flow.cport} in state ${d.reused.state}; ${d.reused.replaced ? 'the kernel expired it and scheduled again' : 'the kernel reused it without asking the scheduler'}.`,
			);
		}
		if (d.reused && !d.reused.replaced) {
			// The SYN found an entry: no scheduling at all.
		} else if (d.template && !d.template.created && d.dest) {
			step(
				es
					? `Persistencia: ya existe una plantilla para ${formatIp(d.template.caddr)} que apunta a ${destName(world, d.dest)}, así que no se preguntó al planificador (aunque su peso sea ${d.dest.weight}); la plantilla vuelve a durar ${svc.timeout} s.`
					: `Persistence: a template for ${formatIp(d.template.caddr)} already points to ${destName(world, d.dest)}, so the scheduler was not asked (whatever its weight, now ${d.dest.weight}); the template gets its full ${svc.timeout} s again.`,
			);
		} else {
			if (d.template?.expiredOld === 'unbound') {
				step(
					es
						? `La plantilla de persistencia anterior llegó por el demonio de sincronización sin servidor real asociado en ${d.director}, así que se descartó.`
						: `The old persistence template came from the sync daemon without a real server of ${d.director} behind it, so it was dropped.`,
				);
			} else if (d.template?.expiredOld) {
				step(
					es
						? `La plantilla de persistencia anterior apuntaba a un servidor ${d.template.expiredOld === 'quiescent' ? 'con peso 0 y expire_quiescent_template=1' : 'borrado'}, así que se descartó.`
						: `The old persistence template pointed to a server that is ${d.template.expiredOld === 'quiescent' ? 'quiesced (weight 0) with expire_quiescent_template=1' : 'deleted'}, so it was dropped.`,
				);
			}
			const tr = d.trace;
			if (tr && tr.steps.length) {
				step(es ? `${d.director} preguntó al planificador ${tr.scheduler}${tr.rule ? ` (regla: ${tr.rule.es})` : ''}. Servidores reales en el orden de la lista (el más nuevo primero):` : `${d.director} asked the ${tr.scheduler} scheduler${tr.rule ? ` (rule: ${tr.rule.en})` : ''}. Real servers in list order (newest first):`);
				const width = Math.max(...tr.steps.map((s) => destName(world, s.dest).length));
				for (const s of tr.steps) {
					lines.push(`     ${destName(world, s.dest).padEnd(width)}  ${es ? 'peso' : 'weight'} ${String(s.dest.weight).padEnd(3)} ${VERDICT[s.verdict][lang]}${s.detail ? ` — ${s.detail[lang]}` : ''}`);
				}
				for (const note of tr.notes) lines.push(`     ${note[lang]}`);
			} else {
				step(es ? `${d.director} preguntó al planificador ${svc.scheduler}. Servidores reales ahora, en el orden de la lista:` : `${d.director} asked the ${svc.scheduler} scheduler. Real servers now, in list order:`);
				for (const dest of svc.dests) {
					lines.push(`     ${destName(world, dest)}  ${es ? 'peso' : 'weight'} ${dest.weight}  ActiveConn ${dest.activeConns}  InActConn ${dest.inactConns}${dest.overloaded ? (es ? '  sobrecargado' : '  overloaded') : ''}`);
				}
			}
		}
		if (d.failure) {
			step(
				es
					? `Ningún servidor real utilizable (${d.failure === 'no-scheduler' ? 'el planificador no está disponible' : 'todos con peso 0, sobrecargados o no hay ninguno'}): el kernel registra "no destination available" y responde con ICMP puerto inalcanzable, que el cliente ve como "Connection refused".`
					: `No usable real server (${d.failure === 'no-scheduler' ? 'the scheduler is not available' : 'all have weight 0, are overloaded, or there are none'}): the kernel logs "no destination available" and answers with ICMP port unreachable, which the client sees as "Connection refused".`,
			);
		} else if (d.dest) {
			const kept = d.reused && !d.reused.replaced;
			step(
				es
					? `${kept ? 'Sigue con' : 'Elegido'} ${destName(world, d.dest)}, reenviado por ${METHOD[d.dest.fwd][lang]}${flow.info.forwardHops?.length ? ` (${hops(flow.info.forwardHops)})` : ''}.`
					: `${kept ? 'It stays with' : 'Chosen'} ${destName(world, d.dest)}, forwarded by ${METHOD[d.dest.fwd][lang]}${flow.info.forwardHops?.length ? ` (${hops(flow.info.forwardHops)})` : ''}.`,
			);
		}
	}
	if (flow.response && !flow.failure) {
		const server = flow.server?.name ?? '?';
		let back = flow.info.replyHops;
		// NAT: the cached reply path ends at the director, which rewrote the source and sent it on.
		if (back?.length && back[back.length - 1]!.to !== flow.client.name) back = [...back, {from: back[back.length - 1]!.to, dev: '', to: flow.client.name, nextHop: flow.cip}];
		step(
			es
				? `${server} respondió ${flow.response.status} ${flow.response.reason} (${flow.bodyBytes} bytes de cuerpo)${back?.length ? `, por ${hops(back)}` : ''}.`
				: `${server} answered ${flow.response.status} ${flow.response.reason} (${flow.bodyBytes} bytes of body)${back?.length ? `, via ${hops(back)}` : ''}.`,
		);
		lines.push(es ? `Resultado: atendida por ${server} en ${fmtMs(flow.doneAt - flow.start)}.` : `Result: served by ${server} in ${fmtMs(flow.doneAt - flow.start)}.`);
	} else if (flow.failure) {
		const f = flow.failure;
		const route = flow.info.lastDrop?.reason === 'wrong-source' && d?.dest?.fwd === 'masq' ? replyRoute(world, flow, d.director, lang) : undefined;
		if (route) step(route);
		if (flow.info.lastDrop && flow.info.lastDrop.detail !== f.detail) step(es ? `Lo que falló: ${flow.info.lastDrop.detail.es}.` : `What went wrong: ${flow.info.lastDrop.detail.en}.`);
		lines.push(es ? `Resultado: falló (${f.errno}): ${f.detail.es}.` : `Result: failed (${f.errno}): ${f.detail.en}.`);
	} else {
		if (flow.info.lastDrop) step(es ? `Último problema: ${flow.info.lastDrop.detail.es}.` : `Last problem: ${flow.info.lastDrop.detail.en}.`);
		lines.push(es ? 'Resultado: todavía en curso.' : 'Result: still in progress.');
	}
	return lines.join('\n') + '\n';
}

/**
 * Why a NAT real server answered the client directly: which routing table its
 * kernel used for the reply from its own address, and what would send it back
 * through the director instead.
 */
function replyRoute(world: World, flow: Flow, directorName: string, lang: Lang): string | undefined {
	const server = flow.server;
	const src = flow.serverIp;
	if (!server) return undefined;
	const res = lookupRoute(server, flow.cip, src);
	if (res.kind !== 'unicast') return undefined;
	const es = lang === 'es';
	const from = formatIp(src);
	const to = `${flow.client.name} (${formatIp(flow.cip)})`;
	const rule = server.rules.find((r) => !r.action && ruleMatches(r, src, flow.cip));
	const gw = world.host(directorName)?.primaryIp();
	const fix = gw === undefined ? '' : ` ip rule add from ${from} table 100; ip route add default via ${formatIp(gw)} table 100`;
	let why: string;
	if (res.table !== MAIN_TABLE) {
		why = es
			? `${server.name} buscó la respuesta desde ${from} en la tabla ${res.table} y la envió por ${formatIp(res.nextHop)}, no de vuelta a ${directorName}`
			: `${server.name} looked its answer from ${from} up in table ${res.table} and sent it via ${formatIp(res.nextHop)}, not back to ${directorName}`;
	} else if (rule) {
		why = es
			? `la regla ${rule.priority} de ${server.name} lleva lo que sale de ${from} a la tabla ${rule.table}, pero esa tabla no tiene ruta hacia ${formatIp(flow.cip)}, así que la tabla main envió la respuesta directamente a ${to}`
			: `${server.name}'s rule ${rule.priority} sends what comes from ${from} to table ${rule.table}, but that table has no route to ${formatIp(flow.cip)}, so the main table sent the answer straight to ${to}`;
	} else {
		why = es
			? `${server.name} buscó la respuesta desde ${from} en la tabla main (ninguna regla de \`ip rule\` coincide con ${from}) y la envió directamente a ${to}, no de vuelta por ${directorName}`
			: `${server.name} looked its answer from ${from} up in the main table (no \`ip rule\` matches ${from}) and sent it straight to ${to}, not back through ${directorName}`;
	}
	const advice = es
		? ` Con NAT las respuestas tienen que volver por el director${fix ? `, por ejemplo:${fix}` : ''}.`
		: ` With NAT the replies must return through the director${fix ? `, for instance:${fix}` : ''}.`;
	return why + '.' + advice;
}

function fmtMs(t: number): string {
	if (t < 10 * MSEC) return `${(t / MSEC).toFixed(2)} ms`;
	if (t < 10_000 * MSEC) return `${(t / MSEC).toFixed(0)} ms`;
	return `${(t / 1_000_000).toFixed(1)} s`;
}

/** `explain`: why the last connection went where it went. */
export const explain: CommandSpec = {
	name: 'explain',
	group: 'lab',
	summary: {en: 'lab: why the last connection went where it went (scheduler, numbers, failures)', es: 'lab: por qué la última conexión fue adonde fue (planificador, números, fallos)'},
	run(ctx) {
		if (ctx.argv.length > 1) {
			ctx.err(ctx.lang === 'es' ? 'uso: explain\n' : 'usage: explain\n');
			return 2;
		}
		const engine = trafficEngine(ctx.world);
		const last = engine.last ?? engine.lastBackground;
		if (!last) {
			ctx.out(ctx.lang === 'es' ? 'Todavía no hubo ninguna conexión: usa curl o ab primero.\n' : 'No connection yet: run curl or ab first.\n');
			return 0;
		}
		ctx.out(explainFlow(ctx.world, last.flow, last.startedBy, ctx.lang));
		return 0;
	},
};
