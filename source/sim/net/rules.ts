import type {Host, PolicyRule} from '../host';
import {DEFAULT_PRIORITY, DEFAULT_TABLE, LOCAL_TABLE, MAIN_PRIORITY, MAIN_TABLE} from './routing';
import {userlandEra} from './userland-era';

/**
 * What the kernel does with policy routing rules (`ip rule add/del/flush`): where a
 * new rule goes, which rule a deletion takes, and the errors. The kernel's own
 * three rules live in `host.kernelRules`; everything else in `host.rules`.
 */

/** A rule as listed: the host's rules and the kernel's own ones in kernel order. */
export interface ListedRule extends PolicyRule {
	/** One of the kernel's own rules (local, main, default). */
	readonly kernel?: 'local' | 'main' | 'default';
}

/** errno names a rule request can fail with. */
export type RuleErrno = 'EEXIST' | 'ENOENT' | 'ESRCH' | 'EPERM';

const KERNEL_RULES: ReadonlyArray<{name: 'local' | 'main' | 'default'; priority: number; table: number}> = [
	{name: 'local', priority: 0, table: LOCAL_TABLE},
	{name: 'main', priority: MAIN_PRIORITY, table: MAIN_TABLE},
	{name: 'default', priority: DEFAULT_PRIORITY, table: DEFAULT_TABLE},
];

/** Every rule in the order the kernel walks (and `ip rule` lists) them. */
export function listRules(host: Host): ListedRule[] {
	const out: ListedRule[] = [];
	let k = 0;
	const pushKernel = (upTo: number) => {
		for (; k < KERNEL_RULES.length && KERNEL_RULES[k]!.priority <= upTo; k++) {
			const r = KERNEL_RULES[k]!;
			if (host.kernelRules[r.name]) out.push({from: 0, prefix: 0, table: r.table, priority: r.priority, kernel: r.name});
		}
	};
	for (const rule of host.rules) {
		pushKernel(rule.priority);
		out.push(rule);
	}
	pushKernel(Infinity);
	return out;
}

/** What `ip rule add` gives the kernel; a missing priority is chosen by the kernel. */
export type NewRule = Omit<PolicyRule, 'priority'> & {priority?: number};

/**
 * Adds a rule. Without a priority the kernel puts it just before the second rule
 * in the list (one below main's 32766 at first, lower each time). Modern kernels
 * refuse an exact duplicate; 2.6-era ones took it.
 */
export function addRule(host: Host, rule: NewRule): RuleErrno | undefined {
	const all = listRules(host);
	let priority = rule.priority;
	if (priority === undefined) priority = all.length >= 2 && all[1]!.priority !== 0 ? all[1]!.priority - 1 : 0;
	const added: PolicyRule = {...rule, priority};
	if (userlandEra(host.kernel) === 'modern' && all.some((r) => sameRule(r, added))) return 'EEXIST';
	// After every rule of the same priority, as the kernel inserts it.
	let i = 0;
	while (i < host.rules.length && host.rules[i]!.priority <= priority) i++;
	host.rules.splice(i, 0, added);
	return undefined;
}

function sameRule(a: PolicyRule, b: PolicyRule): boolean {
	return (
		a.priority === b.priority &&
		a.from === b.from &&
		a.prefix === b.prefix &&
		(a.to ?? 0) === (b.to ?? 0) &&
		(a.toPrefix ?? 0) === (b.toPrefix ?? 0) &&
		a.table === b.table &&
		a.action === b.action
	);
}

/** The selectors `ip rule del` sends; what is left out matches anything. */
export interface RuleMatch {
	priority?: number;
	from?: number;
	prefix?: number;
	to?: number;
	toPrefix?: number;
	/** 0 or absent: any table. */
	table?: number;
	action?: PolicyRule['action'] | 'lookup';
}

/**
 * Deletes the first rule that matches. Modern kernels compare only what was given
 * and may delete the local rule; 2.6-era ones compared both prefix lengths exactly
 * (so `del pref N` alone finds nothing but `from all` rules) and refused to touch
 * the local rule (EPERM).
 */
export function deleteRule(host: Host, match: RuleMatch): RuleErrno | undefined {
	const modern = userlandEra(host.kernel) === 'modern';
	for (const rule of listRules(host)) {
		if (!(modern ? matchesModern(rule, match) : matchesOld(rule, match))) continue;
		if (rule.kernel) {
			if (!modern && rule.kernel === 'local') return 'EPERM';
			host.kernelRules[rule.kernel] = false;
		} else host.rules.splice(host.rules.indexOf(rule), 1);
		return undefined;
	}
	return modern ? 'ENOENT' : 'ESRCH';
}

function actionMatches(rule: PolicyRule, match: RuleMatch): boolean {
	if (match.action === undefined) return true;
	return match.action === 'lookup' ? rule.action === undefined : rule.action === match.action;
}

function matchesModern(rule: PolicyRule, m: RuleMatch): boolean {
	if (m.priority !== undefined && rule.priority !== m.priority) return false;
	if (m.table && rule.table !== m.table) return false;
	if (m.prefix && (rule.prefix !== m.prefix || rule.from !== m.from)) return false;
	if (m.toPrefix && ((rule.toPrefix ?? 0) !== m.toPrefix || (rule.to ?? 0) !== m.to)) return false;
	return actionMatches(rule, m);
}

function matchesOld(rule: PolicyRule, m: RuleMatch): boolean {
	if (m.from !== undefined && rule.from !== m.from) return false;
	if ((m.prefix ?? 0) !== rule.prefix || (m.toPrefix ?? 0) !== (rule.toPrefix ?? 0)) return false;
	if (m.to !== undefined && (rule.to ?? 0) !== m.to) return false;
	if (m.priority !== undefined && rule.priority !== m.priority) return false;
	if (m.table && rule.table !== m.table) return false;
	return actionMatches(rule, m);
}

/** Removes one rule exactly as listed (flush with a selector). */
export function removeRule(host: Host, rule: ListedRule): void {
	if (rule.kernel) host.kernelRules[rule.kernel] = false;
	else {
		const i = host.rules.indexOf(rule);
		if (i >= 0) host.rules.splice(i, 1);
	}
}

/** `ip rule flush`: every rule but those of priority 0 (the kernel's local rule among them). */
export function flushRules(host: Host): void {
	host.rules = host.rules.filter((r) => r.priority === 0);
	host.kernelRules.main = false;
	host.kernelRules.default = false;
}

/** The kernel's rules as they are after a boot, and no others. */
export function resetRules(host: Host): void {
	host.rules = [];
	host.kernelRules.local = true;
	host.kernelRules.main = true;
	host.kernelRules.default = true;
}

/** The table the kernel creates for a rule given `table 0`: the lowest number no table has yet. */
export function emptyTable(host: Host): number {
	for (let n = 1; ; n++) {
		if (host.tables.has(n) || n === MAIN_TABLE || n === LOCAL_TABLE) continue;
		host.tables.set(n, []);
		return n;
	}
}
