import type {Lang} from '../../i18n/lang';
import {plug as plugCable, powerOff, powerOn, unplug as unplugCable} from '../../sim/net/faults';
import type {CommandContext, CommandSpec} from '../context';
import {findHost} from '../shell/ssh';

const T = {
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
};

function say<A extends unknown[]>(lang: Lang, msg: Record<Lang, (...a: A) => string>, ...args: A): string {
	return msg[lang](...args);
}

function cableCommand(name: 'unplug' | 'plug'): CommandSpec {
	return {
		name,
		group: 'lab',
		summary:
			name === 'unplug'
				? {en: 'lab: pull the network cable out of HOST [IFACE]', es: 'lab: desconecta el cable de red de HOST [IFAZ]'}
				: {en: 'lab: plug the network cable back into HOST [IFACE]', es: 'lab: vuelve a conectar el cable de red de HOST [IFAZ]'},
		run(ctx) {
			const [target, iface, extra] = ctx.argv.slice(1);
			if (!target || extra !== undefined || target.startsWith('-')) {
				ctx.err(say(ctx.lang, T.usageCable, name));
				return 2;
			}
			const host = findHost(ctx.world, target);
			if (!host) {
				ctx.err(say(ctx.lang, T.noHost, name, target));
				return 1;
			}
			const r = name === 'unplug' ? unplugCable(ctx.world, host, iface) : plugCable(ctx.world, host, iface);
			if (!r.ok) {
				ctx.err(r.error === 'no-such-interface' ? say(ctx.lang, T.noIface, name, host.name, iface!) : say(ctx.lang, T.noCable, name, iface!));
				return 1;
			}
			if (r.changed.length === 0) ctx.out(say(ctx.lang, T.already, host.name));
			else ctx.out(say(ctx.lang, name === 'unplug' ? T.unplugged : T.plugged, host.name, r.changed.join(', ')));
			return 0;
		},
		complete: (c, words) => (words.length === 1 ? [...c.world.hosts.keys()] : []),
	};
}

export const unplug = cableCommand('unplug');
export const plug = cableCommand('plug');

function targetHost(ctx: CommandContext, name: string) {
	const args = ctx.argv.slice(1);
	if (args.length > 1 || args[0]?.startsWith('-')) {
		ctx.err(say(ctx.lang, T.usagePower, name));
		return undefined;
	}
	if (args.length === 0) return ctx.host;
	const host = findHost(ctx.world, args[0]!);
	if (!host) ctx.err(say(ctx.lang, T.noHost, name, args[0]!));
	return host ?? null;
}

/** `poweroff [HOST]`: cuts the power of a host (the current one without an argument). */
export const poweroff: CommandSpec = {
	name: 'poweroff',
	paths: ['/sbin/poweroff'],
	group: 'lab',
	summary: {en: 'lab: cut the power of HOST (everything in memory is lost)', es: 'lab: corta la corriente de HOST (se pierde todo lo que hay en memoria)'},
	run(ctx) {
		const host = targetHost(ctx, 'poweroff');
		if (!host) return host === null ? 1 : 2;
		if (!powerOff(ctx.world, host)) {
			ctx.out(say(ctx.lang, T.alreadyOff, host.name));
			return 0;
		}
		ctx.out(say(ctx.lang, T.off, host.name));
		return 0;
	},
	complete: (c, words) => (words.length === 1 ? [...c.world.hosts.keys()] : []),
};

/** `boot HOST`: powers a host on; it runs its boot list of init scripts again. */
export const boot: CommandSpec = {
	name: 'boot',
	group: 'lab',
	summary: {en: 'lab: power HOST on again (it runs its boot scripts)', es: 'lab: vuelve a encender HOST (ejecuta sus scripts de arranque)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		if (args.length !== 1 || args[0]!.startsWith('-')) {
			ctx.err(say(ctx.lang, T.usagePower, 'boot'));
			return 2;
		}
		const host = findHost(ctx.world, args[0]!);
		if (!host) {
			ctx.err(say(ctx.lang, T.noHost, 'boot', args[0]!));
			return 1;
		}
		const out = powerOn(ctx.world, host);
		if (out === undefined) {
			ctx.out(say(ctx.lang, T.alreadyOn, host.name));
			return 0;
		}
		ctx.out(say(ctx.lang, T.on, host.name) + out);
		return 0;
	},
	complete: (c, words) => (words.length === 1 ? [...c.world.hosts.keys()] : []),
};
