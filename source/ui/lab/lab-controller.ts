import type {ShellEffect} from '../../commands/context';
import type {Lang} from '../../i18n/lang';
import type {Lab} from '../../lab/lab';
import {FULLSCREEN_TOOLS} from '../fullscreen/registry';
import type {FullscreenContext, FullscreenTool} from '../fullscreen/tool';
import type {LabStore} from '../live/lab-store';
import {fill, messages} from '../messages';
import type {NodeMeasure} from '../panels/cluster-lines';
import type {Focus} from '../panels/status-lines';
import {ShellController, type ShellControllerOptions} from '../shell/shell-controller';
import {isChar, isCtrl, type KeyPress} from '../terminal/keys';
import type {Theme} from '../theme';
import type {PanelName} from './layout';

/** A full-screen tool in use and the host it runs on. */
export interface FullscreenSession {
	readonly name: string;
	readonly tool: FullscreenTool<unknown>;
	readonly host: string;
	readonly state: unknown;
}

/** The screen's own state: who has the keyboard and what is shown. Replaced on every change. */
export interface ScreenState {
	readonly focus: Focus;
	/** Host the cluster keys act on. */
	readonly selected?: string;
	/** Right-column panel shown when the panels take turns. */
	readonly tab: PanelName;
	readonly nodeMeasure: NodeMeasure;
	readonly help: boolean;
	/** Rows the key list is scrolled by (kept within what the window shows when drawn). */
	readonly helpScroll: number;
	readonly fullscreen?: FullscreenSession;
	/** Counts rebuilt clusters (the study screen's step changes): the screen then reads the new store. */
	readonly generation: number;
}

export interface LabControllerOptions {
	readonly lang: Lang;
	readonly theme: Theme;
	readonly tools?: Readonly<Record<string, FullscreenTool<any>>>;
	onQuit(): void;
	/** Sees keys before the lab does (after Ctrl+C and full-screen tools); true when it used the key. */
	intercept?(k: KeyPress): boolean;
	/** Called after every command the shell ran, once its output is shown. */
	afterCommand?(): void;
	/** Passed on to the shell controller (the study screen runs lines through its lesson). */
	readonly shell?: Pick<ShellControllerOptions, 'execute' | 'intercept' | 'words'>;
}

/** The lab command a cluster key runs on the selected host (through the shell, so it is recorded). */
export const HOST_ACTIONS: Readonly<Record<string, string>> = {u: 'unplug', p: 'plug', o: 'poweroff', b: 'boot'};

const TAB_KEYS: Readonly<Record<string, PanelName>> = {e: 'events', c: 'conns', g: 'chart', '1': 'events', '2': 'conns', '3': 'chart'};
const MEASURE_KEYS: Readonly<Record<string, NodeMeasure>> = {l: 'load', s: 'speed', m: 'memory'};

/**
 * Turns keys into actions on the lab screen. Focus model: the shell has the
 * keyboard by default and every printable key types; Esc hands the keyboard to
 * the cluster, where single keys select hosts, pull cables and drive the clock;
 * Esc, Tab or i give it back. Ctrl+C always quits, F1 always shows every key,
 * and a full-screen tool gets all keys until it closes.
 */
export class LabController {
	readonly shell: ShellController;
	private state: ScreenState;
	private readonly listeners = new Set<() => void>();
	private size = {width: 80, height: 23};
	private helpViewport = {maxScroll: 0, page: 1};
	private readonly tools: Readonly<Record<string, FullscreenTool<any>>>;

	constructor(
		private currentLab: Lab,
		private currentStore: LabStore,
		private readonly options: LabControllerOptions,
	) {
		this.tools = options.tools ?? FULLSCREEN_TOOLS;
		this.shell = new ShellController(currentLab, {...options.shell, onEffect: (e) => this.effect(e), afterCommand: () => {
				this.currentStore.refresh();
				options.afterCommand?.();
			},
		});
		const hosts = currentStore.getView().snapshot.hosts;
		this.state = {focus: 'shell', selected: hosts[0]?.name, tab: 'events', nodeMeasure: 'load', help: false, helpScroll: 0, generation: 0};
	}

	get lab(): Lab {
		return this.currentLab;
	}

	get store(): LabStore {
		return this.currentStore;
	}

	/**
	 * Goes on with another cluster (a step that starts fresh, a reset, an undo):
	 * a new store drives it at the same speed, the shell keeps its scrollback,
	 * and a full-screen tool of the old cluster closes.
	 */
	replaceLab(lab: Lab, store: LabStore): void {
		if (lab === this.currentLab) return;
		const clock = this.currentStore.clockView;
		this.currentStore.dispose();
		this.currentLab = lab;
		this.currentStore = store;
		if (clock.paused) store.pause();
		store.setSpeed(clock.speed);
		this.shell.setLab(lab);
		const hosts = store.getView().snapshot.hosts.map((h) => h.name);
		const selected = hosts.includes(this.state.selected ?? '') ? this.state.selected : hosts[0];
		this.update({selected, fullscreen: undefined, generation: this.state.generation + 1});
	}

	/** Shows or hides the key list. */
	toggleHelp(): void {
		this.update({help: !this.state.help, helpScroll: 0});
	}

