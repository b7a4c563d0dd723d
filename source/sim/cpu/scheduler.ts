import type {TimerHandle} from '../event-queue';
import type {Daemon, Host} from '../host';
import {SEC, type Micros} from '../time';
import type {World} from '../world';
import {hardwareSpeed, YARDSTICK} from './speed';
import type {Task} from './task';

/**
 * One host's CPUs in virtual time: processor sharing. Every process that wants
 * the CPU gets an equal share of the node's CPUs (at most one CPU per thread);
 * a process that also waits for system calls asks for less. Between changes
 * every rate is constant, so the scheduler only wakes up when a burst ends:
 * no ticks, exact and deterministic.
 */
export class CpuScheduler implements Daemon {
	readonly name = 'cpu';
	/** Processes whose home is this host, by pid, wherever they execute. */
	readonly homed = new Map<number, Task>();
	/** Processes executing on these CPUs (local ones and openMosix guests), in arrival order. */
	private readonly here: Task[] = [];
	/** CPUs the kernel spends for others (openMosix deputies, DSM page service), by name. */
	private readonly kernel = new Map<string, number>();
	/** Set when the machine hangs (a collapsed kernel): nothing progresses. */
	private hung = false;
	private lastSettle: Micros;
	private timer: TimerHandle | undefined;
	/** Linux's load averages (1, 5, 15 minutes), kept exactly between changes. */
	private readonly load: [number, number, number] = [0, 0, 0];

	constructor(
		readonly world: World,
		readonly host: Host,
	) {
		this.lastSettle = world.now;
	}

	/** Speed of one CPU on the yardstick scale (real hardware, not openMosix's setting). */
	get speed(): number {
		return hardwareSpeed(this.host.hardware);
	}

	/** Work (yardstick µs) one CPU does per µs. */
	get perCpuRate(): number {
		return this.speed / YARDSTICK;
	}

	get cpus(): number {
		return this.host.hardware.cpus;
	}

	get halted(): boolean {
		return this.hung || !this.host.powered;
	}

	/** Processes executing here, in arrival order. */
	tasks(): readonly Task[] {
		return this.here;
	}

	/** Sum of what every runnable process and kernel service here asks for, in CPUs. */
	demand(): number {
		let total = 0;
		for (const t of this.here) total += this.taskDemand(t);
		for (const d of this.kernel.values()) total += d;
		return total;
	}

	/** Runnable processes here (threads count one each), as a load average counts them. */
	runnable(): number {
		let n = 0;
		for (const t of this.here) if (t.state === 'run' && t.burst > 0) n += t.threads;
		return n;
	}

	kernelDemand(name: string): number {
		return this.kernel.get(name) ?? 0;
	}

	setKernelDemand(name: string, cpus: number): void {
		const value = Math.max(0, cpus);
		if ((this.kernel.get(name) ?? 0) === value) return;
		this.settle();
		if (value === 0) this.kernel.delete(name);
		else this.kernel.set(name, value);
		this.reschedule();
	}

	setHung(hung: boolean): void {
		this.settle();
		this.hung = hung;
		this.reschedule();
	}

	attach(task: Task): void {
		this.settle();
		task.node = this.host;
		task.arrived = this.world.now;
		if (task.state === 'transit') task.setState(task.burst > 0 ? 'run' : 'sleep');
		this.here.push(task);
		this.reschedule();
	}

	detach(task: Task): void {
		if (!this.here.includes(task)) return;
		this.settle();
		// A burst that ended at this very instant completes here, before the process leaves.
		if (task.state === 'run' && task.burst <= 0) this.complete(task);
		const i = this.here.indexOf(task);
		if (i < 0) return;
		this.here.splice(i, 1);
		task.rate = 0;
		task.cpuShare = 0;
		this.reschedule();
	}

	/** Brings every process's progress, CPU time and the load averages up to the current instant. */
	settle(): void {
		const now = this.world.now;
		const dt = now - this.lastSettle;
		if (dt <= 0) return;
		// The number of runnable processes was constant since the last change.
		const running = this.halted ? 0 : this.runnable();
		LOADAVG_PERIODS.forEach((period, i) => {
			const decay = Math.exp(-dt / period);
			this.load[i] = this.load[i]! * decay + running * (1 - decay);
		});
		for (const t of this.here) t.advance(dt);
		this.lastSettle = now;
	}

	/** Load averages over 1, 5 and 15 minutes (what uptime, top and /proc/loadavg show). */
	loadavg(): [number, number, number] {
		this.settle();
		return [this.load[0], this.load[1], this.load[2]];
	}

	private taskDemand(t: Task): number {
		if (t.state !== 'run' || t.burst <= 0) return 0;
		return t.threads * t.computeFraction(this.perCpuRate);
	}

	/** Fraction of its demand every process and kernel service gets (1 when the CPUs suffice). */
	scale(): number {
		const total = this.demand();
		return this.halted ? 0 : total > this.cpus ? this.cpus / total : 1;
	}

	/** Recomputes every share and sets the timer for the next burst to end. */
	reschedule(): void {
		this.settle();
		this.timer?.cancel();
		this.timer = undefined;
		const s = this.perCpuRate;
		const scale = this.scale();
		let next = Infinity;
		for (const t of this.here) {
			const share = this.taskDemand(t) * scale;
			t.cpuShare = share;
			t.rate = share * s;
			if (t.rate > 0) next = Math.min(next, Math.max(1, Math.ceil(t.burst / t.rate)));
		}
		if (next !== Infinity) this.timer = this.world.after(next, () => this.finishBursts());
	}

	private finishBursts(): void {
		this.timer = undefined;
		this.settle();
		const done = this.here.filter((t) => t.state === 'run' && t.burst <= 0);
		for (const t of done) if (t.alive && t.burst <= 0 && t.state === 'run') this.complete(t);
		this.reschedule();
	}

	/** A burst is done: the process sleeps and its program decides what comes next (by default it exits). */
	private complete(t: Task): void {
		t.setState('sleep');
		const next = t.onBurstDone;
		if (next) next(t);
		else t.exit({kind: 'exit', code: 0});
	}

	/** Power loss: every process executing here and every one whose home this is dies. */
	onPowerOff(): void {
		for (const t of [...this.here, ...this.homed.values()]) t.exit({kind: 'signal', signal: 9});
		this.hung = false;
		this.kernel.clear();
		this.reschedule();
	}

	onBoot(): void {
		this.hung = false;
		this.load.fill(0);
		this.lastSettle = this.world.now;
		this.reschedule();
	}
}

/** Time constants of Linux's load averages, µs. */
const LOADAVG_PERIODS = [60 * SEC, 300 * SEC, 900 * SEC];

/** The CPU scheduler of a host (created on first use). */
export function cpuOf(world: World, host: Host): CpuScheduler {
	let cpu = host.daemon<CpuScheduler>('cpu');
	if (!cpu) {
		cpu = new CpuScheduler(world, host);
		host.daemons.set('cpu', cpu);
	}
	return cpu;
}
