import type {Lang} from '../../i18n/lang';

/** One key binding, as the help screen lists it. */
export interface KeyHelp {
	readonly keys: string;
	readonly text: Readonly<Record<Lang, string>>;
}

export interface KeyGroup {
	readonly title: Readonly<Record<Lang, string>>;
	readonly keys: readonly KeyHelp[];
}

/**
 * Every key of the lab screen. The status bar shows the most used ones for the
 * current focus; `?` (or F1 anywhere) shows this whole list.
 */
export const KEYMAP: readonly KeyGroup[] = [
	{
		title: {en: 'Anywhere', es: 'En cualquier sitio'},
		keys: [
			{keys: 'Ctrl+C', text: {en: 'leave the lab (the terminal is restored)', es: 'salir del laboratorio (se restaura el terminal)'}},
			{keys: 'F1', text: {en: 'this list of keys', es: 'esta lista de teclas'}},
			{keys: 'PgUp PgDn', text: {en: 'scroll the shell output', es: 'desplazar la salida del shell'}},
		],
	},
	{
		title: {en: 'Shell (the prompt has the focus)', es: 'Shell (el foco está en el prompt)'},
		keys: [
			{keys: 'Esc', text: {en: 'focus the cluster: single keys act on hosts and time', es: 'foco en el cluster: teclas sueltas para hosts y tiempo'}},
			{keys: 'Tab', text: {en: 'complete a command, host or file (twice: list choices)', es: 'completar comando, host o archivo (dos veces: ver opciones)'}},
			{keys: '↑ ↓', text: {en: 'previous / next command in the history', es: 'comando anterior / siguiente del historial'}},
			{keys: '← → Home End', text: {en: 'move in the line (also Ctrl+A, Ctrl+E)', es: 'moverse por la línea (también Ctrl+A, Ctrl+E)'}},
			{keys: 'Alt+← Alt+→', text: {en: 'move by words (also Alt+B, Alt+F)', es: 'moverse por palabras (también Alt+B, Alt+F)'}},
			{keys: 'Ctrl+U Ctrl+K', text: {en: 'delete to the start / to the end of the line', es: 'borrar hasta el principio / el final de la línea'}},
			{keys: 'Ctrl+W Ctrl+Y', text: {en: 'delete the word before the cursor / paste it back', es: 'borrar la palabra anterior / volver a pegarla'}},
			{keys: 'Ctrl+L', text: {en: 'clear the shell output (like clear)', es: 'limpiar la salida del shell (como clear)'}},
			{keys: 'Ctrl+D', text: {en: 'on an empty line: exit (leaves ssh, or the lab)', es: 'en una línea vacía: exit (sale de ssh o del laboratorio)'}},
		],
	},
	{
		title: {en: 'Cluster (after Esc)', es: 'Cluster (después de Esc)'},
		keys: [
			{keys: 'Space', text: {en: 'pause / resume the virtual clock', es: 'pausar / reanudar el reloj virtual'}},
			{keys: '.', text: {en: 'pause and step one second of virtual time', es: 'pausar y avanzar un segundo de tiempo virtual'}},
			{keys: '+ -', text: {en: 'faster / slower: 1×, 2×, 5×, 10×, 20×, 50×', es: 'más rápido / más lento: 1×, 2×, 5×, 10×, 20×, 50×'}},
			{keys: '↑ ↓ (k j)', text: {en: 'select a host', es: 'elegir un host'}},
			{keys: 'u p', text: {en: 'unplug / plug the selected host\'s network cable', es: 'desenchufar / enchufar el cable de red del host elegido'}},
			{keys: 'o b', text: {en: 'power off / boot the selected host', es: 'apagar / arrancar el host elegido'}},
			{keys: 'Enter', text: {en: 'ssh to the selected host (back to the shell)', es: 'ssh al host elegido (vuelve al shell)'}},
			{keys: 'e c g', text: {en: 'show events / connections / graph (small windows)', es: 'ver eventos / conexiones / gráfica (ventanas pequeñas)'}},
			{keys: 'l s m', text: {en: 'openMosix bars: load / speed / memory', es: 'barras de openMosix: carga / velocidad / memoria'}},
			{keys: '?', text: {en: 'this list of keys', es: 'esta lista de teclas'}},
			{keys: 'Esc Tab i', text: {en: 'back to the shell', es: 'volver al shell'}},
		],
	},
	{
		title: {en: 'Lab commands at the prompt', es: 'Comandos del laboratorio en el prompt'},
		keys: [
			{keys: 'pause resume', text: {en: 'stop / restart the virtual clock', es: 'parar / reanudar el reloj virtual'}},
			{keys: 'step [SECS]', text: {en: 'let SECS of virtual time pass (default 1)', es: 'dejar pasar SEGS de tiempo virtual (por defecto 1)'}},
			{keys: 'speed N', text: {en: 'clock N times faster than real time (1 to 50)', es: 'reloj N veces más rápido que el tiempo real (1 a 50)'}},
			{keys: 'quit', text: {en: 'leave the lab', es: 'salir del laboratorio'}},
		],
	},
];
