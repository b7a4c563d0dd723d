import {SEC} from '../sim/time';
import type {World} from '../sim/world';
import {activeDirector, serverConnCounts, servedCounts} from './cluster-view';
import {nodeLoads, type NodeProbe, NODE_PROBES} from './probes';

/** How many seconds of virtual time the chart looks back. */
export const HISTORY_SECONDS = 60;

/** One line of the chart: a value per virtual second, oldest first. */
export interface Series {
	readonly name: string;
	readonly values: readonly number[];
}

/**
 * A value per virtual second for the chart: requests per second of each real
 * server and the load of each openMosix node. A server's requests are the ones
 * its web server answered when it keeps count, else the connections the
 * director sent it (the growth of its IPVS counter); both are kept, because
 * after a cable is pulled the director goes on sending what nobody answers. The screen calls update() before each snapshot; when several
 * seconds went by at once (a fast clock, `sleep 30`, `ab`) each of them gets the
 * average over the jump. It only reads the world and puts nothing in its event
 * queue, so the simulation runs exactly as it does in `cluster-lab run`.
 */
export class RateHistory {
	/** Connections the director sent to each real server, per second. */
	private readonly rates = new Map<string, number[]>();
	/** Requests each real server's web server answered, per second. */
	private readonly served = new Map<string, number[]>();
	private readonly loads = new Map<string, number[]>();
	private previous = new Map<string, number>();
	private previousServed = new Map<string, number>();
	private director: string | undefined;
	private second: number;
	private cache: {samples: number; rates: readonly Series[]; loads: readonly Series[]} | undefined;
	/** Seconds sampled so far. */
	samples = 0;

	constructor(
		private readonly world: World,
		private readonly probes: readonly NodeProbe[] = NODE_PROBES,
	) {
		this.second = Math.floor(world.now / SEC);
		const director = activeDirector(world);
		this.director = director?.name;
		this.previous = serverConnCounts(world, director);
		this.previousServed = servedCounts(world);
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
			// Answered requests where the server counts them, connections sent elsewhere.
			const rates = seriesOf(new Map([...this.rates, ...this.served]));
			const loads = seriesOf(this.loads);
			this.cache = {
				samples: this.samples,
				rates: this.cache && sameSeries(this.cache.rates, rates) ? this.cache.rates : rates,
				loads: this.cache && sameSeries(this.cache.loads, loads) ? this.cache.loads : loads,
			};
		}
		return this.cache;
	}

	/** Requests per second of each real server in the last second (answered, where counted). */
	latestRates(): Map<string, number> {
		return latest(new Map([...this.rates, ...this.served]));
	}

	/** Connections per second the director sent to each real server in the last second. */
	latestSent(): Map<string, number> {
		return latest(this.rates);
	}

	/** Catches up with the world's clock; returns whether any second was added. */
	update(): boolean {
		const second = Math.floor(this.world.now / SEC);
		const elapsed = second - this.second;
		if (elapsed <= 0) return false;
		this.second = second;
		const count = Math.min(elapsed, HISTORY_SECONDS);
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
			const perSecond = Math.max(0, now - before) / elapsed;
			push(this.rates, key, perSecond, count, this.samples);
		}
		this.previous = counts;
		const served = servedCounts(this.world);
		for (const key of new Set([...served.keys(), ...this.served.keys()])) {
			const now = served.get(key) ?? 0;
			const before = this.previousServed.get(key) ?? now;
			// A rebooted server counts from zero again.
			push(this.served, key, Math.max(0, now - before) / elapsed, count, this.samples);
		}
		this.previousServed = served;
		for (const node of nodeLoads(this.world, this.probes)) push(this.loads, node.host, node.alive ? node.load : 0, count, this.samples);
		this.samples += count;
		return true;
	}
}

/** Appends `value` `count` times to a series; a series that appears late starts with zeros. */
function push(map: Map<string, number[]>, key: string, value: number, count: number, before: number): void {
	let values = map.get(key);
	if (!values) {
		values = new Array<number>(Math.min(before, HISTORY_SECONDS)).fill(0);
		map.set(key, values);
	}
	for (let i = 0; i < count; i++) values.push(value);
	if (values.length > HISTORY_SECONDS) values.splice(0, values.length - HISTORY_SECONDS);
}

function latest(map: ReadonlyMap<string, readonly number[]>): Map<string, number> {
	const out = new Map<string, number>();
	for (const [name, values] of map) out.set(name, values[values.length - 1] ?? 0);
	return out;
}

function sameSeries(a: readonly Series[], b: readonly Series[]): boolean {
	return a.length === b.length && a.every((s, i) => s.name === b[i]!.name && s.values.length === b[i]!.values.length && s.values.every((v, j) => v === b[i]!.values[j]));
}

function seriesOf(map: Map<string, number[]>): Series[] {
	return [...map].sort(([a], [b]) => a.localeCompare(b, 'en', {numeric: true})).map(([name, values]) => ({name, values: values.slice()}));
}
