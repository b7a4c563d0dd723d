import {Box, Static, Text, useApp, useInput} from 'ink';
import {useEffect, useState} from 'react';
import {t} from '../i18n/i18n';
import type {Lab} from '../lab/lab';
import {formatClock, MSEC} from '../sim/time';

interface Line {
	readonly id: number;
	readonly text: string;
	readonly error: boolean;
}

/** The lab's shell screen: scrollback, a prompt, and the virtual clock running in real time. */
export function App({lab}: {lab: Lab}) {
	const {exit} = useApp();
	const [lines, setLines] = useState<Line[]>([]);
	const [input, setInput] = useState('');
	const [pending, setPending] = useState<string[]>([]);
	const [historyIndex, setHistoryIndex] = useState<number | undefined>();
	const [clock, setClock] = useState(lab.world.now);

	useEffect(() => {
		const timer = setInterval(() => {
			lab.world.advance(100 * MSEC);
			setClock(lab.world.now);
		}, 100);
		return () => clearInterval(timer);
	}, [lab]);

	useInput((char, key) => {
		if (key.return) {
			const source = [...pending, input].join('\n') + '\n';
			const echoed = (pending.length === 0 ? lab.shell.prompt() : '> ') + input;
			if (!lab.shell.isComplete(source)) {
				setPending([...pending, input]);
				setLines((l) => [...l, {id: l.length, text: echoed, error: false}]);
				setInput('');
				return;
			}
			const result = lab.shell.execute(source);
			const added: Line[] = [{id: 0, text: echoed, error: false}];
			for (const chunk of result.output) {
				for (const text of chunk.text.replace(/\n$/, '').split('\n')) added.push({id: 0, text, error: chunk.stream === 'err'});
			}
			setLines((l) => [...l, ...added.map((a, i) => ({...a, id: l.length + i}))]);
			setPending([]);
			setInput('');
			setHistoryIndex(undefined);
			if (result.effects.some((e) => e.kind === 'quit')) exit();
			return;
		}
		if (key.upArrow || key.downArrow) {
			const history = lab.shell.session.history;
			if (history.length === 0) return;
			let i = historyIndex ?? history.length;
			i = key.upArrow ? Math.max(0, i - 1) : Math.min(history.length, i + 1);
			setHistoryIndex(i);
			setInput(history[i] ?? '');
			return;
		}
		if (key.backspace || key.delete) {
			setInput((s) => s.slice(0, -1));
			return;
		}
		if (key.ctrl && char === 'd') {
			exit();
			return;
		}
		if (char && !key.ctrl && !key.meta) setInput((s) => s + char);
	});

	return (
		<Box flexDirection="column">
			<Static items={lines}>{(line) => <Text key={line.id} color={line.error ? 'red' : undefined}>{line.text}</Text>}</Static>
			<Text>
				{pending.length === 0 ? lab.shell.prompt() : '> '}
				{input}
				<Text inverse> </Text>
			</Text>
			<Text dimColor>
				{lab.world.scenario.title} · {formatClock(clock)} · {t(lab.shell.lang, 'ui.quitHint')}
			</Text>
		</Box>
	);
}
