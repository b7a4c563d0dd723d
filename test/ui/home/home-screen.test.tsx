import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {App} from '../../../source/ui/app';
import {scenarioCatalog} from '../../../source/ui/home/catalog';
import {HomeScreen, scenarioSection, type HomeAction} from '../../../source/ui/home/home-screen';
import {KEY, renderScreen} from '../helpers/render';

describe('home screen', () => {
	it('lists the built-in scenarios with their titles, the sandbox first', () => {
		const catalog = scenarioCatalog();
		expect(catalog[0]).toEqual({name: 'sandbox', title: 'LVS sandbox - one director, four real servers'});
		const rest = catalog.slice(1).map((s) => s.name);
		expect(rest).toEqual([...rest].sort());
	});

	it('gives the titles in Spanish with --lang es, and the English title where a file has no translation', () => {
		expect(scenarioCatalog('es')[0]).toEqual({name: 'sandbox', title: 'LVS sandbox - un director, cuatro servidores reales'});
		const dir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
		writeFileSync(path.join(dir, 'plain.yaml'), 'title: Only English\n');
		writeFileSync(path.join(dir, 'both.yaml'), 'title: English\ntranslations:\n  es:\n    title: Español\n');
		expect(scenarioCatalog('es', dir)).toEqual([
			{name: 'both', title: 'Español'},
			{name: 'plain', title: 'Only English'},
		]);
	});

	it('lists a broken scenario file by name instead of failing', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
		writeFileSync(path.join(dir, 'broken.yaml'), 'title: [unclosed\n');
		writeFileSync(path.join(dir, 'ok.yaml'), 'title: Fine one\n');
		expect(scenarioCatalog('en', dir)).toEqual([
			{name: 'broken', title: 'broken'},
			{name: 'ok', title: 'Fine one'},
		]);
	});

	it('chooses with arrows and Enter, quits with q', async () => {
		const chosen: HomeAction[] = [];
		let quit = 0;
		const sections = [scenarioSection('Scenarios', [{name: 'sandbox', title: 'LVS sandbox'}, {name: 'ultramonkey', title: 'UltraMonkey'}])];
		const r = renderScreen(<HomeScreen sections={sections} onChoose={(a) => chosen.push(a)} onQuit={() => quit++} />, {columns: 80, rows: 24});
		const frame = await r.waitFor((f) => f.includes('sandbox'));
		expect(frame).toContain('▸ sandbox');
		expect(frame).toContain('↑↓ choose · Enter open · q quit');
		await r.press(KEY.down);
		await r.waitFor((f) => f.includes('▸ ultramonkey'));
		await r.press(KEY.enter, 'q');
		expect(chosen).toEqual([{kind: 'scenario', name: 'ultramonkey'}]);
		expect(quit).toBe(1);
		r.unmount();
	});

	it('opens the lab screen for the chosen scenario, or shows why it could not', async () => {
		const sections = [scenarioSection('Scenarios', [{name: 'sandbox', title: 'LVS sandbox'}, {name: 'bad', title: 'Bad one'}])];
		const {openLab} = await import('../../../source/ui/lab/open-lab');
		const {createTheme} = await import('../../../source/ui/theme');
		const opened: Array<{store: {dispose(): void}}> = [];
		const r = renderScreen(
			<App
				home={sections}
				onLab={(c) => opened.push(c)}
				open={async (action, onQuit) => {
					const result = openLab({scenario: action.kind === 'scenario' ? action.name : '', seed: 1, lang: 'en', theme: createTheme({plain: false}), onQuit});
					return result.ok ? {controller: result.controller} : {message: result.message};
				}}
			/>,
			{columns: 100, rows: 30},
		);
		await r.waitFor((f) => f.includes('sandbox'));
		await r.press(KEY.down, KEY.enter);
		await r.waitFor((f) => f.includes("unknown scenario 'bad'"));
		await r.press(KEY.up, KEY.enter);
		await r.waitFor((f) => f.includes('VIP 10.0.0.100') && f.includes('root@lvs1:~#'));
		r.unmount();
		for (const c of opened) c.store.dispose();
	});

	it('`cluster-lab sandbox`: says the scenario is starting, then shows its lab; a failure goes back to the caller', async () => {
		const {openLab} = await import('../../../source/ui/lab/open-lab');
		const {createTheme} = await import('../../../source/ui/theme');
		const opened: Array<{store: {dispose(): void}}> = [];
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const open = async (action: HomeAction, onQuit: () => void) => {
			await gate;
			const result = openLab({scenario: action.kind === 'scenario' ? action.name : '', seed: 1, lang: 'en', theme: createTheme({plain: false}), onQuit});
			return result.ok ? {controller: result.controller} : {message: result.message};
		};
		const r = renderScreen(<App opening={{kind: 'scenario', name: 'sandbox'}} onLab={(c) => opened.push(c)} open={open} />, {columns: 100, rows: 30});
		await r.waitFor((f) => f.includes('Starting the sandbox scenario…'));
		release();
		await r.waitFor((f) => f.includes('VIP 10.0.0.100') && f.includes('root@lvs1:~#'));
		r.unmount();
		for (const c of opened) c.store.dispose();

		const failures: string[] = [];
		const bad = renderScreen(<App opening={{kind: 'scenario', name: 'nope'}} onOpenFailed={(m) => failures.push(m)} open={open} />, {columns: 100, rows: 30});
		await bad.waitFor(() => failures.length > 0);
		expect(failures[0]).toContain("unknown scenario 'nope'");
		bad.unmount();
	});
});
