import {
	type CommandEntry,
	type Family,
	freshEntry,
	IPPROTO_SCTP,
	IPPROTO_TCP,
	IPPROTO_UDP,
	type ServiceSpec,
	SVC_ONEPACKET,
	SVC_PERSISTENT,
	SVC_SCHED1,
	SVC_SCHED2,
	SVC_SCHED3,
	SVC_SCHED_FLAGS,
} from './entry';
import {fail, type Io, IpvsadmExit} from './exit';
import {usage, version} from './help';
import {atoi, inetAton, inetPton4, isInet6, strtol, stringToNumber} from './libc';
import type {Netdb, ServiceProtocol} from './netdb';
import {type Command, type OptionName, POPT_TABLE} from './options';
import {Popt, POPT_ERROR_TEXT} from './popt';

/** Longest persistence timeout: 31 days. */
export const MAX_TIMEOUT = 86400 * 31;
/** IPVS_SVC_PERSISTENT_TIMEOUT: `-p` without a value. */
export const DEFAULT_PERSISTENCE = 360;
/** The scheduler -A and -E fill in when -s is absent. */
export const DEFAULT_SCHEDULER = 'wlc';
/** Debian's ipvsadm accepts weights up to INT_MAX (upstream stops at 65535). */
export const MAX_WEIGHT = 2147483647;
const INT_MAX = 2147483647;
/** IP_VS_SCHEDNAME_MAXLEN - 1 and IP_VS_IFNAME_MAXLEN - 1: ipvsadm copies at most this much. */
const NAME_MAX = 15;

/** SERVICE_ADDR / SERVICE_PORT bits of parse_service(). */
const SERVICE_ADDR = 1;
const SERVICE_PORT = 2;

/** What parse_options() needs from its surroundings. */
export interface ParseEnv {
	io: Io;
	netdb: Netdb;
}

export type ParseResult = {kind: 'ok'; entry: CommandEntry} | {kind: 'popt-error'};

const FIRST_COMMANDS: Record<string, Command> = {
	A: 'add-service',
	E: 'edit-service',
	D: 'delete-service',
	a: 'add-server',
	e: 'edit-server',
	d: 'delete-server',
	C: 'flush',
	L: 'list',
	l: 'list',
	Z: 'zero',
	set: 'set',
	R: 'restore',
	S: 'save',
	'start-daemon': 'start-daemon',
	'stop-daemon': 'stop-daemon',
};

/** Try `ipvsadm -h' …, then exit 255: the first word was not a command. */
export function tryHelp(io: Io, program: string): never {
	io.err(`Try \`${program} -h' or '${program} --help' for more information.\n`);
	throw new IpvsadmExit(255);
}

/**
 * parse_options(): the first option must be a command; every later one is an option
 * of it, checked and stored as it comes, so the first bad one decides the message.
 */
