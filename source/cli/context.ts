import {translator, type Translate} from '../i18n/i18n';
import type {Lang} from '../i18n/lang';
import {resolveLang, type LangChoice} from '../i18n/resolve';
import {progressFile} from '../progress/paths';
import {ProgressStore, type ProgressWarning} from '../progress/store';

/** Output streams of a command-line command (the real ones, or a test's buffers). */
export interface Io {
	write(text: string): void;
	writeError(text: string): void;
}

/** Says why a progress file was set aside, in the learner's language. */
export function progressWarning(w: ProgressWarning, t: Translate): string {
	const vars = {file: w.file, keptAs: w.keptAs ?? '', detail: w.detail ?? ''};
	if (w.kind === 'unwritable') return t('progress.unwritable', vars);
	if (w.kind === 'newer') return w.keptAs ? t('progress.newer', vars) : t('progress.newerStuck', vars);
	return w.keptAs ? t('progress.corrupt', vars) : t('progress.corruptStuck', vars);
}

/**
 * The progress store plus the language decided from `--lang`, the saved
 * setting and the locale. Warnings about the progress file are printed once
 * the language is known (they may come from reading that very setting).
 */
export async function openSettings(options: {flag?: string; env: Readonly<Record<string, string | undefined>>; io: Io}): Promise<{store: ProgressStore; choice: LangChoice; lang: Lang; t: Translate}> {
	const pending: ProgressWarning[] = [];
	let t: Translate | undefined;
	const store = new ProgressStore({
		file: progressFile(options.env),
		warn: (w) => (t ? options.io.writeError(`cluster-lab: ${progressWarning(w, t)}\n`) : pending.push(w)),
	});
	// The file's checker (zod) loads only when there is a file to check: a first start does without it.
	if (store.exists()) await store.ready();
	const saved = store.load().lang;
	const choice = resolveLang({flag: options.flag, saved, env: options.env});
	const lang = choice.ok ? choice.lang : (resolveLang({saved, env: options.env}) as {lang: Lang}).lang;
	t = translator(lang);
	for (const w of pending) options.io.writeError(`cluster-lab: ${progressWarning(w, t)}\n`);
	return {store, choice, lang, t};
}
