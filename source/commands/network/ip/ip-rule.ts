import type {PolicyRule} from '../../../sim/host';
import {formatIp, networkOf} from '../../../sim/net/ipv4';
import {addRule, deleteRule, emptyTable, flushRules, listRules, removeRule, type ListedRule, type RuleMatch} from '../../../sim/net/rules';
import {badPrefix, cNumber, incomplete, invarg, matches, parsePrefix, tableId, tableName, type IpRun} from './ip-common';

const MODERN_USAGE = `Usage: ip rule { add | del } SELECTOR ACTION
       ip rule { flush | save | restore }
       ip rule [ list [ SELECTOR ]]
SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]
            [ fwmark FWMARK[/MASK] ]
            [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]
            [ uidrange NUMBER-NUMBER ]
            [ ipproto PROTOCOL ]
            [ sport [ NUMBER | NUMBER-NUMBER ]
            [ dport [ NUMBER | NUMBER-NUMBER ] ]
ACTION := [ table TABLE_ID ]
          [ protocol PROTO ]
          [ nat ADDRESS ]
          [ realms [SRCREALM/]DSTREALM ]
          [ goto NUMBER ]
          SUPPRESSOR
SUPPRESSOR := [ suppress_prefixlength NUMBER ]
              [ suppress_ifgroup DEVGROUP ]
TABLE_ID := [ local | main | default | NUMBER ]
`;

const OLD_USAGE = `Usage: ip rule [ list | add | del ] SELECTOR ACTION
SELECTOR := [ from PREFIX ] [ to PREFIX ] [ tos TOS ] [ fwmark FWMARK ]
            [ dev STRING ] [ pref NUMBER ]
ACTION := [ table TABLE_ID ] [ nat ADDRESS ]
          [ prohibit | reject | unreachable ]
          [ realms [SRCREALM/]DSTREALM ]
TABLE_ID := [ local | main | default | NUMBER ]
`;

