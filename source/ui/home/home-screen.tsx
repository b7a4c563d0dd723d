import {Box} from 'ink';
import {useMemo, useState} from 'react';
import {useSettings} from '../settings';
import {useKeys} from '../terminal/use-keys';
import {useTerminalSize} from '../terminal/use-terminal-size';
import {isChar} from '../terminal/keys';
import {pad, wrap} from '../text/fit';
import {Lines} from '../text/lines';
import {line, seg} from '../text/segments';
import type {ScenarioEntry} from './catalog';

/** What choosing an entry of the home screen does. */
export type HomeAction = {readonly kind: 'scenario'; readonly name: string};

/** A titled list on the home screen. */
export interface HomeSection {
	readonly title: string;
	readonly entries: ReadonlyArray<{readonly label: string; readonly description: string; readonly action: HomeAction}>;
}

export function scenarioSection(title: string, scenarios: readonly ScenarioEntry[]): HomeSection {
	return {title, entries: scenarios.map((s) => ({label: s.name, description: s.title, action: {kind: 'scenario', name: s.name}}))};
}

/**
 * The first screen of `cluster-lab`: what the lab is and what to open. For now
 * it lists the scenarios; the lesson map becomes another section here (before
 * the scenarios), using the same entries and keys.
 */
export function HomeScreen({sections, message, onChoose, onQuit}: {sections: readonly HomeSection[]; message?: string; onChoose(action: HomeAction): void; onQuit(): void}) {
	const {theme, t} = useSettings();
	const size = useTerminalSize();
	const entries = useMemo(() => sections.flatMap((s) => s.entries), [sections]);
	const [index, setIndex] = useState(0);
	useKeys((k) => {
		if (k.ctrl && k.text === 'c') return onQuit();
		if (isChar(k, 'q')) return onQuit();
		if (k.name === 'up' || isChar(k, 'k')) setIndex((i) => Math.max(0, i - 1));
		else if (k.name === 'down' || isChar(k, 'j')) setIndex((i) => Math.min(entries.length - 1, i + 1));
		else if (k.name === 'home') setIndex(0);
		else if (k.name === 'end') setIndex(entries.length - 1);
		else if (k.name === 'enter' && entries[index]) onChoose(entries[index]!.action);
	});
	const width = Math.max(20, size.columns);
	const height = Math.max(3, size.rows - 1);
	const lines: string[] = [line(width, seg(t.home.title, theme.paint.title), '  ', seg(t.home.subtitle, theme.paint.dim)), ''];
	let n = 0;
	for (const section of sections) {
		lines.push(line(width, seg(section.title, theme.paint.strong)));
		const labelWidth = Math.max(8, ...section.entries.map((e) => e.label.length)) + 2;
		for (const entry of section.entries) {
			const selected = n++ === index;
			const marker = selected ? theme.glyph.pointer + ' ' : '  ';
			lines.push(line(width, seg(marker, theme.paint.key), seg(pad(entry.label, labelWidth), selected ? theme.paint.selected : theme.paint.accent), ' ', entry.description));
		}
		lines.push('');
	}
	if (entries.length === 0) lines.push(line(width, seg(t.home.none, theme.paint.warn)));
	if (message) lines.push(...wrap(message, width).map((l) => theme.paint.error(l)), '');
	const hints = line(width, seg(theme.plain ? t.home.hints.replace(/ · /g, ' | ').replace('↑↓', 'Up/Down') : t.home.hints, theme.paint.dim));
	const body = lines.slice(0, height - 1);
	return (
		<Box flexDirection="column">
			<Lines lines={body} width={width} height={body.length} />
			<Lines lines={[hints]} width={width} height={1} />
		</Box>
	);
}
