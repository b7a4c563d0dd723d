import type {Micros} from '../time';
import type {ForwardMethod, Protocol} from './types';

/**
 * The IPVS connection table as struct-of-arrays: one slot per entry in typed
 * arrays, so a million entries waiting in FIN_WAIT cost a few dozen bytes each
 * and no garbage. Entries are hashed into the kernel's 4096 buckets (listing
 * order: bucket by bucket, newest first within a bucket) and indexed by client
 * address and port for packet lookups. Timers are per-timeout FIFO queues: all
 * entries armed with the same timeout expire in the order they were armed.
 */

/** Connection flags (a subset of IP_VS_CONN_F_*). */
export const CF_TEMPLATE = 1;
export const CF_INACTIVE = 2;
export const CF_NOOUTPUT = 4;
export const CF_SYNC = 8;

/** Protocol codes stored per entry. */
export const P_TCP = 0;
export const P_UDP = 1;
export const P_SCTP = 2;
/** fwmark persistence templates. */
export const P_IP = 3;

export const PROTO_NAMES = ['TCP', 'UDP', 'SCTP', 'IP'] as const;
/** The code of each protocol a service can have. */
export const PROTO_CODES: Record<Protocol, number> = {tcp: P_TCP, udp: P_UDP, sctp: P_SCTP};

/** Forwarding method codes. */
export const FWD_MASQ = 0;
export const FWD_LOCAL = 1;
export const FWD_TUNNEL = 2;
export const FWD_ROUTE = 3;
/** The code of each forwarding method. */
export const FWD_CODES: Record<ForwardMethod, number> = {masq: FWD_MASQ, local: FWD_LOCAL, tunnel: FWD_TUNNEL, route: FWD_ROUTE};

export const TAB_BITS = 12;
export const TAB_SIZE = 1 << TAB_BITS;
const TAB_MASK = TAB_SIZE - 1;
/** Timer queue id meaning "in the overflow heap" (entries re-armed in place). */
const Q_LATE = 255;
const Q_NONE = 0;

function rol32(x: number, k: number): number {
	return ((x << k) | (x >>> (32 - k))) | 0;
}

/** Bob Jenkins' lookup3 final mix as the kernel's jhash_3words(). */
export function jhash3(a: number, b: number, c: number, initval: number): number {
	const iv = (initval + 0xdeadbeef + 12) | 0;
	a = (a + iv) | 0;
	b = (b + iv) | 0;
	c = (c + iv) | 0;
	c ^= b;
	c = (c - rol32(b, 14)) | 0;
	a ^= c;
	a = (a - rol32(c, 11)) | 0;
	b ^= a;
	b = (b - rol32(a, 25)) | 0;
	c ^= b;
	c = (c - rol32(b, 16)) | 0;
	a ^= c;
	a = (a - rol32(c, 4)) | 0;
	b ^= a;
	b = (b - rol32(a, 14)) | 0;
	c ^= b;
	c = (c - rol32(b, 24)) | 0;
	return c >>> 0;
}

/** A host-order IPv4 address as the u32 the kernel hashes (network byte order read on a little-endian CPU). */
function wireAddr(ip: number): number {
	return (((ip & 0xff) << 24) | ((ip & 0xff00) << 8) | ((ip >>> 8) & 0xff00) | (ip >>> 24)) >>> 0;
}

function wirePort(port: number): number {
	return ((port & 0xff) << 8) | (port >>> 8);
}

/** A FIFO of (slot, due) records; all records share one timeout, so dues never decrease. */
class TimerFifo {
	slots = new Int32Array(1024);
	dues = new Float64Array(1024);
	head = 0;
	size = 0;

	constructor(readonly timeout: Micros) {}

	push(slot: number, due: number): void {
		if (this.size === this.slots.length) this.grow();
		const i = (this.head + this.size) & (this.slots.length - 1);
		this.slots[i] = slot;
		this.dues[i] = due;
		this.size++;
	}

	private grow(): void {
		const n = this.slots.length;
		const slots = new Int32Array(n * 2);
		const dues = new Float64Array(n * 2);
		for (let k = 0; k < this.size; k++) {
			const i = (this.head + k) & (n - 1);
			slots[k] = this.slots[i]!;
			dues[k] = this.dues[i]!;
		}
		this.slots = slots;
		this.dues = dues;
		this.head = 0;
	}

