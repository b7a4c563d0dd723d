import {clockTime} from '../../sim/calendar';
import {userlandEra} from '../../sim/net/userland-era';
import {kernelLog} from '../../sim/system/kernel-log';
import {SEC} from '../../sim/time';
import type {CommandSpec} from '../context';

/** procps uptime: ` 10:05:12 up 5 min,  1 user,  load average: 0.00, 0.00, 0.00`. */
export const uptime: CommandSpec = {
	name: 'uptime',
	paths: ['/usr/bin/uptime'],
	group: 'system',
	summary: {en: 'time since the host booted, and its load', es: 'tiempo desde que arrancó el host, y su carga'},
	run(ctx) {
		const up = Math.max(0, Math.floor((ctx.world.now - ctx.host.bootedAt) / SEC));
		const days = Math.floor(up / 86400);
		const hours = Math.floor((up % 86400) / 3600);
		const mins = Math.floor((up % 3600) / 60);
		let text = ` ${clockTime(ctx.world.scenario.epoch, ctx.world.now)} up `;
		if (days) text += `${days} day${days > 1 ? 's' : ''}, `;
		text += hours ? `${String(hours).padStart(2)}:${String(mins).padStart(2, '0')}, ` : `${mins} min, `;
		const load = (ctx.host.fs.tryRead('/proc/loadavg') ?? '0.00 0.00 0.00').trim().split(/\s+/).slice(0, 3).map((x) => (Number(x) || 0).toFixed(2));
		text += ` 1 user,  load average: ${load.join(', ')}\n`;
		ctx.out(text);
		return 0;
	},
};

/** procps free (-m, -k): memory from the host's hardware; old and new column layouts. */
export const free: CommandSpec = {
	name: 'free',
	paths: ['/usr/bin/free'],
	group: 'system',
	summary: {en: 'memory in use and free', es: 'memoria en uso y libre'},
	run(ctx) {
		const old = userlandEra(ctx.host.kernel) === 'sarge';
		const mega = ctx.argv.includes('-m');
		const totalKb = ctx.host.hardware.memoryMb * 1024 - (old ? 2900 : 12000);
		const scale = (kb: number) => String(mega ? Math.floor(kb / 1024) : kb);
		const buffers = Math.floor(totalKb * 0.05);
		const cached = Math.floor(totalKb * 0.3);
		const used = Math.floor(totalKb * 0.42) + buffers + cached;
		const freeKb = totalKb - used;
		if (old) {
			const c = (v: string) => v.padStart(11);
			let text = '             total       used       free     shared    buffers     cached\n';
			text += `Mem:  ${c(scale(totalKb))}${c(scale(used))}${c(scale(freeKb))}${c('0')}${c(scale(buffers))}${c(scale(cached))}\n`;
			text += `-/+ buffers/cache: ${c(scale(used - buffers - cached)).slice(1)}${c(scale(freeKb + buffers + cached))}\n`;
			text += `Swap: ${c(scale(0))}${c(scale(0))}${c(scale(0))}\n`;
			ctx.out(text);
			return 0;
		}
		const c = (v: string) => v.padStart(12);
		const appUsed = used - buffers - cached;
		let text = '        ' + ['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('') + '\n';
		text += 'Mem:    ' + [totalKb, appUsed, freeKb, 120, buffers + cached, freeKb + buffers + cached].map((v) => c(scale(v))).join('') + '\n';
		text += 'Swap:   ' + [0, 0, 0].map((v) => c(scale(v))).join('') + '\n';
		ctx.out(text);
		return 0;
	},
};

/** coreutils df: the root file system and /dev/shm. */
export const df: CommandSpec = {
	name: 'df',
	paths: ['/bin/df'],
	group: 'system',
	summary: {en: 'disk space per file system', es: 'espacio en disco por sistema de archivos'},
	run(ctx) {
		const old = userlandEra(ctx.host.kernel) === 'sarge';
		const used = 570124 + Math.floor(ctx.host.fs.allPaths().length * 4);
		const total = old ? 3842376 : 20509264;
		const shm = Math.floor((ctx.host.hardware.memoryMb * 1024) / 2);
		const rows: Array<[string, number, number, string]> = [
			[old ? '/dev/hda1' : '/dev/sda1', total, used, '/'],
			['tmpfs', shm, 0, '/dev/shm'],
		];
		const pct = (u: number, t: number) => `${t === 0 ? 0 : Math.ceil((u * 100) / t)}%`;
		let text: string;
		if (old) {
			text = 'Filesystem           1K-blocks      Used Available Use% Mounted on\n';
			for (const [fs, t, u, m] of rows) text += `${fs.padEnd(20)}${String(t).padStart(10)} ${String(u).padStart(9)} ${String(t - u - Math.floor(t * 0.05) * Number(m === '/')).padStart(9)} ${pct(u, t).padStart(4)} ${m}\n`;
		} else {
			text = 'Filesystem     1K-blocks   Used Available Use% Mounted on\n';
			const w = Math.max(4, ...rows.map(([, , u]) => String(u).length));
			text = `Filesystem     1K-blocks ${'Used'.padStart(w)} Available Use% Mounted on\n`;
			for (const [fs, t, u, m] of rows) text += `${fs.padEnd(14)} ${String(t).padStart(9)} ${String(u).padStart(w)} ${String(t - u - Math.floor(t * 0.05) * Number(m === '/')).padStart(9)} ${pct(u, t).padStart(4)} ${m}\n`;
		}
		ctx.out(text);
		return 0;
	},
};

/** util-linux dmesg: the kernel ring buffer (timestamps on modern kernels), -c clears it. */
export const dmesg: CommandSpec = {
	name: 'dmesg',
	paths: ['/bin/dmesg'],
	group: 'system',
	summary: {en: 'kernel messages (IPVS, links, modules)', es: 'mensajes del kernel (IPVS, enlaces, módulos)'},
	run(ctx) {
		const old = userlandEra(ctx.host.kernel) === 'sarge';
		const args = ctx.argv.slice(1);
		const bad = args.find((a) => !['-c', '-C', '-T', '-H', '-x'].includes(a) && !/^-n\d$/.test(a));
		if (bad) {
			ctx.err(old ? 'Usage: dmesg [-c] [-n level] [-s bufsize]\n' : `dmesg: invalid option -- '${bad.replace(/^-+/, '').slice(0, 1)}'\nTry 'dmesg --help' for more information.\n`);
			return 1;
		}
		const log = kernelLog(ctx.host);
		let text = '';
		if (!args.includes('-C')) {
			for (const m of log.list()) {
				if (old) text += m.text + '\n';
				else {
					const t = Math.max(0, m.at - ctx.host.bootedAt);
					text += `[${String(Math.floor(t / SEC)).padStart(5)}.${String(t % SEC).padStart(6, '0')}] ${m.text}\n`;
				}
			}
		}
		ctx.out(text);
		if (args.includes('-c') || args.includes('-C')) log.clear();
		return 0;
	},
};
