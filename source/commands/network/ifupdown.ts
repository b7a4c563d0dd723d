import {formatIp, maskToPrefix, parseIp, prefixToMask} from '../../sim/net/ipv4';
import {computedBroadcast, deviceOf} from '../../sim/net/netconfig';
import {readIfstate, writeIfstate} from '../../sim/net/ifstate';
import {userlandEra} from '../../sim/net/userland-era';
import type {CommandContext, CommandSpec} from '../context';
import {option, options, parseInterfaces, type InterfacesFile, type Stanza} from './interfaces-file';

type Verb = 'ifup' | 'ifdown';

interface Run {
	ctx: CommandContext;
	verb: Verb;
	old: boolean;
	verbose: boolean;
	noAct: boolean;
	file: InterfacesFile;
}

/** Runs one shell line as ifupdown's /bin/sh -c would; returns success. `shown` is what -v prints. */
function sh(r: Run, line: string, shown: string | null = line): boolean {
	if (r.verbose && shown !== null) r.ctx.err(shown + '\n');
	if (r.noAct) return true;
	return r.ctx.run(line) === 0;
}

/**
 * What ifupdown 0.8 prints with -v for the static method: its command templates
 * with the unused optional parts left as blanks.
 */
function verboseStatic(s: Stanza, iface: string, up: boolean): string[] {
	const address = option(s, 'address') ?? '';
	const netmask = option(s, 'netmask');
	const ip = parseIp(address.split('/')[0]!);
	const mask = netmask === undefined ? undefined : parseIp(netmask);
	const prefix = mask === undefined ? Number(address.split('/')[1] ?? 32) : (maskToPrefix(mask) ?? 32);
	const brd = option(s, 'broadcast') ?? (ip !== undefined ? formatIp(computedBroadcast(ip, prefix)) : '');
	const addr = netmask !== undefined ? `${address}/${netmask}` : address;
	const gateway = option(s, 'gateway');
	const mtu = option(s, 'mtu');
	if (up) return [`ip addr add ${addr} broadcast ${brd} \t  dev ${iface} label ${iface}`, `ip link set dev ${iface} ${mtu ? `mtu ${mtu} ` : ''}  up`, gateway ? ` ip route add default via ${gateway}  dev ${iface} onlink ` : ''];
	const lines = [gateway ? ` ip route del default via ${gateway}  dev ${iface} 2>&1 1>/dev/null || true ` : '', `ip addr del ${addr} broadcast ${brd} \t  dev ${iface} label ${iface}`];
	if (deviceOf(iface) === iface) lines.push(`ip -4 addr flush dev ${iface}`, `ip link set dev ${iface} down`);
	return lines.filter((l, i) => i > 0 || l !== '');
}

/** The method's own commands (the templates of ifupdown's inet methods), in order. */
function methodCommands(r: Run, s: Stanza, iface: string, up: boolean): {commands: Array<{line: string; mustSucceed: boolean}>} | {missing: string} {
	const dev = deviceOf(iface);
	const cmds: Array<{line: string; mustSucceed: boolean}> = [];
	const must = (line: string) => cmds.push({line, mustSucceed: true});
	const may = (line: string) => cmds.push({line, mustSucceed: false});
	if (s.method === 'loopback') {
		if (r.old) must(up ? `ifconfig ${iface} 127.0.0.1 up` : `ifconfig ${iface} down`);
		else must(`ip link set dev ${iface} ${up ? 'up' : 'down'}`);
		return {commands: cmds};
	}
	if (s.method === 'manual' || s.method === 'dhcp') {
		if (!r.old) must(`ip link set dev ${dev} ${up ? 'up' : 'down'}`);
		else must(`ifconfig ${iface} ${up ? 'up' : 'down'}`);
		return {commands: cmds};
	}
	// static
	const address = option(s, 'address');
	if (address === undefined) return {missing: 'address'};
	const [addrText, lenText] = address.split('/');
	let netmask = option(s, 'netmask');
	if (netmask === undefined && lenText !== undefined && /^\d+$/.test(lenText)) netmask = formatIp(prefixToMask(Number(lenText)));
	if (netmask === undefined && r.old) return {missing: 'netmask'};
	const broadcast = option(s, 'broadcast');
	const gateway = option(s, 'gateway');
	const mtu = option(s, 'mtu');
	if (r.old) {
		if (up) {
			must(`ifconfig ${iface} ${addrText} netmask ${netmask}${broadcast ? ` broadcast ${broadcast}` : ''}${mtu ? ` mtu ${mtu}` : ''} up`);
			if (gateway) must(`route add default gw ${gateway} ${iface}`);
		} else {
			if (gateway) must(`route del default gw ${gateway} ${iface}`);
			must(`ifconfig ${iface} down`);
		}
		return {commands: cmds};
	}
	const ip = parseIp(addrText ?? '');
	const mask = netmask === undefined ? undefined : parseIp(netmask);
	const prefix = mask === undefined ? 32 : (maskToPrefix(mask) ?? 32);
	const brd = broadcast ?? (ip !== undefined ? formatIp(computedBroadcast(ip, prefix)) : undefined);
	if (up) {
		must(`ip addr add ${addrText}/${prefix}${brd ? ` broadcast ${brd}` : ''} dev ${dev} label ${iface}`);
		must(`ip link set dev ${dev}${mtu ? ` mtu ${mtu}` : ''} up`);
		if (gateway) must(`ip route add default via ${gateway} dev ${dev} onlink`);
	} else {
		if (gateway) may(`ip route del default via ${gateway} dev ${dev} 2>/dev/null`);
		may(`ip addr del ${addrText}/${prefix} dev ${dev} label ${iface}`);
		if (dev === iface) {
			may(`ip -4 addr flush dev ${dev}`);
			may(`ip link set dev ${dev} down`);
		}
	}
	return {commands: cmds};
}

