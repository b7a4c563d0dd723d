import type {Micros} from './time';

/** A scheduled callback; `cancel()` makes it a no-op. */
export interface TimerHandle {
	readonly at: Micros;
	cancel(): void;
	readonly cancelled: boolean;
}

interface Entry extends TimerHandle {
	seq: number;
	fn: () => void;
	cancelled: boolean;
}

/**
 * Binary min-heap of timed callbacks ordered by (time, insertion order), so two
 * events due at the same instant always run in the order they were scheduled.
 */
export class EventQueue {
	private heap: Entry[] = [];
	private seq = 0;
	private live = 0;

	get size(): number {
		return this.live;
	}

	push(at: Micros, fn: () => void): TimerHandle {
		const queue = this;
		const entry: Entry = {
			at,
			seq: this.seq++,
			fn,
			cancelled: false,
			cancel() {
				if (!this.cancelled) {
					this.cancelled = true;
					queue.live--;
				}
			},
		};
		this.live++;
		const heap = this.heap;
		heap.push(entry);
		let i = heap.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(entry, heap[parent]!)) break;
			heap[i] = heap[parent]!;
			i = parent;
		}
		heap[i] = entry;
		return entry;
	}

	/** Time of the next live event, or undefined when nothing is pending. */
	peekTime(): Micros | undefined {
		this.dropCancelled();
		return this.heap[0]?.at;
	}

	/** Removes and returns the next live event's callback and time. */
	pop(): {at: Micros; fn: () => void} | undefined {
		this.dropCancelled();
		const top = this.heap[0];
		if (!top) return undefined;
		this.removeTop();
		top.cancelled = true;
		this.live--;
		return top;
	}

	private dropCancelled(): void {
		while (this.heap.length > 0 && this.heap[0]!.cancelled) this.removeTop();
	}

	private removeTop(): void {
		const heap = this.heap;
		const last = heap.pop()!;
		if (heap.length === 0) return;
		let i = 0;
		const n = heap.length;
		for (;;) {
			const l = 2 * i + 1;
			if (l >= n) break;
			const r = l + 1;
			const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
			if (!before(heap[child]!, last)) break;
			heap[i] = heap[child]!;
			i = child;
		}
		heap[i] = last;
	}
}

function before(x: Entry, y: Entry): boolean {
	return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}
