import type {Lang} from '../../i18n/lang';
import type {Host} from '../../sim/host';
import type {World} from '../../sim/world';
import type {KeyPress} from '../terminal/keys';
import type {Theme} from '../theme';

/** What a full-screen tool may look at (and, for an editor, write to). */
export interface FullscreenContext {
	readonly world: World;
	/** The host the command ran on. */
	readonly host: Host;
	readonly lang: Lang;
	readonly theme: Theme;
	/** The screen the tool has. */
	readonly width: number;
	readonly height: number;
}

/** A key handler's answer: the next state, or give the screen back (with a line for the scrollback). */
export type KeyResult<S> = {readonly state: S} | {readonly close: true; readonly message?: string};

/**
 * A tool that takes over the whole screen when a command emits the
 * `fullscreen` effect (`vi FILE`, `mosmon`, `mtop`) and gives it back when it
 * closes. State is plain data; `render` is a pure frame renderer that returns
 * at most `height` lines of at most `width` columns.
 */
export interface FullscreenTool<S = unknown> {
	/** Starts the tool with the command's arguments; an error string is printed instead. */
	open(args: readonly string[], ctx: FullscreenContext): {readonly state: S} | {readonly error: string};
	key(state: S, key: KeyPress, ctx: FullscreenContext): KeyResult<S>;
	render(state: S, ctx: FullscreenContext): string[];
	/** Where the terminal's cursor goes (an editor's insertion point), or undefined to hide it. */
	cursor?(state: S, ctx: FullscreenContext): {readonly x: number; readonly y: number} | undefined;
	/** Redraw as the simulation advances (monitors); an editor only redraws on keys. */
	readonly live?: boolean;
}
