import type {Host} from '../../sim/host';
import {clusterSnapshot} from '../../sim/mosix/snapshot';
import type {World} from '../../sim/world';
import {SESSION_TTY, SHELL_PID} from '../process/run-program';
import {renderMosmonFrame} from './mosmon/frame';
import {applyMosmonKey, parseMosmonArgs, type MosmonOptions} from './mosmon/options';
import {mtopData} from './mtop/data';
import {renderMtopFrame} from './mtop/frame';

/** What a live full-screen view is given by the lab screen (the same shape the screen's tool table uses). */
interface LiveContext {
	readonly world: World;
	readonly host: Host;
	readonly width: number;
	readonly height: number;
}

/** A key as the lab screen decodes it: a named key or typed text. */
interface LiveKey {
	readonly name: string;
	readonly text: string;
	readonly ctrl: boolean;
}

type KeyResult<S> = {readonly state: S} | {readonly close: true; readonly message?: string};

function lines(frame: string, height: number): string[] {
	return frame.replace(/\n$/, '').split('\n').slice(0, height);
}

/**
 * mosmon as a live view: the same letters as its options change the view
 * (l, L, s, m, r, u, w, v, V, a, d, t, h), Left/Right scroll the nodes, q quits.
 */
export const mosmonLive = {
	live: true as const,
	open(args: readonly string[], ctx: LiveContext): {readonly state: MosmonOptions} | {readonly error: string} {
		const options = parseMosmonArgs(args);
		if (typeof options === 'string') return {error: options};
		if (!clusterSnapshot(ctx.world, ctx.host)) return {error: 'mosmon: This is NOT a openMosix system!\n'};
		return {state: options};
	},
	key(state: MosmonOptions, key: LiveKey, ctx: LiveContext): KeyResult<MosmonOptions> {
		if (key.ctrl && key.text === 'c') return {close: true};
		if (key.name === 'left' || key.name === 'right' || key.name === 'pageup' || key.name === 'pagedown') {
			const ids = clusterSnapshot(ctx.world, ctx.host)?.nodes.map((n) => n.id) ?? [];
			const i = Math.max(0, ids.findIndex((id) => id >= state.start));
			const step = key.name === 'left' || key.name === 'right' ? 1 : 10;
			const j = key.name === 'left' || key.name === 'pageup' ? Math.max(0, i - step) : Math.min(Math.max(0, ids.length - 1), i + step);
			return {state: {...state, start: ids[j] ?? 0}};
		}
		if (key.name !== 'text') return {state};
		let next: MosmonOptions = state;
		for (const ch of key.text) {
			const r = applyMosmonKey(next, ch);
			if (r === 'quit') return {close: true};
			next = r;
		}
		return {state: next};
	},
	render(state: MosmonOptions, ctx: LiveContext): string[] {
		const snapshot = clusterSnapshot(ctx.world, ctx.host);
		if (!snapshot) return ['mosmon: This is NOT a openMosix system!'];
		return lines(renderMosmonFrame(snapshot, {...state, width: ctx.width, height: ctx.height}), ctx.height);
	},
};

/** mtop as a live view: refreshes with the simulation; q quits. */
export const mtopLive = {
	live: true as const,
	open(_args: readonly string[], ctx: LiveContext): {readonly state: {readonly pid: number}} | {readonly error: string} {
		const p = ctx.host.processes.spawn({user: 'root', command: 'mtop', started: ctx.world.now, ppid: SHELL_PID, tty: SESSION_TTY});
		ctx.host.processes.reap(p.pid);
		return {state: {pid: p.pid}};
	},
	key(state: {readonly pid: number}, key: LiveKey): KeyResult<{readonly pid: number}> {
		if ((key.name === 'text' && (key.text === 'q' || key.text === 'Q')) || (key.ctrl && key.text === 'c')) return {close: true};
		return {state};
	},
	render(state: {readonly pid: number}, ctx: LiveContext): string[] {
		return lines(renderMtopFrame(mtopData(ctx.world, ctx.host, undefined, state.pid), ctx), ctx.height);
	},
};
