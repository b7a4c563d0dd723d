import {SEC} from '../sim/time';
import type {TimerHandle} from '../sim/event-queue';
import type {World} from '../sim/world';
import {activeDirector, serverConnCounts} from './cluster-view';
import {nodeLoads, type NodeProbe, NODE_PROBES} from './probes';

/** How many seconds of virtual time the chart looks back. */
export const HISTORY_SECONDS = 60;

/** One line of the chart: a value per virtual second, oldest first. */
export interface Series {
	readonly name: string;
	readonly values: readonly number[];
}

/**
 * Samples the world once per virtual second, from inside the world's own event
 * queue, so seconds that pass inside a command (`sleep 30`, `ab`) are sampled too:
 * requests per second of each real server (the growth of its IPVS connection
 * counter) and the load of each openMosix node. Reads only; changes nothing a
 * command or `run` could see.
 */
export class RateHistory {
	private readonly rates = new Map<string, number[]>();
	private readonly loads = new Map<string, number[]>();
	private previous = new Map<string, number>();
	private director: string | undefined;
	private readonly timer: TimerHandle;
	private cache: {samples: number; rates: readonly Series[]; loads: readonly Series[]} | undefined;
	/** Virtual second of the newest sample (0 before the first). */
	samples = 0;

	constructor(
		private readonly world: World,
		private readonly probes: readonly NodeProbe[] = NODE_PROBES,
	) {
		this.timer = world.every(SEC, () => this.sample());
	}

	dispose(): void {
		this.timer.cancel();
	}

	/**
	 * Requests per second of each real server over the last minute. The same
	 * array comes back until the next sample, so the screen redraws the chart
	 * only when it changed.
	 */
	rateSeries(): readonly Series[] {
		return this.frozen().rates;
	}

	/** Load of each openMosix node over the last minute (same caching as rateSeries). */
	loadSeries(): readonly Series[] {
		return this.frozen().loads;
	}

	private frozen(): {rates: readonly Series[]; loads: readonly Series[]} {
		if (this.cache?.samples !== this.samples) {
			// A sample that changed nothing (an idle minute of zeros) keeps the same arrays.
			const rates = seriesOf(this.rates);
			const loads = seriesOf(this.loads);
			this.cache = {
				samples: this.samples,
				rates: this.cache && sameSeries(this.cache.rates, rates) ? this.cache.rates : rates,
				loads: this.cache && sameSeries(this.cache.loads, loads) ? this.cache.loads : loads,
			};
		}
		return this.cache;
	}

	/** Requests in the last whole virtual second to each real server. */
	latestRates(): Map<string, number> {
		const latest = new Map<string, number>();
		for (const [name, values] of this.rates) latest.set(name, values[values.length - 1] ?? 0);
		return latest;
	}

	private sample(): void {
		this.samples++;
		const director = activeDirector(this.world);
		const counts = serverConnCounts(this.world, director);
		// Another director took over (failover) or the table was rebuilt: its counters
		// start from its own zero, which is not a burst of traffic.
		if (director?.name !== this.director) {
			this.previous = new Map(counts);
			this.director = director?.name;
		}
		const keys = new Set([...counts.keys(), ...this.rates.keys()]);
		for (const key of keys) {
			const now = counts.get(key) ?? 0;
			const before = this.previous.get(key) ?? now;
			// Counters go back to 0 after `ipvsadm -Z` or when a server is re-added.
			push(this.rates, key, Math.max(0, now - before), this.samples);
		}
		this.previous = counts;
		for (const node of nodeLoads(this.world, this.probes)) push(this.loads, node.host, node.alive ? node.load : 0, this.samples);
	}
}

function push(map: Map<string, number[]>, key: string, value: number, samples: number): void {
	let values = map.get(key);
	if (!values) {
		// A series that appears late starts with zeros so every line spans the same seconds.
		values = new Array<number>(Math.min(samples - 1, HISTORY_SECONDS - 1)).fill(0);
		map.set(key, values);
	}
	values.push(value);
	if (values.length > HISTORY_SECONDS) values.splice(0, values.length - HISTORY_SECONDS);
}

function sameSeries(a: readonly Series[], b: readonly Series[]): boolean {
	return a.length === b.length && a.every((s, i) => s.name === b[i]!.name && s.values.length === b[i]!.values.length && s.values.every((v, j) => v === b[i]!.values[j]));
}

function seriesOf(map: Map<string, number[]>): Series[] {
	return [...map].sort(([a], [b]) => a.localeCompare(b, 'en', {numeric: true})).map(([name, values]) => ({name, values: values.slice()}));
}
