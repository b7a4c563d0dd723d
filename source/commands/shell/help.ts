import {translator} from '../../i18n/i18n';
import type {CommandGroup, CommandSpec} from '../context';

/** Groups in the order `help` lists them; their titles live in the message catalog. */
const GROUPS: readonly CommandGroup[] = ['shell', 'files', 'process', 'network', 'system', 'lvs', 'ha', 'traffic', 'mosix', 'lab'];

/** `help`: every command with one line in our own words, grouped. */
export const help: CommandSpec = {
	name: 'help',
	group: 'shell',
	summary: {en: 'this list', es: 'esta lista'},
	run(ctx) {
		const t = translator(ctx.lang);
		const specs = ctx.registry.all().filter((s) => s.summary && (s.installed?.(ctx.host) ?? true));
		const width = Math.max(...specs.map((s) => s.name.length)) + 2;
		let text = t('help.intro');
		for (const group of GROUPS) {
			const inGroup = specs.filter((s) => s.group === group);
			if (inGroup.length === 0) continue;
			text += `\n${t(`help.groups.${group}`)}\n`;
			for (const s of inGroup) text += `  ${s.name.padEnd(width)}${s.summary![ctx.lang]}\n`;
		}
		ctx.out(text);
		return 0;
	},
};
