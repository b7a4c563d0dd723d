import {EventEmitter} from 'node:events';
import chalk from 'chalk';
import {render as inkRender, type Instance} from 'ink';
import {render as testingRender} from 'ink-testing-library';
import type {ReactElement} from 'react';
import type {Lang} from '../../../source/i18n/lang';
import {createSettings, SettingsProvider, type Settings} from '../../../source/ui/settings';

/** A terminal of a given size that records every frame Ink writes. */
class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	frames: string[] = [];
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
	};
	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export interface Rendered {
	readonly stdout: FakeStdout;
	readonly stdin: FakeStdin;
	readonly instance: Instance;
	lastFrame(): string;
	/** Types keys; waits until Ink has read them. */
	press(...data: string[]): Promise<void>;
	/** Polls until `check` passes (frames arrive on React's and Ink's schedule, not in one tick). */
	waitFor(check: (frame: string) => boolean | void, timeoutMs?: number): Promise<string>;
	unmount(): void;
}

export interface RenderOptions {
	columns?: number;
	rows?: number;
	/** Colour on (level 3) or off (as with NO_COLOR). Default: off, so frames compare as text. */
	color?: boolean;
	plain?: boolean;
	settings?: Settings;
}

const tick = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

/** Renders a tree with the lab's settings in a fake terminal (debug mode: every commit writes a whole frame). */
export function renderScreen(tree: ReactElement, options: RenderOptions = {}): Rendered {
	chalk.level = options.color ? 3 : 0;
	const settings = options.settings ?? createSettings('en', {plain: options.plain ?? false});
	const stdout = new FakeStdout(options.columns ?? 100, options.rows ?? 30);
	const stdin = new FakeStdin();
	const instance = inkRender(<SettingsProvider settings={settings}>{tree}</SettingsProvider>, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const lastFrame = () => stdout.frames[stdout.frames.length - 1] ?? '';
	return {
		stdout,
		stdin,
		instance,
		lastFrame,
		async press(...data) {
			await tick();
			for (const d of data) {
				stdin.write(d);
				await tick();
			}
		},
		waitFor: (check, timeoutMs) => pollFrame(lastFrame, check, timeoutMs),
		unmount() {
			instance.unmount();
			instance.cleanup();
		},
	};
}

/** Polls the frame until `check` passes (true or no throw) or `timeoutMs` runs out. */
async function pollFrame(lastFrame: () => string, check: (frame: string) => boolean | void, timeoutMs = 3000): Promise<string> {
	const start = Date.now();
	let error: unknown;
	for (;;) {
		try {
			if (check(lastFrame()) !== false) return lastFrame();
		} catch (e) {
			error = e;
		}
		if (Date.now() - start > timeoutMs) throw error instanceof Error ? error : new Error(`frame never matched; last frame:\n${lastFrame()}`);
		await tick();
	}
}

export const KEY = {
	enter: '\r',
	escape: '\x1b',
	tab: '\t',
	backspace: '\x7f',
	delete: '\x1b[3~',
	up: '\x1b[A',
	down: '\x1b[B',
	right: '\x1b[C',
	left: '\x1b[D',
	home: '\x1b[H',
	end: '\x1b[F',
	pageUp: '\x1b[5~',
	pageDown: '\x1b[6~',
	f1: '\x1bOP',
	ctrl: (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96),
};

/**
 * A component alone, through ink-testing-library (a 100-column fake terminal):
 * for panels, which take their size as props. Same polling helpers as renderScreen.
 */
export function renderPanel(tree: ReactElement, options: {color?: boolean; plain?: boolean; lang?: Lang} = {}): Pick<Rendered, 'lastFrame' | 'waitFor' | 'unmount'> {
	chalk.level = options.color ? 3 : 0;
	const settings = createSettings(options.lang ?? 'en', {plain: options.plain ?? false});
	const instance = testingRender(<SettingsProvider settings={settings}>{tree}</SettingsProvider>);
	const lastFrame = () => instance.lastFrame() ?? '';
	return {
		lastFrame,
		waitFor: (check, timeoutMs) => pollFrame(lastFrame, check, timeoutMs),
		unmount() {
			instance.unmount();
			instance.cleanup();
		},
	};
}
