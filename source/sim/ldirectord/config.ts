import type {Host} from '../host';
import {isFacility} from '../logging/syslog';
import {hostByName, portToService, servByName} from './services';

export type Forward = 'gate' | 'masq' | 'ipip';
export type CheckType = 'negotiate' | 'connect' | 'ping' | 'off' | 'on' | 'external' | 'external-perl' | 'combined';

export interface RealConfig {
	/** Dotted quad (hostnames are resolved while parsing, as ldirectord does). */
	server: string;
	port: number;
	forward: Forward;
	weight: number;
	/** Per-real request/receive pair (`real=… gate 1 "page" "regex"`). */
	request?: string;
	receive?: string;
}

export interface FallbackConfig {
	server: string;
	/** Undefined for a global fallback without a port: it takes each virtual's port. */
	port?: number;
	forward: Forward;
}

export interface VirtualConfig {
	/** Line of the `virtual=` directive. */
	line: number;
	protocol: 'tcp' | 'udp' | 'fwm';
	/** Address and port for tcp/udp services. */
	server?: string;
	port: number;
	fwm?: number;
	service: string;
	checktype: CheckType;
	/** checktype=N: connect checks before each negotiate check. */
	numConnects: number;
	scheduler: string;
	persistent?: number;
	netmask?: string;
	request: string;
	receive: string;
	httpmethod: 'GET' | 'HEAD';
	virtualhost?: string;
	checkport?: number;
	/** Per-virtual overrides; -1 when unset, as ldirectord keeps them. */
	checktimeout: number;
	negotiatetimeout: number;
	checkcount: number;
	failurecount: number;
	checkinterval?: number;
	fallback?: FallbackConfig;
	fallbackcommand?: string;
	quiescent?: 'yes' | 'no';
	cleanstop?: 'yes' | 'no';
	checkcommand: string;
	login: string;
	passwd: string;
	database: string;
	secret: string;
	emailalert?: string;
	emailalertfreq?: number;
	monitorfile?: string;
	smtp?: string;
	ops: boolean;
	real: RealConfig[];
}

export interface LdirectordConfig {
	checktimeout: number;
	negotiatetimeout: number;
	checkinterval: number;
	checkcount: number;
	failurecount: number;
	autoreload: 'yes' | 'no';
	callback?: string;
	/** Global fallback, resolved for tcp and udp. */
	fallback?: {tcp: FallbackConfig; udp: FallbackConfig};
	fallbackcommand?: string;
	/** A path (leading `/`) or a syslog facility. */
	logfile: string;
	quiescent: 'yes' | 'no';
	readdquiescent: 'yes' | 'no';
	cleanstop: 'yes' | 'no';
	fork: 'yes' | 'no';
	supervised: 'yes' | 'no';
	emailalert: string;
	emailalertfreq: number;
	emailalertfrom?: string;
	smtp?: string;
	maintenancedir?: string;
	execute: string[];
	virtuals: VirtualConfig[];
}

/** A message ldirectord prints as `Error [PID] reading file CFG at line N: …` (line 0: no file part). */
export interface ConfigProblem {
	line: number;
	message: string;
}

export type ParseResult = {ok: true; config: LdirectordConfig; warnings: ConfigProblem[]} | {ok: false; error: ConfigProblem; warnings: ConfigProblem[]};

class ConfigError extends Error {
	constructor(readonly problem: ConfigProblem) {
		super(problem.message);
	}
}

const SERVICES = ['dns', 'ftp', 'http', 'https', 'http_proxy', 'imap', 'imaps', 'ldap', 'nntp', 'mysql', 'none', 'oracle', 'pop', 'pops', 'radius', 'pgsql', 'sip', 'smtp', 'simpletcp'];

function defaults(): LdirectordConfig {
	return {
		checktimeout: -1,
		negotiatetimeout: -1,
		checkinterval: 10,
		checkcount: 1,
		failurecount: 1,
		autoreload: 'no',
		logfile: '/var/log/ldirectord.log',
		// The code's default; the manual claims yes. UltraMonkey's files always set it.
		quiescent: 'no',
		readdquiescent: 'no',
		cleanstop: 'yes',
		fork: 'no',
		supervised: 'no',
		emailalert: '',
		emailalertfreq: 0,
		execute: [],
		virtuals: [],
	};
}

