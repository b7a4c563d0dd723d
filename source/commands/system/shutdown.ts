import {ctime, systemdTimestamp} from '../../sim/calendar';
import type {Host} from '../../sim/host';
import {DOWN_HOW, powerOff, powerOn, scheduleBoot} from '../../sim/net/faults';
import {userlandEra} from '../../sim/net/userland-era';
import {MINUTE, SEC, type Micros} from '../../sim/time';
import type {TimerHandle} from '../../sim/event-queue';
import type {World} from '../../sim/world';
import {parseOptions, type OptionSpec} from '../args';
import {sargeWording} from '../files/era-messages';
import type {CommandContext, CommandSpec} from '../context';
import {powerMessage} from '../lab/power-messages';

/**
 * reboot, halt, poweroff and shutdown typed on a host: sysvinit 2.86's on Sarge
 * hosts (shutdown warns every terminal and blocks until the time comes), systemd
 * 252's on modern ones (a time schedules it with logind). The host then goes
 * through the lab's power model: everything in memory is lost, files stay, and a
 * reboot brings it back after the time a boot takes.
 */

export type Action = 'reboot' | 'halt' | 'poweroff' | 'single';

/** How long a reboot keeps the host away: POST, GRUB, kernel and init scripts (a Pentium III takes longer). */
export function rebootTime(host: Host): Micros {
	return (userlandEra(host.kernel) === 'sarge' ? 45 : 20) * SEC;
}

/** The terminal the session has on that host: the lab's console is tty1, an ssh login a pseudo-terminal. */
function ttyOf(ctx: CommandContext): string | undefined {
	const i = ctx.session.logins.findIndex((l) => l.host === ctx.host);
	if (i < 0) return undefined;
	return i === 0 ? 'tty1' : 'pts/0';
}

/** `wall` as the host's init system writes it to the terminals (without the bell and carriage returns). */
function wall(ctx: CommandContext, text: string): string {
	const tty = ttyOf(ctx);
	if (tty === undefined) return '';
	const {epoch} = ctx.world.scenario;
	if (userlandEra(ctx.host.kernel) === 'sarge') return `\nBroadcast message from root (${tty}) (${ctime(epoch, ctx.world.now)}):\n\n${text}`;
	return `\nBroadcast message from root@${ctx.host.name} on ${tty} (${systemdTimestamp(epoch, ctx.world.now)}):\n\n${text}\n\n`;
}

const SARGE_STATE: Record<Action, string> = {reboot: 'for reboot', halt: 'for system halt', poweroff: 'for system halt', single: 'to maintenance mode'};
const MODERN_NOW: Record<Action, string> = {reboot: 'The system is going down for reboot NOW!', halt: 'The system is going down for system halt NOW!', poweroff: 'The system is going down for power-off NOW!', single: ''};

/** sysvinit's warn(): the optional message, then the countdown line. */
function sargeWarning(action: Action, minutes: number, message: string[]): string {
	const head = message.length ? message.join(' ') + ' \n' : '';
	if (minutes === 0) return `${head}The system is going down ${SARGE_STATE[action]} NOW!\n`;
	return `${head}The system is going DOWN ${SARGE_STATE[action]} in ${minutes} minute${minutes === 1 ? '' : 's'}!\n`;
}

/**
 * The host goes down now. The lab console stays on the host and says what
 * happened in the lab's words; ssh logins to it are closed by sshd.
 */
