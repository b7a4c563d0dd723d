import {normalizeCommand, type CommandRecord} from './record';
import type {Quiz} from './schema';

export const LETTERS = 'abcdefgh';

/** The letter shown before a choice: a, b, c… */
export function letterOf(index: number): string {
	return LETTERS[index] ?? '?';
}

export function isPrediction(quiz: Quiz): boolean {
	return quiz.predict !== undefined;
}

/** How many values a prediction asks for. */
export function predictionSize(quiz: Quiz): number {
	return quiz.count ?? 1;
}

/** The correct letters of a multiple-choice quiz. */
export function correctLetters(quiz: Quiz): string[] {
	const a = quiz.answer;
	return a === undefined ? [] : Array.isArray(a) ? [...a].sort() : [a];
}

export type ParsedAnswer = {ok: true; values: string[]} | {ok: false; reason: 'empty' | 'unknown' | 'count'; word?: string};

/**
 * Reads what the learner typed: letters (`b`, `a c`, `a,c`) or the choices'
 * own words (`rs3 rs2 rs1`), case-insensitive. For multiple choice the
 * result is sorted letters; for a prediction, the chosen values in order.
 */
export function parseAnswer(quiz: Quiz, input: string): ParsedAnswer {
	const words = input
		.trim()
		.split(/[\s,;]+/)
		.map((w) => w.replace(/[).]$/, ''))
		.filter((w) => w !== '');
	if (words.length === 0) return {ok: false, reason: 'empty'};
	const picked: number[] = [];
	for (const word of words) {
		const lower = word.toLowerCase();
		let index = quiz.choices.findIndex((c) => c.toLowerCase() === lower);
		if (index < 0 && /^[a-h]$/.test(lower) && LETTERS.indexOf(lower) < quiz.choices.length) index = LETTERS.indexOf(lower);
		if (index < 0) return {ok: false, reason: 'unknown', word};
		picked.push(index);
	}
	if (isPrediction(quiz)) {
		if (picked.length !== predictionSize(quiz)) return {ok: false, reason: 'count'};
		return {ok: true, values: picked.map((i) => quiz.choices[i]!)};
	}
	return {ok: true, values: [...new Set(picked.map(letterOf))].sort()};
}

export function isCorrect(quiz: Quiz, letters: readonly string[]): boolean {
	const want = correctLetters(quiz);
	return want.length === letters.length && want.every((l, i) => letters[i] === l);
}

/**
 * What actually happened after a prediction: from the commands run since, those
 * matching `observe.command`, every match of `observe.output` in their output
 * (its first group, or the whole match), in order, up to the predicted count.
 */
export function observed(quiz: Quiz, records: readonly CommandRecord[]): string[] {
	if (!quiz.observe) return [];
	const command = new RegExp(quiz.observe.command);
	const output = new RegExp(quiz.observe.output, 'gm');
	const values: string[] = [];
	const want = predictionSize(quiz);
	for (const r of records) {
		if (!command.test(normalizeCommand(r.line))) continue;
		for (const m of r.output.matchAll(output)) {
			values.push(m[1] ?? m[0]);
			if (values.length >= want) return values;
		}
	}
	return values;
}
