import {EventHeap} from './event-heap';

const WHEEL_BITS = 16;
const WHEEL = 1 << WHEEL_BITS;
const WHEEL_MASK = WHEEL - 1;

/**
 * The engine's event queue: a timing wheel of 1 µs buckets covering the next
 * 65 ms (where nearly all network events fall), backed by a heap for later
 * ones. Events at the same microsecond come out in the order they went in, so
 * the order is exactly the heap's (time, insertion) order, at a fraction of
 * the cost of sifting.
 */
export class EventWheel<T> {
	private readonly heads = new Int32Array(WHEEL).fill(-1);
	private readonly tails = new Int32Array(WHEEL).fill(-1);
	private readonly bits = new Uint32Array(WHEEL >> 5);
	private time = new Float64Array(1024);
	private kind = new Uint8Array(1024);
	private stamp = new Uint32Array(1024);
	private next = new Int32Array(1024);
	private item: (T | undefined)[] = new Array(1024);
	private free = new Int32Array(1024);
	private nfree = 0;
	private used = 0;
	private inWheel = 0;
	/** Start of the window (µs); every wheel entry is in [base, base + WHEEL). */
	private base = 0;
	private readonly overflow = new EventHeap<T>();
	/** firstBucket() remembered until the wheel changes (-2: unknown). */
	private known = -2;
	popKind = 0;
	popStamp = 0;
	popTime = 0;
	popItem: T | undefined;

	get size(): number {
		return this.inWheel + this.overflow.size;
	}

	push(t: number, kind: number, stamp: number, item: T): void {
		if (t >= this.base + WHEEL) {
			this.overflow.push(t, kind, stamp, item);
			return;
		}
		this.insert(t, kind, stamp, item);
	}

	private insert(t: number, kind: number, stamp: number, item: T): void {
		let n: number;
		if (this.nfree > 0) n = this.free[--this.nfree]!;
		else {
			if (this.used === this.time.length) this.grow();
			n = this.used++;
		}
		this.time[n] = t;
		this.kind[n] = kind;
		this.stamp[n] = stamp;
		this.item[n] = item;
		this.next[n] = -1;
		const b = (t < this.base ? this.base : Math.floor(t)) & WHEEL_MASK;
		const tail = this.tails[b]!;
		if (tail < 0) {
			this.heads[b] = n;
			this.bits[b >> 5] = this.bits[b >> 5]! | (1 << (b & 31));
		} else this.next[tail] = n;
		this.tails[b] = n;
		this.inWheel++;
		this.known = -2;
	}

	/** The first non-empty bucket at or after the window start, or -1. */
	private firstBucket(): number {
		if (this.known !== -2) return this.known;
		this.known = this.scan();
		return this.known;
	}

	private scan(): number {
		if (this.inWheel === 0) return -1;
		const start = this.base & WHEEL_MASK;
		let w = start >> 5;
		let word = this.bits[w]! & (~0 << (start & 31));
		for (let k = 0; k <= WHEEL >> 5; k++) {
			if (word !== 0) return (w << 5) + (31 - Math.clz32(word & -word));
			w = (w + 1) & ((WHEEL >> 5) - 1);
			word = this.bits[w]!;
		}
		return -1;
	}

	peekTime(): number {
		const b = this.firstBucket();
		return b < 0 ? this.overflow.peekTime() : this.time[this.heads[b]!]!;
	}

	pop(): void {
		let b = this.firstBucket();
		if (b < 0) {
			// Only far events left: move the window to the earliest of them.
			this.base = Math.floor(this.overflow.peekTime());
			this.migrate();
			b = this.firstBucket();
		}
		const n = this.heads[b]!;
		const nx = this.next[n]!;
		this.heads[b] = nx;
		if (nx < 0) {
			this.tails[b] = -1;
			this.bits[b >> 5] = this.bits[b >> 5]! & ~(1 << (b & 31));
		}
		this.inWheel--;
		this.known = nx < 0 ? -2 : b;
		this.popTime = this.time[n]!;
		this.popKind = this.kind[n]!;
		this.popStamp = this.stamp[n]!;
		this.popItem = this.item[n];
		this.item[n] = undefined;
		this.free[this.nfree++] = n;
		const t = Math.floor(this.popTime);
		if (t > this.base) {
			this.base = t;
			this.migrate();
		}
	}

	/** Brings heap events that fall inside the window into it, in their order. */
	private migrate(): void {
		const o = this.overflow;
		const limit = this.base + WHEEL;
		while (o.size > 0 && o.peekTime() < limit) {
			o.pop();
			this.insert(o.popTime, o.popKind, o.popStamp, o.popItem!);
		}
	}

	private grow(): void {
		const size = this.time.length * 2;
		const time = new Float64Array(size);
		time.set(this.time);
		this.time = time;
		const kind = new Uint8Array(size);
		kind.set(this.kind);
		this.kind = kind;
		const stamp = new Uint32Array(size);
		stamp.set(this.stamp);
		this.stamp = stamp;
		const next = new Int32Array(size);
		next.set(this.next);
		this.next = next;
		const free = new Int32Array(size);
		free.set(this.free);
		this.free = free;
		this.item.length = size;
	}
}