/** A leading run of digits as Perl's `$x =~ /(\d+)/` finds it anywhere in the value. */
function digits(value: string): string | undefined {
	return /(\d+)/.exec(value)?.[1];
}

/** Perl truthiness of a captured number string: "0" and "" are false. */
function truthy(s: string | undefined): s is string {
	return s !== undefined && s !== '' && s !== '0';
}

/**
 * Parses ldirectord.cf line by line exactly as ldirectord's read_config does:
 * a `virtual=` line opens a section whose lines must be indented by at least
 * 4 spaces (a tab counts as 4); the first line that is not ends the section
 * and is read again as a global directive. The first error stops parsing.
 */
export function parseLdirectordConfig(text: string, host: Host): ParseResult {
	const warnings: ConfigProblem[] = [];
	const config = defaults();
	const lines = text.split('\n').map((l, i, all) => (i < all.length - 1 ? l + '\n' : l));
	if (lines[lines.length - 1] === '') lines.pop();
	const error = (line: number, message: string): never => {
		throw new ConfigError({line, message});
	};
	const warn = (line: number, message: string) => warnings.push({line, message});
	const seen = new Set<string>();
	try {
		let i = 0;
		let pending: string | undefined;
		for (;;) {
			let linedata: string;
			if (pending !== undefined) {
				linedata = pending;
				pending = undefined;
			} else {
				if (i >= lines.length) break;
				linedata = lines[i++]!;
			}
			const lineNo = i;
			const virtualMatch = /^virtual\s*=\s*(.*)/.exec(linedata);
			if (virtualMatch) {
				const result = parseVirtual(virtualMatch[1]!, lineNo, lines, i, host, error, warn);
				i = result.next;
				const v = result.virtual;
				const id = virtualId(v);
				if (seen.has(id)) error(result.lastLine, 'duplicate virtual server');
				seen.add(id);
				config.virtuals.push(v);
				if (result.leftover === undefined) break;
				pending = result.leftover;
				continue;
			}
			if (/^\s*$/.test(linedata) || /^\s*#/.test(linedata)) continue;
			parseGlobal(linedata, lineNo, config, host, error, warn);
		}
	} catch (e) {
		if (e instanceof ConfigError) return {ok: false, error: e.problem, warnings};
		throw e;
	}
	if (config.fork === 'no') {
		for (const v of config.virtuals) {
			if (v.checkinterval !== undefined) warn(-1, `checkinterval in virtual service ${virtualId(v)} ignored when fork=no`);
		}
	}
	return {ok: true, config, warnings};
}

type ErrorFn = (line: number, message: string) => never;
type WarnFn = (line: number, message: string) => void;

function parseGlobal(linedata: string, line: number, c: LdirectordConfig, host: Host, error: ErrorFn, warn: WarnFn): void {
	const body = linedata.replace(/\n$/, '');
	const m = (re: RegExp) => re.exec(body);
	let x: RegExpExecArray | null;
	const yesNo = (value: string, what: string): 'yes' | 'no' => {
		if (value !== 'yes' && value !== 'no') error(line, `${what} must be 'yes' or 'no'`);
		return value as 'yes' | 'no';
	};
	if ((x = m(/^checktimeout\s*=\s*(.*)/))) {
		const d = digits(x[1]!);
		if (!truthy(d) || Number(d) <= 0) error(line, 'invalid check timeout value');
		c.checktimeout = Number(d);
	} else if (m(/^connecttimeout\s*=\s*(.*)/)) {
		error(line, 'connecttimeout directive deprecated in favour of negotiatetimeout');
	} else if ((x = m(/^negotiatetimeout\s*=\s*(.*)/))) {
		const d = digits(x[1]!);
		if (!truthy(d) || Number(d) <= 0) error(line, 'invalid negotiate timeout value');
		c.negotiatetimeout = Number(d);
	} else if ((x = m(/^checkinterval\s*=\s*(.*)/))) {
		const d = digits(x[1]!);
		if (!truthy(d)) error(line, 'invalid check interval value');
		c.checkinterval = Number(d);
	} else if ((x = m(/^checkcount\s*=\s*(.*)/))) {
		const d = digits(x[1]!);
		if (!truthy(d)) error(line, 'invalid check count value');
		c.checkcount = Number(d);
		warn(line, "checkcount option is deprecated and slated for removal.  please see 'failurecount'");
	} else if ((x = m(/^failurecount\s*=\s*(.*)/))) {
		const d = digits(x[1]!);
		if (!truthy(d)) error(line, 'invalid failure count value');
		c.failurecount = Number(d);
	} else if ((x = m(/^fallback\s*=\s*(.*)/))) {
		const tcp = parseFallback(line, x[1]!, undefined, error);
		const udp = parseFallback(line, x[1]!, undefined, error);
		resolveFallback(line, host, tcp, error);
		resolveFallback(line, host, udp, error);
		c.fallback = {tcp, udp};
	} else if ((x = m(/^fallbackcommand\s*=\s*(.*)/))) {
		if (x[1] === '') error(line, 'invalid fallback command');
		c.fallbackcommand = x[1];
	} else if ((x = m(/^autoreload\s*=\s*(.*)/))) {
		c.autoreload = yesNo(x[1]!, 'autoreload');
	} else if ((x = m(/^callback\s*=\s*"(.*)"/))) {
		c.callback = x[1];
	} else if ((x = m(/^logfile\s*=\s*"(.*)"/))) {
		const target = x[1]!;
		if (!logTargetUsable(host, target)) error(line, `unable to open logfile: ${target}`);
		c.logfile = target;
	} else if ((x = m(/^execute\s*=\s*(.*)/))) {
		c.execute.push(x[1]!);
	} else if ((x = m(/^fork\s*=\s*(.*)/))) {
		c.fork = yesNo(x[1]!, 'fork');
	} else if (m(/^supervised/)) {
		if ((x = m(/^supervised\s*=\s*(.*)/)) && (x[1] === 'yes' || x[1] === 'no')) c.supervised = x[1];
		else if (m(/^supervised\s*$/)) {
			c.supervised = 'yes';
			warn(line, 'please update your config not to use a bare supervised directive');
		} else error(line, "supervised must be 'yes' or 'no'");
	} else if ((x = m(/^quiescent\s*=\s*(.*)/))) {
		c.quiescent = yesNo(x[1]!, 'quiescent');
	} else if ((x = m(/^readdquiescent\s*=\s*(.*)/))) {
		c.readdquiescent = yesNo(x[1]!, 'readdquiescent');
	} else if ((x = m(/^emailalert\s*=\s*(.*)/))) {
		if (x[1] === '') error(line, 'no email address specified');
		c.emailalert = x[1]!.replace(/^"([^"]*)"$/, '$1');
	} else if ((x = m(/^emailalertfreq\s*=\s*(\d*)/))) {
		if (x[1] === '') error(line, 'invalid email alert frequency');
		c.emailalertfreq = Number(x[1]);
	} else if ((x = m(/^emailalertstatus\s*=\s*(.*)/))) {
		parseEmailAlertStatus(line, x[1]!, error);
	} else if ((x = m(/^emailalertfrom\s*=\s*(.*)/))) {
		if (x[1] === '') error(line, 'no email from address specified');
		c.emailalertfrom = x[1];
	} else if ((x = m(/^cleanstop\s*=\s*(.*)/))) {
		c.cleanstop = yesNo(x[1]!, 'cleanstop');
	} else if ((x = m(/^smtp\s*=\s*(.*)/))) {
		const s = /^([0-9A-Za-z._+-]+)/.exec(x[1]!);
		if (!s) error(line, 'invalid SMTP server address');
		c.smtp = s![1];
	} else if ((x = m(/^maintenancedir\s*=\s*(.*)/))) {
		if (x[1] === '') error(line, 'maintenance directory not specified');
		c.maintenancedir = x[1];
		if (!host.fs.isDir(x[1]!)) warn(line, 'maintenance directory does not exist');
	} else {
		if (m(/^timeout\s*=\s*(.*)/)) error(line, 'timeout directive deprecated in favour of checktimeout and negotiatetimeout');
		// ldirectord interpolates the raw line, newline included, then a space.
		error(line, `Unknown command ${linedata} `);
	}
}

