import type {FileSystem} from '../../sim/fs/filesystem';
import {listConnections} from './conn';
import {type CommandEntry, IPPROTO_UDP, SVC_ONEPACKET, SVC_PERSISTENT} from './entry';
import {fail, type Io} from './exit';
import {dotted} from './format';
import {ipvsStrerror, type LibIpvs} from './libipvs';
import {listAll, listService} from './list';
import type {Netdb} from './netdb';
import {type Command, legality, OPTIONS, type OptionName, TUNNEL_MATRIX, TUNNEL_OPTIONS, TUNNEL_TYPES} from './options';
import {DEFAULT_SCHEDULER, parseOptions, tryHelp} from './parse';
import {readRestoreLine} from './restore';

/** Everything one ipvsadm run works with. */
export interface IpvsadmEnv {
	io: Io;
	lib: LibIpvs;
	netdb: Netdb;
	fs: FileSystem;
	kernelVersion: string;
	/** Standard input, for -R. */
	stdin: {text: string; pos: number};
}

/**
 * process_options(): parse one command line, check it against the command's
 * table, fill in defaults, and do it. Returns 0, or -1 after printing a kernel error.
 */
export function processOptions(argv: readonly string[], readingStdin: boolean, env: IpvsadmEnv): number {
	const {io, lib} = env;
	const parsed = parseOptions(argv, env);
	if (parsed.kind === 'popt-error') return -1;
	const ce = parsed.entry;
	const command = ce.command!;
	checkOptions(command, ce.options, io);

	if (command === 'add-service' || command === 'edit-service') {
		if (!ce.svc.fwmark && !ce.svc.port && !(ce.svc.flags & SVC_PERSISTENT)) fail(io, 2, 'Zero port specified for non-persistent service');
		if (ce.svc.flags & SVC_ONEPACKET && !ce.svc.fwmark && ce.svc.protocol !== IPPROTO_UDP) fail(io, 2, 'One-Packet Scheduling is only for UDP virtual services');
		if (ce.svc.scheduler === '') ce.svc.scheduler = DEFAULT_SCHEDULER;
	}
	if (command === 'start-daemon' && ce.daemon.mcastIfn === '') ce.daemon.mcastIfn = 'eth0';
	if (command === 'add-server' || command === 'edit-server') {
		// Direct routing and tunnelling cannot change the port: the real server gets the service's.
		if (!ce.svc.fwmark && (ce.dest.fwd === 'tunnel' || ce.dest.fwd === 'route')) ce.dest.port = ce.svc.port;
		if (ce.dest.af !== ce.svc.af && ce.dest.fwd !== 'tunnel') fail(io, 2, 'Different address family is allowed only for tunneling servers');
		const tunnelOptions: OptionName[] = ['tun-type', 'tun-port', 'tun-nocsum', 'tun-csum', 'tun-remcsum'];
		if (tunnelOptions.some((o) => ce.options.has(o)) && ce.dest.fwd !== 'tunnel') fail(io, 2, 'Tunnel options conflict with forward method');
		checkTunnelOptions(ce, io);
	}

	let result: ReturnType<LibIpvs['flush']>;
	switch (command) {
		case 'list': {
			const o = ce.options;
			if (((o.has('connection') || o.has('timeout') || o.has('daemon')) && (o.has('stats') || o.has('rate') || o.has('thresholds'))) || ((o.has('timeout') || o.has('daemon')) && o.has('persistent-conn'))) {
				fail(io, 2, 'options conflicts in the list command');
			}
			if (o.has('connection')) listConnections(env.fs, env.netdb, io, ce.format.numeric, ce.format.persistentConn);
			else if (o.has('service-address')) listService(ce.svc, ce.format, env);
			else if (o.has('timeout')) {
				const t = lib.timeouts;
				io.out(`Timeout (tcp tcpfin udp): ${t.tcp} ${t.tcpfin} ${t.udp}\n`);
			} else if (o.has('daemon')) listDaemons(env);
			else listAll(ce.format, env);
			return 0;
		}
		case 'restore':
			return restoreTable(argv, readingStdin, env);
		case 'save':
			listAll({...ce.format, rule: true}, env);
			return 0;
		case 'flush':
			result = lib.flush();
			break;
		case 'add-service':
			result = lib.addService(ce.svc);
			break;
		case 'edit-service':
			result = lib.updateService(ce.svc);
			break;
		case 'delete-service':
			result = lib.delService(ce.svc);
			break;
		case 'zero':
			result = lib.zeroService(ce.svc);
			break;
		case 'add-server':
			result = lib.addDest(ce.svc, ce.dest);
			break;
		case 'edit-server':
			result = lib.updateDest(ce.svc, ce.dest);
			break;
		case 'delete-server':
			result = lib.delDest(ce.svc, ce.dest);
			break;
		case 'set':
			result = lib.setTimeout(ce.timeouts);
			break;
		case 'start-daemon':
			result = lib.startDaemon(ce.daemon);
			break;
		case 'stop-daemon':
			result = lib.stopDaemon(ce.daemon);
			break;
	}
	if (result) {
		io.err(ipvsStrerror(lib.call, result) + '\n');
		return -1;
	}
	return 0;
}

