import {mkdtempSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {en} from '../../source/i18n/catalog/en';
import {es} from '../../source/i18n/catalog/es';
import {t, translator} from '../../source/i18n/i18n';
import {langFromEnv, resolveLang} from '../../source/i18n/resolve';
import {cli} from '../helpers/cli';
import {lab, sh} from '../helpers/lab';

function leaves(obj: object, prefix = ''): Array<[string, string]> {
	return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

describe('message catalog', () => {
	it('has the same keys and placeholders in English and Spanish, and no empty text', () => {
		const a = leaves(en);
		const b = new Map(leaves(es));
		expect(a.map(([k]) => k)).toEqual([...b.keys()]);
		for (const [key, text] of a) {
			const other = b.get(key)!;
			expect(text.trim(), key).not.toBe('');
			expect(other.trim(), key).not.toBe('');
			const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
			expect(vars(other), key).toEqual(vars(text));
		}
	});

	it('translates with placeholders, synchronously, in a fixed language', () => {
		expect(t('en', 'lessons.status.started', {done: 2, total: 5})).toBe('in progress 2/5');
		expect(t('es', 'lessons.status.started', {done: 2, total: 5})).toBe('en curso 2/5');
		const tes = translator('es');
		expect(tes.lang).toBe('es');
		expect(tes('help.groups.files')).toBe('Archivos');
		// Values are not HTML-escaped: this text goes to a terminal.
		expect(t('en', 'cli.unknownCommand', {command: '<&>'})).toBe("unknown command '<&>'; see cluster-lab --help");
	});

	it('gives the shell help in the session language', () => {
		const english = sh(lab(), 'help').out;
		expect(english.startsWith(en.help.intro)).toBe(true);
		expect(english).toContain('\nFiles\n  cat');
		const l = lab();
		(l.shell.options as {lang: 'en' | 'es'}).lang = 'es';
		const spanish = sh(l, 'help').out;
		expect(spanish.startsWith(es.help.intro)).toBe(true);
		expect(spanish).toContain('\nArchivos\n  cat');
		expect(spanish).toContain('muestra archivos');
	});
});

describe('language precedence', () => {
	it('reads LC_ALL, then LC_MESSAGES, then LANG; Spanish locales give es', () => {
		expect(langFromEnv({})).toBeUndefined();
		expect(langFromEnv({LANG: 'es_CL.UTF-8'})).toBe('es');
		expect(langFromEnv({LANG: 'C.UTF-8'})).toBe('en');
		expect(langFromEnv({LANG: 'es_AR.UTF-8', LC_MESSAGES: 'en_US.UTF-8'})).toBe('en');
		expect(langFromEnv({LANG: 'en_US.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LC_ALL: 'es_MX.UTF-8'})).toBe('es');
		expect(langFromEnv({LC_ALL: '', LANG: 'es'})).toBe('es');
		expect(langFromEnv({LANG: 'fr_FR.UTF-8'})).toBe('en');
	});

	it('puts --lang first, then the saved setting, then the locale, then English', () => {
		const env = {LANG: 'es_CL.UTF-8'};
		expect(resolveLang({flag: 'en', saved: 'es', env})).toEqual({ok: true, lang: 'en', source: 'flag'});
		expect(resolveLang({saved: 'en', env})).toEqual({ok: true, lang: 'en', source: 'saved'});
		expect(resolveLang({env})).toEqual({ok: true, lang: 'es', source: 'env'});
		expect(resolveLang({env: {}})).toEqual({ok: true, lang: 'en', source: 'default'});
		expect(resolveLang({saved: 'fr', env: {}})).toEqual({ok: true, lang: 'en', source: 'default'});
		expect(resolveLang({flag: 'de', env})).toEqual({ok: false, bad: 'de'});
	});

	it('applies the same order to the command line, with the setting saved by cluster-lab lang', () => {
		const home = mkdtempSync(path.join(tmpdir(), 'cluster-lab-lang-'));
		const env = {XDG_CONFIG_HOME: home, LANG: 'es_CL.UTF-8'};
		expect(cli(['lang'], undefined, env).stdout).toBe('idioma: es (según la configuración regional del sistema)\n');
		expect(cli(['lang'], undefined, {...env, LANG: 'C'}).stdout).toBe('language: en (from the locale environment)\n');
		expect(cli(['lang', 'en'], undefined, env).stdout).toBe('language saved: en\n');
		expect(cli(['lang'], undefined, env).stdout).toBe('language: en (saved setting)\n');
		expect(cli(['lessons'], undefined, env).stdout).toMatch(/^Lessons\n/);
		expect(cli(['lang', '--lang', 'es'], undefined, env).stdout).toBe('idioma: es (por --lang)\n');
		expect(cli(['lessons', '--lang=es'], undefined, env).stdout).toMatch(/^Lecciones\n/);
		expect(cli(['lang', 'auto'], undefined, env).stdout).toBe('se borró el idioma guardado; ahora decide la configuración regional del sistema (es)\n');
		expect(cli(['lessons'], undefined, env).stdout).toMatch(/^Lecciones\n/);
		const bad = cli(['lessons', '--lang', 'fr'], undefined, env);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toBe("cluster-lab: idioma desconocido 'fr' (usa en o es)\n");
		expect(cli(['lang', 'xx'], undefined, {...env, LANG: 'C'}).stderr).toBe('cluster-lab: usage: cluster-lab lang [en|es|auto]\n');
		expect(cli(['--help', '--lang', 'es'], undefined, env).stdout).toContain('$ cluster-lab validate [CARPETA]');
	});

	it('warns in the chosen language when the progress file had to be set aside', () => {
		const home = mkdtempSync(path.join(tmpdir(), 'cluster-lab-lang-'));
		mkdirSync(path.join(home, 'cluster-lab'));
		const file = path.join(home, 'cluster-lab', 'progress.json');
		writeFileSync(file, 'not json');
		const r = cli(['lessons', '--lang', 'es'], undefined, {XDG_CONFIG_HOME: home});
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(new RegExp(`^cluster-lab: no se pudo leer tu archivo de avance ${file.replace(/[.]/g, '\\.')}; se guardó como ${file.replace(/[.]/g, '\\.')}\\.corrupt-\\d{8}T\\d{6}Z y el laboratorio empieza de cero\\n$`));
		expect(r.stdout).toMatch(/^Lecciones\n/);
	});
});
