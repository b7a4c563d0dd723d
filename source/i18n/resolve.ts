import {isLang, type Lang} from './lang';

/** Where the language in use came from, in order of precedence. */
export type LangSource = 'flag' | 'saved' | 'env' | 'default';

/**
 * The language a locale environment asks for: the first non-empty of LC_ALL,
 * LC_MESSAGES and LANG decides (as setlocale does); Spanish locales give `es`,
 * everything else (including C and POSIX) English.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
	for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
		const value = env[key];
		if (value) return value.toLowerCase().startsWith('es') ? 'es' : 'en';
	}
	return undefined;
}

export type LangChoice = {ok: true; lang: Lang; source: LangSource} | {ok: false; bad: string};

/** `--lang`, then the saved setting, then the locale environment, then English. */
export function resolveLang(input: {flag?: string; saved?: string; env: Readonly<Record<string, string | undefined>>}): LangChoice {
	if (input.flag !== undefined) return isLang(input.flag) ? {ok: true, lang: input.flag, source: 'flag'} : {ok: false, bad: input.flag};
	if (isLang(input.saved)) return {ok: true, lang: input.saved, source: 'saved'};
	const fromEnv = langFromEnv(input.env);
	if (fromEnv) return {ok: true, lang: fromEnv, source: 'env'};
	return {ok: true, lang: 'en', source: 'default'};
}