function goDown(ctx: CommandContext, action: Action, force = false): string {
	const {world, host} = ctx;
	if (action === 'single') {
		return ctx.lang === 'es' ? `${host.name}: el modo monousuario no se simula; el host sigue funcionando\n` : `${host.name}: single-user mode is not simulated; the host keeps running\n`;
	}
	// An orderly shutdown stops sshd, which closes its connections; -f skips all that.
	if (!force) for (const login of ctx.session.logins) if (login.host === host) login.closing = true;
	const console = ctx.session.logins[0]!.host === host;
	if (action !== 'reboot') {
		powerOff(world, host, action === 'halt' ? DOWN_HOW.halt : DOWN_HOW.shutdown);
		return console ? powerMessage(ctx.lang, 'off', host.name) : '';
	}
	powerOff(world, host, DOWN_HOW.reboot);
	const delay = rebootTime(host);
	if (!console) {
		scheduleBoot(world, host, delay);
		return '';
	}
	// At the console the lab waits for the machine to come back, as one would in front of it.
	let out = powerMessage(ctx.lang, 'rebooting', host.name, delay / SEC);
	world.advance(delay);
	const booted = powerOn(world, host);
	if (booted !== undefined) out += powerMessage(ctx.lang, 'on', host.name) + booted;
	return out;
}

/** Shuts down at once: the wall, then down (-f: no wall, no orderly stop). */
function now(ctx: CommandContext, action: Action, wallText: string | undefined, force = false): number {
	if (wallText !== undefined) ctx.out(wall(ctx, wallText));
	ctx.out(goDown(ctx, action, force));
	return 0;
}

// ---- sysvinit (Sarge) --------------------------------------------------------------

function sargeHaltUsage(name: string): string {
	return `usage: ${name} [-n] [-w] [-d] [-f] [-h] [-i]${name === 'halt' ? ' [-p]' : ''}\n\t-n: don't sync before halting the system\n\t-w: only write a wtmp reboot record and exit.\n\t-d: don't write a wtmp record.\n\t-f: force halt/reboot, don't call shutdown.\n\t-h: put harddisks in standby mode.\n\t-i: shut down all network interfaces.\n${name === 'halt' ? '\t-p: power down the system (if possible, otherwise halt).\n' : ''}`;
}

const SARGE_SHUTDOWN_USAGE = `Usage:\t  shutdown [-akrhPHfFnc] [-t sec] time [warning message]
\t\t  -a:      use /etc/shutdown.allow
\t\t  -k:      don't really shutdown, only warn.
\t\t  -r:      reboot after shutdown.
\t\t  -h:      halt after shutdown.
\t\t  -P:      halt action is to turn off power.
\t\t  -H:      halt action is to just halt.
\t\t  -f:      do a 'fast' reboot (skip fsck).
\t\t  -F:      Force fsck on reboot.
\t\t  -n:      do not go through "init" but go down real fast.
\t\t  -c:      cancel a running shutdown.
\t\t  -t secs: delay between warning and kill signal.
\t\t  ** the "time" argument is mandatory! (try "now") **
`;

/** sysvinit's halt.c (reboot, halt, poweroff): anything but -f or -w runs `shutdown -r|-h now`. */
function sargeHalt(ctx: CommandContext, name: 'reboot' | 'halt' | 'poweroff'): number {
	const args = ctx.argv.slice(1);
	let force = false;
	let wtmpOnly = false;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (!a.startsWith('-') || a === '-') {
			ctx.err(sargeHaltUsage(name));
			return 1;
		}
		for (let j = 1; j < a.length; j++) {
			const c = a[j]!;
			if (c === 't') {
				if (j + 1 < a.length) break;
				if (++i >= args.length) {
					ctx.err(sargeHaltUsage(name));
					return 1;
				}
				break;
			}
			if (!'ihdfnpw'.includes(c)) {
				ctx.err(sargeHaltUsage(name));
				return 1;
			}
			if (c === 'f') force = true;
			if (c === 'w') wtmpOnly = true;
		}
	}
	if (wtmpOnly) return 0;
	const action: Action = name === 'reboot' ? 'reboot' : name;
	return now(ctx, action, force ? undefined : sargeWarning(action, 0, []), force);
}

