import type {Daemon, Host} from '../host';
import type {Micros} from '../time';

/** One line of the kernel ring buffer; `at` is virtual time. */
export interface KernelMessage {
	readonly at: Micros;
	readonly text: string;
}

const KEY = 'kernel-log';
const CAP = 2000;

/** The kernel ring buffer `dmesg` prints. It empties when the host powers off. */
export class KernelLog implements Daemon {
	readonly name = KEY;
	private lines: KernelMessage[] = [];

	add(at: Micros, text: string): void {
		// The ring buffer is in time order: a message never predates the one before it.
		const last = this.lines[this.lines.length - 1];
		const t = last && last.at > at ? last.at : at;
		for (const line of text.split('\n')) this.lines.push({at: t, text: line});
		if (this.lines.length > CAP) this.lines.splice(0, this.lines.length - CAP);
	}

	list(): readonly KernelMessage[] {
		return this.lines;
	}

	clear(): void {
		this.lines = [];
	}

	onPowerOff(): void {
		this.clear();
	}
}

/** The host's kernel log, created on first use. */
export function kernelLog(host: Host): KernelLog {
	let log = host.daemon<KernelLog>(KEY);
	if (!log) {
		log = new KernelLog();
		host.daemons.set(KEY, log);
	}
	return log;
}

/**
 * Appends a kernel message (`printk`) on `host` at virtual time `at`. Subsystems call
 * this for what a real kernel would log: IPVS registering, links going up or down…
 */
export function printk(host: Host, at: Micros, text: string): void {
	kernelLog(host).add(at, text);
}
