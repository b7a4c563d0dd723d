import {pendingBootAt, plug as plugCable, powerOff, powerOn, unplug as unplugCable} from '../../sim/net/faults';
import type {Host} from '../../sim/host';
import type {CommandContext, CommandSpec} from '../context';
import {findHost} from '../shell/ssh';
import {debianPoweroff} from '../system/shutdown';
import {say, T} from './power-messages';

/** The host a lab command names, or undefined after saying there is none. */
function namedHost(ctx: CommandContext, command: string, name: string): Host | undefined {
	const host = findHost(ctx.world, name);
	if (!host) ctx.err(say(ctx.lang, T.noHost, command, name));
	return host;
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
			const host = namedHost(ctx, name, target);
			if (!host) return 1;
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

/**
 * `poweroff HOST`: the lab cuts the power of a host. Without a host (options
 * allowed) it is Debian's poweroff on the host the shell is on: an orderly
 * shutdown that ends powered off.
 */
export const poweroff: CommandSpec = {
	name: 'poweroff',
	paths: ['/sbin/poweroff'],
	group: 'lab',
	summary: {en: 'lab: cut the power of HOST (everything in memory is lost); without HOST, shut this host down', es: 'lab: corta la corriente de HOST (se pierde todo lo que hay en memoria); sin HOST, apaga este host'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		const named = args.filter((a) => !a.startsWith('-'));
		if (named.length === 0) {
			if (ctx.host.powered) return debianPoweroff(ctx);
			ctx.out(say(ctx.lang, T.alreadyOff, ctx.host.name));
			return 0;
		}
		if (args.length > 1) {
			ctx.err(say(ctx.lang, T.usagePower, 'poweroff'));
			return 2;
		}
		const host = namedHost(ctx, 'poweroff', named[0]!);
		if (!host) return 1;
		const rebooting = pendingBootAt(ctx.world, host) !== undefined;
		if (!powerOff(ctx.world, host)) {
			ctx.out(say(ctx.lang, rebooting ? T.offRebooting : T.alreadyOff, host.name));
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
		const host = namedHost(ctx, 'boot', args[0]!);
		if (!host) return 1;
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