/** Minutes until `when` (now, +N, N or hh:mm), or undefined when malformed. */
function minutesUntil(world: World, when: string): number | undefined {
	if (when === 'now') return 0;
	const t = when.startsWith('+') ? when.slice(1) : when;
	if (/^\d+$/.test(t)) return Number(t);
	const m = /^(\d+):(\d{1,2})$/.exec(t);
	if (!m) return undefined;
	const hours = Number(m[1]);
	const mins = Number(m[2]);
	if (hours > 23 || mins > 59) return undefined;
	const d = new Date(world.scenario.epoch + Math.floor(world.now / 1000));
	let wt = 60 * hours + mins - (60 * d.getUTCHours() + d.getUTCMinutes());
	if (wt < 0) wt += 1440;
	return wt;
}

/** sysvinit's needwarning(): every minute under 10, then every 15, 30, 60. */
function needWarning(wt: number): boolean {
	if (wt < 10) return true;
	if (wt < 60) return wt % 15 === 0;
	if (wt < 180) return wt % 30 === 0;
	return wt % 60 === 0;
}

const SARGE_SHUTDOWN: OptionSpec = {flags: 'HPacqkrhnfFy', values: 'tgi', noHint: true};

/** sysvinit's shutdown: warns at intervals in the foreground until the time comes, then goes down. */
function sargeShutdown(ctx: CommandContext): number {
	const parsed = parseOptions('shutdown', ctx.argv.slice(1), SARGE_SHUTDOWN);
	if (typeof parsed === 'string') {
		ctx.err(sargeWording(parsed) + SARGE_SHUTDOWN_USAGE);
		return 1;
	}
	let action: Action = 'single';
	for (const o of parsed.options) {
		if (o.name === 'r') action = 'reboot';
		else if (o.name === 'h') action = 'halt';
	}
	if ((parsed.has('H') || parsed.has('P')) && action !== 'halt') {
		ctx.err('shutdown: -H and -P flags can only be used along with -h flag.\n' + SARGE_SHUTDOWN_USAGE);
		return 1;
	}
	if (parsed.has('c')) {
		ctx.err('shutdown: cannot find pid of running shutdown.\n');
		return 1;
	}
	const [when, ...message] = parsed.operands;
	const wt = when === undefined ? undefined : minutesUntil(ctx.world, when);
	if (wt === undefined) {
		ctx.err(SARGE_SHUTDOWN_USAGE);
		return 1;
	}
	const onlyWarn = parsed.has('k');
	let left = wt;
	if (left > 0 && left < 15 && !needWarning(left)) ctx.out(wall(ctx, sargeWarning(action, left, message)));
	while (left > 0) {
		if (needWarning(left)) ctx.out(wall(ctx, sargeWarning(action, left, message)));
		ctx.world.advance(MINUTE);
		left--;
	}
	if (onlyWarn) {
		ctx.out(wall(ctx, sargeWarning(action, 0, message)) + '\nShutdown cancelled.\n');
		return 0;
	}
	return now(ctx, action, sargeWarning(action, 0, message));
}

// ---- systemd (modern) --------------------------------------------------------------

const HALT_OPTIONS: OptionSpec = {
	flags: 'pfwdnih',
	long: {help: 'help', halt: 'halt', poweroff: 'p', reboot: 'reboot', force: 'f', 'wtmp-only': 'w', 'no-wtmp': 'd', 'no-sync': 'n', 'no-wall': 'no-wall'},
	noHint: true,
};

function haltHelp(name: string, action: Action): string {
	const verb = action === 'reboot' ? 'Reboot' : action === 'poweroff' ? 'Power off' : 'Halt';
	return `${name} [OPTIONS...]${action === 'reboot' ? ' [ARG]' : ''}\n\n${verb} the system.\n\nOptions:\n     --help      Show this help\n     --halt      Halt the machine\n  -p --poweroff  Switch off the machine\n     --reboot    Reboot the machine\n  -f --force     Force immediate halt/power-off/reboot\n  -w --wtmp-only Don't halt/power-off/reboot, just write wtmp record\n  -d --no-wtmp   Don't write wtmp record\n     --no-wall   Don't send wall message before halt/power-off/reboot\n\nSee the halt(8) man page for details.\n`;
}

