import {FsError, FS_ERROR_TEXT} from '../../sim/fs/filesystem';
import type {CommandSpec} from '../context';

/** coreutils cat: files in order, `-` for standard input, -n numbers lines. */
export const cat: CommandSpec = {
	name: 'cat',
	paths: ['/bin/cat'],
	group: 'files',
	summary: {en: 'show files (cat > FILE <<EOF writes one)', es: 'muestra archivos (cat > ARCHIVO <<EOF escribe uno)'},
	run(ctx) {
		let number = false;
		const files: string[] = [];
		let endOfOptions = false;
		for (const arg of ctx.argv.slice(1)) {
			if (!endOfOptions && arg === '--') endOfOptions = true;
			else if (!endOfOptions && arg.startsWith('-') && arg !== '-') {
				for (const f of arg.slice(1)) {
					if (f === 'n') number = true;
					else if (!'uAevETt'.includes(f)) {
						ctx.err(`cat: invalid option -- '${f}'\nTry 'cat --help' for more information.\n`);
						return 1;
					}
				}
			} else files.push(arg);
		}
		if (files.length === 0) files.push('-');
		let status = 0;
		let line = 1;
		for (const file of files) {
			let text: string;
			if (file === '-') text = ctx.stdin ?? '';
			else {
				try {
					text = ctx.host.fs.read(ctx.resolve(file));
				} catch (error) {
					if (!(error instanceof FsError)) throw error;
					ctx.err(`cat: ${file}: ${FS_ERROR_TEXT[error.code]}\n`);
					status = 1;
					continue;
				}
			}
			if (number) {
				const lines = text.split('\n');
				const trailing = text.endsWith('\n');
				if (trailing) lines.pop();
				text = lines.map((l) => `${String(line++).padStart(6)}\t${l}`).join('\n') + (trailing ? '\n' : '');
			}
			ctx.out(text);
		}
		return status;
	},
};
