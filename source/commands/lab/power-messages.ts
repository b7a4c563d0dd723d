import type {Lang} from '../../i18n/lang';

/** The lab's own words for cables and power (lab commands, and the console when a host goes down). */
export const T = {
	usageCable: {en: (c: string) => `usage: ${c} HOST [INTERFACE]\n`, es: (c: string) => `uso: ${c} HOST [INTERFAZ]\n`},
	noHost: {en: (c: string, h: string) => `${c}: no host named ${h}\n`, es: (c: string, h: string) => `${c}: no hay ningún host llamado ${h}\n`},
	noIface: {en: (c: string, h: string, i: string) => `${c}: ${h} has no interface ${i}\n`, es: (c: string, h: string, i: string) => `${c}: ${h} no tiene la interfaz ${i}\n`},
	noCable: {en: (c: string, i: string) => `${c}: ${i} has no cable (only Ethernet interfaces do)\n`, es: (c: string, i: string) => `${c}: ${i} no lleva cable (solo las interfaces Ethernet)\n`},
	unplugged: {en: (h: string, i: string) => `${h}: cable pulled out of ${i}\n`, es: (h: string, i: string) => `${h}: cable desconectado de ${i}\n`},
	already: {en: (h: string) => `${h}: nothing to do (already that way)\n`, es: (h: string) => `${h}: nada que hacer (ya estaba así)\n`},
	plugged: {en: (h: string, i: string) => `${h}: cable plugged back into ${i}\n`, es: (h: string, i: string) => `${h}: cable conectado de nuevo a ${i}\n`},
	usagePower: {en: (c: string) => `usage: ${c} HOST\n`, es: (c: string) => `uso: ${c} HOST\n`},
	off: {en: (h: string) => `${h}: powered off (processes, ARP cache, IPVS table and connections are gone)\n`, es: (h: string) => `${h}: apagado (se pierden procesos, caché ARP, tabla IPVS y conexiones)\n`},
	alreadyOff: {en: (h: string) => `${h}: already powered off\n`, es: (h: string) => `${h}: ya estaba apagado\n`},
	on: {en: (h: string) => `${h}: powered on, booting\n`, es: (h: string) => `${h}: encendido, arrancando\n`},
	alreadyOn: {en: (h: string) => `${h}: already running\n`, es: (h: string) => `${h}: ya está encendido\n`},
	offRebooting: {en: (h: string) => `${h}: powered off (it was rebooting; now it stays off)\n`, es: (h: string) => `${h}: apagado (se estaba reiniciando; ahora queda apagado)\n`},
	rebooting: {
		en: (h: string, s: number) => `${h}: rebooting (everything in memory is lost); the lab waits the ${s} s it takes\n`,
		es: (h: string, s: number) => `${h}: reiniciando (se pierde todo lo que hay en memoria); el lab espera los ${s} s que tarda\n`,
	},
};

export function say<A extends unknown[]>(lang: Lang, msg: Record<Lang, (...a: A) => string>, ...args: A): string {
	return msg[lang](...args);
}

/** One of the power messages in the user's language. */
export function powerMessage(lang: Lang, key: 'off' | 'on' | 'rebooting', host: string, seconds = 0): string {
	return key === 'rebooting' ? T.rebooting[lang](host, seconds) : T[key][lang](host);
}
