import {createContext, useContext, type ReactNode} from 'react';
import type {Lang} from '../i18n/lang';
import {messages, type Messages} from './messages';
import {createTheme, type Theme} from './theme';

/** Language, colours/glyphs and texts every component of the screen uses. */
export interface Settings {
	readonly lang: Lang;
	readonly theme: Theme;
	readonly t: Messages;
}

export function createSettings(lang: Lang, options: {plain: boolean}): Settings {
	return {lang, theme: createTheme(options), t: messages(lang)};
}

const SettingsContext = createContext<Settings>(createSettings('en', {plain: false}));

export function SettingsProvider({settings, children}: {settings: Settings; children: ReactNode}) {
	return <SettingsContext.Provider value={settings}>{children}</SettingsContext.Provider>;
}

export function useSettings(): Settings {
	return useContext(SettingsContext);
}
