import type {Hardware} from '../host';

/**
 * openMosix measures CPUs against a yardstick: speed 10000 is a Pentium III at
 * 1 GHz (the HOWTO's definition). The simulator uses the same scale for how fast
 * a CPU really executes work, so one unit of work ("yardstick microsecond") takes
 * one microsecond on a 10000-speed CPU and 10000/speed microseconds elsewhere.
 */
export const YARDSTICK = 10000;

/**
 * Work per clock relative to a Pentium III, by CPU family. The Pentium 4's long
 * pipeline did less per clock than the Pentium III; the Athlon did a little more.
 * These are period benchmark ratios rounded to one decimal (a model, not a spec).
 */
const FAMILIES: ReadonlyArray<readonly [RegExp, number]> = [
	[/pentium[\s-]*(4|iv)\b/i, 0.8],
	[/xeon/i, 0.8],
	[/celeron/i, 0.8],
	[/pentium[\s-]*(iii|3)\b/i, 1.0],
	[/pentium[\s-]*(ii|2)\b/i, 0.9],
	[/pentium(\s*(mmx|pro))?$/i, 0.7],
	[/athlon|duron|opteron/i, 1.1],
];

/** Relative work per clock for a CPU model name (1.0 when unknown). */
export function familyFactor(cpu: string): number {
	for (const [pattern, factor] of FAMILIES) if (pattern.test(cpu.trim())) return factor;
	return 1.0;
}

/** Speed of one CPU of this hardware on the yardstick scale (PIII 1 GHz = 10000). */
export function hardwareSpeed(hw: Hardware): number {
	return Math.max(1, Math.round(hw.mhz * familyFactor(hw.cpu) * (YARDSTICK / 1000)));
}