	peekDue(): number {
		return this.size === 0 ? Infinity : this.dues[this.head]!;
	}

	shift(): number {
		const slot = this.slots[this.head]!;
		this.head = (this.head + 1) & (this.slots.length - 1);
		this.size--;
		return slot;
	}
}

/**
 * First slot per client port for one client address (-1: none): a small map
 * while the address has few connections, a flat array once it has many (a
 * benchmark from one client cycles through all its ports).
 */
class ClientIndex {
	private tcp?: Int32Array;
	private map = new Map<number, number>();

	get(proto: number, port: number): number {
		if (proto === P_TCP && this.tcp) return this.tcp[port]!;
		return this.map.get(port * 4 + proto) ?? -1;
	}

	set(proto: number, port: number, slot: number): void {
		if (proto === P_TCP && this.tcp) {
			this.tcp[port] = slot;
			return;
		}
		if (slot < 0) this.map.delete(port * 4 + proto);
		else this.map.set(port * 4 + proto, slot);
		if (!this.tcp && this.map.size > 2048) this.flatten();
	}

	private flatten(): void {
		const tcp = new Int32Array(65536).fill(-1);
		for (const [key, slot] of this.map) {
			if ((key & 3) !== P_TCP) continue;
			tcp[key >> 2] = slot;
			this.map.delete(key);
		}
		this.tcp = tcp;
	}
}

export class ConnTable {
	capacity = 0;
	/** Live entries (templates included). */
	count = 0;
	proto = new Uint8Array(0);
	state = new Uint8Array(0);
	flags = new Uint8Array(0);
	fwd = new Uint8Array(0);
	caddr = new Uint32Array(0);
	vaddr = new Uint32Array(0);
	daddr = new Uint32Array(0);
	cport = new Uint16Array(0);
	vport = new Uint16Array(0);
	dport = new Uint16Array(0);
	/** Absolute expiry time (µs). */
	expires = new Float64Array(0);
	/** Due time of the entry's valid timer record and the queue holding it. */
	private tdue = new Float64Array(0);
	private tq = new Uint8Array(0);
	/** Index into `dests` of the bound destination, -1 for none. */
	dest = new Int32Array(0);
	/** Index into `services`. */
	svc = new Int32Array(0);
	/** Controlling template slot, or -1. */
	control = new Int32Array(0);
	/** Number of entries this one (a template) controls. */
	nControl = new Int32Array(0);
	/** Packets in from the client (the sync daemon's threshold counter). */
	inpkts = new Uint32Array(0);
	/** Changes whenever a slot is reused, so a stale reference can be detected. */
	gen = new Uint32Array(0);
	/** Hash chain links (bucket order) and client-tuple index chain. */
	private next = new Int32Array(0);
	private prev = new Int32Array(0);
	private bucketOf = new Uint16Array(0);
	private tnext = new Int32Array(0);
	private readonly heads = new Int32Array(TAB_SIZE).fill(-1);
	/**
	 * Client address → first slot per client port: a flat array for TCP (the hot
	 * path), a map for the other protocols.
	 */
	private readonly byClient = new Map<number, ClientIndex>();
	private lastAddr = -1;
	private lastPorts: ClientIndex | undefined;
	private freeList = new Int32Array(0);
	private freeCount = 0;
	private readonly fifos: TimerFifo[] = [];
	private readonly fifoByTimeout = new Map<number, number>();
	/** Binary heap (due, slot) for entries whose timer was pushed back in place. */
	private lateDue: number[] = [];
	private lateSlot: number[] = [];
	private cachedNext = Infinity;
	/** Told when an entry now expires before every other one (the traffic engine's event loop listens). */
	onEarlier?: (due: number) => void;

	constructor(
		/** ip_vs_conn_rnd: the hash seed chosen at module load. */
		private readonly seed: number,
		initial = 1024,
	) {
		this.grow(initial);
	}

