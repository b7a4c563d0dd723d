import {userlandEra} from '../../sim/net/userland-era';
import type {CommandContext, CommandSpec} from '../context';

/**
 * Debian Sarge's coreutils 5.2, grep 2.5 and glibc 2.3 quoted names `like this'
 * and printed `invalid option -- z` without quotes; a few messages were shorter.
 * The tools are written with today's wording; on Sarge-era hosts their error
 * text goes through this translation.
 */
export function sargeWording(text: string): string {
	return text
		.replace(/invalid option -- '(.)'/g, 'invalid option -- $1')
		.replace(/unrecognized option '([^'\n]*)'/g, "unrecognized option `$1'")
		.replace(/\u2018([^\u2019\n]*)\u2019/g, "`$1'")
		.replace(/'([^'\n]*)'/g, "`$1'")
		.replace(/^ls: cannot access `([^'\n]*)': /gm, 'ls: $1: ')
		.replace(/^stat: cannot statx /gm, 'stat: cannot stat ')
		.replace(/^cp: -r not specified; omitting directory /gm, 'cp: omitting directory ')
		.replace(/^rmdir: failed to remove `([^'\n]*)': /gm, "rmdir: `$1': ")
		.replace(/^Usage: grep \[OPTION\]\.\.\. PATTERNS \[FILE\]\.\.\./gm, 'Usage: grep [OPTION]... PATTERN [FILE]...');
}

/** Wraps a tool so that its error messages use the wording of the host's Debian generation. */
export function withEraWording(spec: CommandSpec): CommandSpec {
	return {
		...spec,
		run(ctx: CommandContext) {
			if (userlandEra(ctx.host.kernel) !== 'sarge') return spec.run(ctx);
			const err = ctx.err;
			return spec.run({...ctx, err: (text: string) => err(sargeWording(text))} as CommandContext);
		},
	};
}
