import chalk from 'chalk';
import {describe, expect, it} from 'vitest';
import {createTheme} from '../../../source/ui/theme';
import {markdownLines} from '../../../source/ui/study/markdown-lines';

describe('lesson Markdown in a terminal pane', () => {
	chalk.level = 0;
	const theme = createTheme({plain: false});

	it('wraps paragraphs, drops the emphasis markers, keeps code blocks and indents list items', () => {
		const text = [
			'The **director** holds the `VIP` and hands *each* connection to a real server.',
			'',
			'    ipvsadm -L -n',
			'',
			'- `-A` adds a virtual service with a scheduler',
			'- short',
		].join('\n');
		expect(markdownLines(text, 30, theme)).toEqual([
			'The director holds the VIP and',
			'hands each connection to a',
			'real server.',
			'',
			'  ipvsadm -L -n',
			'',
			'• -A adds a virtual service',
			'  with a scheduler',
			'• short',
		]);
	});

	it('never exceeds the width, even with a word longer than the line', () => {
		const lines = markdownLines('see http://10.0.0.100/a/very/long/path/that/does/not/fit and more', 12, theme);
		for (const l of lines) expect([...l].length).toBeLessThanOrEqual(12);
		expect(lines.join('')).toContain('http://10.0.');
	});

	it('paints bold and code when colour is on, without counting the codes as columns', () => {
		chalk.level = 3;
		const painted = createTheme({plain: false});
		const [first] = markdownLines('a **b** `c`', 10, painted);
		chalk.level = 0;
		// eslint-disable-next-line no-control-regex
		expect(first!.replace(/\x1b\[[0-9;]*m/g, '')).toBe('a b c');
		expect(first).not.toBe('a b c');
	});
});