export function parseOptions(argv: readonly string[], env: ParseEnv): ParseResult {
	const {io} = env;
	const entry = freshEntry();
	const {svc, dest, daemon, format} = entry;
	const popt = new Popt(argv, POPT_TABLE);
	const program = argv[0] ?? 'ipvsadm';
	let schedFlags = '';

	const first = popt.nextOption();
	if (first.kind !== 'option') tryHelp(io, program);
	if (first.val === 'h') {
		io.out(version() + usage(program));
		throw new IpvsadmExit(0);
	}
	if (first.val === 'v') {
		io.out(version());
		throw new IpvsadmExit(0);
	}
	const command = FIRST_COMMANDS[first.val];
	if (!command) tryHelp(io, program);
	entry.command = command;
	if (command === 'start-daemon' || command === 'stop-daemon') {
		if (first.arg === 'master' || first.arg === 'backup') daemon.state = first.arg;
		else if (command === 'start-daemon') fail(io, 2, 'illegal start-daemon parameter specified');
		else fail(io, 2, 'illegal start_daemon specified');
	}

	const setOption = (name: OptionName) => {
		if (entry.options.has(name)) fail(io, 2, `multiple '${name}' options specified`);
		entry.options.add(name);
	};

	for (;;) {
		const next = popt.nextOption();
		if (next.kind === 'end') break;
		if (next.kind === 'error') {
			io.err(`${popt.badOption()}: ${POPT_ERROR_TEXT[next.error]}\n`);
			return {kind: 'popt-error'};
		}
		const arg = next.arg ?? '';
		switch (next.val) {
			case 't':
			case 'u':
			case 'sctp-service': {
				setOption('service-address');
				svc.protocol = next.val === 't' ? IPPROTO_TCP : next.val === 'u' ? IPPROTO_UDP : IPPROTO_SCTP;
				if (!(parseService(arg, svc, env.netdb) & SERVICE_ADDR)) fail(io, 2, 'illegal virtual server address[:port] specified');
				break;
			}
			case 'f':
				setOption('service-address');
				// The protocol is not used for fwmark services; ipvsadm sets a sane one anyway.
				svc.af = 4;
				svc.protocol = IPPROTO_TCP;
				svc.fwmark = parseFwmark(arg, io);
				break;
			case 's':
				setOption('scheduler');
				svc.scheduler = arg.slice(0, NAME_MAX);
				break;
			case 'p':
				setOption('persistent');
				svc.flags |= SVC_PERSISTENT;
				svc.timeout = next.arg === null ? DEFAULT_PERSISTENCE : parseTimeout(arg, 1, MAX_TIMEOUT, io);
				break;
			case 'M':
				setOption('netmask');
				if (svc.af !== 6) {
					const mask = inetAton(arg) ?? env.netdb.hostByName(arg);
					if (mask === undefined) fail(io, 2, 'illegal virtual server persistent mask specified');
					svc.netmask = mask;
				} else {
					svc.netmask = atoi(arg);
					if (svc.netmask < 1 || svc.netmask > 128) fail(io, 2, 'illegal ipv6 netmask specified');
				}
				break;
			case 'r': {
				setOption('real-server');
				// The real server is parsed as a copy of the service so far: same protocol for port names, same port by default.
				const target: ServiceSpec = {...svc};
				const parsed = parseService(arg, target, env.netdb);
				dest.af = target.af;
				dest.addr = target.addr;
				dest.port = target.port;
				if (!(parsed & SERVICE_ADDR)) fail(io, 2, 'illegal real server address[:port] specified');
				if (parsed === SERVICE_ADDR) dest.port = svc.port;
				break;
			}
			case 'i':
				setOption('forwarding-method');
				dest.fwd = 'tunnel';
				break;
			case 'g':
				setOption('forwarding-method');
				dest.fwd = 'route';
				break;
			case 'm':
				setOption('forwarding-method');
				dest.fwd = 'masq';
				break;
			case 'w':
				setOption('weight');
				dest.weight = stringToNumber(arg, 0, MAX_WEIGHT);
				if (dest.weight === -1) fail(io, 2, 'illegal weight specified');
				break;
			case 'x':
				setOption('u-threshold');
				dest.uThreshold = stringToNumber(arg, 0, INT_MAX);
				if (dest.uThreshold === -1) fail(io, 2, 'illegal u_threshold specified');
				break;
			case 'y':
				setOption('l-threshold');
				dest.lThreshold = stringToNumber(arg, 0, INT_MAX);
				if (dest.lThreshold === -1) fail(io, 2, 'illegal l_threshold specified');
				break;
			case 'c':
				setOption('connection');
				break;
			case 'n':
				setOption('numeric');
				format.numeric = true;
				break;
			case 'mcast-interface':
				setOption('mcast-interface');
				daemon.mcastIfn = arg.slice(0, NAME_MAX);
				break;
			case 'syncid':
				setOption('syncid');
				daemon.syncid = stringToNumber(arg, 0, 255);
				if (daemon.syncid === -1) fail(io, 2, 'illegal syncid specified');
				break;
			case 'timeout':
				setOption('timeout');
				break;
			case 'daemon':
				setOption('daemon');
				break;
			case 'stats':
				setOption('stats');
				format.stats = true;
				break;
			case 'rate':
				setOption('rate');
				format.rate = true;
				break;
			case 'thresholds':
				setOption('thresholds');
				format.thresholds = true;
				break;
			case 'persistent-conn':
				setOption('persistent-conn');
				format.persistentConn = true;
				break;
			case 'nosort':
				setOption('nosort');
				format.nosort = true;
				break;
			case 'sort':
				// Sorting is the default; --sort stays for old scripts.
				break;
			case 'X':
				setOption('exact');
				format.exact = true;
				break;
			case '6':
				if (!svc.fwmark) fail(io, 2, '-6 used before -f\n');
				svc.af = 6;
				svc.netmask = 128;
				break;
			case 'o':
				setOption('ops');
				svc.flags |= SVC_ONEPACKET;
				break;
			case 'pe':
				setOption('pe');
				svc.pe = arg.slice(0, 32);
				break;
			case 'b':
				setOption('sched-flags');
				schedFlags = arg.slice(0, 127);
				break;
			case 'mcast-group':
				setOption('mcast-group');
				parseMcastGroup(arg, entry, io);
				break;
			case 'mcast-port':
				setOption('mcast-port');
				daemon.port = stringToNumber(arg, 1, 65535);
				if (daemon.port === -1) fail(io, 2, 'illegal mcast-port specified');
				break;
			case 'mcast-ttl':
				setOption('mcast-ttl');
				daemon.ttl = stringToNumber(arg, 1, 255);
				if (daemon.ttl === -1) fail(io, 2, 'illegal mcast-ttl specified');
				break;
			case 'sync-maxlen':
				setOption('sync-maxlen');
				daemon.maxlen = stringToNumber(arg, 1, 65535 - 20 - 8);
				if (daemon.maxlen === -1) fail(io, 2, 'illegal sync-maxlen specified');
				break;
			case 'tun-info':
				setOption('tun-info');
				format.tunInfo = true;
				break;
			case 'tun-type': {
				setOption('tun-type');
				const type = ['ipip', 'gue', 'gre'].indexOf(arg);
				if (type < 0) fail(io, 2, 'illegal tunnel type specified');
				dest.tunType = type;
				break;
			}
			case 'tun-port':
				setOption('tun-port');
				dest.tunPort = stringToNumber(arg, 1, 65535);
				if (dest.tunPort === -1) fail(io, 2, 'illegal tunnel port specified');
				break;
			case 'tun-nocsum':
				setOption('tun-nocsum');
				break;
			case 'tun-csum':
				setOption('tun-csum');
				dest.tunFlags |= 1;
				break;
			case 'tun-remcsum':
				setOption('tun-remcsum');
				dest.tunFlags |= 2;
				break;
			default:
				// A second command (-a after -A), -h or -v after the command.
				fail(io, 2, `invalid option \`${popt.badOption()}'`);
		}
	}

	if (command === 'set') {
		const values = [popt.nextArg(), popt.nextArg(), popt.nextArg()];
		if (values.some((v) => v === undefined)) fail(io, 2, '--set option requires 3 timeout values');
		const [tcp, tcpfin, udp] = values.map((v) => parseTimeout(v!, 0, MAX_TIMEOUT, io));
		entry.timeouts = {tcp: tcp!, tcpfin: tcpfin!, udp: udp!};
	}
	const extra = popt.nextArg();
	if (extra !== undefined) fail(io, 2, `unexpected argument ${extra}`);
	if (schedFlags !== '') {
		svc.flags &= ~SVC_SCHED_FLAGS;
		svc.flags |= parseSchedFlags(svc.scheduler, schedFlags, io);
	}
	return {kind: 'ok', entry};
}