function logTargetUsable(host: Host, target: string): boolean {
	if (!target.startsWith('/')) return isFacility(target) || target !== '';
	const dir = target.slice(0, target.lastIndexOf('/')) || '/';
	return host.fs.isDir(dir) && !host.fs.isDir(target);
}

function parseEmailAlertStatus(line: number, arg: string, error: ErrorFn): void {
	const items = arg.split(/\s*,\s*/);
	const none = items.filter((i) => i === 'none').length;
	for (const i of items) {
		if (i === 'none') continue;
		if (!['all', 'starting', 'stopping', 'running', 'reloading'].includes(i)) error(line, `invalid email alert status at: "${i}"`);
		if (none > 0) error(line, `invalid email alert status: "${i}" specified with "none"`);
	}
}

function parseFallback(line: number, text: string, virtualPort: number | undefined, error: ErrorFn): FallbackConfig {
	const m = /^\s*([^: \t]+)(:(\S+))?(\s+(\S+))?\s*/.exec(text);
	if (!m) error(line, `invalid fallback server: ${text}`);
	const fwd = m![5];
	if (fwd && fwd !== 'gate' && fwd !== 'masq' && fwd !== 'ipip') error(line, 'forward method must be gate, masq or ipip');
	const fb: FallbackConfig & {portName?: string} = {server: m![1]!, forward: (fwd || 'gate') as Forward};
	if (m![3] !== undefined) fb.portName = m![3];
	else if (virtualPort !== undefined) fb.port = virtualPort;
	return fb;
}

