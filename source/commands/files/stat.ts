import type {CommandSpec} from '../context';
import {q} from './args';
import {entryBlocks, entrySize, modeString} from './long-format';

function isoTime(epochMs: number, t: number): string {
	const d = new Date(epochMs + Math.floor(t / 1000));
	const p2 = (n: number) => String(n).padStart(2, '0');
	const ns = String((t % 1_000_000) * 1000).padStart(9, '0');
	return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${ns} +0000`;
}

/** A stable inode number per path, so repeated runs print the same. */
function inode(path: string): number {
	let h = 131;
	for (const c of path) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
	return 130_000 + h;
}

/** coreutils stat FILE… in its default format. */
export const stat: CommandSpec = {
	name: 'stat',
	paths: ['/usr/bin/stat'],
	group: 'files',
	summary: {en: 'size, permissions, owner and times of a file', es: 'tamaño, permisos, dueño y fechas de un archivo'},
	run(ctx) {
		const files = ctx.argv.slice(1);
		const bad = files.find((f) => f.startsWith('-') && f !== '-');
		if (bad) {
			ctx.err(`stat: invalid option -- '${bad[1]}'\nTry 'stat --help' for more information.\n`);
			return 1;
		}
		if (files.length === 0) {
			ctx.err("stat: missing operand\nTry 'stat --help' for more information.\n");
			return 1;
		}
		let status = 0;
		for (const f of files) {
			const path = ctx.resolve(f);
			const e = ctx.host.fs.stat(path);
			if (!e) {
				ctx.err(`stat: cannot statx ${q(f)}: No such file or directory\n`);
				status = 1;
				continue;
			}
			const virtual = path.startsWith('/proc/') || path.startsWith('/dev/');
			const size = entrySize(e, virtual);
			const kind = e.kind === 'dir' ? 'directory' : size === 0 ? 'regular empty file' : 'regular file';
			const uid = (name: string) => (name === 'root' ? 0 : name === 'www-data' ? 33 : 1000);
			const time = isoTime(ctx.world.scenario.epoch, e.mtime);
			ctx.out(
				`  File: ${f}\n` +
					`  Size: ${String(size).padEnd(10)}\tBlocks: ${String(entryBlocks(e, virtual) * 2).padEnd(10)} IO Block: 4096   ${kind}\n` +
					`Device: 8,1\tInode: ${String(inode(path)).padEnd(11)} Links: ${e.kind === 'dir' ? 2 : 1}\n` +
					`Access: (${(e.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(e)})  Uid: (${String(uid(e.owner)).padStart(5)}/${e.owner.padStart(8)})   Gid: (${String(uid(e.group)).padStart(5)}/${e.group.padStart(8)})\n` +
					`Access: ${time}\nModify: ${time}\nChange: ${time}\n Birth: ${time}\n`,
			);
		}
		return status;
	},
};
