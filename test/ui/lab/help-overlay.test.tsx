import {afterEach, describe, expect, it} from 'vitest';
import {KEYMAP} from '../../../source/ui/lab/keymap';
import {plainText} from '../../../source/ui/panels/status-lines';
import {studyMessages} from '../../../source/ui/study/study-messages';
import {KEY, type Rendered} from '../helpers/render';
import {closeAll, mountStudy} from '../study/helpers';
import {closeLabs, fits, mountLab, text} from './mount';

afterEach(() => {
	closeLabs();
	closeAll();
});

const TITLE = /^(KEYS|TECLAS) \(/m;
const BELOW = /[↓v] (\d+) (more below|más abajo)/;

/**
 * Opens the key list and reads it to the end with ↓ and PgDn, checking that
 * every frame fits: returns the list's lines in the order they were shown.
 */
async function readHelp(r: Rendered, columns: number, rows: number, open = KEY.f1): Promise<string[]> {
	await r.press(open);
	let frame = await r.waitFor((f) => TITLE.test(text(f)));
	const seen: string[] = [];
	let step = 0;
	for (;;) {
		fits(frame, columns, rows);
		for (const l of text(frame).split('\n')) if (!seen.includes(l)) seen.push(l);
		const below = BELOW.exec(text(frame));
		if (!below) return seen;
		// One row, then a page at a time: both keys move the list, and both stop at its end.
		await r.press(step++ === 0 ? KEY.down : KEY.pageDown);
		const before = below[1];
		frame = await r.waitFor((f) => BELOW.exec(text(f))?.[1] !== before);
		expect(step).toBeLessThan(20);
	}
}

describe('the key list (F1, ?)', () => {
	it.each([
		['en', 80, 24],
		['es', 80, 24],
		['en', 100, 30],
		['es', 100, 30],
	] as const)('in the lab (%s, %i×%i) scrolls so every key can be read, then any other key closes it', async (lang, columns, rows) => {
		const r = mountLab({lang, columns, rows, color: true}).r;
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		const seen = (await readHelp(r, columns, rows)).join('\n');
		for (const group of KEYMAP) {
			expect(seen).toContain(group.title[lang]);
			for (const k of group.keys) expect(seen).toMatch(new RegExp(`^  ${k.keys.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\S`, 'm'));
		}
		// At the end: the way back up is shown, and the keys that scroll do not close it.
		expect(text(r.lastFrame())).toMatch(/^[↑] \d+ (more above|más arriba)$/m);
		await r.press(KEY.up);
		await r.waitFor((f) => /· ↓ 1 (more below|más abajo)$/m.test(text(f)));
		await r.press(KEY.home);
		await r.waitFor((f) => !/(more above|más arriba)/.test(text(f)));
		await r.press('x');
		const back = await r.waitFor((f) => !TITLE.test(text(f)) && f.includes('root@lvs1:~#'));
		// The x closed the list: it was not typed at the prompt.
		expect(text(back)).toMatch(/root@lvs1:~# *$/m);
		await r.press(KEY.escape, '?');
		await r.waitFor((f) => TITLE.test(text(f)) && !/(more above|más arriba)/.test(text(f)));
	});

	it.each(['en', 'es'] as const)('in a lesson at 80×24 (%s) lists the study keys first, and every one can be read', async (lang) => {
		const {r} = mountStudy({lang, columns: 80, rows: 24});
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		const s = studyMessages(lang);
		const seen = await readHelp(r, 80, 24);
		expect(seen[1]).toBe(s.keysTitle);
		const all = seen.join('\n');
		for (const [keys] of s.keys) expect(all).toContain(`  ${keys}  `);
		for (const group of KEYMAP) expect(all).toContain(group.title[lang]);
		expect(all).toContain(lang === 'en' ? '  quit           leave the lab' : '  quit           salir del laboratorio');
	});

	it('fits again after the window is resized while it is open', async () => {
		const {r} = mountStudy({columns: 80, rows: 24});
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		await r.press(KEY.f1, KEY.end);
		await r.waitFor((f) => f.includes('more above') && !f.includes('more below'));
		// Wide and tall: two columns, nothing to scroll.
		r.stdout.resize(130, 40);
		let frame = await r.waitFor((f) => f.includes('KEYS (any key closes this)'));
		fits(frame, 130, 40);
		expect(frame).toMatch(/^Study \(the lesson beside the lab\) +Anywhere$/m);
		expect(frame).not.toContain('more above');
		r.stdout.resize(80, 24);
		frame = await r.waitFor((f) => f.includes('more above'));
		fits(frame, 80, 24);
		// The list stayed at its end: one row up shows one row below.
		await r.press(KEY.up);
		await r.waitFor((f) => /· ↓ 1 more below$/m.test(f));
		r.stdout.resize(70, 20);
		await r.waitFor((f) => f.includes('Make the window larger'));
		r.stdout.resize(100, 30);
		frame = await r.waitFor((f) => TITLE.test(text(f)) && f.includes('more above'));
		fits(frame, 100, 30);
		await r.press(KEY.pageUp, KEY.pageUp, KEY.pageUp);
		await r.waitFor((f) => !f.includes('more above') && f.includes('more below'));
		await r.press(KEY.escape);
		await r.waitFor((f) => !TITLE.test(text(f)) && f.includes('step 1/5'));
	});

	it('in plain mode uses only ASCII, without colour', async () => {
		const r = mountLab({plain: true, columns: 80, rows: 24}).r;
		await r.waitFor((f) => f.includes('root@lvs1:~#'));
		const seen = await readHelp(r, 80, 24);
		expect(seen.filter((l) => /[^\x20-\x7e]/.test(l))).toEqual([]);
		expect(seen).toContain('KEYS (Up/Down PgUp PgDn scroll | any other key closes this)');
		expect(seen.join('\n')).toContain(`  ${plainText('Alt+← Alt+→')}`);
	});
});
