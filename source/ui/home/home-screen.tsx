import {Box} from 'ink';
import {useMemo, useRef, useState} from 'react';
import {useSettings} from '../settings';
import {useKeys} from '../terminal/use-keys';
import {useTerminalSize} from '../terminal/use-terminal-size';
import {isChar} from '../terminal/keys';
import {pad, widthOf, wrap} from '../text/fit';
import {Lines} from '../text/lines';
import {line, seg} from '../text/segments';
import type {ScenarioEntry} from './catalog';

/** What choosing an entry of the home screen does. */
export type HomeAction = {readonly kind: 'scenario'; readonly name: string} | {readonly kind: 'lesson'; readonly id: string};

/** A titled list on the home screen. */
export interface HomeSection {
	readonly title: string;
	/** Columns of the label (default: the longest label plus two, at least ten). */
	readonly labelWidth?: number;
	readonly entries: ReadonlyArray<{readonly label: string; readonly description: string; readonly detail?: string; readonly action: HomeAction}>;
}

export function scenarioSection(title: string, scenarios: readonly ScenarioEntry[]): HomeSection {
	return {title, entries: scenarios.map((s) => ({label: s.name, description: s.title, action: {kind: 'scenario', name: s.name}}))};
}

const DETAIL_GAP = '  ';
/** Descriptions are never cut shorter than this to make room for the details. */
const MIN_DESCRIPTION = 16;

/**
 * Columns of a section's descriptions when its entries have details: the
 * longest description, or what the details leave of `room`, so the details
 * start in one column and a long description is cut with `…` (never wrapped).
 * Undefined when no entry has a detail (the description runs to the edge).
 */
function columnWidth(section: HomeSection, room: number): number | undefined {
	const detail = Math.max(0, ...section.entries.map((e) => widthOf(e.detail ?? '')));
	if (detail === 0) return undefined;
	const longest = Math.max(0, ...section.entries.map((e) => widthOf(e.description)));
	return Math.min(longest, Math.max(MIN_DESCRIPTION, room - DETAIL_GAP.length - detail));
}

/**
 * The first screen of `cluster-lab`: what the lab is and what to open, the
 * lesson map (with the learner's progress) and the scenarios. The list
 * scrolls to keep the chosen entry in sight.
 */
export function HomeScreen({sections, message, onChoose, onQuit}: {sections: readonly HomeSection[]; message?: string; onChoose(action: HomeAction): void; onQuit(): void}) {
	const {theme, t} = useSettings();
	const size = useTerminalSize();
	const entries = useMemo(() => sections.flatMap((s) => s.entries), [sections]);
	const [index, setIndex] = useState(0);
	// Keys typed quickly arrive together, before React re-renders: Enter must see the moves before it.
	const at = useRef(0);
	const move = (i: number) => {
		at.current = Math.max(0, Math.min(entries.length - 1, i));
		setIndex(at.current);
	};
	useKeys((k) => {
		if (k.ctrl && k.text === 'c') return onQuit();
		if (isChar(k, 'q')) return onQuit();
		if (k.name === 'up' || isChar(k, 'k')) move(at.current - 1);
		else if (k.name === 'down' || isChar(k, 'j')) move(at.current + 1);
		else if (k.name === 'home') move(0);
		else if (k.name === 'end') move(entries.length - 1);
		else if (k.name === 'enter' && entries[at.current]) onChoose(entries[at.current]!.action);
	});
	const width = Math.max(20, size.columns);
	const height = Math.max(3, size.rows - 1);
	const lines: string[] = [line(width, seg(t.home.title, theme.paint.title), '  ', seg(t.home.subtitle, theme.paint.dim)), ''];
	let n = 0;
	let selectedLine = 0;
	for (const section of sections) {
		lines.push(line(width, seg(section.title, theme.paint.strong)));
		const labelWidth = section.labelWidth ?? Math.max(8, ...section.entries.map((e) => e.label.length)) + 2;
		const descriptionWidth = columnWidth(section, width - 2 - labelWidth - 1);
		for (const entry of section.entries) {
			const selected = n++ === index;
			if (selected) selectedLine = lines.length;
			const marker = selected ? theme.glyph.pointer + ' ' : '  ';
			const description = descriptionWidth === undefined ? entry.description : pad(entry.description, descriptionWidth);
			lines.push(line(width, seg(marker, theme.paint.key), seg(pad(entry.label, labelWidth), selected ? theme.paint.selected : theme.paint.accent), ' ', description, entry.detail ? seg(DETAIL_GAP + entry.detail, theme.paint.dim) : undefined));
		}
		lines.push('');
	}
	if (entries.length === 0) lines.push(line(width, seg(t.home.none, theme.paint.warn)));
	if (message) lines.push(...wrap(message, width).map((l) => theme.paint.error(l)), '');
	const hints = line(width, seg(theme.plain ? t.home.hints.replace(/ · /g, ' | ').replace('↑↓', 'Up/Down') : t.home.hints, theme.paint.dim));
	// Taller than the window: scroll so the chosen entry stays in the middle (the title stays on top).
	const room = height - 1;
	const first = lines.length <= room ? 0 : Math.max(0, Math.min(selectedLine - Math.floor(room / 2), lines.length - room));
	const body = lines.slice(first, first + room);
	return (
		<Box flexDirection="column">
			<Lines lines={body} width={width} height={body.length} />
			<Lines lines={[hints]} width={width} height={1} />
		</Box>
	);
}
