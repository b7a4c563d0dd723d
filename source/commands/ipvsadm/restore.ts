/**
 * config_stream_read(): how `ipvsadm -R` cuts standard input into command lines.
 *
 * Words are separated by blanks, tabs and carriage returns; a newline ends the
 * command. Any word equal to `ipvsadm` is dropped. There is no comment syntax (the
 * code meant to skip `#` comments can never trigger), so a `#` line is an ipvsadm
 * command with no options. Input that ends in blanks without a newline loses its
 * last line.
 *
 * Returns argv (program name first), or undefined at the end of input.
 */
export function readRestoreLine(input: {text: string; pos: number}, program: string): string[] | undefined {
	const words = [program];
	let tokens = 0;
	const text = input.text;
	const isSeparator = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
	while (input.pos < text.length) {
		if (isSeparator(text[input.pos]!)) {
			// No word here: skip blanks; a newline ends the command, the end of input discards it.
			for (;;) {
				if (input.pos >= text.length) return undefined;
				const c = text[input.pos++]!;
				if (c === '\n') return words;
				if (c !== ' ' && c !== '\t' && c !== '\r') {
					input.pos--;
					break;
				}
			}
			continue;
		}
		const start = input.pos;
		while (input.pos < text.length && !isSeparator(text[input.pos]!)) input.pos++;
		const word = text.slice(start, input.pos);
		if (word !== 'ipvsadm') {
			tokens++;
			words.push(word);
		}
		if (input.pos < text.length && text[input.pos++] === '\n') return words;
	}
	return tokens === 0 ? undefined : words;
}
