import type {PoptOption} from './popt';

/**
 * ipvsadm 1.31's command and option tables: the popt table, the names used in
 * error messages, and which options each command requires, allows or forbids.
 */

/** Commands, in the order of ipvsadm's cmdnames table. */
export const COMMANDS = [
	'add-service',
	'edit-service',
	'delete-service',
	'flush',
	'list',
	'add-server',
	'delete-server',
	'edit-server',
	'set',
	'start-daemon',
	'stop-daemon',
	'restore',
	'save',
	'zero',
] as const;
export type Command = (typeof COMMANDS)[number];

/** Options, in the order of ipvsadm's optnames table (the bit numbers of its option mask). */
export const OPTIONS = [
	'numeric',
	'connection',
	'service-address',
	'scheduler',
	'persistent',
	'netmask',
	'real-server',
	'forwarding-method',
	'weight',
	'u-threshold',
	'l-threshold',
	'mcast-interface',
	'timeout',
	'daemon',
	'stats',
	'rate',
	'thresholds',
	'persistent-conn',
	'nosort',
	'syncid',
	'exact',
	'ops',
	'pe',
	'sched-flags',
	'mcast-group',
	'mcast-port',
	'mcast-ttl',
	'sync-maxlen',
	'tun-info',
	'tun-type',
	'tun-port',
	'tun-nocsum',
	'tun-csum',
	'tun-remcsum',
] as const;
export type OptionName = (typeof OPTIONS)[number];

/**
 * Legal combinations: one string per command, one character per option in OPTIONS order.
 * '+' required, 'x' illegal, '1' at most one of the '1' options, ' ' optional.
 */
const MATRIX: Record<Command, string> = {
	// columns: numeric connection service scheduler persistent netmask real-server forwarding weight
	// u-threshold l-threshold mcast-interface timeout daemon stats rate thresholds persistent-conn nosort
	// syncid exact ops pe sched-flags mcast-group mcast-port mcast-ttl sync-maxlen tun-info tun-type
	// tun-port tun-nocsum tun-csum tun-remcsum
	'add-service':    'xx+   xxxxxxxxxxxxxxx   xxxxxxxxxx',
	'edit-service':   'xx+   xxxxxxxxxxxxxxx   xxxxxxxxxx',
	'delete-service': 'xx+xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
	flush:            'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
	list:             ' 11xxxxxxxxx11       xxxxxxx xxxxx',
	'add-server':     'xx+xxx+    xxxxxxxxxxxxxxxxxx     ',
	'delete-server':  'xx+xxx+xxxxxxxxxxxxxxxxxxxxxxxxxxx',
	'edit-server':    'xx+xxx+    xxxxxxxxxxxxxxxxxx     ',
	set:              'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
	'start-daemon':   'xxxxxxxxxxx xxxxxxx xxxx    xxxxxx',
	'stop-daemon':    'xxxxxxxxxxxxxxxxxxx xxxxxxxxxxxxxx',
	restore:          'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
	save:             ' xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
	zero:             'xx xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
};

/** What the commands_v_options table says about one command and option. */
export function legality(command: Command, option: OptionName): '+' | 'x' | '1' | ' ' {
	return MATRIX[command][OPTIONS.indexOf(option)] as '+' | 'x' | '1' | ' ';
}

/** The options a gue/gre/ipip tunnel type requires, allows or forbids (tun-port, nocsum, csum, remcsum). */
export const TUNNEL_OPTIONS = ['tun-port', 'tun-nocsum', 'tun-csum', 'tun-remcsum'] as const satisfies readonly OptionName[];
export const TUNNEL_TYPES = ['ipip', 'gue', 'gre'] as const;
export type TunnelTypeName = (typeof TUNNEL_TYPES)[number];
export const TUNNEL_MATRIX: Record<TunnelTypeName, string> = {
	ipip: 'xxxx',
	gue: '+111',
	gre: 'x11x',
};

