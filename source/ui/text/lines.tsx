import {Box, Text} from 'ink';
import {memo} from 'react';

/**
 * Pre-fitted lines as one block of text in a box of exactly `height` rows
 * (missing rows stay blank, extra rows are cut), so a panel can never push the
 * screen taller than planned. One Text node per panel keeps Ink's layout work
 * small: the first frame and every frame after cost fewer nodes to lay out.
 */
export const Lines = memo(function Lines({lines, width, height}: {lines: readonly string[]; width: number; height: number}) {
	const shown = lines.length > height ? lines.slice(0, height) : lines;
	return (
		// Only vertical clipping: horizontal clipping would slice every line of every
		// frame through slice-ansi, and the lines are already fitted to the width.
		<Box width={width} height={height} overflowY="hidden">
			<Text>{shown.join('\n')}</Text>
		</Box>
	);
});
