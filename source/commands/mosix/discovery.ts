import {startAutodiscovery} from '../../sim/mosix/config';
import {formatIp} from '../../sim/net/ipv4';
import type {CommandSpec} from '../context';
import {mosixToolsInstalled, requireMosix} from './common';

const OMDISCD_USAGE = 'Usage: omdiscd [-n] [-i interface]\n';

/** omdiscd: configures openMosix by multicast autodiscovery (node number = 3rd octet × 256 + 4th). */
export const omdiscd: CommandSpec = {
	name: 'omdiscd',
	paths: ['/sbin/omdiscd', '/usr/sbin/omdiscd'],
	group: 'mosix',
	summary: {en: 'openMosix autodiscovery daemon: omdiscd [-i IFACE] (needs a default route without -i)', es: 'demonio de autodescubrimiento de openMosix: omdiscd [-i IFAZ] (sin -i necesita una ruta por defecto)'},
	installed: mosixToolsInstalled,
	run(ctx) {
		const args = ctx.argv.slice(1);
		let iface: string | undefined;
		for (let i = 0; i < args.length; i++) {
			if (args[i] === '-n') continue;
			if (args[i] === '-i' && args[i + 1] !== undefined) iface = args[++i];
			else {
				ctx.err(OMDISCD_USAGE);
				return 1;
			}
		}
		const m = requireMosix(ctx, 'omdiscd');
		if (!m) return 1;
		const error = startAutodiscovery(m.cluster, m.node, iface);
		if (error) {
			ctx.err(error);
			return 1;
		}
		if (!ctx.host.processes.find((p) => p.command.startsWith('omdiscd'))) {
			ctx.host.processes.spawn({user: 'root', command: ctx.argv.join(' '), started: ctx.world.now});
		}
		return 0;
	},
};

function hex(id: number): string {
	return '0x' + id.toString(16).padStart(4, '0');
}

/** showmap: the node table in hexadecimal, as autodiscovery built it. */
export const showmap: CommandSpec = {
	name: 'showmap',
	paths: ['/usr/bin/showmap', '/bin/showmap'],
	group: 'mosix',
	summary: {en: "this node's openMosix map (node numbers in hexadecimal)", es: 'el mapa de openMosix de este nodo (números de nodo en hexadecimal)'},
	installed: mosixToolsInstalled,
	run(ctx) {
		if (ctx.argv.length > 1) {
			ctx.err('Usage: showmap\n');
			return 1;
		}
		const m = requireMosix(ctx, 'showmap');
		if (!m) return 1;
		const {node} = m;
		let text = `My Node-Id: ${hex(node.myId)}\n`;
		text += 'Base Node-Id Address          Count\n------------ ---------------- -----\n';
		for (const e of node.table?.entries ?? []) {
			if (e.count === 0) continue;
			text += `${hex(e.first).padEnd(12)} ${formatIp(e.ip).padEnd(16)} ${e.count}\n`;
		}
		ctx.out(text);
		return 0;
	},
};