/** systemctl's halt, poweroff and reboot. */
function modernHalt(ctx: CommandContext, name: 'reboot' | 'halt' | 'poweroff'): number {
	const parsed = parseOptions(name, ctx.argv.slice(1), HALT_OPTIONS);
	if (typeof parsed === 'string') {
		ctx.err(parsed);
		return 1;
	}
	let action: Action = name;
	for (const o of parsed.options) {
		if (o.name === 'help') {
			ctx.out(haltHelp(name, action));
			return 0;
		}
		if (o.name === 'halt') action = 'halt';
		else if (o.name === 'reboot') action = 'reboot';
		else if (o.name === 'p' && action !== 'reboot') action = 'poweroff';
	}
	// reboot takes one argument for the kernel (kexec, firmware); nothing else takes any.
	if (parsed.operands.length > (action === 'reboot' ? 1 : 0)) {
		ctx.err('Too many arguments.\n');
		return 1;
	}
	if (parsed.has('w')) return 0;
	const force = parsed.has('f');
	return now(ctx, action, force || parsed.has('no-wall') ? undefined : MODERN_NOW[action], force);
}

const SHUTDOWN_OPTIONS: OptionSpec = {
	flags: 'HPrhkKafFc',
	values: 't',
	long: {help: 'help', halt: 'H', poweroff: 'P', reboot: 'r', kexec: 'K', 'no-wall': 'no-wall', show: 'show'},
	noHint: true,
};

const SHUTDOWN_HELP = `shutdown [OPTIONS...] [TIME] [WALL...]

Shut down the system.

Options:
     --help      Show this help
  -H --halt      Halt the machine
  -P --poweroff  Power-off the machine
  -r --reboot    Reboot the machine
  -h             Equivalent to --poweroff, overridden by --halt
  -k             Don't halt/power-off/reboot, just send warnings
     --no-wall   Don't send wall message before halt/power-off/reboot
  -c             Cancel a pending shutdown
     --show      Show pending shutdown

See the shutdown(8) man page for details.
`;

/** A shutdown logind has scheduled on a host. */
interface Scheduled {
	readonly action: Action;
	readonly at: Micros;
	readonly timer: TimerHandle;
}

function scheduled(world: World): Map<string, Scheduled> {
	return world.feature('scheduled-shutdowns', () => new Map<string, Scheduled>());
}

const PRETTY: Record<Action, string> = {reboot: 'Reboot', poweroff: 'Shutdown', halt: 'Shutdown', single: 'Shutdown'};
const TYPE: Record<Action, string> = {reboot: 'reboot', poweroff: 'poweroff', halt: 'halt', single: 'poweroff'};

