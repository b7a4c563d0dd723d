import type {CommandContext} from '../../context';
import type {Host} from '../../../sim/host';
import {userlandEra} from '../../../sim/net/userland-era';
import type {IpOptions} from './ip-format';

/** What an `ip` subcommand needs besides the arguments. */
export interface IpRun {
	ctx: CommandContext;
	host: Host;
	old: boolean;
	opts: IpOptions;
}

export function ipRun(ctx: CommandContext, opts: IpOptions): IpRun {
	return {ctx, host: ctx.host, old: userlandEra(ctx.host.kernel) === 'sarge', opts};
}

/** iproute2's matches(): the typed word is a prefix of the keyword. */
export function matches(word: string | undefined, keyword: string): boolean {
	return word !== undefined && word.length > 0 && keyword.startsWith(word);
}

/** Exit status of a `return -1` in iproute2 (255) — the old ip returned it from main. */
export const MINUS_ONE = 255;

/** Shell glob (label PATTERN) to RegExp. */
export function globRe(pattern: string): RegExp {
	return new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

/** iproute2's nodev(): `Cannot find device "X"` (the 2004 ip returned -1). */
export function noDevice(r: IpRun, dev: string): number {
	r.ctx.err(`Cannot find device "${dev}"\n`);
	return r.old ? MINUS_ONE : 1;
}

/** What the show commands print for an unknown device. */
export function deviceMissing(r: IpRun, dev: string): number {
	r.ctx.err(`Device "${dev}" does not exist.\n`);
	return r.old ? MINUS_ONE : 1;
}

/** `Error: argument "X" is wrong: …` / `Command line is not complete.` helpers. */
export function incomplete(r: IpRun): number {
	r.ctx.err('Command line is not complete. Try option "help"\n');
	return r.old ? MINUS_ONE : 255;
}

/** `Error: argument "X" is wrong: MSG` (iproute2's invarg; its messages often end in their own newline). */
export function invarg(r: IpRun, msg: string, arg: string): number {
	r.ctx.err(`Error: argument "${arg}" is wrong: ${msg}\n`);
	return 255;
}

/** strtoul(…, 0) on a whole word: decimal, 0x hex or 0 octal; undefined when anything is left over. */
export function cNumber(text: string): number | undefined {
	const m = /^\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
	if (!m) return undefined;
	const v = m[1]!;
	return v.startsWith('0x') || v.startsWith('0X') ? parseInt(v.slice(2), 16) : v.length > 1 && v.startsWith('0') ? parseInt(v, 8) : Number(v);
}

/** An IPv4 prefix as iproute2's get_prefix reads it. `any` is set for default/all/any. */
export interface Prefix {
	readonly ip: number;
	readonly prefix: number;
	readonly any: boolean;
}

/**
 * iproute2's get_prefix for IPv4: `default`/`all`/`any`, or up to four dotted
 * numbers (missing ones are 0: `10/8`) with an optional `/LEN` or `/MASK`.
 * The address keeps its host bits; callers that need a network check them.
 */
export function parsePrefix(text: string): Prefix | undefined {
	if (text === 'default' || text === 'all' || text === 'any') return {ip: 0, prefix: 0, any: true};
	const slash = text.indexOf('/');
	const addr = slash < 0 ? text : text.slice(0, slash);
	const parts = addr.split('.');
	if (parts.length > 4) return undefined;
	let ip = 0;
	for (let i = 0; i < 4; i++) {
		const part = parts[i];
		const n = part === undefined ? 0 : cNumber(part);
		if (n === undefined || n > 255) return undefined;
		ip = ip * 256 + n;
	}
	if (slash < 0) return {ip, prefix: 32, any: false};
	const len = text.slice(slash + 1);
	let prefix = cNumber(len);
	if (prefix === undefined) {
		const mask = parsePrefix(len);
		prefix = mask && !mask.any && mask.prefix === 32 ? maskBits(mask.ip) : undefined;
	}
	if (prefix === undefined || prefix > 32) return undefined;
	return {ip, prefix, any: false};
}

function maskBits(mask: number): number | undefined {
	let bits = 0;
	while (bits < 32 && (mask & (0x80000000 >>> bits)) !== 0) bits++;
	return (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0) === mask ? bits : undefined;
}

/** get_prefix's error: the family in words (modern: "any valid" or "inet"), exit status 1. */
export function badPrefix(r: IpRun, arg: string, family: 'any' | 'inet' = 'any'): number {
	r.ctx.err(r.old ? `Error: an inet prefix is expected rather than "${arg}".\n` : `Error: ${family === 'any' ? 'any valid' : 'inet'} prefix is expected rather than "${arg}".\n`);
	return 1;
}

const TABLE_NAMES: Record<string, number> = {local: 255, main: 254, default: 253, unspec: 0};

/** Table names: iproute2's own, plus /etc/iproute2/rt_tables when the host has one. */
function tableNames(r: IpRun): Map<string, number> {
	const names = new Map(Object.entries(TABLE_NAMES));
	for (const line of (r.host.fs.tryRead('/etc/iproute2/rt_tables') ?? '').split('\n')) {
		const [id, name] = line.replace(/#.*/, '').trim().split(/\s+/);
		const n = id === undefined ? undefined : cNumber(id);
		if (n !== undefined && name) names.set(name, n);
	}
	return names;
}

/** rtnl_rttable_a2n: a name or a number (up to 255 in 2004, any 32-bit number since). */
export function tableId(r: IpRun, text: string): number | undefined {
	const named = tableNames(r).get(text);
	if (named !== undefined) return named;
	const n = cNumber(text);
	if (n === undefined || n > (r.old ? 255 : 0xffffffff)) return undefined;
	return n;
}

/** rtnl_rttable_n2a: the table's name if it has one, else its number. */
export function tableName(r: IpRun, id: number): string {
	for (const [name, n] of tableNames(r)) if (n === id) return name;
	return String(id);
}