	private grow(min: number): void {
		const old = this.capacity;
		let cap = Math.max(16, old);
		while (cap < min) cap *= 2;
		if (cap === old) return;
		const g8 = (a: Uint8Array) => {
			const b = new Uint8Array(cap);
			b.set(a);
			return b;
		};
		const g16 = (a: Uint16Array) => {
			const b = new Uint16Array(cap);
			b.set(a);
			return b;
		};
		const g32 = (a: Uint32Array) => {
			const b = new Uint32Array(cap);
			b.set(a);
			return b;
		};
		const gi = (a: Int32Array) => {
			const b = new Int32Array(cap);
			b.set(a);
			return b;
		};
		const gf = (a: Float64Array) => {
			const b = new Float64Array(cap);
			b.set(a);
			return b;
		};
		this.proto = g8(this.proto);
		this.state = g8(this.state);
		this.flags = g8(this.flags);
		this.fwd = g8(this.fwd);
		this.tq = g8(this.tq);
		this.caddr = g32(this.caddr);
		this.vaddr = g32(this.vaddr);
		this.daddr = g32(this.daddr);
		this.inpkts = g32(this.inpkts);
		this.gen = g32(this.gen);
		this.cport = g16(this.cport);
		this.vport = g16(this.vport);
		this.dport = g16(this.dport);
		this.bucketOf = g16(this.bucketOf);
		this.expires = gf(this.expires);
		this.tdue = gf(this.tdue);
		this.dest = gi(this.dest);
		this.svc = gi(this.svc);
		this.control = gi(this.control);
		this.nControl = gi(this.nControl);
		this.next = gi(this.next);
		this.prev = gi(this.prev);
		this.tnext = gi(this.tnext);
		const free = new Int32Array(cap);
		free.set(this.freeList.subarray(0, this.freeCount));
		// New slots are handed out lowest first.
		let n = this.freeCount;
		for (let i = cap - 1; i >= old; i--) free[n++] = i;
		this.freeList = free;
		this.freeCount = n;
		this.capacity = cap;
	}

	/** Bucket of a (protocol, client address, client port) triple. */
	bucket(proto: number, caddr: number, cport: number): number {
		return jhash3(wireAddr(caddr), wirePort(cport), proto === P_UDP ? 17 : proto === P_SCTP ? 132 : proto === P_IP ? 0 : 6, this.seed) & TAB_MASK;
	}

	/** The port index of one client address (cached: traffic mostly comes from one client at a time). */
	private ports(caddr: number, create: boolean): ClientIndex | undefined {
		if (caddr === this.lastAddr) return this.lastPorts;
		const key = caddr | 0;
		let m = this.byClient.get(key);
		if (!m) {
			if (!create) return undefined;
			m = new ClientIndex();
			this.byClient.set(key, m);
		}
		this.lastAddr = caddr;
		this.lastPorts = m;
		return m;
	}

	/** Creates an entry and hashes it at the head of its bucket. */
	add(proto: number, caddr: number, cport: number, vaddr: number, vport: number, daddr: number, dport: number, flags: number, fwd: number): number {
		if (this.freeCount === 0) this.grow(this.capacity * 2);
		const s = this.freeList[--this.freeCount]!;
		this.proto[s] = proto;
		this.state[s] = 0;
		this.flags[s] = flags;
		this.fwd[s] = fwd;
		this.caddr[s] = caddr;
		this.cport[s] = cport;
		this.vaddr[s] = vaddr;
		this.vport[s] = vport;
		this.daddr[s] = daddr;
		this.dport[s] = dport;
		this.expires[s] = 0;
		this.tq[s] = Q_NONE;
		this.dest[s] = -1;
		this.svc[s] = -1;
		this.control[s] = -1;
		this.nControl[s] = 0;
		this.inpkts[s] = 0;
		this.gen[s] = (this.gen[s]! + 1) >>> 0;
		const b = this.bucket(proto, caddr, cport);
		this.bucketOf[s] = b;
		const head = this.heads[b]!;
		this.next[s] = head;
		this.prev[s] = -1;
		if (head >= 0) this.prev[head] = s;
		this.heads[b] = s;
		if (!(flags & CF_TEMPLATE)) {
			const ports = this.ports(caddr, true)!;
			this.tnext[s] = ports.get(proto, cport);
			ports.set(proto, cport, s);
		}
		this.count++;
		return s;
	}

