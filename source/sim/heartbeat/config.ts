import {isFacility} from '../logging/syslog';
import {parseIp} from '../net/ipv4';
import {MSEC, SEC, type Micros} from '../time';

export const HA_DIR = '/etc/ha.d';
export const HA_CF = '/etc/ha.d/ha.cf';
export const HARESOURCES = '/etc/ha.d/haresources';
export const AUTHKEYS = '/etc/ha.d/authkeys';

/** A heartbeat path: bcast on an interface, mcast to a group, ucast to a peer. */
export type Medium =
	| {readonly kind: 'bcast'; readonly dev: string; readonly port: number}
	| {readonly kind: 'mcast'; readonly dev: string; readonly group: string; readonly port: number; readonly ttl: number; readonly loop: number}
	| {readonly kind: 'ucast'; readonly dev: string; readonly peer: string; readonly port: number}
	| {readonly kind: 'serial'; readonly dev: string};

export interface HaConfig {
	keepalive: Micros;
	deadtime: Micros;
	warntime: Micros;
	initdead: Micros;
	udpport: number;
	media: Medium[];
	autoFailback: 'on' | 'off' | 'legacy';
	nodes: string[];
	respawn: Array<{user: string; path: string}>;
	apiauth: Array<{client: string; spec: string}>;
	ping: string[];
	logfacility?: string;
	logfile?: string;
	debugfile?: string;
	baud: number;
	debug: number;
	/** Which of keepalive/deadtime/warntime/initdead were given (defaults differ otherwise). */
	explicit: Set<string>;
}

/** One problem, in heartbeat's words, with its log level. */
export interface HaProblem {
	level: 'ERROR' | 'WARN';
	message: string;
}

/** Time values: seconds, or milliseconds with an `ms` suffix (cl_get_msec). */
export function parseTime(value: string): Micros | undefined {
	const m = /^(\d+(?:\.\d+)?)(ms|s|us)?$/.exec(value.trim());
	if (!m) return undefined;
	const n = Number(m[1]);
	if (m[2] === 'ms') return Math.round(n * MSEC);
	if (m[2] === 'us') return Math.round(n);
	return Math.round(n * SEC);
}

const DIRECTIVES = new Set([
	'debugfile', 'logfile', 'logfacility', 'keepalive', 'deadtime', 'deadping', 'warntime', 'initdead', 'watchdog', 'baud',
	'udpport', 'hopfudge', 'realtime', 'debug', 'auto_failback', 'nice_failback', 'stonith', 'stonith_host', 'respawn',
	'apiauth', 'rtprio', 'generation_method', 'hbgenmethod', 'node', 'ping', 'ping_group', 'serial', 'bcast', 'mcast',
	'ucast', 'use_logd', 'msgfmt', 'coredumps', 'crm', 'traditional_compression', 'compression', 'uuidfrom', 'autojoin',
]);

/**
 * Reads ha.cf as heartbeat does: one directive per line, `#` starts a comment,
 * directives apply in order (so `udpport` must precede `bcast`/`ucast`).
 * Returns the configuration and the errors heartbeat would log; any ERROR
 * keeps heartbeat from starting.
 */
