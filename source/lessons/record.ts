import {simpleCommands} from '../shell/ast';
import {parse} from '../shell/parse';
import type {ExecResult} from '../shell/shell';
import type {Micros} from '../sim/time';

/** One command the learner ran, with what it printed: the history goals look at. */
export interface CommandRecord {
	/** As typed (a heredoc keeps its lines), without the final newline. */
	readonly line: string;
	/** Host of the prompt it was typed at. */
	readonly host: string;
	/** Virtual time when it finished. */
	readonly at: Micros;
	readonly status: number;
	readonly out: string;
	readonly err: string;
	/** stdout and stderr interleaved as printed. */
	readonly output: string;
}

export function makeRecord(source: string, result: ExecResult, host: string, at: Micros): CommandRecord {
	let out = '';
	let err = '';
	let output = '';
	for (const chunk of result.output) {
		if (chunk.stream === 'out') out += chunk.text;
		else err += chunk.text;
		output += chunk.text;
	}
	return {line: source.replace(/\n$/, ''), host, at, status: result.status, out, err, output};
}

/** Blanks squeezed to one space and trimmed: what `command-ran` patterns see. */
export function normalizeCommand(line: string): string {
	return line.trim().replace(/[ \t]+/g, ' ');
}

/**
 * The commands a typed line ran, each with the host it ran on, for matching:
 * every simple command of the line on its own (`ssh client; curl …` is two
 * commands), and for `ssh HOST COMMAND…` also COMMAND on HOST. A line the
 * parser cannot split is matched whole.
 */
export function placesOf(record: CommandRecord): ReadonlyArray<{host: string; line: string}> {
	// Goals are re-checked on every clock tick; a record's commands never change.
	let places = PLACES.get(record);
	if (!places) PLACES.set(record, (places = splitPlaces(record)));
	return places;
}

const PLACES = new WeakMap<CommandRecord, ReadonlyArray<{host: string; line: string}>>();

function splitPlaces(record: CommandRecord): Array<{host: string; line: string}> {
	const places: Array<{host: string; line: string}> = [];
	const parsed = parse(record.line.endsWith('\n') ? record.line : record.line + '\n');
	const texts = parsed.kind === 'ok' ? simpleCommands(parsed.list).map((c) => c.text) : [record.line];
	for (const text of texts) {
		const line = normalizeCommand(text);
		if (line === '') continue;
		places.push({host: record.host, line});
		const ssh = /^ssh (?:-\S+ )*(?:[a-z_][a-z0-9_-]*@)?([a-z][a-z0-9-]*) (.+)$/s.exec(line);
		if (ssh) places.push({host: ssh[1]!, line: ssh[2]!.replace(/^(['"])(.*)\1$/s, '$2')});
	}
	return places;
}
