import {hardwareSpeed} from '../../sim/cpu/speed';
import type {MosixCluster} from '../../sim/mosix/cluster';
import {bringHome, expelGuests, landed} from '../../sim/mosix/config';
import {resolveHost, nodeOfAddress} from '../../sim/mosix/map-file';
import type {MosixNode} from '../../sim/mosix/node';
import {DEFAULT_OVERHEADS, nodeFile} from '../../sim/mosix/proc-files';
import {formatIp} from '../../sim/net/ipv4';
import {SEC} from '../../sim/time';
import type {CommandContext, CommandSpec} from '../context';
import {runUntilDone} from '../process/run-program';
import {mosixToolsInstalled, requireMosix} from './common';

export const MOSCTL_USAGE = `Usage: mosctl { stay|nostay|lstay|nolstay|block|noblock|quiet|noquiet|nomfs|mfs|expel|bring|gettune|getyard|getdecay }
       mosctl whois [ openMosix-ID | IP-address | hostname ]
       mosctl { getload|getspeed|status|isup|getmem|getfree|getutil } [ openMosix-ID ]
       mosctl setyard [ processor-type | number | this ]
       mosctl setspeed numeric-value
       mosctl setdecay interval slow fast
`;

/** Yardsticks by processor type for `setyard` (speed of one such CPU on the 10000 = PIII 1 GHz scale). */
const YARDS: Readonly<Record<string, number>> = {
	'pentium-iii': 10000,
	'pentium-iii-1ghz': 10000,
	'pentium-ii-400': 3600,
	'pentium-4': 8000,
	'pentium-4-1.6ghz': 12800,
	'athlon-1ghz': 11000,
};

function flagSetter(node: MosixNode, cmd: string): boolean {
	const set: Record<string, () => void> = {
		stay: () => (node.stay = true),
		nostay: () => (node.stay = false),
		'-stay': () => (node.stay = false),
		lstay: () => (node.lstay = true),
		nolstay: () => (node.lstay = false),
		'-lstay': () => (node.lstay = false),
		block: () => (node.block = true),
		noblock: () => (node.block = false),
		'-block': () => (node.block = false),
		quiet: () => (node.quiet = true),
		noquiet: () => (node.quiet = false),
		'-quiet': () => (node.quiet = false),
		nomfs: () => (node.nomfs = true),
		mfs: () => (node.nomfs = false),
		'-nomfs': () => (node.nomfs = false),
	};
	const f = set[cmd];
	if (!f) return false;
	f();
	return true;
}

/** Node number named on the command line (default: this node). */
function targetId(ctx: CommandContext, node: MosixNode, arg: string | undefined): number | undefined {
	if (arg === undefined) return node.myId;
	if (!/^\d+$/.test(arg) || !node.table?.nodes.has(Number(arg))) {
		ctx.err(`mosctl: ${arg}: no such openMosix node\n`);
		return undefined;
	}
	return Number(arg);
}

function onOff(v: boolean): string {
	return v ? 'on' : 'off';
}

function whois(ctx: CommandContext, cluster: MosixCluster, node: MosixNode, arg: string | undefined): number {
	if (!node.table) {
		ctx.err('mosctl: openMosix is not configured\n');
		return 1;
	}
	if (arg === undefined) {
		ctx.out(`This is openMosix node #${node.myId}\n`);
		return 0;
	}
	if (/^\d+$/.test(arg)) {
		const ip = node.table.nodes.get(Number(arg));
		if (ip === undefined) {
			ctx.err(`mosctl: ${arg}: no such openMosix node\n`);
			return 1;
		}
		const name = cluster.hostById(node, Number(arg))?.name;
		ctx.out(`openMosix node #${arg} is at IP address ${formatIp(ip)}${name ? ` (${name})` : ''}\n`);
		return 0;
	}
	const ip = resolveHost(ctx.host.fs, arg);
	const id = ip === undefined ? undefined : nodeOfAddress(node.table, ip);
	if (ip === undefined || id === undefined) {
		ctx.err(`mosctl: ${arg}: not an openMosix node\n`);
		return 1;
	}
	ctx.out(`${arg} is openMosix node #${id}\n`);
	return 0;
}

