import {heartbeatOf, startHeartbeat, statusHeartbeat, stopHeartbeat} from '../../sim/heartbeat/control';
import {ipvsadmInit} from '../../sim/heartbeat/feature';
import {haLogTime} from '../../sim/calendar';
import type {CommandContext, CommandSpec} from '../context';
import {hasLdirectord} from './ldirectord';

/** `/etc/init.d/heartbeat start|stop|restart|status` (and the daemon's own -s/-k). */
export const heartbeatInit: CommandSpec = {
	name: 'heartbeat',
	paths: ['/etc/init.d/heartbeat', '/usr/lib/heartbeat/heartbeat'],
	// The daemon lives in /usr/lib/heartbeat, outside root's PATH.
	pathOnly: true,
	group: 'ha',
	summary: {
		en: 'the heartbeat cluster manager: /etc/init.d/heartbeat start|stop|restart|status',
		es: 'el gestor de cluster heartbeat: /etc/init.d/heartbeat start|stop|restart|status',
	},
	installed: hasLdirectord,
	run(ctx) {
		const argv0 = ctx.argv[0]!;
		if (argv0.endsWith('/usr/lib/heartbeat/heartbeat')) {
			const flag = ctx.argv[1];
			if (flag === '-s') {
				const r = statusHeartbeat(ctx.host);
				ctx.out(r.stdout);
				return r.status;
			}
			if (flag === '-k') {
				heartbeatOf(ctx.host)?.shutdown();
				return 0;
			}
			const r = startHeartbeat(ctx.world, ctx.host);
			ctx.err(r.stderr);
			return r.status === 0 ? 0 : 6;
		}
		const action = ctx.argv[1];
		switch (action) {
			case 'start': {
				const r = startHeartbeat(ctx.world, ctx.host);
				// The daemon's messages appear after the -n echo, as on a console.
				ctx.out(r.stdout.slice(0, 'Starting High-Availability services: '.length));
				ctx.err(r.stderr);
				ctx.out(r.stdout.slice('Starting High-Availability services: '.length));
				return r.status;
			}
			case 'stop': {
				ctx.out(stopHeartbeat(ctx.world, ctx.host).stdout);
				return 0;
			}
			case 'restart':
			case 'force-reload': {
				ctx.out(stopHeartbeat(ctx.world, ctx.host).stdout);
				const r = startHeartbeat(ctx.world, ctx.host);
				ctx.out(r.stdout.slice(0, 'Starting High-Availability services: '.length));
				ctx.err(r.stderr);
				ctx.out(r.stdout.slice('Starting High-Availability services: '.length));
				return r.status;
			}
			case 'status': {
				const r = statusHeartbeat(ctx.host);
				ctx.out(r.stdout);
				return r.status;
			}
			default:
				ctx.out(`Usage: ${argv0} {start|stop|status|restart|reload|force-reload}\n`);
				return 1;
		}
	},
};

function standbyLike(ctx: CommandContext, kind: 'standby' | 'takeover'): number {
	const d = heartbeatOf(ctx.host);
	if (!d) {
		ctx.err('Heartbeat not running\n');
		return 1;
	}
	if (kind === 'standby') ctx.out(`${haLogTime(ctx.world.scenario.epoch, ctx.world.now)} Going standby [all].\n`);
	const problem = kind === 'standby' ? d.standby() : d.takeover();
	return problem ? 1 : 0;
}

/**
 * hb_standby: hand this node's resources to the other director. heartbeat 1.2.3, the
 * version the lab imitates, has it only in /usr/lib/heartbeat (2.x moved it to /usr/share/heartbeat).
 */
export const hbStandby: CommandSpec = {
	name: 'hb_standby',
	paths: ['/usr/lib/heartbeat/hb_standby'],
	pathOnly: true,
	group: 'ha',
	summary: {
		en: '/usr/lib/heartbeat/hb_standby (not on PATH): move the resources (VIP, ldirectord, sync master) to the other director',
		es: '/usr/lib/heartbeat/hb_standby (fuera del PATH): pasa los recursos (VIP, ldirectord, sync maestro) al otro director',
	},
	installed: hasLdirectord,
	run: (ctx) => standbyLike(ctx, 'standby'),
};

/** hb_takeover: take the resources from the other director. */
export const hbTakeover: CommandSpec = {
	name: 'hb_takeover',
	paths: ['/usr/lib/heartbeat/hb_takeover'],
	pathOnly: true,
	group: 'ha',
	summary: {
		en: '/usr/lib/heartbeat/hb_takeover (not on PATH): take the resources over from the other director',
		es: '/usr/lib/heartbeat/hb_takeover (fuera del PATH): toma los recursos del otro director',
	},
	installed: hasLdirectord,
	run: (ctx) => standbyLike(ctx, 'takeover'),
};

/** Debian's /etc/init.d/ipvsadm: the sync daemon named in /etc/default/ipvsadm. */
export const ipvsadmInitScript: CommandSpec = {
	name: 'ipvsadm-init',
	paths: ['/etc/init.d/ipvsadm'],
	pathOnly: true,
	group: 'ha',
	installed: hasLdirectord,
	run(ctx) {
		const action = ctx.argv[1];
		if (action === 'start' || action === 'stop') {
			ctx.out(ipvsadmInit(ctx.world, ctx.host, action));
			return 0;
		}
		if (action === 'restart') {
			ctx.out(ipvsadmInit(ctx.world, ctx.host, 'stop'));
			ctx.out(ipvsadmInit(ctx.world, ctx.host, 'start'));
			return 0;
		}
		ctx.err(`Usage: ${ctx.argv[0]} {start|stop|restart|load|save|reload|force-reload}\n`);
		return 1;
	},
};
