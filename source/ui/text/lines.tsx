import {Box, Text} from 'ink';
import {memo} from 'react';

/** One terminal line; unchanged lines skip React work and Ink's text measuring. */
const Line = memo(function Line({text}: {text: string}) {
	return <Text>{text === '' ? ' ' : text}</Text>;
});

/**
 * Pre-fitted lines in a box of exactly `height` rows (missing rows stay blank,
 * extra rows are cut), so a panel can never push the screen taller than planned.
 */
export const Lines = memo(function Lines({lines, width, height}: {lines: readonly string[]; width: number; height: number}) {
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{lines.slice(0, height).map((text, i) => (
				<Line key={i} text={text} />
			))}
		</Box>
	);
});