function resolveFallback(line: number, host: Host, fb: FallbackConfig & {portName?: string}, error: ErrorFn): void {
	const ip = hostByName(host, fb.server);
	if (ip === undefined) error(line, `invalid address for fallback server: ${fb.server}`);
	fb.server = ip!;
	if (fb.portName === undefined) return;
	const port = servByName(fb.portName);
	// Perl's `or` also rejects port 0 here.
	if (!port) error(line, 'invalid port for fallback server');
	fb.port = port;
	delete fb.portName;
}

interface VirtualResult {
	virtual: VirtualConfig;
	/** Index of the next unread line. */
	next: number;
	/** The line that ended the section, to be read again at top level. */
	leftover?: string;
	lastLine: number;
}

function parseVirtual(vattr: string, vline: number, lines: string[], start: number, host: Host, error: ErrorFn, warn: WarnFn): VirtualResult {
	let ipPort: {host: string; port: string} | undefined;
	let fwm: number | undefined;
	let x: RegExpExecArray | null;
	if ((x = /^(\d+\.\d+\.\d+\.\d+):([0-9A-Za-z_-]+)/.exec(vattr))) ipPort = {host: x[1]!, port: x[2]!};
	else if ((x = /^([0-9A-Za-z._+-]+):([0-9A-Za-z_-]+)/.exec(vattr))) ipPort = {host: x[1]!, port: x[2]!};
	else if ((x = /^(\d+)/.exec(vattr))) fwm = Number(x[1]);
	else error(vline, 'invalid address for virtual server');

	const v: VirtualConfig = {
		line: vline,
		protocol: ipPort ? (/^(53|domain)$/.test(ipPort.port) ? 'udp' : 'tcp') : 'fwm',
		port: 0,
		service: '',
		checktype: 'negotiate',
		numConnects: 0,
		scheduler: 'wrr',
		request: '/',
		receive: '',
		httpmethod: 'GET',
		checktimeout: -1,
		negotiatetimeout: -1,
		checkcount: -1,
		failurecount: -1,
		checkcommand: '/bin/true',
		login: '',
		passwd: '',
		database: '',
		secret: '',
		ops: false,
		real: [],
	};
	if (fwm !== undefined) {
		v.fwm = fwm;
		v.service = 'none';
	}
	let serviceSet = fwm !== undefined;
	let fallbackLine = 0;
	let fallbackText: string | undefined;
	const todo: Array<[string, number]> = [];
	let i = start;
	let leftover: string | undefined;
	while (i < lines.length) {
		const linedata = lines[i++]!;
		const line = i;
		if (/^\s*#/.test(linedata)) continue;
		const stripped = linedata.replace(/#.*/, '').replace(/\t/g, '    ');
		const indented = /^ {4,}(.+)/.exec(stripped);
		if (!indented) {
			leftover = linedata;
			break;
		}
		const rcmd = indented[1]!;
		const m = (re: RegExp) => (x = re.exec(rcmd));
		const yesNo = (value: string, what: string): 'yes' | 'no' => {
			if (value !== 'yes' && value !== 'no') error(line, `${what} must be 'yes' or 'no'`);
			return value as 'yes' | 'no';
		};
		if (m(/^real\s*=\s*(.*)/)) {
			todo.push([x![1]!, line]);
		} else if (m(/^request\s*=\s*"(.*)"/)) {
			if (x![1] === '') error(line, 'no request string specified');
			v.request = x![1]!.startsWith('/') ? x![1]! : '/' + x![1]!;
		} else if (m(/^receive\s*=\s*"(.*)"/)) {
			if (x![1] === '') error(line, 'invalid receive string');
			v.receive = x![1]!;
		} else if (m(/^checktype\s*=\s*(.*)/)) {
			const value = x![1]!;
			const n = /(\d+)/.exec(value);
			const word = /([\w-]+)/.exec(value)?.[1];
			if (n) {
				v.numConnects = Number(n[1]);
				v.checktype = 'combined';
			} else if (word && ['connect', 'negotiate', 'ping', 'off', 'on', 'external', 'external-perl'].includes(word)) {
				v.checktype = word as CheckType;
			} else {
				error(line, 'checktype must be "connect", "negotiate", "on", "off", "ping", "external", "external-perl" or a positive number');
			}
		} else if (m(/^checkcommand\s*=\s*"(.*)"/) || m(/^checkcommand\s*=\s*(.*)/)) {
			if (x![1] === '') error(line, 'invalid check command');
			v.checkcommand = x![1]!;
		} else if (m(/^checktimeout\s*=\s*(.*)/)) {
			const d = digits(x![1]!);
			if (!truthy(d)) error(line, 'invalid check timeout');
			v.checktimeout = Number(d);
		} else if (m(/^connecttimeout\s*=\s*(.*)/)) {
			error(line, 'connecttimeout directive deprecated in favour of negotiatetimeout');
		} else if (m(/^negotiatetimeout\s*=\s*(.*)/)) {
			const d = digits(x![1]!);
			if (!truthy(d)) error(line, 'invalid negotiate timeout');
			v.negotiatetimeout = Number(d);
		} else if (m(/^checkcount\s*=\s*(.*)/)) {
			const d = digits(x![1]!);
			if (!truthy(d)) error(line, 'invalid check count');
			v.checkcount = Number(d);
			warn(line, "checkcount option is deprecated and slated for removal.  please see 'failurecount'");
		} else if (m(/^failurecount\s*=\s*(.*)/)) {
			const d = digits(x![1]!);
			if (!truthy(d)) error(line, 'invalid failure count');
			v.failurecount = Number(d);
		} else if (m(/^checkinterval\s*=\s*(.*)/)) {
			const d = digits(x![1]!);
			if (!truthy(d)) error(line, 'invalid checkinterval');
			v.checkinterval = Number(d);
		} else if (m(/^checkport\s*=\s*(.*)/)) {
			const d = digits(x![1]!);
			if (d === undefined) error(line, 'invalid port');
			if (!(Number(d) > 0 && Number(d) < 65536)) error(line, 'checkport must be in range 1..65536');
			v.checkport = Number(d);
		} else if (m(/^login\s*=\s*"(.*)"/)) {
			if (x![1] === '') error(line, 'invalid login string');
			v.login = x![1]!;
		} else if (m(/^passwd\s*=\s*"(.*)"/)) {
			if (x![1] === '') error(line, 'invalid password');
			v.passwd = x![1]!;
		} else if (m(/^database\s*=\s*"(.*)"/)) {
			if (x![1] === '') error(line, 'invalid database');
			v.database = x![1]!;
		} else if (m(/^secret\s*=\s*"(.*)"/)) {
			if (x![1] === '') error(line, 'invalid secret');
			v.secret = x![1]!;
		} else if (m(/^scheduler\s*=\s*(.*)/)) {
			// Any lower-case word is accepted; ipvsadm (the kernel) rejects unknown schedulers.
			const s = /([a-z]+)/.exec(x![1]!);
			if (!s) error(line, 'invalid scheduler, should be only lowercase letters (a-z)');
			v.scheduler = s![1]!;
		} else if (m(/^persistent\s*=\s*(.*)/)) {
			const d = digits(x![1]!);
			if (d === undefined) error(line, 'invalid persistent timeout');
			v.persistent = Number(d);
		} else if (m(/^netmask\s*=\s*(.*)/)) {
			const n = /(\d+\.\d+\.\d+\.\d+)/.exec(x![1]!);
			if (!n) error(line, 'invalid netmask');
			v.netmask = n![1];
		} else if (m(/^protocol\s*=\s*(.*)/)) {
			const p = /(\w+)/.exec(x![1]!)?.[1];
			if (p === undefined) error(line, 'invalid protocol');
			if (v.protocol === 'fwm') {
				if (p !== 'fwm') error(line, 'protocol must be fwm if the virtual service is a fwmark (a number)');
			} else if (p === 'tcp' || p === 'udp') v.protocol = p;
			else error(line, 'protocol must be tcp or udp if the virtual service is an address and port');
		} else if (m(/^service\s*=\s*(.*)/)) {
			const s = /(\w+)/.exec(x![1]!)?.[1];
			if (s === undefined || !SERVICES.includes(s)) {
				error(line, 'service must be dns, ftp, http, https, http_proxy, imap, imaps, ldap, nntp, mysql, none, oracle, pop, pops, radius, pgsql, simpletcp, sip or smtp');
			}
			v.service = s!;
			serviceSet = true;
			if (s === 'ftp' && v.login === '') v.login = 'anonymous';
			if (s === 'ftp' && v.passwd === '') v.passwd = `ldirectord@${host.name}`;
			if (s === 'sip' && v.login === '') v.login = `ldirectord@${host.name}`;
		} else if (m(/^httpmethod\s*=\s*(.*)/)) {
			const w = /(\w+)/.exec(x![1]!)?.[1]?.toUpperCase();
			if (w !== 'GET' && w !== 'HEAD') error(line, 'httpmethod must be GET or HEAD');
			v.httpmethod = w as 'GET' | 'HEAD';
		} else if (m(/^virtualhost\s*=\s*(.*)/)) {
			v.virtualhost = /"?([^"]*)"?/.exec(x![1]!)![1];
		} else if (m(/^fallback\s*=\s*(.*)/)) {
			fallbackLine = line;
			fallbackText = x![1]!;
			// Checked now for syntax; the port is filled in once the virtual is resolved.
			parseFallback(line, fallbackText, undefined, error);
		} else if (m(/^fallbackcommand\s*=\s*"(.*)"/) || m(/^fallbackcommand\s*=\s*(.*)/)) {
			if (x![1] === '') error(line, 'invalid fallback command');
			v.fallbackcommand = x![1];
		} else if (m(/^quiescent\s*=\s*(.*)/)) {
			v.quiescent = yesNo(x![1]!, 'quiescent');
		} else if (m(/^emailalert\s*=\s*(.*)/)) {
			if (x![1] === '') error(line, 'no email address specified');
			v.emailalert = x![1];
		} else if (m(/^emailalertfreq\s*=\s*(\d*)/)) {
			if (x![1] === '') error(line, 'invalid email alert frequency');
			v.emailalertfreq = Number(x![1]);
		} else if (m(/^emailalertstatus\s*=\s*(.*)/)) {
			parseEmailAlertStatus(line, x![1]!, error);
		} else if (m(/^monitorfile\s*=\s*"(.*)"/) || m(/^monitorfile\s*=\s*(.*)/)) {
			v.monitorfile = x![1];
		} else if (m(/^cleanstop\s*=\s*(.*)/)) {
			v.cleanstop = yesNo(x![1]!, 'cleanstop');
		} else if (m(/^smtp\s*=\s*(.*)/)) {
			const s = /^([0-9A-Za-z._+-]+)/.exec(x![1]!);
			if (!s) error(line, 'invalid SMTP server address');
			v.smtp = s![1];
		} else if (m(/^ops\s*=\s*(.*)/)) {
			v.ops = yesNo(x![1]!, 'ops') === 'yes';
		} else {
			// The raw line goes inside the quotes, newline and all.
			error(line, `Unknown command "${linedata}"`);
		}
	}
	const lastLine = leftover === undefined ? i : i - 1;

	// Resolution happens once the whole section (and so the protocol) is known.
	if (ipPort) {
		const ip = hostByName(host, ipPort.host);
		const port = servByName(ipPort.port);
		if (ip === undefined || port === undefined) error(vline, 'invalid address for virtual service');
		v.server = ip;
		v.port = port!;
		if (!serviceSet) v.service = portToService(v.port);
	}
	if (fallbackText !== undefined) {
		const fb = parseFallback(fallbackLine, fallbackText, v.port, error);
		resolveFallback(fallbackLine, host, fb, error);
		v.fallback = fb;
	}
	for (const [text, line] of todo) v.real.push(parseReal(text, line, v, host, error));
	return {virtual: v, next: leftover === undefined ? i : i, leftover, lastLine};
}