/**
 * parse_service(): `host[:port]` or `[ipv6]:port`. The host is a dotted address
 * (inet_aton rules) or a name from /etc/hosts; the port a number or a service name
 * for the service's protocol. A bare number is refused.
 */
export function parseService(buf: string, svc: ServiceSpec, netdb: Netdb): number {
	if (/^[0-9]*$/.test(buf)) return 0;
	let host = buf;
	let port: string | undefined;
	if (buf.startsWith('[')) {
		const close = buf.indexOf(']');
		if (close < 0 || buf[close + 1] !== ':') return 0;
		host = buf.slice(1, close);
		port = buf.slice(close + 2);
	}
	if (isInet6(host)) {
		svc.af = 6;
		svc.netmask = 128;
	} else {
		// An IPv4 address in brackets loses its port: only the text inside them is searched for one.
		const colon = host.lastIndexOf(':');
		port = colon >= 0 ? host.slice(colon + 1) : undefined;
		if (colon >= 0) host = host.slice(0, colon);
		const addr = inetAton(host) ?? netdb.hostByName(host);
		if (addr === undefined) return 0;
		svc.addr = addr;
		svc.af = 4;
	}
	let result = SERVICE_ADDR;
	if (port !== undefined) {
		result |= SERVICE_PORT;
		let number = stringToNumber(port, 0, 65535);
		if (number === -1) {
			const proto = protocolName(svc.protocol);
			number = proto ? (netdb.serviceByName(port, proto) ?? -1) : -1;
		}
		if (number === -1) return 0;
		svc.port = number;
	}
	return result;
}

