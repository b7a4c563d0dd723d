import {RESOURCE_DIR, runResourceScript, scriptEnvFor} from '../../sim/heartbeat/resource-scripts';
import type {CommandSpec} from '../context';
import {hasLdirectord} from './ldirectord';

/** A heartbeat resource script run by hand (`/etc/ha.d/resource.d/NAME ARGS… start|stop|status`). */
function resourceScript(name: 'IPaddr2' | 'IPaddr' | 'LVSSyncDaemonSwap', summary: CommandSpec['summary']): CommandSpec {
	return {
		name,
		paths: [`${RESOURCE_DIR}/${name}`],
		// resource.d is not in PATH; a bare name is not found, as in bash.
		pathOnly: true,
		group: 'ha',
		summary,
		installed: hasLdirectord,
		run(ctx) {
			const r = runResourceScript(ctx.world, ctx.host, name, ctx.argv.slice(1), scriptEnvFor(ctx.host, true));
			ctx.out(r.stdout);
			ctx.err(r.stderr);
			return r.status;
		},
	};
}

export const ipaddr2 = resourceScript('IPaddr2', {
	en: 'heartbeat resource: /etc/ha.d/resource.d/IPaddr2 VIP/24/eth0/BCAST start|stop|status',
	es: 'recurso de heartbeat: /etc/ha.d/resource.d/IPaddr2 VIP/24/eth0/BCAST start|stop|status',
});

export const ipaddr = resourceScript('IPaddr', undefined);

export const lvsSyncDaemonSwap = resourceScript('LVSSyncDaemonSwap', {
	en: 'heartbeat resource: /etc/ha.d/resource.d/LVSSyncDaemonSwap master start|stop|status',
	es: 'recurso de heartbeat: /etc/ha.d/resource.d/LVSSyncDaemonSwap master start|stop|status',
});