	/** Unhashes and frees a slot. */
	remove(s: number): void {
		const b = this.bucketOf[s]!;
		const n = this.next[s]!;
		const p = this.prev[s]!;
		if (p >= 0) this.next[p] = n;
		else this.heads[b] = n;
		if (n >= 0) this.prev[n] = p;
		if (!(this.flags[s]! & CF_TEMPLATE)) {
			const ports = this.ports(this.caddr[s]!, false);
			const proto = this.proto[s]!;
			const cport = this.cport[s]!;
			let cur = ports ? ports.get(proto, cport) : -1;
			let before = -1;
			while (cur >= 0 && cur !== s) {
				before = cur;
				cur = this.tnext[cur]!;
			}
			if (cur === s && ports) {
				const after = this.tnext[s]!;
				if (before >= 0) this.tnext[before] = after;
				else ports.set(proto, cport, after);
			}
		}
		if (this.tq[s] !== Q_NONE && this.tdue[s] === this.cachedNext) this.staleNext = true;
		this.tq[s] = Q_NONE;
		this.dest[s] = -1;
		this.gen[s] = (this.gen[s]! + 1) >>> 0;
		this.flags[s] = 0;
		this.freeList[this.freeCount++] = s;
		this.count--;
	}

	/** The live non-template entry for a client tuple towards vaddr:vport, or -1. */
	find(proto: number, caddr: number, cport: number, vaddr: number, vport: number): number {
		const ports = this.ports(caddr, false);
		let s = ports ? ports.get(proto, cport) : -1;
		while (s >= 0) {
			if (this.vaddr[s] === vaddr && this.vport[s] === vport) return s;
			s = this.tnext[s]!;
		}
		return -1;
	}

	/** The entry a reply belongs to (NAT: from daddr:dport to the client), or -1. */
	findOut(proto: number, daddr: number, dport: number, caddr: number, cport: number): number {
		const ports = this.ports(caddr, false);
		let s = ports ? ports.get(proto, cport) : -1;
		while (s >= 0) {
			if (this.daddr[s] === daddr && this.dport[s] === dport) return s;
			s = this.tnext[s]!;
		}
		return -1;
	}

	/** Whether `s` still holds the entry it held when `gen` was read. */
	alive(s: number, gen: number): boolean {
		return s >= 0 && s < this.capacity && this.gen[s] === gen && this.flags[s] !== 0 && this.tq[s] !== Q_NONE;
	}

	/**
	 * Sets the entry to expire `timeout` µs after `now`. Re-arming with the timeout
	 * it already waits on keeps its queue record (checked lazily when due).
	 */
	arm(s: number, timeout: Micros, now: Micros): void {
		const due = now + timeout;
		this.expires[s] = due;
		const q = this.tq[s]!;
		if (q !== Q_NONE && q !== Q_LATE && this.fifos[q - 1]!.timeout === timeout && this.tdue[s]! <= due) return;
		// A handful of distinct timeouts exist: a linear look beats a Map.
		let fi: number | undefined;
		const fifos = this.fifos;
		for (let i = 0; i < fifos.length; i++) {
			if (fifos[i]!.timeout === timeout) {
				fi = i;
				break;
			}
		}
		if (fi === undefined) {
			fi = this.fifos.length;
			this.fifos.push(new TimerFifo(timeout));
			this.fifoByTimeout.set(timeout, fi);
		}
		if (q !== Q_NONE && this.tdue[s] === this.cachedNext) this.staleNext = true;
		this.fifos[fi]!.push(s, due);
		this.tq[s] = fi + 1;
		this.tdue[s] = due;
		if (due < this.cachedNext) {
			this.cachedNext = due;
			this.onEarlier?.(due);
		}
	}

	/** Time of the earliest timer record (may be a stale one: harmless, it is skipped). */
	nextDue(): number {
		if (this.staleNext) {
			this.staleNext = false;
			this.recomputeNext();
		}
		return this.cachedNext;
	}

	/** Set when the cached next due may point at a record that is no longer valid. */
	private staleNext = false;

