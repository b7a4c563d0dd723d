import type {Localized} from '../../i18n/lang';
import type {Host} from '../host';
import {FWD_ROUTE, FWD_TUNNEL} from '../ipvs/conn-table';
import type {IpvsDataPlane} from '../ipvs/data-plane';
import {formatIp, type Ip} from '../net/ipv4';
import type {PathEnd} from '../net/path';

/**
 * Plain words, in every language the lab speaks, for why a packet of a
 * connection was lost or refused. `explain`, `curl -v`'s reasons and the load
 * report read these; the engine only picks which one applies (the functions
 * at the end pick it for packets a path dropped).
 */
export const why = {
	wrongSource: (src: Ip, sport: number, dst: Ip, dport: number): Localized => ({
		en: `the answer came from ${formatIp(src)}:${sport}, but the client talks to ${formatIp(dst)}:${dport}, so the client reset it`,
		es: `la respuesta llegó desde ${formatIp(src)}:${sport}, pero el cliente habla con ${formatIp(dst)}:${dport}, así que el cliente la resetea`,
	}),
	resetBy: (src: Ip, sport: number): Localized => ({en: `${formatIp(src)}:${sport} answered with a reset`, es: `${formatIp(src)}:${sport} respondió con un reset`}),
	serverReset: (): Localized => ({en: 'the server reset the connection', es: 'el servidor reseteó la conexión'}),
	deletedServer: (director: string, expired: boolean): Localized => ({
		en: `${director} dropped the packet: its entry belongs to a real server that was deleted${expired ? ' (expire_nodest_conn: the entry is gone now)' : ''}`,
		es: `${director} descartó el paquete: su entrada pertenece a un servidor real borrado${expired ? ' (expire_nodest_conn: la entrada ya no existe)' : ''}`,
	}),
	noScheduler: (director: string, scheduler: string): Localized => ({en: `${director} has no ${scheduler} scheduler module`, es: `${director} no tiene el módulo planificador ${scheduler}`}),
	noDestination: (director: string, scheduler: string): Localized => ({
		en: `${director}'s ${scheduler} scheduler found no real server it may use`,
		es: `el planificador ${scheduler} de ${director} no encontró ningún servidor real utilizable`,
	}),
	noEntry: (director: string, client: Ip, cport: number): Localized => ({
		en: `${director} has no connection entry for ${formatIp(client)}:${cport} (it never saw the connection start), so its own TCP stack resets it`,
		es: `${director} no tiene entrada de conexión para ${formatIp(client)}:${cport} (nunca vio empezar la conexión), así que su propia pila TCP la resetea`,
	}),
	otherService: (host: string): Localized => ({en: `${host} took the packet for another virtual service`, es: `${host} tomó el paquete para otro servicio virtual`}),
	/** A DR or TUN real server that does not hold the VIP. */
	noVip: (director: string, server: string, vip: Ip, rip: Ip, method: 'DR' | 'TUN'): Localized => {
		const need = method === 'DR' ? {en: 'DR needs the VIP on a loopback alias such as lo:0', es: 'DR necesita la VIP en un alias de loopback como lo:0'} : {en: 'TUN needs the VIP on tunl0', es: 'TUN necesita la VIP en tunl0'};
		return {
			en: `${director} sent the packet for ${formatIp(vip)} to ${server} (${formatIp(rip)}) by ${method}, but ${server} does not have ${formatIp(vip)} on any interface (${need.en}), so it dropped it`,
			es: `${director} envió el paquete para ${formatIp(vip)} a ${server} (${formatIp(rip)}) por ${method}, pero ${server} no tiene ${formatIp(vip)} en ninguna interfaz (${need.es}), así que lo descartó`,
		};
	},
	replyLost: (): Localized => ({en: 'the reply did not reach the client', es: 'la respuesta no llegó al cliente'}),
	replyAstray: (): Localized => ({en: 'the reply went astray', es: 'la respuesta se extravió'}),
	replyElsewhere: (server: string, other: string): Localized => ({en: `the answer from ${server} went to ${other} instead of the client`, es: `la respuesta de ${server} fue a ${other} en vez de al cliente`}),
	/** A DR/TUN reply routed back through the director, which owns its source address. */
	martianReply: (server: string, src: Ip, director: string): Localized => ({
		en: `${server} answered from ${formatIp(src)} through ${director}, which owns ${formatIp(src)} itself and drops it as a martian source (DR/TUN replies must not go back through the director)`,
		es: `${server} respondió desde ${formatIp(src)} a través de ${director}, que tiene ${formatIp(src)} y lo descarta como origen marciano (las respuestas DR/TUN no deben volver por el director)`,
	}),
	noListener: (host: string, port: number, running: boolean): Localized => ({
		en: `nothing listens on ${host}:${port}${running ? '' : ' (apache2 is not running)'}, so its kernel answers the SYN with a reset`,
		es: `nada escucha en ${host}:${port}${running ? '' : ' (apache2 no está en marcha)'}, así que su kernel responde al SYN con un reset`,
	}),
	backlogFull: (host: string): Localized => ({
		en: `${host} is overloaded: every Apache child is busy and its accept queue is full, so its kernel drops the SYN`,
		es: `${host} está saturado: todos los procesos de Apache están ocupados y su cola de aceptación está llena, así que su kernel descarta el SYN`,
	}),
	noConnection: (host: string, running: boolean): Localized => ({
		en: `${host} has no connection for this request (${running ? 'it never saw the connection open' : 'apache2 is not running'}), so it resets it`,
		es: `${host} no tiene conexión para esta petición (${running ? 'nunca vio abrirse la conexión' : 'apache2 no está en marcha'}), así que la resetea`,
	}),
	noAnswerInTime: (): Localized => ({en: 'no answer in time', es: 'no hubo respuesta a tiempo'}),
	synsUnanswered: (): Localized => ({en: 'nothing answered the SYNs', es: 'nadie respondió a los SYN'}),
	responseNeverCame: (): Localized => ({en: 'the response never came', es: 'la respuesta nunca llegó'}),
};

type Dropped = Extract<PathEnd, {kind: 'dropped'}>;

/** Why the director's forwarded packet never reached the real server's stack. */
export function forwardDropDetail(plane: IpvsDataPlane, slot: number, end: Dropped): Localized {
	const tbl = plane.table;
	const fwd = tbl.fwd[slot]!;
	if (end.reason === 'not-forwarding' && (fwd === FWD_ROUTE || fwd === FWD_TUNNEL)) {
		return why.noVip(plane.host.name, end.host.name, tbl.vaddr[slot]!, tbl.daddr[slot]!, fwd === FWD_ROUTE ? 'DR' : 'TUN');
	}
	return end.detail;
}

/** Why a segment `host` sent from `src` never reached the client. */
export function replyDropDetail(host: Host, src: Ip, end: Dropped): Localized {
	if (end.reason === 'martian-source') return why.martianReply(host.name, src, end.host.name);
	return end.detail;
}
