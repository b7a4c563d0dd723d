import {parseIp} from '../../sim/net/ipv4';
import type {Host} from '../../sim/host';
import type {World} from '../../sim/world';
import type {CommandSpec} from '../context';

/** Finds a host by name or by one of its addresses. */
export function findHost(world: World, nameOrIp: string): Host | undefined {
	const byName = world.host(nameOrIp);
	if (byName) return byName;
	const ip = parseIp(nameOrIp);
	if (ip === undefined) return undefined;
	for (const host of world.hosts.values()) if (host.addresses.some((a) => a.ip === ip && a.dev !== 'lo')) return host;
	return undefined;
}

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
`;

/** `ssh HOST [COMMAND]`: log in to another host (the prompt follows) or run one command there. */
export const ssh: CommandSpec = {
	name: 'ssh',
	paths: ['/usr/bin/ssh'],
	group: 'shell',
	summary: {en: 'work on another host: ssh HOST, or ssh HOST COMMAND', es: 'trabaja en otro host: ssh HOST, o ssh HOST COMANDO'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		// -n: standard input from /dev/null, so that ssh leaves a `while read` loop its lines.
		let noStdin = false;
		// Options that take a value; the lab accepts and ignores them.
		while (args[0]?.startsWith('-')) {
			const opt = args.shift()!;
			if (/^-[lpiFoLRDJEScmBbePWw]$/.test(opt)) args.shift();
			else if (/^-[46AaCfGgKkMNnqsTtVvXxYy]+$/.test(opt) && opt.includes('n')) noStdin = true;
		}
		const target = args.shift();
		if (!target) {
			ctx.err(USAGE);
			return 255;
		}
		const name = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
		const host = findHost(ctx.world, name);
		if (!host) {
			ctx.err(`ssh: Could not resolve hostname ${name}: Name or service not known\n`);
			return 255;
		}
		if (!ctx.host.online && host !== ctx.host) {
			ctx.err(`ssh: connect to host ${name} port 22: Network is unreachable\n`);
			return 255;
		}
		if (!host.powered || (host !== ctx.host && !host.online)) {
			ctx.err(`ssh: connect to host ${name} port 22: No route to host\n`);
			return 255;
		}
		// Without -n, ssh reads all of its standard input to pass it on (a `while read` loop around it gets no more lines).
		if (args.length > 0) return ctx.run(args.join(' '), {host, stdin: noStdin ? '' : ctx.stdin});
		ctx.session.logins.push({host, cwd: '/root'});
		return 0;
	},
	complete(ctx, words, partial) {
		return words.length === 1 ? [...ctx.world.hosts.keys()].filter((n) => n.startsWith(partial)) : [];
	},
};