	/**
	 * Earliest *valid* timer record. Records left behind when an entry moved to
	 * another timeout (SYN_RECV, then ESTABLISHED, then FIN_WAIT) are dropped
	 * from the queue heads here, so they never count as something due.
	 */
	private recomputeNext(): void {
		let m = this.lateDue.length ? this.lateDue[0]! : Infinity;
		const fifos = this.fifos;
		const tq = this.tq;
		const tdue = this.tdue;
		for (let i = 0; i < fifos.length; i++) {
			const f = fifos[i]!;
			while (f.size > 0) {
				const s = f.slots[f.head]!;
				const due = f.dues[f.head]!;
				if (tq[s] === i + 1 && tdue[s] === due) {
					if (due < m) m = due;
					break;
				}
				f.shift();
			}
		}
		this.cachedNext = m;
	}

	/**
	 * Calls `expire(slot)` for every entry whose timer is due at or before `now`,
	 * in due order. `expire` must either remove the slot or arm it again.
	 */
	runTimers(now: Micros, expire: (slot: number, due: number) => void): void {
		while (this.cachedNext <= now) {
			// Pick the queue with the earliest head.
			let best = -1;
			let bestDue = Infinity;
			for (let i = 0; i < this.fifos.length; i++) {
				const d = this.fifos[i]!.peekDue();
				if (d < bestDue) {
					bestDue = d;
					best = i;
				}
			}
			const late = this.lateDue.length ? this.lateDue[0]! : Infinity;
			if (late < bestDue) {
				const s = this.popLate();
				if (this.tq[s] === Q_LATE && this.tdue[s] === late) this.fire(s, late, expire);
			} else if (best >= 0) {
				const s = this.fifos[best]!.shift();
				if (this.tq[s] === best + 1 && this.tdue[s] === bestDue) this.fire(s, bestDue, expire);
			}
			this.recomputeNext();
		}
	}

	private fire(s: number, due: number, expire: (slot: number, due: number) => void): void {
		const real = this.expires[s]!;
		if (real > due) {
			// Re-armed in place since: wait for the real expiry.
			this.tq[s] = Q_LATE;
			this.tdue[s] = real;
			this.pushLate(real, s);
			return;
		}
		this.tq[s] = Q_NONE;
		expire(s, due);
	}

	private pushLate(due: number, s: number): void {
		const d = this.lateDue;
		const sl = this.lateSlot;
		let i = d.length;
		d.push(due);
		sl.push(s);
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (d[p]! <= due) break;
			d[i] = d[p]!;
			sl[i] = sl[p]!;
			i = p;
		}
		d[i] = due;
		sl[i] = s;
	}

	private popLate(): number {
		const d = this.lateDue;
		const sl = this.lateSlot;
		const top = sl[0]!;
		const lastD = d.pop()!;
		const lastS = sl.pop()!;
		const n = d.length;
		if (n > 0) {
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				if (l >= n) break;
				const r = l + 1;
				const c = r < n && d[r]! < d[l]! ? r : l;
				if (d[c]! >= lastD) break;
				d[i] = d[c]!;
				sl[i] = sl[c]!;
				i = c;
			}
			d[i] = lastD;
			sl[i] = lastS;
		}
		return top;
	}

	/** Every live slot in the kernel's listing order. */
	*slots(): Generator<number> {
		for (let b = 0; b < TAB_SIZE; b++) {
			for (let s = this.heads[b]!; s >= 0; s = this.next[s]!) yield s;
		}
	}

	/** Drops every entry and timer (power off, module reload). */
	clear(): void {
		const cap = this.capacity;
		this.heads.fill(-1);
		this.byClient.clear();
		this.lastAddr = -1;
		this.lastPorts = undefined;
		this.tq.fill(Q_NONE);
		this.flags.fill(0);
		this.fifos.length = 0;
		this.fifoByTimeout.clear();
		this.lateDue = [];
		this.lateSlot = [];
		this.cachedNext = Infinity;
		this.staleNext = false;
		this.count = 0;
		for (let i = 0; i < cap; i++) this.gen[i] = (this.gen[i]! + 1) >>> 0;
		this.freeCount = 0;
		for (let i = cap - 1; i >= 0; i--) this.freeList[this.freeCount++] = i;
	}
}
