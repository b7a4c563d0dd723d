import type {Host} from '../sim/host';
import type {World} from '../sim/world';
import type {Lang, Localized} from '../i18n/lang';
import type {Session} from '../shell/session';
import type {CommandRegistry} from './registry';

/** Something a command asks the surrounding screen to do. */
export type ShellEffect =
	| {readonly kind: 'clear'}
	| {readonly kind: 'quit'}
	/** A full-screen tool (mosmon, mtop, an editor) wants the screen; `run` ignores it. */
	| {readonly kind: 'fullscreen'; readonly tool: string; readonly host: string; readonly args: readonly string[]}
	/** Clock control typed at the shell (pause, resume, speed N). */
	| {readonly kind: 'clock'; readonly action: 'pause' | 'resume' | 'speed'; readonly value?: number};

/** Everything a command sees while it runs. */
export interface CommandContext {
	readonly world: World;
	/** The host the command runs on. */
	readonly host: Host;
	readonly session: Session;
	readonly registry: CommandRegistry;
	/** argv[0] is the command name as typed (e.g. `/sbin/ipvsadm`). */
	readonly argv: readonly string[];
	/** Standard input: piped or redirected text; undefined when reading the terminal. */
	readonly stdin: string | undefined;
	readonly cwd: string;
	readonly lang: Lang;
	/** True inside the TUI, false in `cluster-lab run`. */
	readonly interactive: boolean;
	/** Standard output goes to the screen, not into a pipe, a file or `$(…)` (ls picks columns from it). */
	readonly stdoutIsTerminal?: boolean;
	/** Started with a trailing `&`. */
	readonly background: boolean;
	/** The command as typed, without the `&` (bash shows it in job listings). */
	readonly text: string;
	/** Shell variables (read-only view). */
	readonly env: ReadonlyMap<string, string>;
	out(text: string): void;
	err(text: string): void;
	/** Changes the working directory of the shell level the command runs in. */
	chdir(path: string): void;
	/** Absolute path of `path` relative to the working directory. */
	resolve(path: string): string;
	/** Runs a nested command line (as a script would) on `host` (default: this host); returns its status. */
	run(line: string, options?: {host?: Host; stdin?: string; quiet?: boolean}): number;
	effect(effect: ShellEffect): void;
}

export type CommandGroup = 'shell' | 'files' | 'network' | 'lvs' | 'ha' | 'traffic' | 'mosix' | 'lab' | 'process' | 'system';

/** A command the lab shell can run: a real tool imitated byte for byte, or a lab command. */
export interface CommandSpec {
	readonly name: string;
	/** Absolute paths that also run it (`/sbin/ipvsadm`, `/etc/init.d/heartbeat`). */
	readonly paths?: readonly string[];
	/** Only its paths run it: the name alone is not on root's PATH (bash: command not found). */
	readonly pathOnly?: boolean;
	readonly group: CommandGroup;
	/** One line for `help`, in our own words. Omit to keep a command out of `help`. */
	readonly summary?: Localized;
	/** Whether the tool is installed on this host (default: everywhere). */
	installed?(host: Host): boolean;
	/** Runs the command; returns the exit status (undefined = 0). */
	run(ctx: CommandContext): number | void;
	/** Tab completion of the argument being typed, given the words before it. */
	complete?(ctx: {host: Host; world: World}, words: readonly string[], partial: string): string[];
}
