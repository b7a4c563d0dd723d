import type {CommandSpec} from '../context';

/** Interprets echo -e escapes; `\c` stops all further output. */
function unescape(text: string): {text: string; stop: boolean} {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c !== '\\' || i + 1 >= text.length) {
			out += c;
			continue;
		}
		const n = text[++i]!;
		const simple: Record<string, string> = {n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', r: '\r', v: '\v'};
		if (n in simple) out += simple[n];
		else if (n === 'c') return {text: out, stop: true};
		else if (n === '0') {
			const m = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
			out += String.fromCharCode(parseInt(m || '0', 8));
			i += m.length;
		} else if (n === 'x') {
			const m = /^[0-9a-fA-F]{0,2}/.exec(text.slice(i + 1))![0];
			if (m) {
				out += String.fromCharCode(parseInt(m, 16));
				i += m.length;
			} else out += '\\x';
		} else out += '\\' + n;
	}
	return {text: out, stop: false};
}

/** bash's builtin echo: -n, -e, -E. */
export const echo: CommandSpec = {
	name: 'echo',
	paths: ['/bin/echo'],
	group: 'shell',
	summary: {en: 'print its arguments (echo $? shows the last exit status)', es: 'imprime sus argumentos (echo $? muestra el último estado de salida)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		let newline = true;
		let escapes = false;
		while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
			for (const f of args.shift()!.slice(1)) {
				if (f === 'n') newline = false;
				else if (f === 'e') escapes = true;
				else escapes = false;
			}
		}
		let text = args.join(' ');
		if (escapes) {
			const r = unescape(text);
			text = r.text;
			if (r.stop) newline = false;
		}
		ctx.out(newline ? text + '\n' : text);
		return 0;
	},
};
