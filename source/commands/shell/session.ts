import {dateCommand} from '../../sim/calendar';
import {formatIp} from '../../sim/net/ipv4';
import {exitShell} from '../../shell/shell';
import {lq, usageError} from '../args';
import type {CommandSpec} from '../context';

/** `exit [N]` and `logout`: leave an ssh session, or end the lab shell at the top. */
function leave(ctx: Parameters<CommandSpec['run']>[0], name: string): number {
	const arg = ctx.argv[1];
	let status = ctx.session.lastStatus;
	if (arg !== undefined) {
		if (!/^-?\d+$/.test(arg)) {
			ctx.err(`bash: ${name}: ${arg}: numeric argument required\n`);
			status = 2;
		} else status = Number(arg) & 255;
	}
	if (ctx.session.subshells > 0) {
		// A subshell is no login shell: exit ends it alone, with no ssh session closed.
		if (name === 'logout') {
			ctx.err("bash: logout: not login shell: use `exit'\n");
			return 1;
		}
		return exitShell(status);
	}
	if (ctx.session.logins.length > 1 && ctx.session.current.host === ctx.host) {
		const login = ctx.session.logins.pop()!;
		ctx.out('logout\n');
		ctx.err(`Connection to ${login.host.name} closed.\n`);
		return status;
	}
	return exitShell(status);
}

export const exit: CommandSpec = {
	name: 'exit',
	group: 'shell',
	summary: {en: 'leave the current ssh session (at the top, end the session)', es: 'sale de la sesión ssh actual (en el nivel superior, termina la sesión)'},
	run: (ctx) => leave(ctx, 'exit'),
};

export const logout: CommandSpec = {
	name: 'logout',
	group: 'shell',
	run: (ctx) => leave(ctx, 'logout'),
};

export const hostname: CommandSpec = {
	name: 'hostname',
	paths: ['/bin/hostname'],
	group: 'shell',
	summary: {en: 'name of the host you are on (-i: its address)', es: 'nombre del host en el que estás (-i: su dirección)'},
	run(ctx) {
		const flag = ctx.argv[1];
		if (flag === undefined || flag === '-s' || flag === '--short' || flag === '-f' || flag === '--fqdn') {
			ctx.out(ctx.host.name + '\n');
		} else if (flag === '-i' || flag === '--ip-address' || flag === '-I' || flag === '--all-ip-addresses') {
			const ips = ctx.host.addresses.filter((a) => a.scope === 'global').map((a) => formatIp(a.ip));
			ctx.out((flag === '-i' || flag === '--ip-address' ? ips.slice(0, 1).join(' ') : ips.join(' ') + ' ') + '\n');
		} else if (flag.startsWith('-')) {
			ctx.err(`hostname: invalid option -- '${flag.replace(/^-+/, '').slice(0, 1)}'\nUsage: hostname [-s|-f|-i|-I] \n`);
			return 1;
		} else {
			ctx.err('hostname: you must be root to change the host name\n');
			return 1;
		}
		return 0;
	},
};

export const uname: CommandSpec = {
	name: 'uname',
	paths: ['/bin/uname'],
	group: 'shell',
	summary: {en: 'kernel name and release (-n host name, -r release, -a all)', es: 'nombre y versión del kernel (-n host, -r versión, -a todo)'},
	run(ctx) {
		const h = ctx.host;
		const fields: Record<string, string> = {s: 'Linux', n: h.name, r: h.kernel, v: '#1 SMP', m: 'i686', o: 'GNU/Linux'};
		const wanted: string[] = [];
		for (const arg of ctx.argv.slice(1)) {
			const long: Record<string, string> = {'--kernel-name': 's', '--nodename': 'n', '--kernel-release': 'r', '--kernel-version': 'v', '--machine': 'm', '--operating-system': 'o', '--all': 'a'};
			const letters = arg.startsWith('--') ? long[arg] : arg.startsWith('-') ? arg.slice(1) : undefined;
			if (!letters || !/^[snrvmoa]+$/.test(letters)) {
				return usageError(ctx, 'uname', arg.startsWith('-') ? `invalid option -- '${arg.replace(/^-+/, '').replace(/[snrvmoa]/g, '').slice(0, 1) || arg}'` : `extra operand ${lq(arg)}`);
			}
			for (const l of letters) wanted.push(...(l === 'a' ? ['s', 'n', 'r', 'v', 'm', 'o'] : [l]));
		}
		const order = ['s', 'n', 'r', 'v', 'm', 'o'].filter((k) => wanted.includes(k));
		ctx.out((order.length ? order : ['s']).map((k) => fields[k]).join(' ') + '\n');
		return 0;
	},
};

export const date: CommandSpec = {
	name: 'date',
	paths: ['/bin/date'],
	group: 'shell',
	summary: {en: 'the virtual date and time', es: 'la fecha y hora virtuales'},
	run(ctx) {
		ctx.out(dateCommand(ctx.world.scenario.epoch, ctx.world.now) + '\n');
		return 0;
	},
};

export const trueCmd: CommandSpec = {name: 'true', paths: ['/bin/true'], group: 'shell', run: () => 0};
export const falseCmd: CommandSpec = {name: 'false', paths: ['/bin/false'], group: 'shell', run: () => 1};
