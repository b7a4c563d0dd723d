import type {Host} from '../host';
import {hasCarrier} from '../net/routing';
import {SEC} from '../time';
import type {World} from '../world';
import type {IpvsDataPlane} from './data-plane';
import {applySyncEntry, syncMessage, type SyncEntry} from './sync-entry';

/** How often the master's kernel thread sends what it has gathered. */
const FLUSH_INTERVAL = SEC;

/**
 * The IPVS connection synchronisation daemons (§4.6). A master director queues
 * entries when their 3rd packet arrives, every 50 packets after that, and on
 * moves into FIN_WAIT, CLOSE_WAIT or TIME_WAIT; once a second its thread sends
 * them (with their persistence templates) as UDP multicast to 224.0.0.81:8848
 * on its mcast interface. Backups on that segment whose syncid matches (or is 0)
 * create or refresh SYNC entries bound to their own real servers, so an
 * established connection finds its entry after a failover.
 */
export class SyncBus {
	private readonly queued = new Map<IpvsDataPlane, Map<number, number>>();
	/** Entries sent and received, per director (for tests and status). */
	readonly sent = new Map<string, number>();
	readonly received = new Map<string, number>();

	constructor(private readonly world: World) {
		world.every(FLUSH_INTERVAL, () => this.flush());
	}

	private planes(): IpvsDataPlane[] {
		const out: IpvsDataPlane[] = [];
		for (const host of this.world.hosts.values()) {
			const p = host.daemon<IpvsDataPlane>('ipvs-data');
			if (p) out.push(p);
		}
		return out;
	}

	/** Connects a director's data plane to the bus (it queues only while a master daemon runs). */
	attach(plane: IpvsDataPlane): void {
		plane.syncTo = this.hooks;
	}

	private readonly hooks = {changed: (p: IpvsDataPlane, slot: number) => this.queue(p, slot)};

	private queue(plane: IpvsDataPlane, slot: number): void {
		let q = this.queued.get(plane);
		if (!q) {
			q = new Map();
			this.queued.set(plane, q);
		}
		q.set(slot, plane.table.gen[slot]!);
		const tmpl = plane.templateOf(slot);
		if (tmpl >= 0) q.set(tmpl, plane.table.gen[tmpl]!);
	}

	/** Sends every master's queue to the backups that hear it. */
	flush(): void {
		const planes = this.planes();
		for (const [plane, q] of this.queued) {
			if (q.size === 0) continue;
			const master = plane.ipvs.daemons.find((d) => d.state === 'master');
			this.queued.set(plane, new Map());
			if (!master || !plane.host.powered) continue;
			const iface = plane.host.interfaces.get(master.mcastIfn);
			if (!iface || !iface.segment || !hasCarrier(plane.host, iface)) continue;
			const entries: SyncEntry[] = [];
			for (const [slot, gen] of q) {
				if (plane.table.gen[slot] !== gen) continue;
				const m = syncMessage(plane, slot);
				if (m) entries.push(m);
			}
			if (entries.length === 0) continue;
			this.sent.set(plane.host.name, (this.sent.get(plane.host.name) ?? 0) + entries.length);
			for (const other of planes) {
				if (other === plane || !this.hears(other.host, iface.segment)) continue;
				const backup = other.ipvs.daemons.find((d) => d.state === 'backup');
				if (!backup) continue;
				if (backup.syncid !== 0 && backup.syncid !== master.syncid) continue;
				const bi = other.host.interfaces.get(backup.mcastIfn);
				if (!bi || bi.segment !== iface.segment || !hasCarrier(other.host, bi)) continue;
				for (const m of entries) applySyncEntry(other, m, this.world.now);
				this.received.set(other.host.name, (this.received.get(other.host.name) ?? 0) + entries.length);
			}
		}
	}

	private hears(host: Host, segment: string): boolean {
		if (!host.powered) return false;
		for (const i of host.interfaces.values()) if (i.segment === segment && hasCarrier(host, i)) return true;
		return false;
	}
}

/** The world's sync bus. */
export function syncBus(world: World): SyncBus {
	return world.feature('ipvs-sync', () => new SyncBus(world));
}