/** mosctl: the openMosix administrator's switchboard. */
export const mosctl: CommandSpec = {
	name: 'mosctl',
	paths: ['/bin/mosctl', '/usr/bin/mosctl', '/sbin/mosctl'],
	group: 'mosix',
	summary: {en: 'openMosix settings: stay, block, quiet, expel, bring, setspeed, status, whois, getload…', es: 'ajustes de openMosix: stay, block, quiet, expel, bring, setspeed, status, whois, getload…'},
	installed: mosixToolsInstalled,
	run(ctx) {
		const [cmd, ...rest] = ctx.argv.slice(1);
		if (cmd === undefined) {
			ctx.err(MOSCTL_USAGE);
			return 1;
		}
		const m = requireMosix(ctx, 'mosctl');
		if (!m) return 1;
		const {cluster, node} = m;
		const extra = (allowed: number) => {
			if (rest.length <= allowed) return false;
			ctx.err(MOSCTL_USAGE);
			return true;
		};
		if (flagSetter(node, cmd)) return extra(0) ? 1 : 0;
		switch (cmd) {
			case 'expel':
			case 'bring': {
				if (extra(0)) return 1;
				let moving;
				if (cmd === 'expel') {
					node.block = true;
					moving = expelGuests(cluster, node);
				} else {
					node.lstay = true;
					moving = bringHome(cluster, node);
				}
				// Blocks until every process concerned has left (or come back).
				runUntilDone(ctx.world, () => landed(moving), 60 * SEC);
				return 0;
			}
			case 'gettune':
				if (extra(0)) return 1;
				ctx.out(DEFAULT_OVERHEADS);
				return 0;
			case 'getyard':
				if (extra(0)) return 1;
				ctx.out(`${node.yardstick}\n`);
				return 0;
			case 'setyard': {
				if (extra(1)) return 1;
				const arg = rest[0] ?? 'pentium-iii';
				const value = arg === 'this' ? hardwareSpeed(ctx.host.hardware) : /^\d+$/.test(arg) ? Number(arg) : YARDS[arg.toLowerCase()];
				if (value === undefined || value < 1 || value > 1_000_000) {
					ctx.err(`mosctl: setyard: unknown processor type or bad number: ${arg}\n`);
					return 1;
				}
				node.yardstick = value;
				return 0;
			}
			case 'getdecay':
				if (extra(0)) return 1;
				ctx.out(`decay interval: ${node.decayInterval}\nslow decay: ${node.slowDecay}\nfast decay: ${node.fastDecay}\n`);
				return 0;
			case 'setdecay': {
				if (rest.length !== 3 || !rest.every((r) => /^\d+$/.test(r))) {
					ctx.err(MOSCTL_USAGE);
					return 1;
				}
				const [interval, slow, fast] = rest.map(Number) as [number, number, number];
				if (interval < 1 || slow > 1000 || fast > 1000 || fast > slow) {
					ctx.err('mosctl: setdecay: the interval must be at least 1 and 0 <= fast <= slow <= 1000\n');
					return 1;
				}
				node.decayInterval = interval;
				node.slowDecay = slow;
				node.fastDecay = fast;
				return 0;
			}
			case 'setspeed': {
				if (rest.length !== 1 || !/^\d+$/.test(rest[0]!) || Number(rest[0]) < 1 || Number(rest[0]) > 1_000_000) {
					ctx.err(rest.length === 1 ? `mosctl: setspeed: invalid speed: ${rest[0]}\n` : MOSCTL_USAGE);
					return 1;
				}
				node.speed = Number(rest[0]);
				return 0;
			}
			case 'whois':
				if (extra(1)) return 1;
				return whois(ctx, cluster, node, rest[0]);
			case 'getload':
			case 'getspeed':
			case 'getmem':
			case 'getfree':
			case 'getutil':
			case 'isup':
			case 'status': {
				if (extra(1)) return 1;
				if (!node.table) {
					if (cmd === 'status') ctx.out('Node #(null) is not configured\n');
					else if (cmd === 'isup') ctx.out('no\n');
					else ctx.err('mosctl: openMosix is not configured\n');
					return 1;
				}
				const id = targetId(ctx, node, rest[0]);
				if (id === undefined) return 1;
				const up = cluster.infoOf(node, id) !== undefined;
				if (cmd === 'isup') {
					ctx.out(up ? 'yes\n' : 'no\n');
					return up ? 0 : 1;
				}
				if (cmd === 'status') {
					if (id !== node.myId) {
						ctx.out(`Node #${id} is ${up ? 'up' : 'down'}\n`);
						return up ? 0 : 1;
					}
					ctx.out(
						`This is openMosix node #${id}\n` +
							`Automatic migration away from this node: ${onOff(!node.stay)}\n` +
							`Local processes stay: ${onOff(node.lstay)}\n` +
							`Guest processes blocked: ${onOff(node.block)}\n` +
							`Load information sent to others: ${onOff(!node.quiet)}\n` +
							`MFS access: ${onOff(!node.nomfs)}\n`,
					);
					return 0;
				}
				const file = {getload: 'load', getspeed: 'speed', getmem: 'mem', getfree: 'rmem', getutil: 'util'}[cmd];
				ctx.out(nodeFile(cluster, node, id, file));
				return 0;
			}
			default:
				ctx.err(MOSCTL_USAGE);
				return 1;
		}
	},
};
