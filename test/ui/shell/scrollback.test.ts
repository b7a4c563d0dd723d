import {describe, expect, it} from 'vitest';
import {totalRows, visibleRows, type OutputLine} from '../../../source/ui/shell/scrollback';

const line = (id: number, text: string, kind: OutputLine['kind']): OutputLine => ({id, text, kind});

describe('shell scrollback rows', () => {
	const lines = [
		line(1, 'root@lvs1:~# answer b', 'echo'),
		line(2, "Right. Visitors only ever see the VIP. Which real server answers is the director's business.", 'note'),
		line(3, 'x'.repeat(50), 'out'),
		line(4, '', 'out'),
		line(5, '  ipvsadm -A -t 10.0.0.100:80 -s rr; ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.11', 'note'),
	];

	it("breaks the lab's own notes between words and command output at the edge, as a terminal does", () => {
		const rows = visibleRows(lines, 40, 100, 0).map((r) => r.text);
		expect(rows).toEqual([
			'root@lvs1:~# answer b',
			'Right. Visitors only ever see the VIP.',
			'Which real server answers is the',
			"director's business.",
			'x'.repeat(40),
			'x'.repeat(10),
			'',
			'  ipvsadm -A -t 10.0.0.100:80 -s rr;',
			'  ipvsadm -a -t 10.0.0.100:80 -r',
			'  10.0.0.11',
		]);
		expect(totalRows(lines, 40)).toBe(rows.length);
	});

	it('scrolls back by screen rows, notes included', () => {
		expect(visibleRows(lines, 40, 2, 6).map((r) => r.text)).toEqual(['Which real server answers is the', "director's business."]);
	});
});
