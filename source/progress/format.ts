import type {ProgressData} from './schema';

// What the progress store needs without the schema checker: the lab's start
// reads the saved language before it loads zod (see ProgressStore.ready).

/** Bump when the file's meaning changes; older labs then keep a newer file aside instead of misreading it. */
export const PROGRESS_VERSION = 1;

export function emptyProgress(): ProgressData {
	return {schemaVersion: PROGRESS_VERSION, sets: {}};
}
