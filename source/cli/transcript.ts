import type {Lab} from '../lab/lab';

/**
 * Runs a script through the lab shell and yields the transcript piece by piece:
 * the prompt and command as written, then everything it printed (stdout and
 * stderr in order). Blank lines and `#` comments between commands are skipped;
 * lines that continue a command (heredoc, open quote) are shown after `> `.
 */
export function* transcript(lab: Lab, script: string): Generator<string, number> {
	const lines = script.split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	let buffer: string[] = [];
	let prompt = '';
	let status = 0;
	const flush = function* (): Generator<string, boolean> {
		const source = buffer.join('\n') + '\n';
		buffer = [];
		let shown = prompt + source.split('\n')[0] + '\n';
		for (const more of source.split('\n').slice(1, -1)) shown += '> ' + more + '\n';
		yield shown;
		const result = lab.shell.execute(source);
		status = result.status;
		for (const chunk of result.output) yield chunk.text;
		return result.effects.some((e) => e.kind === 'quit');
	};
	for (const raw of lines) {
		const line = raw.replace(/\r$/, '');
		if (buffer.length === 0) {
			const trimmed = line.trim();
			if (trimmed === '' || trimmed.startsWith('#')) continue;
			prompt = lab.shell.prompt();
		}
		buffer.push(line);
		if (lab.shell.isComplete(buffer.join('\n') + '\n')) {
			if (yield* flush()) return status;
		}
	}
	if (buffer.length > 0) yield* flush();
	return 0;
}