function parseReal(text: string, line: number, v: VirtualConfig, host: Host, error: ErrorFn): RealConfig {
	const m = /(\d+\.\d+\.\d+\.\d+|[A-Za-z0-9.-]+)(->(\d+\.\d+\.\d+\.\d+|[A-Za-z0-9.-]+))?(:(\d+|[A-Za-z0-9-]+))?\s+(.*)/.exec(text);
	if (!m) error(line, 'invalid address for real server (wrong format)');
	const ip1 = m![1]!;
	if (m![3] !== undefined) error(line, 'address ranges (a->b) are not supported in this lab; list each real server');
	const portName = m![5] ?? '0';
	let flags = m![6]!;
	const ip = hostByName(host, ip1);
	if (ip === undefined) error(line, `invalid address (${ip1}) for real server (could not resolve host)`);
	let port = servByName(portName);
	if (port === undefined) error(line, `invalid port (${portName}) for real server (could not resolve port)`);
	const f = /(\w+)(.*)/.exec(flags);
	if (!f || (f[1] !== 'gate' && f[1] !== 'masq' && f[1] !== 'ipip')) error(line, 'forward method must be gate, masq or ipip');
	const forward = f![1] as Forward;
	flags = f![2]!;
	let weight = 1;
	const w = /^\s+(\d+)(.*)/.exec(flags);
	if (w) {
		weight = Number(w[1]);
		flags = w[2]!;
	}
	const real: RealConfig = {server: ip!, port: port!, forward, weight};
	const rr = /^\s+"(.*)"[, ]\s*"(.*)"(.*)/.exec(flags);
	if (rr) {
		real.request = rr[1];
		real.receive = rr[2];
		flags = rr[3]!;
	}
	if (/\S/.test(flags)) error(line, `Invalid real server line, around "${flags}"`);
	// Without masquerading the kernel uses the virtual port anyway; port 0 means "the virtual's".
	if (port === 0 && v.protocol !== 'fwm') real.port = v.port;
	return real;
}

/** `tcp:192.168.0.105:80` or `fwm:1`, as ldirectord names virtual services in its logs. */
export function virtualId(v: VirtualConfig): string {
	return `${v.protocol}:${virtualAddr(v)}`;
}

/** `192.168.0.105:80`, or the fwmark. */
export function virtualAddr(v: VirtualConfig): string {
	return v.protocol === 'fwm' ? String(v.fwm) : `${v.server}:${v.port}`;
}
