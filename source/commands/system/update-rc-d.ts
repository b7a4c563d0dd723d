import type {Host} from '../../sim/host';
import {userlandEra} from '../../sim/net/userland-era';
import type {CommandContext, CommandSpec} from '../context';

const RUNLEVELS = ['0', '1', '2', '3', '4', '5', '6', 'S'];

/** rc links as sysv-rc keeps them: /etc/rcN.d/[SK]NNname → ../init.d/name (stored as small files). */
export function rcLinks(host: Host, name: string): string[] {
	const out: string[] = [];
	for (const level of RUNLEVELS) {
		const dir = `/etc/rc${level}.d`;
		if (!host.fs.isDir(dir)) continue;
		for (const f of host.fs.list(dir)) if (/^[SK]\d\d/.test(f) && f.slice(3) === name) out.push(`${dir}/${f}`);
	}
	return out;
}

function scriptExists(ctx: CommandContext, name: string): boolean {
	const path = `/etc/init.d/${name}`;
	const spec = ctx.registry.atPath(path);
	return ctx.host.fs.exists(path) || (spec !== undefined && (spec.installed?.(ctx.host) ?? true));
}

const USAGE = `usage: update-rc.d [-n] [-f] <basename> remove
       update-rc.d [-n] <basename> defaults [NN | sNN kNN]
       update-rc.d [-n] <basename> start|stop NN runlvl [runlvl] [...] .
		-n: not really
		-f: force
`;

/** sysv-rc update-rc.d: `NAME start 75 2 3 4 5 . stop 05 0 1 6 .`, `defaults`, `-f NAME remove`. */
export const updateRcD: CommandSpec = {
	name: 'update-rc.d',
	paths: ['/usr/sbin/update-rc.d'],
	group: 'system',
	summary: {en: 'choose which services start at boot (update-rc.d NAME defaults|remove)', es: 'elige qué servicios arrancan al inicio (update-rc.d NOMBRE defaults|remove)'},
	run(ctx) {
		const host = ctx.host;
		const old = userlandEra(host.kernel) === 'sarge';
		const args = ctx.argv.slice(1);
		let force = false;
		let dry = false;
		while (args[0]?.startsWith('-')) {
			const a = args.shift()!;
			if (a === '-f') force = true;
			else if (a === '-n') dry = true;
			else {
				ctx.err(old ? USAGE : `update-rc.d: error: usage: update-rc.d [-f] <basename> remove\n`);
				return 1;
			}
		}
		const [name, action, ...rest] = args;
		if (name === undefined || action === undefined) {
			ctx.err(old ? USAGE : 'update-rc.d: error: not enough arguments\n' + USAGE);
			return 1;
		}
		const script = `/etc/init.d/${name}`;
		if (action === 'remove') {
			if (scriptExists(ctx, name) && !force) {
				ctx.err(old ? `update-rc.d: /etc/init.d/${name} exists during rc.d purge (use -f to force)\n` : `update-rc.d: error: /etc/init.d/${name} exists during rc.d purge (use -f to force)\n`);
				return 1;
			}
			const links = rcLinks(host, name);
			if (old) {
				ctx.out(` Removing any system startup links for ${script} ...\n`);
				for (const l of links) ctx.out(`   ${l}\n`);
			}
			if (!dry) for (const l of links) host.fs.remove(l);
			return 0;
		}
		if (!scriptExists(ctx, name)) {
			ctx.err(old ? `update-rc.d: ${script}: file does not exist\n` : `update-rc.d: error: unable to read ${script}\n`);
			return 1;
		}
		const plan: Array<{kind: 'S' | 'K'; seq: string; level: string}> = [];
		if (action === 'defaults') {
			const [a, b] = rest;
			const start = a ?? '20';
			const stop = b ?? a ?? '20';
			if (![start, stop].every((x) => /^\d{1,2}$/.test(x))) {
				ctx.err(USAGE);
				return 1;
			}
			for (const level of ['0', '1', '6']) plan.push({kind: 'K', seq: stop.padStart(2, '0'), level});
			for (const level of ['2', '3', '4', '5']) plan.push({kind: 'S', seq: start.padStart(2, '0'), level});
		} else if (action === 'start' || action === 'stop') {
			const words = [action, ...rest];
			let i = 0;
			while (i < words.length) {
				const kind = words[i] === 'start' ? 'S' : words[i] === 'stop' ? 'K' : undefined;
				const seq = words[i + 1];
				if (!kind || seq === undefined || !/^\d{1,2}$/.test(seq)) {
					ctx.err(old ? USAGE : `update-rc.d: error: usage: update-rc.d <basename> start|stop NN runlvl [runlvl] [...] .\n`);
					return 1;
				}
				i += 2;
				let levels = 0;
				while (i < words.length && words[i] !== '.') {
					if (!RUNLEVELS.includes(words[i]!)) {
						ctx.err(old ? `update-rc.d: ${words[i]}: invalid runlevel\n` : `update-rc.d: error: ${words[i]}: invalid runlevel\n`);
						return 1;
					}
					plan.push({kind, seq: seq.padStart(2, '0'), level: words[i]!});
					i++;
					levels++;
				}
				if (words[i] !== '.' || levels === 0) {
					ctx.err(old ? USAGE : `update-rc.d: error: usage: update-rc.d <basename> start|stop NN runlvl [runlvl] [...] .\n`);
					return 1;
				}
				i++;
			}
			if (!old) ctx.err('update-rc.d: warning: start and stop actions are no longer supported; falling back to defaults\n');
		} else if (action === 'enable' || action === 'disable') {
			for (const l of rcLinks(host, name)) {
				const base = l.slice(l.lastIndexOf('/') + 1);
				const want = action === 'enable' ? 'S' : 'K';
				if (base[0] !== want && /^\/etc\/rc[2-5]\.d/.test(l)) {
					const content = host.fs.read(l);
					host.fs.remove(l);
					host.fs.put(l.replace(/\/[SK](\d\d)/, `/${want}$1`), content, 0o777);
				}
			}
			return 0;
		} else {
			ctx.err(old ? USAGE : `update-rc.d: error: unknown action: ${action}\n`);
			return 1;
		}
		if (rcLinks(host, name).length > 0) {
			if (old) ctx.out(` System startup links for ${script} already exist.\n`);
			return 0;
		}
		// sysv-rc lists kill links first, in runlevel order, then start links.
		const ordered = [...plan.filter((p) => p.kind === 'K'), ...plan.filter((p) => p.kind === 'S')];
		if (old) ctx.out(` Adding system startup for ${script} ...\n`);
		for (const p of ordered) {
			const link = `/etc/rc${p.level}.d/${p.kind}${p.seq}${name}`;
			if (old) ctx.out(`   ${link} -> ../init.d/${name}\n`);
			if (!dry) host.fs.put(link, `../init.d/${name}\n`, 0o777);
		}
		return 0;
	},
};