/**
 * generic_opt_check(): walk the options in table order; the first missing
 * required one, illegal one or second exclusive one is the error.
 */
function checkOptions(command: Command, options: ReadonlySet<OptionName>, io: Io): void {
	let exclusive: OptionName | undefined;
	for (const option of OPTIONS) {
		const rule = legality(command, option);
		if (!options.has(option)) {
			if (rule === '+') fail(io, 2, `You need to supply the '${option}' option for the '${command}' command`);
			continue;
		}
		if (rule === 'x') fail(io, 2, `Illegal '${option}' option with the '${command}' command`);
		if (rule === '1') {
			if (exclusive === undefined) exclusive = option;
			else fail(io, 2, `The option '${option}' conflicts with the '${exclusive}' option in the '${command}' command`);
		}
	}
}

/** tunnel_opt_check(): what each tunnel type requires or forbids. */
function checkTunnelOptions(ce: CommandEntry, io: Io): void {
	const type = TUNNEL_TYPES[ce.dest.tunType]!;
	let exclusive: OptionName | undefined;
	TUNNEL_OPTIONS.forEach((option, j) => {
		const rule = TUNNEL_MATRIX[type][j];
		if (!ce.options.has(option)) {
			if (rule === '+') fail(io, 2, `You need to supply the '${option}' option for the '${type}' tunnel type`);
			return;
		}
		if (rule === 'x') fail(io, 2, `Illegal '${option}' option with the '${type}' tunnel type`);
		if (rule === '1') {
			if (exclusive === undefined) exclusive = option;
			else fail(io, 2, `The option '${option}' conflicts with the '${exclusive}' option in the '${type}' tunnel type`);
		}
	});
}

/** list_daemon(): master first, then backup; 4.3+ kernels add their sync settings. */
function listDaemons(env: IpvsadmEnv): void {
	let text = '';
	for (const d of env.lib.daemons) {
		text += `${d.state} sync daemon (mcast=${d.mcastIfn}, syncid=${d.syncid}`;
		if (d.maxlen) text += `, maxlen=${d.maxlen}`;
		if (d.group) text += `, group=${dotted(d.group)}`;
		if (d.port) text += `, port=${d.port}`;
		if (d.ttl) text += `, ttl=${d.ttl}`;
		text += ')\n';
	}
	env.io.out(text);
}

/**
 * restore_table(): run every line of standard input as an ipvsadm command. A kernel
 * error is printed and the restore goes on; a parse error ends ipvsadm. The status
 * is the last command's.
 */
function restoreTable(argv: readonly string[], readingStdin: boolean, env: IpvsadmEnv): number {
	const program = argv[0] ?? 'ipvsadm';
	// -R inside a restore would read the same input again.
	if (readingStdin) tryHelp(env.io, program);
	let result = 0;
	for (;;) {
		const words = readRestoreLine(env.stdin, program);
		if (words === undefined) break;
		if (words.length > 1) result = processOptions(words, true, env);
	}
	return result;
}