/** Route types `ip rule` accepts as an action word (rtnl_rtntype_a2n). */
const TYPES = new Set(['unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'nat', 'xresolve']);

/** Selectors and actions the kernel knows but the lab's network model does not act on, with the value words they take. */
const UNMODELLED: Record<string, number> = {tos: 1, dsfield: 1, fwmark: 1, dev: 1, iif: 1, oif: 1, realms: 1, protocol: 1, tun_id: 1, suppress_prefixlength: 1, sup_pl: 1, suppress_ifgroup: 1, sup_group: 1, uidrange: 1, nat: 1, 'map-to': 1, ipproto: 1, sport: 1, dport: 1, dscp: 1, goto: 1, not: 0, l3mdev: 0, nop: 0};
/** The ones the 2004 ip already had. */
const OLD_KEYWORDS = new Set(['tos', 'fwmark', 'dev', 'iif', 'realms', 'nat', 'map-to']);

function unmodelled(r: IpRun, word: string): boolean {
	return word in UNMODELLED && (!r.old || OLD_KEYWORDS.has(word));
}

/** `ip rule`: list, add, del and (iproute2 after 2004) flush, with each era's formats and errors. */
export function ipRule(r: IpRun, args: string[]): number {
	const sub = args[0];
	if (sub === undefined) return list(r, []);
	if (matches(sub, 'list') || matches(sub, 'lst') || matches(sub, 'show')) return list(r, args.slice(1));
	if (matches(sub, 'add')) return modify(r, 'add', args.slice(1));
	if (matches(sub, 'delete')) return modify(r, 'del', args.slice(1));
	if (!r.old && matches(sub, 'flush')) return list(r, args.slice(1), true);
	if (!r.old && (matches(sub, 'save') || matches(sub, 'restore'))) return saveRestore(r, matches(sub, 'save'));
	if (matches(sub, 'help')) return usage(r);
	r.ctx.err(`Command "${sub}" is unknown, try "ip rule help".\n`);
	return 255;
}

function usage(r: IpRun): number {
	r.ctx.err(r.old ? OLD_USAGE : MODERN_USAGE);
	return 255;
}

/** One `PRIO:<TAB>from … lookup …` line; the 2004 ip left a space after every field. */
export function formatRule(r: IpRun, rule: PolicyRule): string {
	const sp = r.old ? ' ' : '';
	const pre = r.old ? '' : ' ';
	let line = `${rule.priority}:\tfrom ${rule.prefix === 0 ? 'all' : rule.prefix === 32 ? formatIp(rule.from) : `${formatIp(rule.from)}/${rule.prefix}`}${sp}`;
	if (rule.toPrefix) line += `${pre}to ${rule.toPrefix === 32 ? formatIp(rule.to ?? 0) : `${formatIp(rule.to ?? 0)}/${rule.toPrefix}`}${sp}`;
	if (rule.table) line += `${pre}lookup ${tableName(r, rule.table)}${sp}`;
	if (rule.action) line += `${pre}${rule.action}`;
	return line + '\n';
}

interface Filter {
	priority?: number;
	from?: {ip: number; prefix: number};
	to?: {ip: number; prefix: number};
	table?: number;
}

/** iproute2's list filter: a prefix selects rules whose own prefix is at least as long and inside it. */
function selected(rule: ListedRule, f: Filter): boolean {
	if (f.priority !== undefined && rule.priority !== f.priority) return false;
	if (f.table && rule.table !== f.table) return false;
	if (f.from && (f.from.prefix > rule.prefix || networkOf(rule.from, f.from.prefix) !== networkOf(f.from.ip, f.from.prefix))) return false;
	if (f.to && (f.to.prefix > (rule.toPrefix ?? 0) || networkOf(rule.to ?? 0, f.to.prefix) !== networkOf(f.to.ip, f.to.prefix))) return false;
	return true;
}

/** `ip rule [list|flush] [SELECTOR]`: the 2004 ip took no selector and had no flush. */
function list(r: IpRun, args: string[], flush = false): number {
	if (r.opts.family === 'inet6') {
		if (!r.old && !flush) r.ctx.out('0:\tfrom all lookup local\n32766:\tfrom all lookup main\n');
		return 0;
	}
	if (r.old && args.length > 0) {
		r.ctx.err('"ip rule show" does not take any arguments.\n');
		return 255;
	}
	const f: Filter = {};
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const next = () => args[++i];
		if (matches(a, 'preference') || matches(a, 'order') || matches(a, 'priority')) {
			const v = next();
			if (v === undefined) return incomplete(r);
			const n = cNumber(v);
			if (n === undefined || n > 0xffffffff) return invarg(r, 'preference value is invalid\n', v);
			f.priority = n;
		} else if (matches(a, 'lookup') || matches(a, 'table')) {
			const v = next();
			if (v === undefined) return incomplete(r);
			const t = tableId(r, v);
			if (t === undefined) return invarg(r, 'table id value is invalid\n', v);
			f.table = t;
		} else if (unmodelled(r, a)) {
			if (UNMODELLED[a] && next() === undefined) return incomplete(r);
		} else {
			const isFrom = matches(a, 'from') || matches(a, 'src');
			const word = isFrom || matches(a, 'dst') || matches(a, 'to') ? next() : a;
			if (word === undefined) return incomplete(r);
			const p = parsePrefix(word);
			if (!p) return badPrefix(r, word, 'inet');
			if (isFrom) f.from = p;
			else f.to = p;
		}
	}
	const rules = listRules(r.host).filter((rule) => selected(rule, f));
	if (flush) {
		// Rules of priority 0 carry no priority attribute, and flush only deletes those that do.
		if (Object.keys(f).length === 0) flushRules(r.host);
		else for (const rule of rules) if (rule.priority !== 0) removeRule(r.host, rule);
		return 0;
	}
	r.ctx.out(rules.map((rule) => formatRule(r, rule)).join(''));
	return 0;
}

function saveRestore(r: IpRun, save: boolean): number {
	if (save) r.ctx.err(r.ctx.stdoutIsTerminal === false ? 'ip rule save: binary dumps are not simulated in the lab\n' : 'Not sending a binary stream to stdout\n');
	else r.ctx.err(r.ctx.stdin === undefined ? "Can't restore rule dump from a terminal\n" : 'Magic mismatch (0 elems, 0 magic)\n');
	return 255;
}

/** `ip rule add|del SELECTOR ACTION`. */
function modify(r: IpRun, cmd: 'add' | 'del', args: string[]): number {
	if (!r.old && args.length === 0) {
		r.ctx.err(`"ip rule ${cmd}" requires arguments.\n`);
		return 1;
	}
	const m: RuleMatch = {};
	let action: PolicyRule['action'] | 'lookup' | undefined;
	let unsupported: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const next = () => args[++i];
		if (a === 'from' || a === 'to') {
			const v = next();
			if (v === undefined) return incomplete(r);
			const p = parsePrefix(v);
			if (!p) return badPrefix(r, v);
			if (a === 'from') Object.assign(m, {from: p.ip, prefix: p.prefix});
			else Object.assign(m, {to: p.ip, toPrefix: p.prefix});
		} else if (matches(a, 'preference') || matches(a, 'order') || matches(a, 'priority')) {
			const v = next();
			if (v === undefined) return incomplete(r);
			const n = cNumber(v);
			if (n === undefined || n > 0xffffffff) return invarg(r, 'preference value is invalid\n', v);
			m.priority = n;
		} else if (matches(a, 'table') || a === 'lookup') {
			const v = next();
			if (v === undefined) return incomplete(r);
			const t = tableId(r, v);
			if (t === undefined) return invarg(r, 'invalid table ID\n', v);
			m.table = t;
			if (!r.old) action ??= 'lookup';
		} else if (unmodelled(r, a)) {
			if (UNMODELLED[a] && next() === undefined) return incomplete(r);
			unsupported ??= a;
		} else {
			const word = a === 'type' ? next() : a;
			if (word === undefined) return incomplete(r);
			if (matches(word, 'help')) return usage(r);
			if (!TYPES.has(word) && cNumber(word) === undefined) return invarg(r, 'Failed to parse rule type', word);
			if (word === 'blackhole' || word === 'unreachable' || word === 'prohibit') action = word;
			else if (word === 'unicast') action = 'lookup';
			else unsupported ??= word;
		}
	}
	if (unsupported !== undefined) {
		r.ctx.err(`ip rule: "${unsupported}" rules are not simulated in the lab (from, to, pref, table, blackhole, unreachable and prohibit are)\n`);
		return 2;
	}
	if (cmd === 'del') return remove(r, {...m, action: action === 'lookup' ? undefined : action});
	// Without a table a rule looks up main; a typed rule (blackhole…) looks nothing up, except in 2004's ip.
	let table = m.table ?? (action && action !== 'lookup' && !r.old ? 0 : 254);
	if (table === 0 && (!action || action === 'lookup')) table = emptyTable(r.host);
	const err = addRule(r.host, {from: m.from ?? 0, prefix: m.prefix ?? 0, to: m.to, toPrefix: m.toPrefix, table, priority: m.priority, action: action === 'lookup' ? undefined : action});
	if (err) {
		r.ctx.err('RTNETLINK answers: File exists\n');
		return 2;
	}
	return 0;
}

function remove(r: IpRun, m: RuleMatch): number {
	const err = deleteRule(r.host, m);
	if (!err) return 0;
	r.ctx.err(err === 'EPERM' ? 'RTNETLINK answers: Operation not permitted\n' : err === 'ESRCH' ? 'RTNETLINK answers: No such process\n' : 'RTNETLINK answers: No such file or directory\n');
	return 2;
}
