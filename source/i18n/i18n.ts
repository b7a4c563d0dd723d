import i18next, {type i18n as I18n} from 'i18next';
import {en, type Catalog} from './catalog/en';
import {es} from './catalog/es';
import type {Lang} from './lang';

/** Dotted paths of every string in the catalog: `help.groups.shell`, `lessons.status.done`, … */
type Leaves<T, P extends string = ''> = {
	[K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the lab's message catalog; a misspelt or missing key is a type error. */
export type MessageKey = Leaves<Catalog>;

/** Values for `{{name}}` placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** Looks up one of the lab's own texts in a fixed language. */
export interface Translate {
	(key: MessageKey, vars?: MessageVars): string;
	readonly lang: Lang;
}

let instance: I18n | undefined;

/** One i18next instance for the whole process, initialised synchronously with both catalogs bundled. */
function shared(): I18n {
	if (instance) return instance;
	const created = i18next.createInstance();
	void created.init({
		lng: 'en',
		fallbackLng: 'en',
		supportedLngs: ['en', 'es'],
		resources: {en: {translation: en}, es: {translation: es}},
		initAsync: false,
		// Texts go to a terminal, never into HTML.
		interpolation: {escapeValue: false},
		returnNull: false,
		returnEmptyString: false,
	});
	instance = created;
	return created;
}

/** A `t()` bound to one language. */
export function translator(lang: Lang): Translate {
	const fixed = shared().getFixedT(lang);
	const t = ((key: MessageKey, vars?: MessageVars) => fixed(key, vars as Record<string, unknown>) as string) as Translate;
	Object.defineProperty(t, 'lang', {value: lang});
	return t;
}

/** Shorthand for one text in one language. */
export function t(lang: Lang, key: MessageKey, vars?: MessageVars): string {
	return translator(lang)(key, vars);
}
