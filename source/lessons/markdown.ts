/**
 * Splits a lesson file into its parts without interpreting the Markdown:
 * YAML front matter between `---` lines, the intro, `## Heading {#id}`
 * sections, and the ```step block of each section. Every part keeps the line
 * it starts on so errors can point into the .md file.
 */

export interface RawSection {
	readonly title: string;
	readonly id: string | undefined;
	readonly line: number;
	/** Section text with the step block removed. */
	readonly text: string;
	readonly blocks: ReadonlyArray<{readonly yaml: string; readonly line: number}>;
	/** An h2 heading whose `{#…}` could not be read. */
	readonly badId?: string;
}

export interface RawLesson {
	readonly frontMatter: string | undefined;
	/** Line of the first front-matter line (after the opening `---`). */
	readonly frontMatterLine: number;
	readonly intro: string;
	readonly sections: readonly RawSection[];
	readonly problems: ReadonlyArray<{line: number; message: string}>;
}

const FENCE = /^(\s{0,3})(`{3,}|~{3,})\s*([^`\s]*)?.*$/;
const HEADING = /^##\s+(.*?)\s*$/;
const ID = /\s*\{#([^}]*)\}\s*$/;
export const STEP_ID = /^[a-z0-9][a-z0-9-]*$/;

export function splitLesson(source: string): RawLesson {
	const lines = source.replace(/\r\n?/g, '\n').split('\n');
	const problems: Array<{line: number; message: string}> = [];
	let i = 0;
	let frontMatter: string | undefined;
	let frontMatterLine = 1;
	if (lines[0]?.trim() === '---') {
		const end = lines.findIndex((l, n) => n > 0 && /^(---|\.\.\.)\s*$/.test(l));
		if (end < 0) {
			problems.push({line: 1, message: 'front matter starts with --- but never ends (add a --- line after it)'});
			return {frontMatter: undefined, frontMatterLine, intro: '', sections: [], problems};
		}
		frontMatter = lines.slice(1, end).join('\n');
		frontMatterLine = 2;
		i = end + 1;
	} else {
		problems.push({line: 1, message: 'a lesson starts with YAML front matter between --- lines (title: …)'});
	}

	const intro: string[] = [];
	const sections: Array<{title: string; id: string | undefined; badId?: string; line: number; text: string[]; blocks: Array<{yaml: string; line: number}>}> = [];
	let fence: {marker: string; info: string; line: number; body: string[]} | undefined;
	for (; i < lines.length; i++) {
		const line = lines[i]!;
		const current = sections[sections.length - 1];
		if (fence) {
			if (line.trim().startsWith(fence.marker[0]!.repeat(fence.marker.length)) && line.trim().replace(/[`~]/g, '') === '') {
				if (fence.info === 'step' && current) current.blocks.push({yaml: fence.body.join('\n'), line: fence.line});
				else (current ? current.text : intro).push(...fence.body.map((b) => b), line);
				fence = undefined;
			} else {
				fence.body.push(line);
			}
			continue;
		}
		const f = FENCE.exec(line);
		if (f) {
			fence = {marker: f[2]!, info: f[3] ?? '', line: i + 1, body: []};
			if (fence.info === 'step' && !current) problems.push({line: i + 1, message: 'a ```step block belongs inside a ## step section'});
			if (fence.info !== 'step') (current ? current.text : intro).push(line);
			continue;
		}
		const h = HEADING.exec(line);
		if (h) {
			const id = ID.exec(h[1]!);
			const title = h[1]!.replace(ID, '').trim();
			const value = id?.[1]?.trim();
			sections.push({title, id: value !== undefined && STEP_ID.test(value) ? value : undefined, badId: value !== undefined && !STEP_ID.test(value) ? value : undefined, line: i + 1, text: [], blocks: []});
			continue;
		}
		(current ? current.text : intro).push(line);
	}
	if (fence) problems.push({line: fence.line, message: 'this code block is never closed'});
	return {
		frontMatter,
		frontMatterLine,
		intro: tidy(intro),
		sections: sections.map((s) => ({title: s.title, id: s.id, badId: s.badId, line: s.line, text: tidy(s.text), blocks: s.blocks})),
		problems,
	};
}

/** Trims blank lines at both ends and squeezes runs of blank lines left by removed blocks. */
function tidy(lines: string[]): string {
	const text = lines.join('\n').replace(/\n{3,}/g, '\n\n');
	return text.replace(/^\s*\n/, '').replace(/\s+$/, '');
}
