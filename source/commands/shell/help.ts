import type {Lang} from '../../i18n/lang';
import type {CommandGroup, CommandSpec} from '../context';

const GROUPS: Record<CommandGroup, Record<Lang, string>> = {
	shell: {en: 'Shell', es: 'Shell'},
	files: {en: 'Files', es: 'Archivos'},
	process: {en: 'Processes', es: 'Procesos'},
	network: {en: 'Network', es: 'Red'},
	system: {en: 'System (kernel modules, packages, boot)', es: 'Sistema (módulos del kernel, paquetes, arranque)'},
	lvs: {en: 'Linux Virtual Server', es: 'Linux Virtual Server'},
	ha: {en: 'High availability (heartbeat, ldirectord)', es: 'Alta disponibilidad (heartbeat, ldirectord)'},
	traffic: {en: 'Traffic from the client PC', es: 'Tráfico desde el PC cliente'},
	mosix: {en: 'openMosix', es: 'openMosix'},
	lab: {en: 'Lab (time, faults, explanations)', es: 'Laboratorio (tiempo, fallos, explicaciones)'},
};

const INTRO: Record<Lang, string> = {
	en: 'Commands of the lab shell. Real tools print what the real ones print; lab commands are marked as such.\nType a command with -h or --help for its options.\n',
	es: 'Comandos del shell del laboratorio. Las herramientas reales imprimen lo mismo que las reales; los comandos del laboratorio están marcados.\nEscribe un comando con -h o --help para ver sus opciones.\n',
};

/** `help`: every command with one line in our own words, grouped. */
export const help: CommandSpec = {
	name: 'help',
	group: 'shell',
	summary: {en: 'this list', es: 'esta lista'},
	run(ctx) {
		const lang = ctx.lang;
		const specs = ctx.registry.all().filter((s) => s.summary && (s.installed?.(ctx.host) ?? true));
		const width = Math.max(...specs.map((s) => s.name.length)) + 2;
		let text = INTRO[lang];
		for (const group of Object.keys(GROUPS) as CommandGroup[]) {
			const inGroup = specs.filter((s) => s.group === group);
			if (inGroup.length === 0) continue;
			text += `\n${GROUPS[group][lang]}\n`;
			for (const s of inGroup) text += `  ${s.name.padEnd(width)}${s.summary![lang]}\n`;
		}
		ctx.out(text);
		return 0;
	},
};
