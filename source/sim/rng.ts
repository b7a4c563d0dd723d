/**
 * Seeded pseudo-random numbers (sfc32). The engine never uses Math.random:
 * the same seed always yields the same sequence, so runs are reproducible.
 */
export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(readonly seed: number) {
		const s = seed >>> 0;
		this.a = 0x9e3779b9;
		this.b = 0x243f6a88;
		this.c = 0xb7e15162;
		this.d = s ^ 0xdeadbeef;
		for (let i = 0; i < 15; i++) this.nextUint32();
	}

	/** A uniformly distributed unsigned 32-bit integer. */
	nextUint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		return this.nextUint32() / 4294967296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** An integer in [min, max]. */
	range(min: number, max: number): number {
		return min + this.int(max - min + 1);
	}

	/** Picks one element; undefined for an empty list. */
	pick<T>(items: readonly T[]): T | undefined {
		return items.length === 0 ? undefined : items[this.int(items.length)];
	}

	/**
	 * An independent stream for one subsystem, derived from this seed and a label.
	 * Adding random draws in one subsystem then never shifts another one's sequence.
	 */
	fork(label: string): Rng {
		let h = 2166136261 ^ this.seed;
		for (let i = 0; i < label.length; i++) {
			h ^= label.charCodeAt(i);
			h = Math.imul(h, 16777619);
		}
		return new Rng(h >>> 0);
	}
}