/** systemd's shutdown: now goes down at once; a later time is left to logind, which warns and does it then. */
function modernShutdown(ctx: CommandContext): number {
	const parsed = parseOptions('shutdown', ctx.argv.slice(1), SHUTDOWN_OPTIONS);
	if (typeof parsed === 'string') {
		ctx.err(parsed);
		return 1;
	}
	let action: Action = 'poweroff';
	let mode: 'go' | 'cancel' | 'show' = 'go';
	for (const o of parsed.options) {
		if (o.name === 'help') {
			ctx.out(SHUTDOWN_HELP);
			return 0;
		}
		if (o.name === 'H') action = 'halt';
		else if (o.name === 'P') action = 'poweroff';
		else if (o.name === 'r' || o.name === 'K') action = 'reboot';
		else if (o.name === 'h' && action !== 'halt') action = 'poweroff';
		else if (o.name === 'c') mode = 'cancel';
		else if (o.name === 'show') mode = 'show';
	}
	const {world, host} = ctx;
	const pending = scheduled(world);
	const mine = pending.get(host.name);
	if (mode === 'cancel') {
		if (mine) {
			mine.timer.cancel();
			pending.delete(host.name);
			if (!parsed.has('no-wall')) ctx.out(wall(ctx, parsed.operands.join(' ') || 'The system shutdown has been cancelled'));
		}
		return 0;
	}
	if (mode === 'show') {
		if (!mine) {
			ctx.err('No scheduled shutdown.\n');
			return 1;
		}
		ctx.out(`${PRETTY[mine.action]} scheduled for ${systemdTimestamp(world.scenario.epoch, mine.at)}, use 'shutdown -c' to cancel.\n`);
		return 0;
	}
	const [when, ...message] = parsed.operands;
	const minutes = when === undefined ? 1 : minutesUntil(world, when);
	if (minutes === undefined) {
		ctx.err(`Failed to parse time specification: ${when}\n`);
		return 1;
	}
	const quiet = parsed.has('no-wall');
	const text = message.join(' ');
	if (when === 'now') return parsed.has('k') ? 0 : now(ctx, action, quiet ? undefined : text || MODERN_NOW[action]);
	// A time (even +0): logind schedules it, warns every terminal and says when.
	const at = world.now + minutes * MINUTE;
	const stamp = systemdTimestamp(world.scenario.epoch, at);
	if (!quiet) ctx.out(wall(ctx, `${text ? text + '\n' : ''}The system is going down for ${TYPE[action]} ${minutes === 0 ? 'NOW' : `at ${stamp}`}!`));
	ctx.err(`${PRETTY[action]} scheduled for ${stamp}, use 'shutdown -c' to cancel.\n`);
	if (parsed.has('k')) return 0;
	mine?.timer.cancel();
	if (minutes === 0) {
		pending.delete(host.name);
		ctx.out(goDown(ctx, action));
		return 0;
	}
	const timer = world.at(at, () => {
		pending.delete(host.name);
		if (!host.powered) return;
		powerOff(world, host, action === 'reboot' ? DOWN_HOW.reboot : action === 'halt' ? DOWN_HOW.halt : DOWN_HOW.shutdown);
		if (action === 'reboot') scheduleBoot(world, host, rebootTime(host));
	});
	pending.set(host.name, {action, at, timer});
	return 0;
}

// ---- the commands ------------------------------------------------------------------

function haltCommand(name: 'reboot' | 'halt'): CommandSpec {
	return {
		name,
		paths: [`/sbin/${name}`],
		group: 'system',
		summary:
			name === 'reboot'
				? {en: 'restart this host: what is only in memory is lost, files stay', es: 'reinicia este host: se pierde lo que solo está en memoria, los ficheros quedan'}
				: {en: 'stop this host (it stays off until boot HOST)', es: 'detiene este host (queda apagado hasta boot HOST)'},
		run: (ctx) => (userlandEra(ctx.host.kernel) === 'sarge' ? sargeHalt(ctx, name) : modernHalt(ctx, name)),
	};
}

export const reboot = haltCommand('reboot');
export const halt = haltCommand('halt');

/** Debian's own poweroff on the host the shell is on (the lab's `poweroff HOST` cuts power instead). */
export function debianPoweroff(ctx: CommandContext): number {
	return userlandEra(ctx.host.kernel) === 'sarge' ? sargeHalt(ctx, 'poweroff') : modernHalt(ctx, 'poweroff');
}

export const shutdown: CommandSpec = {
	name: 'shutdown',
	paths: ['/sbin/shutdown'],
	group: 'system',
	summary: {en: 'shut this host down or reboot it: shutdown -r now, shutdown -h +5', es: 'apaga o reinicia este host: shutdown -r now, shutdown -h +5'},
	run: (ctx) => (userlandEra(ctx.host.kernel) === 'sarge' ? sargeShutdown(ctx) : modernShutdown(ctx)),
};
