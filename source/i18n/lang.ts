/** Languages the lab speaks. Tools keep their real (English) output in every language. */
export type Lang = 'en' | 'es';

export const LANGS: readonly Lang[] = ['en', 'es'];

export function isLang(value: unknown): value is Lang {
	return value === 'en' || value === 'es';
}

/** A sentence in every language. */
export type Localized = Readonly<Record<Lang, string>>;
