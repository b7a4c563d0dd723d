import type {ShellEffect} from '../../commands/context';
import type {Lab} from '../../lab/lab';
import type {ExecResult} from '../../shell/shell';
import {isCtrl, type KeyPress} from '../terminal/keys';
import {complete, formatCandidates} from './completion';
import {EMPTY_LINE, editLine, insert, lineOf, type LineState} from './line-editor';
import {SCROLLBACK_LINES, splitOutput, totalRows, type LineKind, type OutputLine} from './scrollback';

/** Everything the shell pane draws. Replaced (never mutated) on every change. */
export interface ShellView {
	readonly lines: readonly OutputLine[];
	readonly prompt: string;
	/** Lines of a command still being typed (open quote, heredoc): shown after the prompt, then `> `. */
	readonly pending: readonly string[];
	readonly line: LineState;
	/** Screen rows scrolled back from the newest output. */
	readonly scroll: number;
}

export interface ShellControllerOptions {
	/** Effects other than `clear` (clock, fullscreen, quit) go to the screen. */
	onEffect(effect: ShellEffect): void;
	/** Called after every command (the screen republishes its snapshot at once). */
	afterCommand?(): void;
	/** Runs a command line instead of the lab's shell (the study screen records it for the goals). */
	execute?(source: string): ExecResult;
	/**
	 * Sees every line typed at the prompt first: returns what to do instead of
	 * running it (the study screen's own commands such as `hint` or `next`),
	 * called once the line is echoed.
	 */
	intercept?(line: string): (() => void) | undefined;
	/**
	 * Words the screen itself answers (those `intercept` takes): Tab offers them
	 * with the commands in command position. The lab's shell never sees them.
	 */
	readonly words?: readonly string[];
}

/**
 * The interactive side of the lab shell: line editing, history, completion,
 * multi-line input and scrollback. Commands run through the same `Shell` as
 * `cluster-lab run`, and the scrollback shows exactly the transcript `run` prints.
 */
export class ShellController {
	private view: ShellView;
	private readonly listeners = new Set<() => void>();
	private nextId = 0;
	private historyIndex: number | undefined;
	private draft = '';
	private width = 80;
	private page = 10;

	constructor(
		private lab: Lab,
		private readonly options: ShellControllerOptions,
	) {
		this.view = {lines: [], prompt: lab.shell.prompt(), pending: [], line: EMPTY_LINE, scroll: 0};
	}

	/**
	 * Continues on another lab (a rebuilt cluster): the scrollback and the history
	 * stay, the prompt follows the new shell. The new shell's history holds the lines
	 * replayed to rebuild it, which the learner never typed: theirs replaces it.
	 */
	setLab(lab: Lab): void {
		const typed = this.lab.shell.session.history;
		if (lab !== this.lab) lab.shell.session.history.splice(0, Infinity, ...typed);
		this.lab = lab;
		this.historyIndex = undefined;
		this.update({prompt: lab.shell.prompt(), pending: []});
	}


	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getView = (): ShellView => this.view;

	/** The pane's size: PgUp/PgDn move by a page and stop at the oldest line. */
	setViewport(width: number, rows: number): void {
		this.width = Math.max(1, width);
		this.page = Math.max(1, rows - 1);
	}

	private update(patch: Partial<ShellView>): void {
		this.view = {...this.view, ...patch};
		for (const l of this.listeners) l();
	}

	/** Appends lines to the scrollback (keeping the newest SCROLLBACK_LINES) and scrolls to the bottom. */
	private append(lines: ReadonlyArray<{text: string; kind: LineKind}>): OutputLine[] {
		const added = lines.map((l) => ({id: this.nextId++, text: l.text, kind: l.kind}));
		const all = this.view.lines.concat(added);
		return all.length > SCROLLBACK_LINES ? all.slice(all.length - SCROLLBACK_LINES) : all;
	}

	/** Prints a line of the lab's own (not a command's output). */
	note(text: string): void {
		this.update({lines: this.append(splitOutput(text).map((t) => ({text: t, kind: 'note' as const}))), scroll: 0});
	}

	/** Handles a key typed while the shell has the focus. Returns false for keys it leaves to the screen. */
	key(k: KeyPress): boolean {
		const view = this.view;
		if (k.name === 'enter') {
			this.submit();
			return true;
		}
		if (k.name === 'tab') {
			this.complete();
			return true;
		}
		if (k.name === 'up' || (isCtrl(k, 'p'))) return this.recall(-1), true;
		if (k.name === 'down' || (isCtrl(k, 'n'))) return this.recall(1), true;
		if (k.name === 'pageup') return this.scrollBy(this.page), true;
		if (k.name === 'pagedown') return this.scrollBy(-this.page), true;
		if (isCtrl(k, 'l')) {
			this.update({lines: [], scroll: 0});
			return true;
		}
		if (isCtrl(k, 'd')) {
			if (view.line.text === '' && view.pending.length === 0) this.run('exit');
			else this.update({line: editLine(view.line, {...k, name: 'delete', ctrl: false, text: ''})!});
			return true;
		}
		if (k.name === 'text' && !k.ctrl && !k.meta && k.text.includes('\n')) {
			// Pasted text with line ends is typed line by line.
			const parts = k.text.split('\n');
			parts.forEach((part, i) => {
				if (i > 0) this.submit();
				if (part !== '') this.update({line: insert(this.view.line, part)});
			});
			return true;
		}
		const next = editLine(view.line, k);
		if (next === undefined) return false;
		if (next !== view.line) this.update({line: next, scroll: 0});
		return true;
	}

