import {holders, loadedModules, loadModule, moduleCatalog, syncIpvsModules, unloadModule, useCount} from '../../sim/system/kernel-modules';
import {isKernel24, userlandEra} from '../../sim/net/userland-era';
import type {CommandContext, CommandSpec} from '../context';

const OLD_USAGE = 'Usage: modprobe [-v] [-V] [-C config-file] [-n] [-i] [-q] [-b] [-o <modname>] <modname> [parameters...]\nmodprobe -r [-n] [-i] [-v] <modulename> ...\nmodprobe -l -t <dirname> [ -a <modulename> ...]\n';

/** modprobe MODULE / -r MODULE…, with the module-init-tools (2.6), modutils (2.4) or kmod wording. */
export const modprobe: CommandSpec = {
	name: 'modprobe',
	paths: ['/sbin/modprobe'],
	group: 'system',
	summary: {en: 'load a kernel module (modprobe ip_vs_rr), -r to unload', es: 'carga un módulo del kernel (modprobe ip_vs_rr), -r para descargarlo'},
	run(ctx) {
		const host = ctx.host;
		const old = userlandEra(host.kernel) === 'sarge';
		const k24 = isKernel24(host.kernel);
		syncIpvsModules(host, ctx.world.now);
		let remove = false;
		let quiet = false;
		let all = false;
		const names: string[] = [];
		for (const a of ctx.argv.slice(1)) {
			if (a === '-r' || a === '--remove') remove = true;
			else if (a === '-q' || a === '--quiet') quiet = true;
			else if (a === '-a' || a === '--all') all = true;
			else if (a === '-v' || a === '--verbose' || a === '-b' || a === '-s' || a === '--') continue;
			else if (a.startsWith('-')) {
				ctx.err(old ? OLD_USAGE : `modprobe: invalid option -- '${a.replace(/^-+/, '').slice(0, 1)}'\nmodprobe: ERROR: unknown option\n`);
				return 1;
			} else names.push(a);
		}
		if (names.length === 0) {
			ctx.err(old ? OLD_USAGE : 'modprobe: ERROR: missing parameters. See -h.\n');
			return 1;
		}
		// Without -a or -r, words after the module are its parameters.
		const targets = all || remove ? names : names.slice(0, 1);
		const notFound = (name: string) => {
			if (quiet) return;
			if (k24) ctx.err(`modprobe: Can't locate module ${name}\n`);
			else if (old) ctx.err(`FATAL: Module ${name} not found.\n`);
			else ctx.err(remove ? `modprobe: FATAL: Module ${name} not found.\n` : `modprobe: FATAL: Module ${name} not found in directory /lib/modules/${host.kernel}\n`);
		};
		for (const name of targets) {
			const mod = name.replace(/-/g, '_');
			if (remove) {
				if (!moduleCatalog(host).has(mod)) {
					notFound(name);
					return 1;
				}
				const r = unloadModule(host, mod);
				if (!r.ok && r.reason === 'in-use') {
					ctx.err(old ? `FATAL: Module ${mod} is in use.\n` : `modprobe: FATAL: Module ${mod} is in use.\n`);
					return 1;
				}
				continue;
			}
			const r = loadModule(host, mod, ctx.world.now);
			if (!r.ok) {
				notFound(name);
				return 1;
			}
		}
		return 0;
	},
};

function listing(ctx: CommandContext): string {
	const host = ctx.host;
	syncIpvsModules(host, ctx.world.now);
	const old = userlandEra(host.kernel) === 'sarge';
	const catalog = moduleCatalog(host);
	let out = 'Module                  Size  Used by\n';
	for (const name of [...loadedModules(host).loaded].reverse()) {
		const info = catalog.get(name);
		const users = holders(host, name);
		const count = useCount(host, name);
		if (old) out += `${name.padEnd(19)} ${String(info?.size ?? 0).padStart(8)}  ${count} ${users.join(',')}\n`;
		else out += `${name.padEnd(19)} ${String(info?.size ?? 0).padStart(8)}  ${count}${users.length ? ' ' + users.join(',') : ''}\n`;
	}
	return out;
}

/** lsmod: loaded modules, newest first, with size and users. */
export const lsmod: CommandSpec = {
	name: 'lsmod',
	paths: ['/sbin/lsmod', '/bin/lsmod'],
	group: 'system',
	summary: {en: 'list loaded kernel modules', es: 'lista los módulos del kernel cargados'},
	run(ctx) {
		ctx.out(listing(ctx));
		return 0;
	},
};

/** rmmod MODULE: unloads a module nothing uses. */
export const rmmod: CommandSpec = {
	name: 'rmmod',
	paths: ['/sbin/rmmod'],
	group: 'system',
	summary: {en: 'unload a kernel module', es: 'descarga un módulo del kernel'},
	run(ctx) {
		const host = ctx.host;
		const old = userlandEra(host.kernel) === 'sarge';
		syncIpvsModules(host, ctx.world.now);
		const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
		if (names.length === 0) {
			ctx.err(old ? 'Usage: rmmod [-fhswvV] modulename ...\n' : 'rmmod: ERROR: missing module name.\n');
			return 1;
		}
		let status = 0;
		for (const raw of names) {
			const name = raw.replace(/-/g, '_').replace(/\.k?o$/, '');
			const r = unloadModule(host, name);
			if (r.ok) continue;
			status = 1;
			if (r.reason === 'not-loaded') ctx.err(old ? `ERROR: Module ${name} does not exist in /proc/modules\n` : `rmmod: ERROR: Module ${name} is not currently loaded\n`);
			else if (r.users.length) ctx.err(old ? `ERROR: Module ${name} is in use by ${r.users.join(',')}\n` : `rmmod: ERROR: Module ${name} is in use by: ${r.users.join(' ')}\n`);
			else ctx.err(old ? `ERROR: Module ${name} is in use\n` : `rmmod: ERROR: Module ${name} is in use\n`);
		}
		return status;
	},
};
