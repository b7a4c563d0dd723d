import {translator} from '../i18n/i18n';
import {isLang} from '../i18n/lang';
import {resolveLang, type LangChoice} from '../i18n/resolve';
import type {ProgressStore} from '../progress/store';
import type {Io} from './context';

/** `cluster-lab lang [en|es|auto]`: shows the language in use and why, or saves / forgets a choice. */
export function langCommand(options: {arg?: string; choice: LangChoice & {ok: true}; store: ProgressStore; env: Readonly<Record<string, string | undefined>>; io: Io}): number {
	const {arg, store, io} = options;
	if (arg === undefined) {
		const t = translator(options.choice.lang);
		io.write(t('lang.current', {lang: options.choice.lang, source: t(`lang.sources.${options.choice.source}`)}) + '\n');
		return 0;
	}
	if (isLang(arg)) {
		store.update((data) => {
			data.lang = arg;
		});
		io.write(translator(arg)('lang.saved', {lang: arg}) + '\n');
		return 0;
	}
	if (arg === 'auto') {
		store.update((data) => {
			delete data.lang;
		});
		const now = resolveLang({env: options.env}) as LangChoice & {ok: true};
		io.write(translator(now.lang)('lang.cleared', {lang: now.lang}) + '\n');
		return 0;
	}
	io.writeError(`cluster-lab: ${translator(options.choice.lang)('lang.usage')}\n`);
	return 2;
}
