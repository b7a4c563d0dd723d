/**
 * Events that all fire a fixed delay after they were scheduled (a TCP
 * retransmission timer, a give-up timer): a FIFO is already in time order, so
 * pushing and popping cost nothing like a heap. Times that would go backwards
 * (scheduled from slightly different clocks) are clamped to the tail.
 */
export class DelayQueue<T> {
	private time = new Float64Array(256);
	private kind = new Uint8Array(256);
	private stamp = new Uint32Array(256);
	private item: (T | undefined)[] = new Array(256);
	private head = 0;
	private n = 0;
	popKind = 0;
	popStamp = 0;
	popTime = 0;
	popItem: T | undefined;

	get size(): number {
		return this.n;
	}

	peekTime(): number {
		return this.n === 0 ? Infinity : this.time[this.head]!;
	}

	push(t: number, kind: number, stamp: number, item: T): void {
		if (this.n === this.time.length) this.grow();
		const mask = this.time.length - 1;
		if (this.n > 0) {
			const tail = this.time[(this.head + this.n - 1) & mask]!;
			if (t < tail) t = tail;
		}
		const i = (this.head + this.n) & mask;
		this.time[i] = t;
		this.kind[i] = kind;
		this.stamp[i] = stamp;
		this.item[i] = item;
		this.n++;
	}

	pop(): void {
		const i = this.head;
		this.popTime = this.time[i]!;
		this.popKind = this.kind[i]!;
		this.popStamp = this.stamp[i]!;
		this.popItem = this.item[i];
		this.item[i] = undefined;
		this.head = (i + 1) & (this.time.length - 1);
		this.n--;
	}

	private grow(): void {
		const old = this.time.length;
		const size = old * 2;
		const time = new Float64Array(size);
		const kind = new Uint8Array(size);
		const stamp = new Uint32Array(size);
		const item: (T | undefined)[] = new Array(size);
		for (let k = 0; k < this.n; k++) {
			const i = (this.head + k) & (old - 1);
			time[k] = this.time[i]!;
			kind[k] = this.kind[i]!;
			stamp[k] = this.stamp[i]!;
			item[k] = this.item[i];
		}
		this.time = time;
		this.kind = kind;
		this.stamp = stamp;
		this.item = item;
		this.head = 0;
	}
}
