import {mosixCluster} from '../../sim/mosix/cluster';
import {configure, describeConfig, unconfigure} from '../../sim/mosix/config';
import {FsError, FS_ERROR_TEXT} from '../../sim/fs/filesystem';
import type {CommandSpec} from '../context';
import {mosixToolsInstalled, requireMosix} from './common';

export const SETPE_USAGE = `Usage: setpe -[w|W] [-n inet] [-c] [-p openMosix-ID] [-g {0|1|2}] [-f {filename|-}]
       setpe -r [-f {filename|-}]
       setpe -off
`;

/** setpe: loads (-w), checks (-c), reads back (-r) or removes (-off) the node table. */
export const setpe: CommandSpec = {
	name: 'setpe',
	paths: ['/sbin/setpe', '/usr/sbin/setpe'],
	group: 'mosix',
	summary: {en: 'openMosix node table: setpe -w -f /etc/openMosix.map, setpe -r, setpe -off', es: 'tabla de nodos de openMosix: setpe -w -f /etc/openMosix.map, setpe -r, setpe -off'},
	installed: mosixToolsInstalled,
	run(ctx) {
		const args = ctx.argv.slice(1);
		let mode: 'w' | 'r' | 'off' | undefined;
		let file: string | undefined;
		let check = false;
		let myId: number | undefined;
		let gateways: number | undefined;
		const usage = () => {
			ctx.err(SETPE_USAGE);
			return 1;
		};
		for (let i = 0; i < args.length; i++) {
			const a = args[i]!;
			if (a === '-w' || a === '-W') mode = mode && mode !== 'w' ? 'off' : 'w';
			else if (a === '-r') mode = mode ? 'off' : 'r';
			else if (a === '-off') mode = 'off';
			else if (a === '-c') check = true;
			else if (a === '-f' || a === '-p' || a === '-g' || a === '-n') {
				const v = args[++i];
				if (v === undefined) return usage();
				if (a === '-f') file = v;
				else if (a === '-p') {
					if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535) return usage();
					myId = Number(v);
				} else if (a === '-g') {
					if (!/^[012]$/.test(v)) return usage();
					gateways = Number(v);
				} else if (v !== 'inet') {
					ctx.err(`setpe: unsupported network protocol: ${v}\n`);
					return 1;
				}
			} else return usage();
		}
		if (!mode || (mode === 'off' && args.length !== 1)) return usage();
		const m = requireMosix(ctx, 'setpe');
		if (!m) return 1;
		const {node} = m;
		const cluster = mosixCluster(ctx.world)!;
		if (mode === 'off') {
			unconfigure(cluster, node);
			return 0;
		}
		if (mode === 'r') {
			const text = node.configured ? describeConfig(node) : 'Total configured: 0\n';
			if (file === undefined || file === '-') ctx.out(text);
			else {
				try {
					ctx.host.fs.write(ctx.resolve(file), text);
				} catch (error) {
					if (!(error instanceof FsError)) throw error;
					ctx.err(`setpe: ${file}: ${FS_ERROR_TEXT[error.code]}\n`);
					return 1;
				}
			}
			return 0;
		}
		let table: string;
		if (file === undefined || file === '-') table = ctx.stdin ?? '';
		else {
			try {
				table = ctx.host.fs.read(ctx.resolve(file));
			} catch (error) {
				if (!(error instanceof FsError)) throw error;
				ctx.err(`setpe: ${file}: ${FS_ERROR_TEXT[error.code]}\n`);
				return 1;
			}
		}
		const error = configure(cluster, node, table, {checkOnly: check, myId});
		if (error) {
			ctx.err(error);
			return 1;
		}
		if (gateways !== undefined && !check) node.gateways = gateways;
		return 0;
	},
};
