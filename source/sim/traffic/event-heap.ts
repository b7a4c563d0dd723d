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
		const kinds = this.kind;
		const stamps = this.stamp;
		const items = this.item;
		while (i > 0) {
			const p = (i - 1) >> 1;
			const pt = time[p]!;
			if (pt < t || (pt === t && seq[p]! < s)) break;
			time[i] = pt;
			seq[i] = seq[p]!;
			kinds[i] = kinds[p]!;
			stamps[i] = stamps[p]!;
			items[i] = items[p];
			i = p;
		}
		time[i] = t;
		seq[i] = s;
		kinds[i] = kind;
		stamps[i] = stamp;
		items[i] = item;
	}

	/** Removes the earliest event; its fields are in popKind/popStamp/popTime/popItem. */
	pop(): void {
		const time = this.time;
		const seq = this.seq;
		const kinds = this.kind;
		const stamps = this.stamp;
		const items = this.item;
		this.popTime = time[0]!;
		this.popKind = kinds[0]!;
		this.popStamp = stamps[0]!;
		this.popItem = items[0];
		const last = --this.n;
		if (last === 0) {
			items[0] = undefined;
			return;
		}
		const lt = time[last]!;
		const ls = seq[last]!;
		const lk = kinds[last]!;
		const lst = stamps[last]!;
		const li = items[last];
		items[last] = undefined;
		let i = 0;
		for (;;) {
			let c = 2 * i + 1;
			if (c >= last) break;
			const r = c + 1;
			let ct = time[c]!;
			if (r < last) {
				const rt = time[r]!;
				if (rt < ct || (rt === ct && seq[r]! < seq[c]!)) {
					c = r;
					ct = rt;
				}
			}
			if (ct > lt || (ct === lt && seq[c]! > ls)) break;
			time[i] = ct;
			seq[i] = seq[c]!;
			kinds[i] = kinds[c]!;
			stamps[i] = stamps[c]!;
			items[i] = items[c];
			i = c;
		}
		time[i] = lt;
		seq[i] = ls;
		kinds[i] = lk;
		stamps[i] = lst;
		items[i] = li;
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