	private scrollBy(rows: number): void {
		const max = Math.max(0, totalRows(this.view.lines, this.width) - this.page);
		const scroll = Math.min(max, Math.max(0, this.view.scroll + rows));
		if (scroll !== this.view.scroll) this.update({scroll});
	}

	private recall(direction: -1 | 1): void {
		const history = this.lab.shell.session.history;
		if (history.length === 0) return;
		if (this.historyIndex === undefined) {
			if (direction === 1) return;
			this.draft = this.view.line.text;
			this.historyIndex = history.length - 1;
		} else {
			const next = this.historyIndex + direction;
			if (next < 0) return;
			if (next >= history.length) {
				this.historyIndex = undefined;
				this.update({line: lineOf(this.draft)});
				return;
			}
			this.historyIndex = next;
		}
		this.update({line: lineOf(history[this.historyIndex]!)});
	}

	private complete(): void {
		const {line} = this.view;
		const login = this.lab.shell.session.current;
		const found = complete(
			{registry: this.lab.shell.registry, world: this.lab.world, host: login.host, cwd: login.cwd, home: this.lab.shell.session.vars.get('HOME'), words: [...(this.options.words ?? []), ...this.lab.shell.session.functions.keys()]},
			line.text,
			line.cursor,
		);
		if (!found) return;
		const typed = line.text.slice(found.start, line.cursor);
		if (found.done || found.text.length > typed.length) {
			const text = line.text.slice(0, found.start) + found.text + line.text.slice(line.cursor);
			this.update({line: {...line, text, cursor: found.start + found.text.length}});
			return;
		}
		// Nothing more to add: list the choices, as bash does on a second Tab.
		const listed = formatCandidates(found.candidates, this.width).map((text) => ({text, kind: 'note' as const}));
		const echo = {text: this.promptFor() + line.text, kind: 'echo' as const};
		this.update({lines: this.append([echo, ...listed]), scroll: 0});
	}

	private promptFor(): string {
		return this.view.pending.length === 0 ? this.lab.shell.prompt() : '> ';
	}

	/** Enter: runs the command, or keeps collecting lines while it is incomplete. */
	private submit(): void {
		const {line, pending} = this.view;
		const echo = {text: this.promptFor() + line.text, kind: 'echo' as const};
		const source = [...pending, line.text].join('\n') + '\n';
		this.historyIndex = undefined;
		if (!this.lab.shell.isComplete(source)) {
			this.update({lines: this.append([echo]), pending: [...pending, line.text], line: EMPTY_LINE, scroll: 0});
			return;
		}
		if (pending.length === 0 && line.text.trim() === '') {
			this.update({lines: this.append([echo]), line: EMPTY_LINE, scroll: 0});
			return;
		}
		const own = pending.length === 0 ? this.options.intercept?.(line.text) : undefined;
		if (own) {
			// Recorded as the shell records what it runs, so ↑ and `history` bring it back.
			this.lab.shell.session.history.push(line.text);
			this.update({lines: this.append([echo]), line: EMPTY_LINE, scroll: 0});
			own();
			return;
		}
		this.execute(source, [echo]);
	}

	/**
	 * Runs a command line as if typed at the prompt (the screen's keys use this for
	 * `unplug HOST` and friends, so the transcript and the timeline record them).
	 * A half-typed line stays where it is.
	 */
	run(commandLine: string): void {
		this.execute(commandLine + '\n', [{text: this.lab.shell.prompt() + commandLine, kind: 'echo'}], true);
	}

	private execute(source: string, echo: ReadonlyArray<{text: string; kind: LineKind}>, keepLine = false): void {
		const result = this.options.execute ? this.options.execute(source) : this.lab.shell.execute(source);
		const out: Array<{text: string; kind: LineKind}> = [...echo];
		for (const chunk of result.output) for (const text of splitOutput(chunk.text)) out.push({text, kind: chunk.stream === 'err' ? 'err' : 'out'});
		const cleared = result.effects.some((e) => e.kind === 'clear');
		let lines = this.append(out);
		if (cleared) lines = [];
		this.update({
			lines,
			prompt: this.lab.shell.prompt(),
			...(keepLine ? {} : {pending: [], line: EMPTY_LINE}),
			scroll: 0,
		});
		this.options.afterCommand?.();
		for (const effect of result.effects) if (effect.kind !== 'clear') this.options.onEffect(effect);
	}
}
