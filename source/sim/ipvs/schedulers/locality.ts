import type {Localized} from '../../../i18n/lang';
import type {Ip} from '../../net/ipv4';
import {SEC} from '../../time';
import {kernelVersion} from '../era';
import type {Dest, Service} from '../types';
import {connOverhead} from './common';
import {multiplicativeHash} from './hash';
import type {SchedulerEnv} from './scheduler';
import {say} from './trace-text';

/**
 * What lblc and lblcr share: a cache keyed by the packet's destination
 * address, aged by a garbage collector that the kernel runs from a timer.
 */

/** The collector runs every minute (CHECK_EXPIRE_INTERVAL). */
export const CHECK_EXPIRE_INTERVAL = 60 * SEC;
/** When the table is over its size, entries idle this long go (ENTRY_TIMEOUT). */
export const ENTRY_TIMEOUT = 6 * 60 * SEC;
/** Default lblc_expiration / lblcr_expiration: one day. */
export const DEFAULT_EXPIRATION = 24 * 60 * 60 * SEC;
/** Every 30th run is a full check against the expiration sysctl. */
export const COUNT_FOR_FULL_EXPIRATION = 30;
/** 2^CONFIG_IP_VS_LBLC_TAB_BITS buckets; the table holds up to 16 entries per bucket. */
const TAB_SIZE = 1024;
const TAB_MASK = TAB_SIZE - 1;
export const MAX_SIZE = TAB_SIZE * 16;

export interface CacheEntry {
	/** Last time a packet looked the entry up. */
	lastuse: number;
}

/**
 * The cache plus the collector's bookkeeping. The kernel's timer fires every
 * 60 s after the service started; we run the ticks that are due whenever the
 * scheduler is about to read the cache, which gives the same contents at
 * every lookup.
 */
export class LocalityCache<E extends CacheEntry> {
	readonly entries = new Map<Ip, E>();
	nextCheck: number;
	counter = 1;
	rover = 0;

	constructor(now: number) {
		this.nextCheck = now + CHECK_EXPIRE_INTERVAL;
	}

	/** Runs every collector tick due by `now`. */
	catchUp(now: number, expiration: number): void {
		while (this.nextCheck <= now) {
			this.tick(this.nextCheck, expiration);
			this.nextCheck += CHECK_EXPIRE_INTERVAL;
		}
	}

	private tick(now: number, expiration: number): void {
		if (this.counter % COUNT_FOR_FULL_EXPIRATION === 0) {
			// Full check: drop whatever was not used for `expiration`.
			for (const [addr, en] of this.entries) if (now >= en.lastuse + expiration) this.entries.delete(addr);
			this.counter = 1;
			return;
		}
		if (this.entries.size <= MAX_SIZE) {
			this.counter++;
			return;
		}
		// Over size: walk buckets from the rover, dropping entries idle for
		// ENTRY_TIMEOUT, until 4/3 of the excess (at most half the size) went.
		let goal = Math.trunc(((this.entries.size - MAX_SIZE) * 4) / 3);
		if (goal > MAX_SIZE / 2) goal = MAX_SIZE / 2;
		const buckets = new Map<number, Ip[]>();
		for (const addr of this.entries.keys()) {
			const b = multiplicativeHash(addr, TAB_MASK);
			const list = buckets.get(b);
			if (list) list.push(addr);
			else buckets.set(b, [addr]);
		}
		let j = this.rover;
		for (let i = 0; i < TAB_SIZE; i++) {
			j = (j + 1) & TAB_MASK;
			for (const addr of buckets.get(j) ?? []) {
				const en = this.entries.get(addr)!;
				if (now < en.lastuse + ENTRY_TIMEOUT) continue;
				this.entries.delete(addr);
				goal--;
			}
			if (goal <= 0) break;
		}
		this.rover = j;
	}
}

/** The expiration sysctl (seconds, like proc_dointvec_jiffies shows it), in µs. */
export function expirationOf(env: SchedulerEnv, key: string): number {
	const text = env.sysctl?.(key);
	if (text === undefined || !/^\s*-?\d+\s*$/.test(text)) return DEFAULT_EXPIRATION;
	return Number(text) * SEC;
}

/**
 * The overhead lblc/lblcr compare. Until 2.6.36 these two modules kept their
 * own formula, active*50 + inactive; 2.6.37 moved them to the shared
 * active*256 + inactive.
 */
export function localityOverhead(env: SchedulerEnv): (d: Dest) => number {
	return env.era.version < kernelVersion(2, 6, 37) ? overhead50 : connOverhead;
}

function overhead50(d: Dest): number {
	return d.activeConns * 50 + d.inactConns;
}

export function overheadFormula(overhead: (d: Dest) => number, d: Dest): Localized {
	return overhead === overhead50 ? say.overhead(d, 50, overhead50(d)) : say.overhead(d, 256, connOverhead(d));
}

/**
 * lblc's notion of "overloaded": more active connections than its weight
 * while some server in the service is below half of its own weight.
 */
export function localityOverloaded(dest: Dest, svc: Service): boolean {
	if (dest.activeConns > dest.weight) {
		for (const d of svc.dests) if (d.activeConns * 2 < d.weight) return true;
	}
	return false;
}

/**
 * A cached server that was deleted is not freed while the cache refers to
 * it: it waits in the trash, and re-adding the same address and port brings
 * back that very object. Our control plane creates a new object when the
 * old one had no connections, so we follow it by address and port.
 */
export function revive(dest: Dest, svc: Service): Dest {
	if (dest.available) return dest;
	for (const d of svc.dests) if (d.addr === dest.addr && d.port === dest.port) return d;
	return dest;
}
