import type {CommandSpec} from '../context';
import {errnoText, parseOptions} from './args';

/** `^I`, `^M`, `M-…` notation of cat -v (tabs and newlines stay unless -T/-E). */
function visible(line: string, tabs: boolean): string {
	let out = '';
	for (const ch of line) {
		const c = ch.charCodeAt(0);
		if (ch === '\t') out += tabs ? '^I' : '\t';
		else if (c < 32) out += '^' + String.fromCharCode(c + 64);
		else if (c === 127) out += '^?';
		else if (c >= 128 && c < 160) out += 'M-^' + String.fromCharCode(c - 128 + 64);
		else if (c >= 160 && c < 256) out += 'M-' + String.fromCharCode(c - 128);
		else out += ch;
	}
	return out;
}

/** coreutils cat: files in order, `-` for standard input; -n -b -s -E -T -v -A -e -t. */
export const cat: CommandSpec = {
	name: 'cat',
	paths: ['/bin/cat'],
	group: 'files',
	summary: {en: 'show files (cat > FILE <<EOF writes one)', es: 'muestra archivos (cat > ARCHIVO <<EOF escribe uno)'},
	run(ctx) {
		const p = parseOptions('cat', ctx.argv.slice(1), {
			flags: 'nbsETvAetu',
			long: {number: 'n', 'number-nonblank': 'b', 'squeeze-blank': 's', 'show-ends': 'E', 'show-tabs': 'T', 'show-nonprinting': 'v', 'show-all': 'A'},
		});
		if (typeof p === 'string') {
			ctx.err(p);
			return 1;
		}
		const has = (c: string) => p.has(c);
		const ends = has('E') || has('A') || has('e');
		const tabs = has('T') || has('A') || has('t');
		const nonprinting = has('v') || has('A') || has('e') || has('t');
		const numberAll = has('n') && !has('b');
		const numberNonBlank = has('b');
		const squeeze = has('s');
		const plain = !ends && !tabs && !nonprinting && !numberAll && !numberNonBlank && !squeeze;
		const files = p.operands.length ? p.operands : ['-'];
		let status = 0;
		let line = 1;
		let lastBlank = false;
		for (const file of files) {
			let text: string;
			if (file === '-') text = ctx.stdin ?? '';
			else {
				try {
					text = ctx.host.fs.read(ctx.resolve(file));
				} catch (error) {
					ctx.err(`cat: ${file}: ${errnoText(error)}\n`);
					status = 1;
					continue;
				}
			}
			if (plain) {
				ctx.out(text);
				continue;
			}
			const lines = text.split('\n');
			const trailing = text.endsWith('\n');
			if (trailing) lines.pop();
			let out = '';
			lines.forEach((l, i) => {
				const blank = l === '';
				if (squeeze && blank && lastBlank) return;
				lastBlank = blank;
				let s = nonprinting ? visible(l, tabs) : tabs ? l.replace(/\t/g, '^I') : l;
				if (numberAll || (numberNonBlank && !blank)) s = `${String(line++).padStart(6)}\t${s}`;
				const last = i === lines.length - 1;
				out += s + (last && !trailing ? '' : (ends ? '$' : '') + '\n');
			});
			ctx.out(out);
		}
		return status;
	},
};
