import type {CommandSpec} from '../context';

/** bash's `history [N]` and `history -c`. */
export const history: CommandSpec = {
	name: 'history',
	group: 'shell',
	summary: {en: 'commands typed so far (history N: the last N)', es: 'comandos escritos hasta ahora (history N: los últimos N)'},
	run(ctx) {
		const arg = ctx.argv[1];
		const items = ctx.session.history;
		if (arg === '-c') {
			items.length = 0;
			return 0;
		}
		let first = 0;
		if (arg !== undefined) {
			if (!/^\d+$/.test(arg)) {
				ctx.err(`bash: history: ${arg}: numeric argument required\n`);
				return 1;
			}
			first = Math.max(0, items.length - Number(arg));
		}
		let text = '';
		for (let i = first; i < items.length; i++) text += `${String(i + 1).padStart(5)}  ${items[i]!.replace(/\n/g, '\n       ')}\n`;
		ctx.out(text);
		return 0;
	},
};

export const clear: CommandSpec = {
	name: 'clear',
	paths: ['/usr/bin/clear'],
	group: 'shell',
	summary: {en: 'clear the screen', es: 'limpia la pantalla'},
	run(ctx) {
		ctx.effect({kind: 'clear'});
		return 0;
	},
};
