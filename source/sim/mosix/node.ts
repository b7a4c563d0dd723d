import {cpuOf} from '../cpu/scheduler';
import {hardwareSpeed, YARDSTICK} from '../cpu/speed';
import type {Host} from '../host';
import type {Micros} from '../time';
import type {World} from '../world';
import type {NodeTable} from './map-file';
import {PINNED_KB_PER_PAGE} from './migshm';
import type {HostSettings} from './settings';

const MB = 1024 * 1024;

/** What nodes tell each other: one entry of the load vector (and of /proc/hpc/nodes/N). */
export interface NodeInfo {
	readonly id: number;
	/** openMosix load in standard processors, smoothed the way the kernel does (shown by mosmon). */
	readonly load: number;
	/** The same load, unsmoothed, as last measured (what the balancer compares). */
	readonly rawLoad: number;
	readonly speed: number;
	readonly cpus: number;
	/** Bytes: total, free as openMosix sees it, free as Linux sees it. */
	readonly tmem: number;
	readonly mem: number;
	readonly rmem: number;
	/** Utilizability, %. */
	readonly util: number;
	/** Refuses guests (mosctl block). */
	readonly block: boolean;
	/** When the node measured it. */
	readonly at: Micros;
}

/** openMosix's state on one host whose kernel has it. */
export class MosixNode {
	/** The node table setpe loaded; undefined when openMosix is not configured (not running). */
	table: NodeTable | undefined;
	myId = 0;
	/** Configured by omdiscd rather than a map file. */
	autodiscovery = false;
	speed: number;
	yardstick = YARDSTICK;
	stay = false;
	lstay = false;
	block = false;
	quiet = false;
	nomfs = false;
	decayInterval = 1;
	slowDecay = 975;
	fastDecay = 926;
	gateways = 0;
	/** Lock of the login shell (/proc/self/lock); processes started from it inherit it. */
	shellLock: 0 | 1;
	meanLoad = 0;
	rawLoad = 0;
	/** What this node knows about the others, by node number. */
	readonly view = new Map<number, NodeInfo>();
	/** The kernel collapsed (MigShm): nothing runs, nobody hears from it. */
	hung = false;
	/** DSM write-backs queued at this node (it owns the shared pages). */
	dsmBacklogPages = 0;
	/** Load of processes on their way here, promised when this node accepted them. */
	incoming = 0;

	constructor(
		readonly world: World,
		readonly host: Host,
		settings: HostSettings,
	) {
		this.speed = settings.speed ?? hardwareSpeed(host.hardware);
		this.shellLock = settings.lock;
	}

	get configured(): boolean {
		return this.table !== undefined;
	}

	/** Taking part in the cluster right now. */
	get running(): boolean {
		return this.table !== undefined && this.host.powered && !this.hung;
	}

	get cpus(): number {
		return this.host.hardware.cpus;
	}

	/** Normalized load of `demand` CPUs' worth of runnable work on this node. */
	normalize(demand: number): number {
		return (demand * this.yardstick) / (this.speed * this.cpus);
	}

	/** Measures the load as the kernel does once per interval: rises smoothly, falls at once. */
	measure(): void {
		const raw = this.normalize(cpuOf(this.world, this.host).demand());
		this.rawLoad = raw;
		this.meanLoad = raw > this.meanLoad ? (5 * this.meanLoad + 3 * raw) / 8 : raw;
	}

	/** The load right now, counting processes on their way here (what the node answers a migration request with). */
	currentLoad(): number {
		return this.normalize(cpuOf(this.world, this.host).demand()) + this.incoming;
	}

	/** Memory as openMosix reports it, in bytes. */
	memory(): {tmem: number; mem: number; rmem: number; util: number} {
		const totalMb = this.host.hardware.memoryMb;
		let usedMb = 24 + totalMb * 0.12;
		for (const t of cpuOf(this.world, this.host).tasks()) usedMb += ((t.shm ? 0.3 : 1) * t.rssKb) / 1024;
		usedMb += (this.dsmBacklogPages * PINNED_KB_PER_PAGE) / 1024;
		const freeMb = totalMb - usedMb;
		const util = usedMb > totalMb ? Math.round((100 * totalMb) / usedMb) : 100;
		const mem = Math.max(0, freeMb) * MB;
		const cache = Math.min(30 * MB, mem / 2);
		return {tmem: totalMb * MB, mem: Math.round(mem), rmem: Math.round(mem - cache), util};
	}

	/** This node's own entry, fresh. */
	info(): NodeInfo {
		const m = this.memory();
		return {id: this.myId, load: this.meanLoad, rawLoad: this.rawLoad, speed: this.speed, cpus: this.cpus, ...m, block: this.block, at: this.world.now};
	}

	/** Configured node numbers, in order. */
	ids(): number[] {
		return this.table ? [...this.table.nodes.keys()] : [];
	}
}
