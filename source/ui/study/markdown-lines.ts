import {cut, widthOf} from '../text/fit';
import type {Theme} from '../theme';

type Style = 'plain' | 'strong' | 'code';

interface Word {
	readonly text: string;
	readonly style: Style;
}

/** Splits a paragraph into words, each with the emphasis it sits in (`**bold**`, `` `code` ``). */
function words(text: string): Word[] {
	const out: Word[] = [];
	const parts = text.split(/(\*\*[^*]+\*\*|`[^`]+`)/);
	for (const part of parts) {
		if (part === '') continue;
		let style: Style = 'plain';
		let body = part;
		if (/^\*\*[^*]+\*\*$/.test(part)) {
			style = 'strong';
			body = part.slice(2, -2);
		} else if (/^`[^`]+`$/.test(part)) {
			style = 'code';
			body = part.slice(1, -1);
		} else {
			body = part.replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s.,;:)]|$)/g, '$1$2');
		}
		// Keep where the spaces were: a word glued to the previous one (`**VIP**s`) stays glued.
		const pieces = body.split(/( )/);
		for (const p of pieces) if (p !== '') out.push({text: p, style});
	}
	return out;
}

/** Word-wraps styled words into painted lines of at most `width` columns. */
function flow(text: string, width: number, first: string, rest: string, theme: Theme): string[] {
	const paint = (w: Word) => (w.style === 'strong' ? theme.paint.strong(w.text) : w.style === 'code' ? theme.paint.accent(w.text) : w.text);
	const lines: string[] = [];
	let out = first;
	let used = widthOf(first);
	let pendingSpace = false;
	let empty = true;
	const room = () => width - used;
	const newLine = () => {
		lines.push(out);
		out = rest;
		used = widthOf(rest);
		pendingSpace = false;
		empty = true;
	};
	// Words glued together (no space between) wrap as one.
	const groups: Word[][] = [];
	let group: Word[] = [];
	for (const w of words(text)) {
		if (w.text === ' ') {
			if (group.length) groups.push(group);
			group = [];
		} else group.push(w);
	}
	if (group.length) groups.push(group);
	for (const g of groups) {
		const w = g.reduce((n, x) => n + widthOf(x.text), 0);
		if (!empty && (pendingSpace ? 1 : 0) + w > room()) newLine();
		if (!empty) {
			out += ' ';
			used++;
		}
		for (const x of g) {
			let t = x.text;
			while (widthOf(t) > room() && room() > 0) {
				const head = cut(t, room());
				out += paint({...x, text: head});
				t = Array.from(t).slice(Array.from(head).length).join('');
				newLine();
			}
			out += paint({...x, text: t});
			used += widthOf(t);
		}
		empty = false;
		pendingSpace = true;
	}
	if (!empty || lines.length === 0) lines.push(out);
	return lines;
}

/**
 * A lesson's Markdown as terminal lines: paragraphs wrapped to the pane,
 * **bold** and `code` painted (the markers dropped), indented and fenced code
 * kept as written, list items with a hanging indent.
 */
export function markdownLines(text: string, width: number, theme: Theme): string[] {
	const out: string[] = [];
	const lines = text.split('\n');
	let paragraph: string[] = [];
	let item: {marker: string; text: string[]} | undefined;
	let fenced = false;
	const flushParagraph = () => {
		if (paragraph.length) out.push(...flow(paragraph.join(' '), width, '', '', theme));
		paragraph = [];
		if (item) {
			const indent = ' '.repeat(widthOf(item.marker));
			out.push(...flow(item.text.join(' '), width, item.marker, indent, theme));
		}
		item = undefined;
	};
	const code = (l: string) => out.push(theme.paint.accent(cut('  ' + l, width)));
	for (const raw of lines) {
		const l = raw.replace(/\t/g, '    ');
		if (/^\s{0,3}(```|~~~)/.test(l)) {
			flushParagraph();
			fenced = !fenced;
			continue;
		}
		if (fenced) {
			code(l);
			continue;
		}
		if (l.trim() === '') {
			flushParagraph();
			if (out.length && out[out.length - 1] !== '') out.push('');
			continue;
		}
		if (/^ {4}/.test(l) && paragraph.length === 0 && !item) {
			code(l.slice(4));
			continue;
		}
		const list = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(l);
		if (list) {
			flushParagraph();
			item = {marker: `${list[1]}${/\d/.test(list[2]!) ? list[2] : theme.plain ? '-' : '•'} `, text: [list[3]!]};
			continue;
		}
		const heading = /^#{1,6}\s+(.*)$/.exec(l);
		if (heading) {
			flushParagraph();
			out.push(theme.paint.strong(cut(heading[1]!, width)));
			continue;
		}
		if (item) item.text.push(l.trim());
		else paragraph.push(l.trim());
	}
	flushParagraph();
	while (out.length && out[out.length - 1] === '') out.pop();
	return out;
}