/** The popt table; `val` is what the parser switches on. */
export const POPT_TABLE: readonly PoptOption[] = [
	{long: 'add-service', short: 'A', arg: 'none', val: 'A'},
	{long: 'edit-service', short: 'E', arg: 'none', val: 'E'},
	{long: 'delete-service', short: 'D', arg: 'none', val: 'D'},
	{long: 'clear', short: 'C', arg: 'none', val: 'C'},
	{long: 'list', short: 'L', arg: 'none', val: 'L'},
	{long: 'list', short: 'l', arg: 'none', val: 'l'},
	{long: 'zero', short: 'Z', arg: 'none', val: 'Z'},
	{long: 'add-server', short: 'a', arg: 'none', val: 'a'},
	{long: 'edit-server', short: 'e', arg: 'none', val: 'e'},
	{long: 'delete-server', short: 'd', arg: 'none', val: 'd'},
	{long: 'set', arg: 'none', val: 'set'},
	{long: 'help', short: 'h', arg: 'none', val: 'h'},
	{long: 'version', short: 'v', arg: 'none', val: 'v'},
	{long: 'restore', short: 'R', arg: 'none', val: 'R'},
	{long: 'save', short: 'S', arg: 'none', val: 'S'},
	{long: 'start-daemon', arg: 'required', val: 'start-daemon'},
	{long: 'stop-daemon', arg: 'required', val: 'stop-daemon'},
	{long: 'tcp-service', short: 't', arg: 'required', val: 't'},
	{long: 'udp-service', short: 'u', arg: 'required', val: 'u'},
	{long: 'sctp-service', arg: 'required', val: 'sctp-service'},
	{long: 'fwmark-service', short: 'f', arg: 'required', val: 'f'},
	{long: 'scheduler', short: 's', arg: 'required', val: 's'},
	{long: 'persistent', short: 'p', arg: 'optional', val: 'p'},
	{long: 'netmask', short: 'M', arg: 'required', val: 'M'},
	{long: 'real-server', short: 'r', arg: 'required', val: 'r'},
	{long: 'masquerading', short: 'm', arg: 'none', val: 'm'},
	{long: 'ipip', short: 'i', arg: 'none', val: 'i'},
	{long: 'gatewaying', short: 'g', arg: 'none', val: 'g'},
	{long: 'weight', short: 'w', arg: 'required', val: 'w'},
	{long: 'u-threshold', short: 'x', arg: 'required', val: 'x'},
	{long: 'l-threshold', short: 'y', arg: 'required', val: 'y'},
	{long: 'numeric', short: 'n', arg: 'none', val: 'n'},
	{long: 'connection', short: 'c', arg: 'none', val: 'c'},
	{long: 'mcast-interface', arg: 'required', val: 'mcast-interface'},
	{long: 'syncid', arg: 'required', val: 'syncid'},
	{long: 'timeout', arg: 'none', val: 'timeout'},
	{long: 'daemon', arg: 'none', val: 'daemon'},
	{long: 'stats', arg: 'none', val: 'stats'},
	{long: 'rate', arg: 'none', val: 'rate'},
	{long: 'thresholds', arg: 'none', val: 'thresholds'},
	{long: 'persistent-conn', arg: 'none', val: 'persistent-conn'},
	{long: 'nosort', arg: 'none', val: 'nosort'},
	{long: 'sort', arg: 'none', val: 'sort'},
	{long: 'exact', short: 'X', arg: 'none', val: 'X'},
	{long: 'ipv6', short: '6', arg: 'none', val: '6'},
	{long: 'ops', short: 'o', arg: 'none', val: 'o'},
	{long: 'pe', arg: 'required', val: 'pe'},
	{long: 'sched-flags', short: 'b', arg: 'required', val: 'b'},
	{long: 'mcast-group', arg: 'required', val: 'mcast-group'},
	{long: 'mcast-port', arg: 'required', val: 'mcast-port'},
	{long: 'mcast-ttl', arg: 'required', val: 'mcast-ttl'},
	{long: 'sync-maxlen', arg: 'required', val: 'sync-maxlen'},
	{long: 'tun-info', arg: 'none', val: 'tun-info'},
	{long: 'tun-type', arg: 'required', val: 'tun-type'},
	{long: 'tun-port', arg: 'required', val: 'tun-port'},
	{long: 'tun-nocsum', arg: 'none', val: 'tun-nocsum'},
	{long: 'tun-csum', arg: 'none', val: 'tun-csum'},
	{long: 'tun-remcsum', arg: 'none', val: 'tun-remcsum'},
];

/** Scheduler names the usage text lists (SCHEDULERS in ipvsadm's Makefile). */
export const HELP_SCHEDULERS = 'rr|wrr|lc|wlc|lblc|lblcr|dh|sh|sed|nq|fo|ovf|mh';
