import {execFileSync, spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/**
 * A real terminal for end-to-end tests: `node dist/cli.js …` inside a detached
 * tmux session of a given size, on a private tmux server (its own socket) so
 * tests never touch the user's sessions. Keys go in with send-keys; the screen
 * comes back with capture-pane.
 */
export class TmuxTerminal {
	private readonly socket = `cluster-lab-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

	constructor(
		args: string[],
		options: {columns: number; rows: number; env?: Record<string, string>},
	) {
		const vars = Object.entries({NO_COLOR: '', CI: '', ...options.env});
		// env takes its -u options before any NAME=VALUE.
		const env = [...vars.filter(([, v]) => v === '').map(([k]) => `-u ${k}`), ...vars.filter(([, v]) => v !== '').map(([k, v]) => `${k}=${shellQuote(v)}`)].join(' ');
		// After the lab exits the pane stays open, printing the exit status and whether
		// the terminal is back in cooked mode with echo, so tests can check both.
		const command = `cd ${shellQuote(root)} && env ${env} ${shellQuote(process.execPath)} dist/cli.js ${args.map(shellQuote).join(' ')}; echo "EXIT=$?"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 600`;
		this.tmux('new-session', '-d', '-s', 'lab', '-x', String(options.columns), '-y', String(options.rows), command);
	}

	tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8'});
	}

	/** Types text (literally) or named keys such as Enter, Escape, C-c. */
	keys(...keys: string[]): void {
		for (const k of keys) {
			if (/^(Enter|Escape|Tab|Up|Down|Left|Right|PageUp|PageDown|F[1-9]|F1[0-2]|BSpace|C-[a-z])$/.test(k)) this.tmux('send-keys', '-t', 'lab', k);
			else this.tmux('send-keys', '-t', 'lab', '-l', k);
		}
	}

	/** The screen as text (`escapes`: with colour and attribute codes). */
	screen(escapes = false): string {
		return this.tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'lab');
	}

	resize(columns: number, rows: number): void {
		this.tmux('resize-window', '-t', 'lab', '-x', String(columns), '-y', String(rows));
	}

	/** Whether the terminal shows its cursor. */
	cursorVisible(): boolean {
		return this.tmux('display', '-p', '-t', 'lab', '#{cursor_flag}').trim() === '1';
	}

	/** Polls the screen until `check` passes or `timeoutMs` runs out. */
	async waitFor(check: (screen: string) => boolean, timeoutMs = 20_000): Promise<string> {
		const start = Date.now();
		let screen = '';
		while (Date.now() - start < timeoutMs) {
			screen = this.screen();
			if (check(screen)) return screen;
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`the screen never matched; it showed:\n${screen}`);
	}

	close(): void {
		try {
			this.tmux('kill-server');
		} catch {
			// Already gone.
		}
	}
}

function shellQuote(text: string): string {
	return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
