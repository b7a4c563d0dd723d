import type {Host} from '../../sim/host';
import {ldirectordInit} from '../../sim/heartbeat/feature';
import {runLdirectord} from '../../sim/ldirectord/cli';
import type {CommandContext, CommandSpec} from '../context';

/** ldirectord ships with heartbeat's companions on hosts whose kernel has IPVS (the directors). */
export function hasLdirectord(host: Host): boolean {
	return host.ipvs !== undefined;
}

function initScript(ctx: CommandContext): number {
	const action = ctx.argv[1];
	if (action === 'start' || action === 'stop') {
		ctx.out(ldirectordInit(ctx.world, ctx.host, action));
		return 0;
	}
	if (action === 'restart' || action === 'force-reload' || action === 'reload' || action === 'status') {
		const r = runLdirectord(ctx.world, ctx.host, [action === 'force-reload' ? 'reload' : action], ctx.cwd);
		if (action !== 'status') ctx.out(`${action === 'restart' ? 'Restarting' : 'Reloading'} ldirectord\n`);
		ctx.out(r.stdout);
		ctx.err(r.stderr);
		return r.status;
	}
	ctx.out(`Usage: ${ctx.argv[0]} {start|stop|restart|try-restart|status|reload|force-reload}\n`);
	return 1;
}

/** `ldirectord [CONFIG] start|stop|restart|reload|status`, also as heartbeat's resource script and Debian's init script. */
export const ldirectord: CommandSpec = {
	name: 'ldirectord',
	paths: ['/usr/sbin/ldirectord', '/etc/ha.d/resource.d/ldirectord', '/etc/init.d/ldirectord'],
	group: 'ha',
	summary: {
		en: 'Linux Director daemon: health-checks real servers and edits the IPVS table (ldirectord ldirectord.cf start|stop|status|reload)',
		es: 'demonio Linux Director: comprueba los servidores reales y edita la tabla IPVS (ldirectord ldirectord.cf start|stop|status|reload)',
	},
	installed: hasLdirectord,
	run(ctx) {
		if (ctx.argv[0]!.endsWith('/etc/init.d/ldirectord')) return initScript(ctx);
		const r = runLdirectord(ctx.world, ctx.host, ctx.argv.slice(1), ctx.cwd);
		ctx.out(r.stdout);
		ctx.err(r.stderr);
		return r.status;
	},
	complete(_ctx, words, partial) {
		const options = words.length <= 1 ? ['ldirectord.cf', 'start', 'stop', 'restart', 'reload', 'status'] : ['start', 'stop', 'restart', 'reload', 'status'];
		return options.filter((o) => o.startsWith(partial));
	},
};
