import type {Rates, Stats} from './types';

/**
 * The kernel's rate estimator (ip_vs_est.c): every 2 seconds each counter's
 * increase is folded into an exponentially weighted average with weight 1/4,
 * in fixed point, then scaled back to per-second values. Rates therefore lag
 * and decay over a few ticks, as `ipvsadm -L --rate` shows.
 */
export const ESTIMATOR_INTERVAL_SEC = 2;

export class Estimator {
	private lastConns = 0;
	private lastInpkts = 0;
	private lastOutpkts = 0;
	private lastInbytes = 0;
	private lastOutbytes = 0;
	private cps = 0;
	private inpps = 0;
	private outpps = 0;
	private inbps = 0;
	private outbps = 0;

	constructor(stats?: Stats) {
		if (stats) this.reset(stats);
	}

	/** Starts from the current counters (a new object, or after `-Z`). */
	reset(stats: Stats): void {
		this.lastConns = stats.conns;
		this.lastInpkts = stats.inpkts;
		this.lastOutpkts = stats.outpkts;
		this.lastInbytes = stats.inbytes;
		this.lastOutbytes = stats.outbytes;
		this.cps = this.inpps = this.outpps = this.inbps = this.outbps = 0;
	}

	/** One 2-second tick: updates the averages and writes the per-second rates. */
	tick(stats: Stats, rates: Rates): void {
		// Counters that went backwards were zeroed (-Z): restart from them.
		if (stats.conns < this.lastConns || stats.inpkts < this.lastInpkts || stats.inbytes < this.lastInbytes) this.reset(stats);
		let rate = (stats.conns - this.lastConns) * 512;
		this.lastConns = stats.conns;
		this.cps += Math.floor((rate - this.cps) / 4);
		rate = (stats.inpkts - this.lastInpkts) * 512;
		this.lastInpkts = stats.inpkts;
		this.inpps += Math.floor((rate - this.inpps) / 4);
		rate = (stats.outpkts - this.lastOutpkts) * 512;
		this.lastOutpkts = stats.outpkts;
		this.outpps += Math.floor((rate - this.outpps) / 4);
		rate = (stats.inbytes - this.lastInbytes) * 16;
		this.lastInbytes = stats.inbytes;
		this.inbps += Math.floor((rate - this.inbps) / 4);
		rate = (stats.outbytes - this.lastOutbytes) * 16;
		this.lastOutbytes = stats.outbytes;
		this.outbps += Math.floor((rate - this.outbps) / 4);
		rates.cps = Math.floor((this.cps + 0x1ff) / 1024);
		rates.inpps = Math.floor((this.inpps + 0x1ff) / 1024);
		rates.outpps = Math.floor((this.outpps + 0x1ff) / 1024);
		rates.inbps = Math.floor((this.inbps + 0xf) / 32);
		rates.outbps = Math.floor((this.outbps + 0xf) / 32);
	}
}
