import {simpleCommands, type Word} from '../shell/ast';
import {parse} from '../shell/parse';

/** Literal text of a word, or undefined when it depends on an expansion. */
function literal(word: Word | undefined): string | undefined {
	if (!word) return undefined;
	let text = '';
	for (const part of word) {
		if (part.kind !== 'text') return undefined;
		text += part.text;
	}
	return text;
}

/**
 * Names of the commands a command line runs: every simple command, inside
 * loops, `if` and `$(…)` too, and the remote command of `ssh HOST COMMAND`. Used to tell a
 * lesson that waits for a tool not built yet from one that is broken.
 */
export function commandsUsed(source: string): string[] {
	const names = new Set<string>();
	const visit = (text: string) => {
		const parsed = parse(text.endsWith('\n') ? text : text + '\n');
		if (parsed.kind !== 'ok') return;
		// Inside loops and `if` too.
		for (const cmd of simpleCommands(parsed.list)) {
			for (const word of cmd.words) for (const part of word) if (part.kind === 'subst') visit(part.source);
			const name = literal(cmd.words[0]);
			if (name === undefined) continue;
			names.add(name);
			if (name === 'ssh') {
				const args = cmd.words.slice(1).map(literal);
				const hostAt = args.findIndex((a) => a !== undefined && !a.startsWith('-'));
				const rest = args.slice(hostAt + 1);
				if (hostAt >= 0 && rest.length > 0 && rest.every((a) => a !== undefined)) visit(rest.join(' '));
			}
		}
	};
	visit(source);
	return [...names];
}
