import type {CommandContext} from '../../context';
import type {Host} from '../../../sim/host';
import {userlandEra} from '../../../sim/net/userland-era';
import type {IpOptions} from './ip-format';

/** What an `ip` subcommand needs besides the arguments. */
export interface IpRun {
	ctx: CommandContext;
	host: Host;
	old: boolean;
	opts: IpOptions;
}

export function ipRun(ctx: CommandContext, opts: IpOptions): IpRun {
	return {ctx, host: ctx.host, old: userlandEra(ctx.host.kernel) === 'sarge', opts};
}

/** iproute2's matches(): the typed word is a prefix of the keyword. */
export function matches(word: string | undefined, keyword: string): boolean {
	return word !== undefined && word.length > 0 && keyword.startsWith(word);
}

/** Exit status of a `return -1` in iproute2 (255) — the old ip returned it from main. */
export const MINUS_ONE = 255;

/** Shell glob (label PATTERN) to RegExp. */
export function globRe(pattern: string): RegExp {
	return new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

/** `Error: argument "X" is wrong: …` / `Command line is not complete.` helpers. */
export function incomplete(r: IpRun): number {
	r.ctx.err('Command line is not complete. Try option "help"\n');
	return r.old ? MINUS_ONE : 255;
}
