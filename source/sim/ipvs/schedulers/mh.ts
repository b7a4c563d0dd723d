import {formatIp} from '../../net/ipv4';
import type {Dest, Service} from '../types';
import {beginTrace, gcd, traceStep, traceUnseen} from './common';
import {hsiphash32, type KeyWord} from './hash';
import type {ScheduleTrace, Scheduler} from './scheduler';
import {cat, say} from './trace-text';

/** IP_VS_SVC_F_SCHED_MH_FALLBACK = IP_VS_SVC_F_SCHED1 (flag-1, mh-fallback). */
export const MH_FALLBACK = 1;
/** IP_VS_SVC_F_SCHED_MH_PORT = IP_VS_SVC_F_SCHED2 (flag-2, mh-port). */
export const MH_PORT = 2;

/** primes[CONFIG_IP_VS_MH_TAB_INDEX - 8] with the default index 12. */
export const MH_TAB_SIZE = 4093;
/** IP_VS_MH_TAB_BITS = CONFIG_IP_VS_MH_TAB_INDEX / 2: weights are shifted to fit this many bits. */
const MH_TAB_BITS = 6;

/** generate_hash_secret(): fixed keys, the same on every machine. */
const HASH1: KeyWord = {hi: 0, lo: 2654435761};
const HASH2: KeyWord = {hi: 0, lo: 2654446892};

function mhHash(addr: number, port: number, offset: number, key: KeyWord): number {
	return hsiphash32((offset + port + addr) >>> 0, key, key);
}

/** fls(): 1-based index of the highest set bit, 0 for 0. */
function fls(x: number): number {
	return x === 0 ? 0 : 32 - Math.clz32(x);
}

export class MhState {
	readonly lookup: Array<Dest | null> = new Array<Dest | null>(MH_TAB_SIZE).fill(null);
	/**
	 * dest->last_weight: the latest non-zero weight, so quiescing a server
	 * (-w 0) keeps its slots. The kernel tracks it for every destination;
	 * we learn it from add/edit calls and, for servers that existed before
	 * the service switched to mh, start from their current weight.
	 */
	readonly lastWeight = new Map<Dest, number>();
	gcd = 0;
	rshift = 0;
}

function lastWeightOf(st: MhState, d: Dest): number {
	return st.lastWeight.get(d) ?? d.weight;
}

/** ip_vs_mh_gcd_weight + ip_vs_mh_shift_weight + permutate + populate. */
function reassign(st: MhState, svc: Service): void {
	const dests = svc.dests;
	let g = 0;
	let maxW = 0;
	for (const d of dests) {
		const w = lastWeightOf(st, d);
		if (w > 0) g = g > 0 ? gcd(w, g) : w;
		if (w > maxW) maxW = w;
	}
	st.gcd = g;
	st.rshift = g < 1 ? 0 : Math.max(0, fls(Math.trunc(maxW / g)) - MH_TAB_BITS);
	if (dests.length > MH_TAB_SIZE) return; // -EINVAL: the old table stays.
	if (g < 1) {
		st.lookup.fill(null);
		return;
	}
	const n = dests.length;
	const perm = new Array<number>(n);
	const skip = new Array<number>(n);
	const turns = new Array<number>(n);
	for (let j = 0; j < n; j++) {
		const d = dests[j]!;
		perm[j] = mhHash(d.addr, d.port, 0, HASH1) % MH_TAB_SIZE;
		skip[j] = (mhHash(d.addr, d.port, 0, HASH2) % (MH_TAB_SIZE - 1)) + 1;
		const lw = lastWeightOf(st, d);
		turns[j] = Math.trunc(lw / g) >> st.rshift || (lw !== 0 ? 1 : 0);
	}
	// Each round walks the list; a server claims its next free preferred slot
	// `turns` times before the walk moves on.
	const taken = new Uint8Array(MH_TAB_SIZE);
	let filled = 0;
	let dtCount = 0;
	while (filled < MH_TAB_SIZE) {
		let j = 0;
		while (j < n) {
			if (turns[j]! < 1) {
				j++;
				continue;
			}
			let c = perm[j]!;
			while (taken[c]) {
				c += skip[j]!;
				if (c >= MH_TAB_SIZE) c -= MH_TAB_SIZE;
				perm[j] = c;
			}
			taken[c] = 1;
			st.lookup[c] = dests[j]!;
			if (++filled === MH_TAB_SIZE) return;
			if (++dtCount >= turns[j]!) {
				dtCount = 0;
				j++;
			}
		}
	}
}

/**
 * ip_vs_mh (Maglev hashing, 4.18+), with the kernel's table size (4093),
 * fixed hsiphash keys, permutation (offset, skip) and round-robin fill, so
 * slot numbers and owners match a 64-bit kernel. (32-bit kernels use
 * HalfSipHash and would build a different table.)
 */
export function createMh(): Scheduler {
	function state(svc: Service): MhState {
		const s = svc.schedState;
		if (s instanceof MhState) return s;
		const st = new MhState();
		for (const d of svc.dests) st.lastWeight.set(d, d.weight);
		reassign(st, svc);
		svc.schedState = st;
		return st;
	}

	/** Like sh's probe: `offset` only labels the trace. */
	function probe(st: MhState, slot: number, trace: ScheduleTrace | undefined, offset?: number): Dest | null | false {
		const d = st.lookup[slot] ?? null;
		if (d === null) return null;
		if (d.weight <= 0 || d.overloaded) {
			if (trace) {
				if (d.weight <= 0) traceStep(trace, d, 'skipped-weight', cat(say.slot(slot, offset), ': ', say.weight(d.weight)));
				else traceStep(trace, d, 'skipped-overloaded', cat(say.slot(slot, offset), ': ', say.overloadFlag));
			}
			return false;
		}
		if (trace) traceStep(trace, d, 'chosen', cat(say.slot(slot, offset), ', ', say.weight(d.weight)));
		return d;
	}

	return {
		name: 'mh',
		init(svc) {
			svc.schedState = undefined;
			state(svc);
		},
		update(svc, change, dest) {
			const st = state(svc);
			if (change === 'del') st.lastWeight.delete(dest);
			else if (change === 'add' || dest.weight !== 0) st.lastWeight.set(dest, dest.weight);
			reassign(st, svc);
		},
		schedule(svc, packet, trace) {
			const st = state(svc);
			const port = svc.schedFlags & MH_PORT ? packet.sport : 0;
			const fallback = (svc.schedFlags & MH_FALLBACK) !== 0;
			const addr = packet.saddr;
			const ihash = mhHash(addr, port, 0, HASH1) % MH_TAB_SIZE;
			if (trace) {
				beginTrace(trace, 'mh', say.mh.rule(port !== 0, fallback, MH_TAB_SIZE));
				trace.notes.push(say.mh.hash(port ? `${formatIp(addr)}:${port}` : formatIp(addr), MH_TAB_SIZE, ihash));
				trace.notes.push(say.mh.table(st.gcd, st.rshift));
			}
			let result: Dest | null = null;
			const first = probe(st, ihash, trace);
			if (first !== false) result = first;
			else if (fallback) {
				for (let offset = 0; offset < MH_TAB_SIZE; offset++) {
					const roffset = (offset + ihash) % MH_TAB_SIZE;
					const h = mhHash(addr, port, roffset, HASH1) % MH_TAB_SIZE;
					const d = probe(st, h, trace, roffset);
					if (d === null) break;
					if (d !== false) {
						result = d;
						break;
					}
				}
			}
			if (trace) {
				if (!result) trace.notes.push(say.noDestination);
				traceUnseen(trace, svc);
			}
			return result;
		},
	};
}