	/** How far the key list can scroll and how many of its rows show (both depend on the window). */
	setHelpViewport(maxScroll: number, page: number): void {
		this.helpViewport = {maxScroll, page};
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getState = (): ScreenState => this.state;

	/** The terminal area full-screen tools get (the screen tells on every resize). */
	setSize(width: number, height: number): void {
		this.size = {width, height};
	}

	private update(patch: Partial<ScreenState>): void {
		this.state = {...this.state, ...patch};
		for (const l of this.listeners) l();
	}

	fullscreenContext(host: string): FullscreenContext | undefined {
		const h = this.lab.world.host(host);
		if (!h) return undefined;
		return {world: this.lab.world, host: h, lang: this.options.lang, theme: this.options.theme, width: this.size.width, height: this.size.height};
	}

	private effect(effect: ShellEffect): void {
		switch (effect.kind) {
			case 'quit':
				this.options.onQuit();
				return;
			case 'clock':
				if (effect.action === 'pause') this.store.pause();
				else if (effect.action === 'resume') this.store.resume();
				else if (effect.value !== undefined) this.store.setSpeed(effect.value);
				return;
			case 'fullscreen': {
				const tool = this.tools[effect.tool];
				const ctx = this.fullscreenContext(effect.host);
				if (!tool || !ctx) {
					this.shell.note(fill(messages(this.options.lang).noView, effect.tool));
					return;
				}
				const opened = tool.open(effect.args, ctx);
				if ('error' in opened) {
					this.shell.note(opened.error);
					return;
				}
				this.update({fullscreen: {name: effect.tool, tool, host: effect.host, state: opened.state}, help: false});
				return;
			}
			default:
				return;
		}
	}

	/** Handles one key press. */
	key(k: KeyPress): void {
		if (isCtrl(k, 'c')) {
			this.options.onQuit();
			return;
		}
		const {fullscreen, help, focus} = this.state;
		if (!fullscreen && focus === 'cluster' && k.name === 'text' && !k.ctrl && !k.meta && k.text.length > 1) {
			// Several keys in one read (fast typing): each is a key of its own, and after `i`
			// the rest is typed into the shell.
			for (const char of k.text) this.key({...k, text: char});
			return;
		}
		if (fullscreen) {
			this.fullscreenKey(fullscreen, k);
			return;
		}
		if (help) {
			this.helpKey(k);
			return;
		}
		if (this.options.intercept?.(k)) return;
		if (k.name === 'f1') {
			this.update({help: true, helpScroll: 0});
			return;
		}
		if (focus === 'shell') {
			if (k.name === 'escape') this.update({focus: 'cluster'});
			else this.shell.key(k);
			return;
		}
		this.clusterKey(k);
	}

	/** While the key list shows: the arrows, PgUp/PgDn, Home and End scroll it (when it is taller than the window); any other key closes it. */
	private helpKey(k: KeyPress): void {
		const {maxScroll, page} = this.helpViewport;
		const moves: Partial<Record<KeyPress['name'], number>> = {up: -1, down: 1, pageup: -Math.max(1, page - 1), pagedown: Math.max(1, page - 1), home: -Infinity, end: Infinity};
		const move = k.ctrl || k.meta ? undefined : moves[k.name];
		if (move === undefined || maxScroll === 0) {
			this.update({help: false, helpScroll: 0});
			return;
		}
		// The window may have shrunk or grown since the last move: start from what is shown.
		const from = Math.min(this.state.helpScroll, maxScroll);
		const scroll = Math.max(0, Math.min(maxScroll, from + move));
		if (scroll !== this.state.helpScroll) this.update({helpScroll: scroll});
	}

	private fullscreenKey(session: FullscreenSession, k: KeyPress): void {
		const ctx = this.fullscreenContext(session.host);
		if (!ctx) {
			this.update({fullscreen: undefined});
			return;
		}
		const result = session.tool.key(session.state, k, ctx);
		if ('close' in result) {
			this.update({fullscreen: undefined});
			if (result.message) this.shell.note(result.message);
			this.store.refresh();
			return;
		}
		if (result.state !== session.state) this.update({fullscreen: {...session, state: result.state}});
	}

	private hosts(): string[] {
		return this.store.getView().snapshot.hosts.map((h) => h.name);
	}

	private select(direction: 1 | -1): void {
		const hosts = this.hosts();
		if (hosts.length === 0) return;
		const at = hosts.indexOf(this.state.selected ?? '');
		const next = at < 0 ? 0 : (at + direction + hosts.length) % hosts.length;
		this.update({selected: hosts[next]});
	}

	private clusterKey(k: KeyPress): void {
		const {store} = this;
		if (k.name === 'escape' || k.name === 'tab' || isChar(k, 'i')) {
			this.update({focus: 'shell'});
			return;
		}
		if (k.name === 'up' || k.name === 'left' || isChar(k, 'k')) return this.select(-1);
		if (k.name === 'down' || k.name === 'right' || isChar(k, 'j')) return this.select(1);
		if (k.name === 'pageup' || k.name === 'pagedown') {
			this.shell.key(k);
			return;
		}
		if (k.name === 'enter') {
			const host = this.state.selected;
			this.update({focus: 'shell'});
			if (host && host !== this.lab.shell.session.host.name) this.shell.run(`ssh ${host}`);
			return;
		}
		if (k.name !== 'text' || k.ctrl || k.meta) return;
		const c = k.text;
		if (c === ' ') store.togglePause();
		else if (c === '.') {
			store.pause();
			store.step(1);
		} else if (c === '+' || c === '=') store.changeSpeed(1);
		else if (c === '-' || c === '_') store.changeSpeed(-1);
		else if (c === '?') this.update({help: true, helpScroll: 0});
		else if (c in HOST_ACTIONS) {
			if (this.state.selected) this.shell.run(`${HOST_ACTIONS[c]} ${this.state.selected}`);
		} else if (c in TAB_KEYS) this.update({tab: TAB_KEYS[c]!});
		else if (c in MEASURE_KEYS) this.update({nodeMeasure: MEASURE_KEYS[c]!});
	}
}
