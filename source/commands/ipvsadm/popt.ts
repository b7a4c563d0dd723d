/**
 * The parts of the popt library ipvsadm relies on, with its quirks: options are
 * handed out one at a time; short options bundle (`-Lnc`, `-t10.0.0.1:80`); an option
 * that needs an argument takes the next word even when it starts with `-`; an
 * optional argument (`-p`) is taken only when the next word does not start with `-`;
 * words that are not options are kept, in order, for poptGetArg; `--` ends options.
 */

export interface PoptOption {
	readonly long?: string;
	readonly short?: string;
	readonly arg: 'none' | 'required' | 'optional';
	/** What poptGetNextOpt returns for it. */
	readonly val: string;
}

export type PoptError = 'BADOPT' | 'NOARG';

export type PoptNext =
	| {readonly kind: 'option'; readonly val: string; readonly arg: string | null}
	| {readonly kind: 'end'}
	| {readonly kind: 'error'; readonly error: PoptError};

/** poptStrerror(). */
export const POPT_ERROR_TEXT: Record<PoptError, string> = {
	BADOPT: 'unknown option',
	NOARG: 'missing argument',
};

export class Popt {
	private next = 1;
	/** Rest of a bundle of short options; '' (after `-x=`) differs from none. */
	private nextCharArg: string | null = null;
	private restLeftover = false;
	private readonly leftovers: string[] = [];
	private nextLeftover = 0;

	constructor(
		private readonly argv: readonly string[],
		private readonly options: readonly PoptOption[],
	) {}

	/** poptGetNextOpt(). */
	nextOption(): PoptNext {
		for (;;) {
			let opt: PoptOption | undefined;
			let longArg: string | null = null;
			if (this.nextCharArg === null) {
				if (this.next >= this.argv.length) return {kind: 'end'};
				const word = this.argv[this.next++]!;
				if (this.restLeftover || !word.startsWith('-') || word === '-') {
					this.leftovers.push(word);
					continue;
				}
				if (word === '--') {
					this.restLeftover = true;
					continue;
				}
				const doubleDash = word.startsWith('--');
				const body = word.slice(doubleDash ? 2 : 1);
				const eq = body.indexOf('=');
				if (doubleDash) {
					const name = eq >= 0 ? body.slice(0, eq) : body;
					opt = this.options.find((o) => o.long === name);
					if (!opt) return {kind: 'error', error: 'BADOPT'};
					if (eq >= 0) longArg = body.slice(eq + 1);
				} else {
					// No ipvsadm option is a one-dash long option: treat the word as bundled short options.
					this.nextCharArg = word.slice(1);
				}
			}
			if (!opt) {
				const chars = this.nextCharArg!;
				this.nextCharArg = null;
				const ch = chars[0];
				opt = ch === undefined ? undefined : this.options.find((o) => o.short === ch);
				if (!opt) return {kind: 'error', error: 'BADOPT'};
				const rest = chars.slice(1);
				if (rest !== '') this.nextCharArg = rest[0] === '=' ? rest.slice(1) : rest;
			}
			if (opt.arg === 'none') return {kind: 'option', val: opt.val, arg: null};
			let arg: string | null;
			if (longArg !== null) arg = longArg;
			else if (this.nextCharArg !== null) {
				arg = this.nextCharArg;
				this.nextCharArg = null;
			} else if (this.next >= this.argv.length) {
				if (opt.arg === 'required') return {kind: 'error', error: 'NOARG'};
				arg = null;
			} else if (opt.arg === 'optional' && this.argv[this.next]!.startsWith('-')) arg = null;
			else arg = this.argv[this.next++]!;
			return {kind: 'option', val: opt.val, arg};
		}
	}

	/** poptBadOption(con, POPT_BADOPTION_NOALIAS): the word being read when it failed. */
	badOption(): string {
		return this.argv[this.next - 1] ?? '';
	}

	/** poptGetArg(): the next word that was not an option. */
	nextArg(): string | undefined {
		return this.nextLeftover < this.leftovers.length ? this.leftovers[this.nextLeftover++] : undefined;
	}
}
