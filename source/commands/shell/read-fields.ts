/**
 * How bash's `read` cuts a line into its variables (bash's read.def and
 * get_word_from_string): IFS whitespace runs count as one separator, each other IFS
 * character as one (with the whitespace around it), and the last name gets the rest
 * of the line. Characters escaped with a backslash never separate.
 */

/** One character read, and whether a backslash escaped it. */
export interface ReadChar {
	readonly c: string;
	readonly escaped: boolean;
}

const WHITESPACE = ' \t\n';

/** The values for `count` names, splitting `line` on the characters of `ifs`. */
export function splitFields(line: readonly ReadChar[], ifs: string, count: number): string[] {
	const isSep = (ch: ReadChar) => !ch.escaped && ifs.includes(ch.c);
	const isSpace = (ch: ReadChar) => isSep(ch) && WHITESPACE.includes(ch.c);
	const text = (from: number, to: number) =>
		line
			.slice(from, to)
			.map((ch) => ch.c)
			.join('');

	/** One field from `p`: returns it and where the next one starts. */
	const word = (p: number): {value: string; next: number} => {
		while (p < line.length && isSpace(line[p]!)) p++;
		const start = p;
		while (p < line.length && !isSep(line[p]!)) p++;
		const value = text(start, p);
		const whiteSep = p < line.length && WHITESPACE.includes(line[p]!.c);
		if (p < line.length) p++;
		while (p < line.length && isSpace(line[p]!)) p++;
		// Whitespace then one other IFS character make a single separator.
		if (p < line.length && whiteSep && isSep(line[p]!) && !isSpace(line[p]!)) {
			p++;
			while (p < line.length && isSpace(line[p]!)) p++;
		}
		return {value, next: p};
	};

	let p = 0;
	if (ifs !== '') while (p < line.length && isSpace(line[p]!)) p++;
	const values: string[] = [];
	for (let n = 0; n < count - 1; n++) {
		if (p >= line.length) {
			values.push('');
			continue;
		}
		const w = word(p);
		values.push(w.value);
		p = w.next;
	}
	if (p >= line.length) values.push('');
	else {
		// The rest, unless it holds exactly one more field (then without its trailing separator).
		const w = word(p);
		if (w.next >= line.length) values.push(w.value);
		else {
			let end = line.length;
			while (end > p && isSpace(line[end - 1]!)) end--;
			values.push(text(p, end));
		}
	}
	return values;
}
