/**
 * A binary min-heap of (time, sequence) keyed events carrying a small integer
 * kind, a stamp and an object, in typed arrays: the traffic engine pushes and
 * pops millions of these, so nothing is allocated per event.
 */
export class EventHeap<T> {
	private time = new Float64Array(256);
	private seq = new Float64Array(256);
	private kind = new Uint8Array(256);
	private stamp = new Uint32Array(256);
	private item: (T | undefined)[] = new Array(256);
	private n = 0;
	private counter = 0;
	/** Fields of the last popped event. */
	popKind = 0;
	popStamp = 0;
	popTime = 0;
	popItem: T | undefined;

	get size(): number {
		return this.n;
	}

	peekTime(): number {
		return this.n === 0 ? Infinity : this.time[0]!;
	}

	push(t: number, kind: number, stamp: number, item: T): void {
		if (this.n === this.time.length) this.grow();
		const s = this.counter++;
		let i = this.n++;
		const time = this.time;
		const seq = this.seq;
		while (i > 0) {
			const p = (i - 1) >> 1;
			const pt = time[p]!;
			if (pt < t || (pt === t && seq[p]! < s)) break;
			this.move(p, i);
			i = p;
		}
		time[i] = t;
		seq[i] = s;
		this.kind[i] = kind;
		this.stamp[i] = stamp;
		this.item[i] = item;
	}

	/** Removes the earliest event; its fields are in popKind/popStamp/popTime/popItem. */
	pop(): void {
		const time = this.time;
		const seq = this.seq;
		this.popTime = time[0]!;
		this.popKind = this.kind[0]!;
		this.popStamp = this.stamp[0]!;
		this.popItem = this.item[0];
		const last = --this.n;
		if (last === 0) {
			this.item[0] = undefined;
			return;
		}
		const lt = time[last]!;
		const ls = seq[last]!;
		const lk = this.kind[last]!;
		const lst = this.stamp[last]!;
		const li = this.item[last];
		this.item[last] = undefined;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			if (l >= last) break;
			const r = l + 1;
			let c = l;
			if (r < last) {
				const rt = time[r]!;
				const ct = time[l]!;
				if (rt < ct || (rt === ct && seq[r]! < seq[l]!)) c = r;
			}
			const ct = time[c]!;
			if (ct > lt || (ct === lt && seq[c]! > ls)) break;
			this.move(c, i);
			i = c;
		}
		time[i] = lt;
		seq[i] = ls;
		this.kind[i] = lk;
		this.stamp[i] = lst;
		this.item[i] = li;
	}

	private move(from: number, to: number): void {
		this.time[to] = this.time[from]!;
		this.seq[to] = this.seq[from]!;
		this.kind[to] = this.kind[from]!;
		this.stamp[to] = this.stamp[from]!;
		this.item[to] = this.item[from];
	}

	private grow(): void {
		const n = this.time.length * 2;
		const t = new Float64Array(n);
		t.set(this.time);
		this.time = t;
		const s = new Float64Array(n);
		s.set(this.seq);
		this.seq = s;
		const k = new Uint8Array(n);
		k.set(this.kind);
		this.kind = k;
		const st = new Uint32Array(n);
		st.set(this.stamp);
		this.stamp = st;
		this.item.length = n;
	}

	clear(): void {
		this.n = 0;
		this.item = new Array(this.time.length);
	}
}
