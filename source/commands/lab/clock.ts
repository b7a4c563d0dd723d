import type {Lang, Localized} from '../../i18n/lang';
import {seconds} from '../../sim/time';
import type {CommandContext, CommandSpec} from '../context';

/**
 * Lab commands that drive the virtual clock. In the lab screen `pause`, `resume`
 * and `speed` ask the screen's clock (through the `clock` effect); in
 * `cluster-lab run` time only moves when a command moves it, so they are accepted
 * and do nothing. `step` moves time itself, like `sleep`, in both.
 */

export const MIN_SPEED = 1;
export const MAX_SPEED = 50;

const UNITS: Record<string, number> = {'': 1, s: 1, m: 60, h: 3600};

const TEXT = {
	extra: {en: '{0}: takes no arguments', es: '{0}: no admite argumentos'},
	stepUsage: {
		en: "step: '{0}' is not a time; give seconds of virtual time, e.g. step 5 (suffixes s, m, h)",
		es: "step: '{0}' no es un tiempo; indica segundos de tiempo virtual, p. ej. step 5 (sufijos s, m, h)",
	},
	speedUsage: {
		en: 'speed: give how many times faster than real time the clock runs, from 1 to 50, e.g. speed 10',
		es: 'speed: indica cuántas veces más rápido que el tiempo real corre el reloj, de 1 a 50, p. ej. speed 10',
	},
} satisfies Record<string, Localized>;

function say(lang: Lang, text: Localized, ...args: string[]): string {
	return text[lang].replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

function noArguments(ctx: CommandContext): boolean {
	if (ctx.argv.length === 1) return true;
	ctx.err(say(ctx.lang, TEXT.extra, ctx.argv[0]!) + '\n');
	return false;
}

export const pause: CommandSpec = {
	name: 'pause',
	group: 'lab',
	summary: {en: 'lab: stop the virtual clock (the screen freezes; commands still run)', es: 'lab: detiene el reloj virtual (la pantalla se congela; los comandos siguen funcionando)'},
	run(ctx) {
		if (!noArguments(ctx)) return 2;
		ctx.effect({kind: 'clock', action: 'pause'});
		return 0;
	},
};

export const resume: CommandSpec = {
	name: 'resume',
	group: 'lab',
	summary: {en: 'lab: start the virtual clock again', es: 'lab: vuelve a poner en marcha el reloj virtual'},
	run(ctx) {
		if (!noArguments(ctx)) return 2;
		ctx.effect({kind: 'clock', action: 'resume'});
		return 0;
	},
};

/** Parses `5`, `0.5`, `2m`: seconds of virtual time, or undefined. */
export function parseStep(text: string): number | undefined {
	const m = /^(\d+(?:\.\d*)?|\.\d+)([smh]?)$/.exec(text);
	if (!m) return undefined;
	const value = Number(m[1]) * UNITS[m[2]!]!;
	return value > 0 ? value : undefined;
}

export const step: CommandSpec = {
	name: 'step',
	group: 'lab',
	summary: {en: 'lab: let SECS of virtual time pass (default 1), paused or not', es: 'lab: deja pasar SEGS de tiempo virtual (por defecto 1), en pausa o no'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		const text = args[0] ?? '1';
		const value = args.length > 1 ? undefined : parseStep(text);
		if (value === undefined) {
			ctx.err(say(ctx.lang, TEXT.stepUsage, args.join(' ')) + '\n');
			return 2;
		}
		ctx.world.advance(seconds(Math.min(value, 366 * 86400)));
		return 0;
	},
};

export const speed: CommandSpec = {
	name: 'speed',
	group: 'lab',
	summary: {en: 'lab: run the clock N times faster than real time (1 to 50)', es: 'lab: hace correr el reloj N veces más rápido que el tiempo real (de 1 a 50)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		const value = args.length === 1 && /^\d+(\.\d+)?$/.test(args[0]!) ? Number(args[0]) : NaN;
		if (!(value >= MIN_SPEED && value <= MAX_SPEED)) {
			ctx.err(say(ctx.lang, TEXT.speedUsage) + '\n');
			return 2;
		}
		ctx.effect({kind: 'clock', action: 'speed', value});
		return 0;
	},
};

export const CLOCK_COMMANDS: readonly CommandSpec[] = [pause, resume, step, speed];