export function parseHaCf(text: string, uname: string): {config: HaConfig; problems: HaProblem[]} {
	const problems: HaProblem[] = [];
	const c: HaConfig = {
		keepalive: SEC,
		deadtime: 30 * SEC,
		warntime: 0,
		initdead: 0,
		udpport: 694,
		media: [],
		autoFailback: 'legacy',
		nodes: [],
		respawn: [],
		apiauth: [],
		ping: [],
		baud: 19200,
		debug: 0,
		explicit: new Set(),
	};
	const error = (message: string) => problems.push({level: 'ERROR', message});
	for (const raw of text.split('\n')) {
		const line = raw.replace(/#.*/, '').trim();
		if (line === '') continue;
		const [directive = '', ...values] = line.split(/\s+/);
		const value = values.join(' ');
		if (!DIRECTIVES.has(directive)) {
			error(`Illegal directive [${directive}] in ${HA_CF}`);
			continue;
		}
		switch (directive) {
			case 'keepalive':
			case 'deadtime':
			case 'warntime':
			case 'initdead': {
				const t = parseTime(value);
				if (t === undefined) {
					error(`Illegal value [${value}] for directive [${directive}]`);
					break;
				}
				c[directive] = t;
				c.explicit.add(directive);
				break;
			}
			case 'udpport': {
				const port = Number(value);
				if (!/^\d+$/.test(value) || port <= 0 || port > 65535) error(`Invalid port [${value}] specified`);
				else c.udpport = port;
				break;
			}
			case 'bcast':
				for (const dev of values) c.media.push({kind: 'bcast', dev, port: c.udpport});
				break;
			case 'mcast': {
				const [dev, group, port, ttl, loop] = values;
				if (values.length !== 5 || parseIp(group ?? '') === undefined || ((parseIp(group!)! >>> 28) !== 0xe)) {
					error(`mcast: bad parameters [${value}]`);
					break;
				}
				c.media.push({kind: 'mcast', dev: dev!, group: group!, port: Number(port), ttl: Number(ttl), loop: Number(loop)});
				break;
			}
			case 'ucast': {
				const [dev, peer] = values;
				if (values.length !== 2 || parseIp(peer!) === undefined) {
					error(`ucast: bad parameters [${value}]`);
					break;
				}
				c.media.push({kind: 'ucast', dev: dev!, peer: peer!, port: c.udpport});
				break;
			}
			case 'serial':
				for (const dev of values) c.media.push({kind: 'serial', dev});
				break;
			case 'baud':
				c.baud = Number(value) || 19200;
				break;
			case 'auto_failback':
				if (value === 'on' || value === 'off' || value === 'legacy') c.autoFailback = value;
				else if (value === 'yes' || value === 'true') c.autoFailback = 'on';
				else if (value === 'no' || value === 'false') c.autoFailback = 'off';
				else error(`Invalid auto_failback value [${value}]`);
				break;
			case 'nice_failback':
				c.autoFailback = value === 'on' ? 'off' : 'on';
				problems.push({level: 'WARN', message: "nice_failback flag is obsolete. Use auto_failback instead."});
				break;
			case 'node':
				for (const n of values) c.nodes.push(n);
				break;
			case 'respawn': {
				const [user, path] = values;
				if (!user || !path) error(`Invalid respawn directive [${value}]`);
				else c.respawn.push({user, path});
				break;
			}
			case 'apiauth': {
				const [client, ...spec] = values;
				c.apiauth.push({client: client ?? '', spec: spec.join(' ')});
				break;
			}
			case 'ping':
				c.ping.push(...values);
				break;
			case 'logfacility':
				if (value !== 'none' && !isFacility(value)) error(`Illegal value [${value}] for directive [logfacility]`);
				else if (value !== 'none') c.logfacility = value;
				break;
			case 'logfile':
				c.logfile = value;
				break;
			case 'debugfile':
				c.debugfile = value;
				break;
			case 'debug':
				c.debug = Number(value) || 0;
				break;
		}
	}
	// Defaults that depend on other values (heartbeat's config.c).
	if (!c.explicit.has('warntime')) c.warntime = Math.floor(c.deadtime / 2);
	if (!c.explicit.has('initdead')) {
		if (c.deadtime > 10 * SEC) c.initdead = c.deadtime;
		else if (c.deadtime < 6 * SEC) c.initdead = 12 * SEC;
		else c.initdead = 2 * c.deadtime;
	}
	const ms = (t: Micros) => Math.round(t / MSEC);
	if (c.media.length === 0) error('No heartbeat media defined');
	if (c.nodes.length === 0) error('No nodes defined');
	else if (!c.nodes.includes(uname)) error(`Current node [${uname}] not in configuration!`);
	if (c.deadtime <= 2 * c.keepalive) error(`Dead time [${ms(c.deadtime)}] is too small compared to keeplive [${ms(c.keepalive)}]`);
	if (c.warntime <= c.keepalive) problems.push({level: 'WARN', message: `Warn time [${ms(c.warntime)}] is too small compared to keepalive [${ms(c.keepalive)}]`});
	if (c.explicit.has('warntime') && c.warntime >= c.deadtime) problems.push({level: 'WARN', message: `Warn time [${ms(c.warntime)}] is larger than dead time [${ms(c.deadtime)}]`});
	if (c.initdead < c.deadtime) error(`Initial dead time [${ms(c.initdead)}] is smaller than deadtime [${ms(c.deadtime)}]`);
	else if (c.initdead < 10 * SEC) problems.push({level: 'WARN', message: `Initial dead time [${ms(c.initdead)} ms] may be too small!`});
	if (c.autoFailback === 'legacy') problems.push({level: 'WARN', message: "Deprecated 'legacy' auto_failback option selected."});
	return {config: c, problems};
}

/** One resource: `IPaddr2::192.168.0.105/24/eth0/192.168.0.255` → script IPaddr2, args [the address]. */
export interface Resource {
	readonly text: string;
	readonly script: string;
	readonly args: readonly string[];
}

export interface ResourceGroup {
	/** The preferred node. */
	readonly node: string;
	readonly resources: readonly Resource[];
	/** The group as haresources spells it (one line, single spaces), for log lines. */
	readonly text: string;
}

/**
 * haresources: one resource group per logical line (`\` continues a line).
 * A bare IP address means IPaddr. Errors use heartbeat's wording.
 */
export function parseHaresources(text: string, nodes: readonly string[], scriptExists: (name: string) => boolean): {groups: ResourceGroup[]; problems: HaProblem[]} {
	const problems: HaProblem[] = [];
	const groups: ResourceGroup[] = [];
	const logical: string[] = [];
	let current = '';
	for (const raw of text.split('\n')) {
		const line = raw.replace(/#.*/, '');
		if (/\\\s*$/.test(line)) {
			current += line.replace(/\\\s*$/, ' ');
			continue;
		}
		current += line;
		if (current.trim() !== '') logical.push(current.trim());
		current = '';
	}
	if (current.trim() !== '') logical.push(current.trim());
	for (const line of logical) {
		const [node, ...rest] = line.split(/\s+/);
		if (!nodes.includes(node!)) {
			problems.push({level: 'ERROR', message: `Bad nodename in ${HARESOURCES} [${node}]`});
			continue;
		}
		const resources: Resource[] = [];
		for (const word of rest) {
			const parts = word.split('::');
			let script = parts[0]!;
			let args = parts.slice(1);
			if (parts.length === 1 && parseIp(word.split('/')[0]!) !== undefined) {
				script = 'IPaddr';
				args = [word];
			}
			if (!scriptExists(script)) problems.push({level: 'ERROR', message: `Cannot locate resource script ${script}`});
			resources.push({text: word, script, args});
		}
		groups.push({node: node!, resources, text: [node, ...rest].join(' ')});
	}
	return {groups, problems};
}

export interface AuthKeys {
	active: number;
	method: 'crc' | 'md5' | 'sha1';
	secret: string;
	keys: Map<number, {method: string; secret: string}>;
}

/** authkeys: `auth N` then `N method [secret]` lines; the file must be mode 600. */
export function parseAuthkeys(text: string | undefined, mode: number | undefined): {keys?: AuthKeys; problems: HaProblem[]} {
	const file = `${HA_DIR}//authkeys`;
	if (text === undefined) return {problems: [{level: 'ERROR', message: `Cannot open keyfile [${file}].  Stop.`}]};
	if (mode !== undefined && (mode & 0o077) !== 0) {
		return {problems: [{level: 'ERROR', message: `Bad permissions on keyfile [${file}], 600 recommended.`}]};
	}
	let active: number | undefined;
	const keys = new Map<number, {method: string; secret: string}>();
	for (const raw of text.split('\n')) {
		const line = raw.replace(/#.*/, '').trim();
		if (line === '') continue;
		const words = line.split(/\s+/);
		if (words[0] === 'auth') {
			const n = Number(words[1]);
			if (words.length !== 2 || !Number.isInteger(n)) return {problems: [{level: 'ERROR', message: `Invalid auth line [${line}] in ${file}`}]};
			active = n;
			continue;
		}
		const n = Number(words[0]);
		const method = words[1];
		if (!Number.isInteger(n) || n < 1 || n > 15 || !method || !['crc', 'md5', 'sha1'].includes(method) || (method !== 'crc' && words.length < 3)) {
			return {problems: [{level: 'ERROR', message: `Invalid auth line [${line}] in ${file}`}]};
		}
		keys.set(n, {method, secret: words.slice(2).join(' ')});
	}
	if (active === undefined) return {problems: [{level: 'ERROR', message: `Missing auth directive in keyfile [${file}]`}]};
	const key = keys.get(active);
	if (!key) return {problems: [{level: 'ERROR', message: `Auth Key [${active}] not found in keyfile [${file}]`}]};
	return {keys: {active, method: key.method as AuthKeys['method'], secret: key.secret, keys}, problems: []};
}
