import type {CommandSpec} from '../context';

/**
 * bash's reserved words for loops, conditionals and functions. The parser runs them
 * (`source/shell/parse.ts`); these entries only put them in `help` and in tab
 * completion, where bash lists them too. Groupings (`( … )`, `{ …; }`, `(( … ))`)
 * have no name worth completing and stay out.
 */
function keyword(name: string, en: string, es: string): CommandSpec {
	return {
		name,
		group: 'shell',
		summary: {en, es},
		run(ctx) {
			// Reached only when another tool runs the word as a program (env for …).
			ctx.err(`${ctx.argv[0]}: No such file or directory\n`);
			return 127;
		},
	};
}

export const KEYWORDS: readonly CommandSpec[] = [
	keyword('for', 'repeat for each word: for i in 1 2 3; do curl -s http://VIP/; done', 'repite para cada palabra: for i in 1 2 3; do curl -s http://VIP/; done'),
	keyword('while', 'repeat while a command succeeds: while COMMAND; do …; done (until: while it fails)', 'repite mientras una orden tenga éxito: while ORDEN; do …; done (until: mientras falle)'),
	keyword('until', 'repeat until a command succeeds: until COMMAND; do …; done', 'repite hasta que una orden tenga éxito: until ORDEN; do …; done'),
	keyword('if', 'run commands when one succeeds: if COMMAND; then …; else …; fi', 'ejecuta órdenes si una tiene éxito: if ORDEN; then …; else …; fi'),
	keyword('case', 'run the commands of the first matching pattern: case WORD in a|b) …;; *) …;; esac', 'ejecuta las órdenes del primer patrón que encaje: case PALABRA in a|b) …;; *) …;; esac'),
	keyword(
		'function',
		'define a command: NAME() { …; } or function NAME { …; }; arguments in $1 $2 …, $#, "$@"',
		'define una orden: NOMBRE() { …; } o function NOMBRE { …; }; argumentos en $1 $2 …, $#, "$@"',
	),
];

/** Names `type` reports as `shell keyword`. */
export const KEYWORD_NAMES: ReadonlySet<string> = new Set(['for', 'while', 'until', 'if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'in', 'case', 'esac', '{', '}', '!', 'time', '[[', ']]', 'select', 'function']);