/** Brings one logical interface up or down; returns whether it succeeded. */
function doInterface(r: Run, iface: string, logical: string, all: boolean): {ok: boolean; status: number} {
	const ctx = r.ctx;
	const state = readIfstate(ctx.host);
	if (r.verb === 'ifup' && state.has(iface)) {
		if (!(all && !r.old)) ctx.err(`${r.verb}: interface ${iface} already configured\n`);
		return {ok: true, status: 0};
	}
	if (r.verb === 'ifdown') {
		if (!state.has(iface)) {
			if (!all) ctx.err(`${r.verb}: interface ${iface} not configured\n`);
			return {ok: true, status: 0};
		}
		logical = state.get(iface)!;
	}
	const stanzas = r.file.stanzas.filter((s) => s.name === logical && s.family === 'inet');
	if (stanzas.length === 0) {
		if (r.old) {
			ctx.err(`Ignoring unknown interface ${iface}=${logical}.\n`);
			return {ok: true, status: 0};
		}
		ctx.err(`${r.verb}: unknown interface ${logical}\n`);
		return {ok: false, status: 1};
	}
	const up = r.verb === 'ifup';
	let failed = false;
	for (const s of stanzas) {
		if (r.verbose) ctx.err(r.old ? `Configuring interface ${iface}=${logical} (inet)\n` : `${up ? '\n' : ''}${r.verb}: configuring interface ${iface}=${logical} (inet)\n`);
		const method = methodCommands(r, s, iface, up);
		if ('missing' in method) {
			if (r.old) ctx.out(`Don't seem to be have all the variables for ${logical}/inet.\n`);
			else ctx.err(`${r.verb}: missing required variable: ${method.missing}\n${r.verb}: missing required configuration variables for interface ${logical}/inet\n`);
			failed = true;
			break;
		}
		const runParts = (dir: string) => {
			if (r.verbose) ctx.err(`run-parts ${up && !r.old ? '--exit-on-error ' : ''}--verbose /etc/network/${dir}\n`);
		};
		const before = up ? [...options(s, 'pre-up')] : [...options(s, 'down'), ...options(s, 'pre-down')];
		const after = up ? [...options(s, 'up'), ...options(s, 'post-up')] : [...options(s, 'post-down')];
		if (!up) runParts('if-down.d');
		for (const line of before) {
			if (!sh(r, line) && up) {
				failed = true;
				break;
			}
		}
		if (failed) break;
		if (up) runParts('if-pre-up.d');
		// With -v, ifupdown 0.8 echoes its templates for the static method rather than the lines it runs.
		const shown = r.verbose && !r.old && s.method === 'static' ? verboseStatic(s, iface, up) : undefined;
		if (shown) for (const line of shown) ctx.err(line + '\n');
		for (const c of method.commands) {
			if (!sh(r, c.line, shown ? null : c.line) && c.mustSucceed && up) {
				failed = true;
				break;
			}
		}
		if (failed) break;
		for (const line of after) sh(r, line);
		runParts(up ? 'if-up.d' : 'if-post-down.d');
		if (r.verbose && !up && !r.old) ctx.err('\n');
	}
	const next = readIfstate(ctx.host);
	if (up) {
		if (failed) {
			next.delete(iface);
			writeIfstate(ctx.host, next);
			if (r.old) {
				ctx.out(`Failed to bring up ${logical}.\n`);
				return {ok: false, status: 0};
			}
			ctx.err(`${r.verb}: failed to bring up ${logical}\n`);
			return {ok: false, status: 1};
		}
		next.set(iface, logical);
	} else next.delete(iface);
	writeIfstate(ctx.host, next);
	return {ok: true, status: 0};
}

