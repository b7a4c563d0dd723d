import type {CommandSpec} from '../context';
import {ECHO_ESCAPES, unescape} from './escapes';

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
			const r = unescape(text, ECHO_ESCAPES);
			text = r.text;
			if (r.stop) newline = false;
		}
		ctx.out(newline ? text + '\n' : text);
		return 0;
	},
};
