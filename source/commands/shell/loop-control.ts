import type {CommandContext, CommandSpec} from '../context';

/**
 * bash's `break [N]` and `continue [N]`: they only mark how many loops to leave
 * (or to resume); the shell's loops read the marks after each command.
 */
function loopControl(ctx: CommandContext, name: 'break' | 'continue'): number {
	const s = ctx.session;
	if (s.loopDepth === 0) {
		ctx.err(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`);
		return 0;
	}
	const arg = ctx.argv[1];
	let count = 1;
	if (arg !== undefined) {
		if (!/^[ \t]*[-+]?\d+[ \t]*$/.test(arg)) {
			// bash gives up on the whole command line here: every loop ends.
			ctx.err(`bash: ${name}: ${arg}: numeric argument required\n`);
			s.breaking = s.loopDepth;
			return 1;
		}
		count = Number(arg);
		if (count <= 0) {
			ctx.err(`bash: ${name}: ${arg}: loop count out of range\n`);
			s.breaking = s.loopDepth;
			return 1;
		}
	}
	count = Math.min(count, s.loopDepth);
	if (name === 'break') s.breaking = count;
	else s.continuing = count;
	return 0;
}

export const breakCmd: CommandSpec = {
	name: 'break',
	group: 'shell',
	summary: {en: 'leave the enclosing for/while/until loop (break N: N loops)', es: 'sale del bucle for/while/until (break N: de N bucles)'},
	run: (ctx) => loopControl(ctx, 'break'),
};

export const continueCmd: CommandSpec = {
	name: 'continue',
	group: 'shell',
	summary: {en: 'skip to the next round of the enclosing loop', es: 'pasa a la siguiente vuelta del bucle'},
	run: (ctx) => loopControl(ctx, 'continue'),
};

/** `:`, the builtin that does nothing and succeeds (`while :; do …; done`). */
export const colon: CommandSpec = {name: ':', group: 'shell', run: () => 0};