function run(ctx: CommandContext, verb: Verb): number {
	const old = userlandEra(ctx.host.kernel) === 'sarge';
	const args = ctx.argv.slice(1);
	let all = false;
	let verbose = false;
	let noAct = false;
	let file = '/etc/network/interfaces';
	const exclude: string[] = [];
	const targets: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === '-a' || a === '--all') all = true;
		else if (a === '-v' || a === '--verbose') verbose = true;
		else if (a === '-n' || a === '--no-act') noAct = true;
		else if (a === '-f' || a === '--force' || a === '--ignore-errors' || a === '--read-environment' || a === '--no-mappings' || a === '--no-scripts') continue;
		else if (a === '-i' || a === '--interfaces') file = args[++i] ?? file;
		else if (a.startsWith('--interfaces=')) file = a.slice(13);
		else if (a === '-X' || a === '--exclude') exclude.push(args[++i] ?? '');
		else if (a.startsWith('--exclude=')) exclude.push(a.slice(10));
		else if (a === '-h' || a === '--help') {
			ctx.out(`Usage: ${verb} <options> <ifaces...>\n\n`);
			return 0;
		} else if (a.startsWith('-')) {
			ctx.err(`${verb}: invalid option -- '${a.replace(/^-+/, '').slice(0, 1)}'\n${verb}: Use --help for help\n`);
			return 1;
		} else targets.push(a);
	}
	const text = ctx.host.fs.tryRead(ctx.resolve(file));
	if (text === undefined) {
		ctx.err(`${verb}: couldn't open interfaces file "${file}": No such file or directory\n`);
		return old ? 1 : 0;
	}
	const parsed = parseInterfaces(text);
	if (!parsed.ok) {
		ctx.err(`${verb}: ${file}:${parsed.line}: ${parsed.message}\n${verb}: couldn't read interfaces file "${file}"\n`);
		return 1;
	}
	const r: Run = {ctx, verb, old, verbose, noAct, file: parsed.file};
	let list: string[];
	if (all) {
		if (verb === 'ifup') list = parsed.file.auto;
		else {
			list = [...readIfstate(ctx.host).keys()];
			if (!old) list.reverse();
		}
	} else list = targets;
	if (list.length === 0 && !all) {
		ctx.err(`${verb}: no interface(s) specified\n${verb}: Use --help for help\n`);
		return 1;
	}
	let status = 0;
	for (const target of list) {
		// ifupdown 0.6 excluded by substring, 0.8 by exact name.
		if (exclude.some((x) => (old ? target.includes(x) : target === x))) continue;
		const eq = target.indexOf('=');
		const iface = eq < 0 ? target : target.slice(0, eq);
		const logical = eq < 0 ? target : target.slice(eq + 1);
		const r2 = doInterface(r, iface, logical, all);
		if (r2.status) status = r2.status;
	}
	return status;
}

/** ifupdown's ifup: reads /etc/network/interfaces, runs pre-up, the method, up; keeps ifstate. */
export const ifup: CommandSpec = {
	name: 'ifup',
	paths: ['/sbin/ifup'],
	group: 'network',
	summary: {en: 'bring up an interface from /etc/network/interfaces (ifup lo:0, ifup -a)', es: 'levanta una interfaz según /etc/network/interfaces (ifup lo:0, ifup -a)'},
	run: (ctx) => run(ctx, 'ifup'),
};

export const ifdown: CommandSpec = {
	name: 'ifdown',
	paths: ['/sbin/ifdown'],
	group: 'network',
	summary: {en: 'take an interface down the way ifup brought it up', es: 'baja una interfaz como la levantó ifup'},
	run: (ctx) => run(ctx, 'ifdown'),
};

/** /etc/init.d/networking start|stop|restart|force-reload. */
export const networkingInit: CommandSpec = {
	// Named by its path so that a bare `networking` is not a command, as in bash.
	name: '/etc/init.d/networking',
	paths: ['/etc/init.d/networking'],
	group: 'network',
	run(ctx) {
		const old = userlandEra(ctx.host.kernel) === 'sarge';
		const action = ctx.argv[1];
		const script = '/etc/init.d/networking';
		const verbs: Record<string, [string, string, string]> = {
			start: ['Configuring', 'Starting', 'ifup -a'],
			stop: ['Deconfiguring', 'Stopping', 'ifdown -a'],
			restart: ['Reconfiguring', 'Restarting', ''],
			'force-reload': ['Reconfiguring', 'Reloading', ''],
			reload: ['Reconfiguring', 'Reloading', ''],
		};
		const v = action === undefined ? undefined : verbs[action];
		if (!v || (old && action === 'reload')) {
			ctx.err(old ? `Usage: ${script} {start|stop|restart|force-reload}\n` : `Usage: ${script} {start|stop|reload|restart|force-reload}\n`);
			return 1;
		}
		const work = () => {
			if (v[2]) ctx.run(v[2]);
			else {
				ctx.run(old ? 'ifdown -a' : 'ifdown -a --exclude=lo');
				ctx.run(old ? 'ifup -a' : 'ifup -a --exclude=lo');
			}
		};
		if (old) {
			ctx.out(`${v[0]} network interfaces:`);
			work();
			ctx.out(' done.\n');
		} else {
			work();
			ctx.out(`${v[1]} networking (via systemctl): networking.service.\n`);
		}
		return 0;
	},
};