function protocolName(protocol: number): ServiceProtocol | undefined {
	return protocol === IPPROTO_TCP ? 'tcp' : protocol === IPPROTO_UDP ? 'udp' : protocol === IPPROTO_SCTP ? 'sctp' : undefined;
}

/** parse_timeout(): a whole number of seconds in [min, max]. */
export function parseTimeout(text: string, min: number, max: number, io: Io): number {
	const value = stringToNumber(text, min, max);
	if (value === -1) fail(io, 2, `invalid timeout value \`${text}' specified`);
	return value;
}

/** parse_fwmark(): 1 .. 4294967295. */
function parseFwmark(text: string, io: Io): number {
	const r = strtol(text);
	// strtol's result is stored in an unsigned long, so negative marks become huge and fail too.
	if (r.end !== text.length || r.end === 0 || r.overflow || r.value <= 0n || r.value > 0xffffffffn) fail(io, 2, `invalid fwmark value \`${text}' specified`);
	return Number(r.value);
}

function parseMcastGroup(text: string, entry: CommandEntry, io: Io): void {
	if (text.includes(':')) {
		if (!isInet6(text) || !/^[fF][fF][0-9a-fA-F]{2}:/.test(text)) fail(io, 2, `invalid IPv6 mcast-group \`${text}'`);
		entry.daemon.groupAf = 6;
		return;
	}
	const ip = inetPton4(text);
	if (ip === undefined || ip >>> 28 !== 0xe) fail(io, 2, `invalid IPv4 mcast-group \`${text}'`);
	entry.daemon.groupAf = 4 as Family;
	entry.daemon.group = ip;
}

/**
 * parse_sched_flags(): a comma list. sh-* flags only with sh, mh-* only with mh
 * (wlc when no -s was given).
 */
function parseSchedFlags(scheduler: string, text: string, io: Io): number {
	const sched = scheduler || DEFAULT_SCHEDULER;
	const tokens = text.split(',').filter((t) => t !== '');
	if (tokens.length === 0) {
		// strtok() finds no token and ipvsadm compares a NULL pointer: the process dies.
		throw new SegmentationFault();
	}
	let flags = 0;
	for (const flag of tokens) {
		const only = (name: string) => {
			if (sched !== name) fail(io, 2, `incompatible scheduler flag \`${flag}'`);
		};
		if (flag === 'flag-1') flags |= SVC_SCHED1;
		else if (flag === 'flag-2') flags |= SVC_SCHED2;
		else if (flag === 'flag-3') flags |= SVC_SCHED3;
		else if (flag === 'sh-fallback') {
			flags |= SVC_SCHED1;
			only('sh');
		} else if (flag === 'sh-port') {
			flags |= SVC_SCHED2;
			only('sh');
		} else if (flag === 'mh-fallback') {
			flags |= SVC_SCHED1;
			only('mh');
		} else if (flag === 'mh-port') {
			flags |= SVC_SCHED2;
			only('mh');
		} else fail(io, 2, `invalid scheduler flag \`${flag}'`);
	}
	return flags;
}

/** The real ipvsadm crashes on `-b ,` (see parseSchedFlags); the shell reports SIGSEGV. */
export class SegmentationFault {}
