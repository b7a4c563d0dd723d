import type {TimerHandle} from '../event-queue';
import type {Daemon, Host} from '../host';
import type {Process} from '../process';
import {parseIp} from '../net/ipv4';
import {MSEC, type Micros} from '../time';
import type {World} from '../world';
import {type AuthKeys, type HaConfig, type Medium, type ResourceGroup} from './config';
import {haLog, type HaLevel} from './log';
import {announce, sendHeartbeat, type HeartbeatListener, type HeartbeatPacket} from './media';
import {RESOURCE_DIR, runResourceScript} from './resource-scripts';

export const HEARTBEAT_VERSION = '1.2.3';
export const HA_LIB = '/usr/lib/heartbeat';

interface Link {
	up: boolean;
	lastSeen: Micros;
	timer?: TimerHandle;
}

interface Peer {
	readonly name: string;
	status: 'unknown' | 'up' | 'active' | 'dead' | 'shutdown';
	lastSeen?: Micros;
	links: Map<string, Link>;
	holds: Set<number>;
	authWarned: boolean;
	/** Fires at lastSeen + warntime and at lastSeen + deadtime. */
	warnTimer?: TimerHandle;
	deadTimer?: TimerHandle;
}

const seconds = (t: Micros) => (t / 1_000_000).toFixed(t % 1_000_000 === 0 ? 0 : 1);

/** Why a node takes a resource group, and how the Spanish timeline says it. */
type AcquireWhy = 'handover' | 'local' | 'foreign' | 'takeover';
const WHY_ES: Record<AcquireWhy, string> = {handover: 'traspaso', local: 'local: es su nodo preferido', foreign: 'foreign: su nodo preferido no está', takeover: 'takeover'};

/**
 * heartbeat (v1, haresources mode) on one director: sends a status datagram
 * every keepalive on each medium, tracks each peer per link, declares a peer
 * dead after deadtime (initdead at start-up), and starts or stops resource
 * groups left to right / right to left through the resource scripts.
 */
export class HeartbeatDaemon implements Daemon, HeartbeatListener {
	readonly name = 'heartbeat';
	listening = true;
	readonly media: readonly Medium[];
	readonly udpport: number;
	readonly master: Process;
	private readonly children: Process[] = [];
	private readonly peers = new Map<string, Peer>();
	/** Indexes (into `groups`) of the resource groups this node holds. */
	readonly held = new Set<number>();
	status: 'up' | 'active' = 'up';
	private commUp = false;
	private seq = 1;
	private readonly startedAt: Micros;
	private ticker?: TimerHandle;
	private initdeadTimer?: TimerHandle;
	private stopped = false;

	constructor(
		private readonly world: World,
		private readonly host: Host,
		readonly config: HaConfig,
		readonly groups: readonly ResourceGroup[],
		private readonly keys: AuthKeys,
	) {
		this.media = config.media;
		this.udpport = config.udpport;
		this.startedAt = world.now;
		this.master = host.processes.spawn({user: 'root', command: 'heartbeat: master control process', started: world.now});
		// SIGTERM is heartbeat's clean shutdown; SIGKILL leaves everything (VIP included) behind.
		this.master.onSignal = (signal) => {
			if (signal === 15) this.shutdown();
			else if (signal === 9) this.killed();
			else return false;
			return true;
		};
		for (const p of config.nodes) if (p !== host.name) this.peers.set(p, {name: p, status: 'unknown', links: new Map(), holds: new Set(), authWarned: false});
	}

	get pid(): number {
		return this.master.pid;
	}

	get running(): boolean {
		return !this.stopped;
	}

	log(level: HaLevel, message: string, entity = 'heartbeat', pid = this.pid): void {
		haLog(this.world, this.host, this.config, entity, pid, level, message);
	}

	private event(en: string, es: string): void {
		this.world.log('heartbeat', {en, es}, this.host.name);
	}

	/** Peers as `cl_status`-like facts, for status views and tests. */
	peerStatus(): Array<{node: string; status: string; links: Record<string, 'up' | 'dead'>}> {
		return [...this.peers.values()].map((p) => ({node: p.name, status: p.status, links: Object.fromEntries([...p.links].map(([d, l]) => [d, l.up ? 'up' : 'dead'] as const))}));
	}

	/** Start-up: log, fork the media processes, start heartbeating and wait for peers (initdead). */
	start(): void {
		const c = this.config;
		this.log('info', '**************************');
		this.log('info', `Configuration validated. Starting heartbeat ${HEARTBEAT_VERSION}`);
		this.log('info', `heartbeat: version ${HEARTBEAT_VERSION}`);
		this.log('info', `Heartbeat generation: ${this.generation()}`);
		this.children.push(this.host.processes.spawn({user: 'root', command: 'heartbeat: FIFO reader', started: this.world.now, ppid: this.pid}));
		for (const m of c.media) {
			const label = m.kind === 'mcast' ? `mcast ${m.group}` : m.kind === 'ucast' ? `ucast ${m.dev}` : `${m.kind} ${m.dev}`;
			if (m.kind === 'bcast') this.log('info', `UDP Broadcast heartbeat started on port ${m.port} (${m.port}) interface ${m.dev}`);
			else if (m.kind === 'mcast') this.log('info', `UDP multicast heartbeat started for group ${m.group} port ${m.port} interface ${m.dev} (ttl=${m.ttl} loop=${m.loop})`);
			else if (m.kind === 'ucast') this.log('info', `UDP heartbeat started on port ${m.port} (${m.port}) interface ${m.dev} to ${m.peer}`);
			else this.log('info', `Starting serial heartbeat on tty ${m.dev} (${c.baud} baud)`);
			this.children.push(this.host.processes.spawn({user: 'root', command: `heartbeat: write: ${label}`, started: this.world.now, ppid: this.pid}));
			this.children.push(this.host.processes.spawn({user: 'root', command: `heartbeat: read: ${label}`, started: this.world.now, ppid: this.pid}));
		}
		this.log('info', `pid ${this.pid} locked in memory.`);
		this.log('info', "Local status now set to: 'up'");
		const times = `keepalive ${seconds(c.keepalive)} s, warntime ${seconds(c.warntime)} s, deadtime ${seconds(c.deadtime)} s, initdead ${seconds(c.initdead)} s`;
		this.event(`heartbeat started: ${times}`, `heartbeat arrancado: ${times}`);
		this.sendAll();
		this.ticker = this.world.every(c.keepalive, () => this.tick());
		this.initdeadTimer = this.world.after(c.initdead, () => this.initdeadExpired());
		if (this.peers.size === 0) this.world.after(0, () => this.commNowUp());
	}

	private generation(): number {
		const path = '/var/lib/heartbeat/hb_generation';
		const n = Number(this.host.fs.tryRead(path)?.trim() ?? '0') + 1;
		try {
			this.host.fs.put(path, `${n}\n`, 0o600);
		} catch {
			// read-only or replaced by a directory: heartbeat would complain; the lab carries on.
		}
		return n;
	}

	private packet(status: HeartbeatPacket['status'], medium: Medium): HeartbeatPacket {
		return {from: this.host.name, status, holds: [...this.held], seq: this.seq, auth: {key: this.keys.active, method: this.keys.method, secret: this.keys.secret}, medium};
	}

	private sendAll(status: HeartbeatPacket['status'] = this.status): void {
		for (const m of this.media) sendHeartbeat(this.world, this.host, this.packet(status, m));
		this.seq++;
	}

	private tick(): void {
		if (this.stopped) return;
		this.sendAll();
	}

	/** Re-arms the silence timers of a peer (and of the link it was heard on). */
	private armTimers(peer: Peer, dev: string): void {
		const c = this.config;
		peer.warnTimer?.cancel();
		peer.deadTimer?.cancel();
		peer.warnTimer = this.world.after(c.warntime + 1, () => {
			if (this.stopped || peer.status === 'dead' || peer.status === 'shutdown') return;
			this.event(
				`no heartbeat from ${peer.name} for ${seconds(c.warntime)} s (warntime); heartbeat declares it dead after ${seconds(c.deadtime)} s (deadtime)`,
				`ningún latido de ${peer.name} en ${seconds(c.warntime)} s (warntime); heartbeat lo da por muerto a los ${seconds(c.deadtime)} s (deadtime)`,
			);
		});
		peer.deadTimer = this.world.after(c.deadtime + 1, () => {
			if (this.stopped || peer.status === 'dead' || peer.status === 'shutdown' || peer.lastSeen === undefined) return;
			this.markDead(peer, this.world.now - peer.lastSeen);
		});
		const link = peer.links.get(dev)!;
		link.timer?.cancel();
		link.timer = this.world.after(c.deadtime + 1, () => {
			if (this.stopped || !link.up || peer.status === 'dead' || peer.status === 'shutdown') return;
			link.up = false;
			this.log('info', `Link ${peer.name}:${dev} dead.`);
			this.event(
				`link ${peer.name}:${dev} dead: no heartbeat on it for ${seconds(c.deadtime)} s, but ${peer.name} is still heard on another link`,
				`enlace ${peer.name}:${dev} muerto: ningún latido por él en ${seconds(c.deadtime)} s, pero ${peer.name} se sigue oyendo por otro enlace`,
			);
		});
	}

	private initdeadExpired(): void {
		if (this.stopped) return;
		for (const peer of this.peers.values()) if (peer.lastSeen === undefined && peer.status === 'unknown') this.markDead(peer, this.config.initdead);
		if (!this.commUp) this.commNowUp();
	}

	// ---- receiving ---------------------------------------------------------

	receive(packet: HeartbeatPacket, dev: string): void {
		if (this.stopped || packet.from === this.host.name) return;
		const peer = this.peers.get(packet.from);
		if (!peer) return;
		const key = this.keys.keys.get(packet.auth.key);
		if (!key || key.method !== packet.auth.method || key.secret !== packet.auth.secret) {
			if (!peer.authWarned) {
				peer.authWarned = true;
				this.log('ERROR', `Invalid authentication type [${packet.auth.key}] in message!`);
				this.event(`heartbeat from ${peer.name} rejected: its authkeys do not match ours`, `latido de ${peer.name} rechazado: sus authkeys no coinciden con las nuestras`);
			}
			return;
		}
		const now = this.world.now;
		const wasDead = peer.status === 'dead' || peer.status === 'unknown' || peer.status === 'shutdown';
		if (peer.status === 'dead' && packet.status !== 'shutdown') {
			this.log('CRIT', `Cluster node ${peer.name} returning after partition.`);
			this.log('info', 'For information on cluster partitions, See URL: http://linux-ha.org/SplitBrain');
			this.log('WARN', 'Deadtime value may be too small.');
			this.log('info', 'See FAQ for information on tuning deadtime.');
			this.log('info', 'URL: http://linux-ha.org/FAQ#heavy_load');
			this.event(`${peer.name} is heard again after being declared dead: the cluster was partitioned`, `${peer.name} se vuelve a oír tras haberlo dado por muerto: el cluster estaba partido`);
		}
		const link = peer.links.get(dev);
		if (!link || !link.up) {
			peer.links.set(dev, {up: true, lastSeen: now, timer: link?.timer});
			this.log('info', `Link ${peer.name}:${dev} up.`);
			this.event(`link ${peer.name}:${dev} up`, `enlace ${peer.name}:${dev} activo`);
		} else link.lastSeen = now;
		if (peer.lastSeen !== undefined) {
			const interval = now - peer.lastSeen;
			if (interval > this.config.warntime) {
				this.log('WARN', `Late heartbeat: Node ${peer.name}: interval ${Math.round(interval / MSEC)} ms`);
				const gap = `${(interval / 1e6).toFixed(1)} s`;
				this.event(
					`late heartbeat from ${peer.name}: ${gap} since the previous one (warntime ${seconds(this.config.warntime)} s)`,
					`latido tardío de ${peer.name}: ${gap} desde el anterior (warntime ${seconds(this.config.warntime)} s)`,
				);
			}
		}
		peer.lastSeen = now;
		this.armTimers(peer, dev);
		const previousHolds = peer.holds;
		peer.holds = new Set(packet.holds);
		if (packet.status === 'shutdown') {
			if (peer.status !== 'shutdown') {
				peer.status = 'shutdown';
				this.log('info', `Received shutdown notice from '${peer.name}'.`);
				this.event(`${peer.name} announced a clean shutdown`, `${peer.name} anunció un apagado ordenado`);
				if (this.commUp) this.takeOver(peer, 'shutdown');
				else if ([...this.peers.values()].every((p) => p.lastSeen !== undefined)) this.commNowUp();
			}
			return;
		}
		if (peer.status !== packet.status) {
			peer.status = packet.status;
			this.log('info', `Status update for node ${peer.name}: status ${packet.status}`);
		}
		if (wasDead && this.commUp) this.event(`${peer.name} is back (status ${packet.status})`, `${peer.name} ha vuelto (estado ${packet.status})`);
		if (!this.commUp && [...this.peers.values()].every((p) => p.lastSeen !== undefined)) this.commNowUp();
		this.resolveOwnership(peer, previousHolds);
	}

	/** When both nodes are alive: split-brain resolution and auto_failback. */
	private resolveOwnership(peer: Peer, previousHolds: Set<number>): void {
		if (!this.commUp) return;
		this.groups.forEach((g, i) => {
			const mine = this.held.has(i);
			const theirs = peer.holds.has(i);
			if (mine && theirs) {
				const preferred = g.node === this.host.name;
				this.log('ERROR', `Both machines own ${preferred ? 'our' : 'foreign'} resources!`);
				if (!preferred) {
					const what = g.resources[0]?.text ?? g.node;
					this.event(
						`split brain over ${what}: ${peer.name} holds it too; ${this.host.name} is not its preferred node and gives it up`,
						`split brain por ${what}: ${peer.name} también lo tiene; ${this.host.name} no es su nodo preferido y lo suelta`,
					);
					this.release(i);
				} else {
					const what = g.resources[0]?.text ?? g.node;
					this.event(
						`split brain over ${what}: ${peer.name} holds it too; ${this.host.name} is its preferred node and keeps it, announcing its addresses again`,
						`split brain por ${what}: ${peer.name} también lo tiene; ${this.host.name} es su nodo preferido y se lo queda, anunciando de nuevo sus direcciones`,
					);
					this.reannounce(i);
				}
			} else if (mine && !theirs && this.config.autoFailback === 'on' && g.node === peer.name && peer.status === 'active') {
				this.log('info', `${peer.name} is back: giving its resources back (auto_failback on).`);
				const what = g.resources[0]?.text ?? '';
				this.event(`auto_failback on: ${this.host.name} hands ${what} back to ${peer.name}`, `auto_failback on: ${this.host.name} devuelve ${what} a ${peer.name}`);
				this.release(i);
			} else if (!mine && !theirs && previousHolds.has(i) && this.status === 'active') {
				// The peer just let go of a group (standby, failback or shutdown): take what is ours, or what it handed over.
				if (g.node === this.host.name || this.pendingStandby) this.acquire(i, 'handover');
			}
		});
		if (this.pendingStandby && this.groups.every((_, i) => !peer.holds.has(i))) {
			this.pendingStandby = false;
			this.log('info', 'all HA resource acquisition completed (standby).');
			this.log('info', 'Standby resource acquisition done [all].');
		}
	}

	private pendingStandby = false;

	/** Comm_now_up: every node heard from (or initdead passed). Acquire our resources. */
	private commNowUp(): void {
		if (this.commUp || this.stopped) return;
		this.commUp = true;
		this.status = 'active';
		this.log('info', 'Comm_now_up(): updating status to active');
		this.log('info', "Local status now set to: 'active'");
		for (const r of this.config.respawn) this.startClient(r);
		// One keepalive for the peers to see us active before resources move.
		this.world.after(this.config.keepalive, () => this.initialAcquisition());
	}

	/** A `respawn` client (ipfail): started now, started again whenever it dies. */
	private startClient(r: {user: string; path: string}): void {
		this.log('info', `Starting child client "${r.path}" (106,108)`);
		const p = this.host.processes.spawn({user: r.user, command: r.path, started: this.world.now, ppid: this.pid});
		this.children.push(p);
		this.log('info', `Starting "${r.path}" as uid 106  gid 108 (pid ${p.pid})`);
		p.onSignal = (signal) => {
			const name = signal === 9 ? 'SIGKILL - Kill, unblockable' : signal === 15 ? 'SIGTERM - Termination' : `signal ${signal}`;
			this.world.after(0, () => {
				if (this.stopped) return;
				this.children.splice(this.children.indexOf(p), 1);
				this.log('WARN', `Managed ${r.path} process ${p.pid} killed by signal ${signal} [${name}].`);
				this.log('ERROR', `Respawning client "${r.path}":`);
				this.startClient(r);
			});
			return true;
		};
	}

	private initialAcquisition(): void {
		if (this.stopped) return;
		const alive = [...this.peers.values()].filter((p) => p.status === 'up' || p.status === 'active');
		let any = false;
		this.groups.forEach((g, i) => {
			if (this.held.has(i) || alive.some((p) => p.holds.has(i))) return;
			const preferredAlive = alive.some((p) => p.name === g.node);
			if (g.node === this.host.name || !preferredAlive) {
				any = true;
				this.acquire(i, g.node === this.host.name ? 'local' : 'foreign');
			}
		});
		if (any) this.log('info', 'Local Resource acquisition completed.');
		else this.log('info', `No local resources [${HA_LIB}/ResourceManager listkeys ${this.host.name}] to acquire.`);
		this.sendAll();
	}

	private markDead(peer: Peer, silent: Micros): void {
		peer.status = 'dead';
		this.log('WARN', `node ${peer.name}: is dead`);
		const quiet = `${(silent / 1e6).toFixed(1)} s`;
		this.event(
			`${peer.name} declared dead: no heartbeat for ${quiet} (deadtime ${seconds(this.config.deadtime)} s)`,
			`${peer.name} dado por muerto: ningún latido en ${quiet} (deadtime ${seconds(this.config.deadtime)} s)`,
		);
		for (const [dev, link] of peer.links) {
			link.timer?.cancel();
			if (!link.up) continue;
			link.up = false;
			this.log('info', `Link ${peer.name}:${dev} dead.`);
		}
		if (this.commUp) this.takeOver(peer, 'dead');
	}

	/** mach_down: take over the groups a dead (or departing) node held or should have held. */
	private takeOver(peer: Peer, why: 'dead' | 'shutdown'): void {
		const wanted: number[] = [];
		this.groups.forEach((g, i) => {
			if (this.held.has(i)) return;
			const others = [...this.peers.values()].filter((p) => p !== peer && (p.status === 'up' || p.status === 'active'));
			if (others.some((p) => p.holds.has(i))) return;
			wanted.push(i);
		});
		const gaveUp = why === 'shutdown' || wanted.every((i) => !peer.holds.has(i));
		this.log('info', gaveUp ? `Dead node ${peer.name} gave up resources.` : `Resources being acquired from ${peer.name}.`);
		if (wanted.length === 0) return;
		const pid = this.host.processes.spawn({user: 'root', command: `/bin/sh ${HA_LIB}/mach_down ${peer.name}`, started: this.world.now}).pid;
		const taken = wanted.map((i) => this.groups[i]!.resources[0]?.text ?? this.groups[i]!.node).join(', ');
		this.event(`takeover: ${this.host.name} acquires ${taken} from ${peer.name}`, `takeover: ${this.host.name} se hace cargo de ${taken}, que tenía ${peer.name}`);
		for (const i of wanted) {
			this.log('info', `Taking over resource group ${this.groups[i]!.resources[0]?.text ?? ''}`, 'mach_down', pid);
			this.acquire(i, 'takeover');
		}
		this.log('info', `mach_down takeover complete for node ${peer.name}.`, 'mach_down', pid);
		this.host.processes.reap(pid);
		this.log('info', 'mach_down takeover complete.');
		this.sendAll();
	}

	// ---- resources -----------------------------------------------------------

	private runScripts(i: number, action: 'start' | 'stop'): void {
		const g = this.groups[i]!;
		const rm = this.host.processes.spawn({user: 'root', command: `/bin/sh ${HA_LIB}/ResourceManager ${action === 'start' ? 'takegroup' : 'givegroup'} ${g.resources[0]?.text ?? ''}`, started: this.world.now});
		this.log('info', `${action === 'start' ? 'Acquiring' : 'Releasing'} resource group: ${g.text}`, 'ResourceManager', rm.pid);
		const list = action === 'start' ? g.resources : [...g.resources].reverse();
		for (const r of list) {
			const args = [...r.args, action];
			this.log('info', `Running ${RESOURCE_DIR}/${r.script} ${args.join(' ')}`, 'ResourceManager', rm.pid);
			const result = runResourceScript(this.world, this.host, r.script, args, {targets: this.config, interactive: false});
			if (result.status !== 0) this.log('ERROR', `Return code ${result.status} from ${RESOURCE_DIR}/${r.script}`, 'ResourceManager', rm.pid);
		}
		this.host.processes.reap(rm.pid);
	}

	acquire(i: number, why: AcquireWhy): void {
		if (this.held.has(i)) return;
		this.held.add(i);
		const group = this.groups[i]!.text;
		this.event(
			`acquiring resource group ${group} (${why}): resources start left to right`,
			`adquiriendo el grupo de recursos ${group} (${WHY_ES[why]}): los recursos arrancan de izquierda a derecha`,
		);
		this.runScripts(i, 'start');
	}

	release(i: number): void {
		if (!this.held.has(i)) return;
		const group = this.groups[i]!.text;
		this.event(`releasing resource group ${group}: resources stop right to left`, `liberando el grupo de recursos ${group}: los recursos se detienen de derecha a izquierda`);
		this.runScripts(i, 'stop');
		this.held.delete(i);
		this.sendAll();
	}

	/** Gratuitous ARP for a group's addresses, so the LAN forgets the other node's MAC. */
	private reannounce(i: number): void {
		for (const r of this.groups[i]!.resources) {
			if (r.script !== 'IPaddr2' && r.script !== 'IPaddr') continue;
			const ip = parseIp(r.args[0]?.split('/')[0] ?? '');
			const a = this.host.addresses.find((x) => x.ip === ip && x.dev !== 'lo');
			if (ip === undefined || !a) continue;
			for (let k = 0; k < 5; k++) this.world.after(k * 200_000, () => {
				if (this.host.powered && this.host.addresses.includes(a)) announce(this.world, this.host, ip, a.dev);
			});
		}
	}

	/** hb_standby: give our resources to the other node, if it is alive. */
	standby(): string | undefined {
		this.log('info', `${this.host.name} wants to go standby [all]`);
		const alive = [...this.peers.values()].find((p) => p.status === 'active');
		if (!alive) {
			this.log('WARN', 'Standby mode: no other node is active; keeping our resources.');
			return 'no other node is active';
		}
		if (this.held.size === 0) {
			this.log('info', 'standby: we hold no resources.');
			return undefined;
		}
		this.log('info', `standby: ${alive.name} can take our all resources`);
		this.log('info', 'give up all HA resources (standby).');
		for (const i of [...this.held].reverse()) this.release(i);
		this.log('info', 'all HA resource release completed (standby).');
		this.peerStandby(alive.name);
		return undefined;
	}

	/** hb_takeover: ask the other node to hand over its resources. */
	takeover(): string | undefined {
		const holder = [...this.peers.values()].find((p) => p.status === 'active' && p.holds.size > 0);
		if (!holder) return 'no other node holds resources';
		const d = this.world.host(holder.name)?.daemon<HeartbeatDaemon>('heartbeat');
		d?.standby();
		return undefined;
	}

	/** The receiving side of a standby: acquire what the other node released. */
	private peerStandby(_to: string): void {
		for (const host of this.world.hosts.values()) {
			const hb = host !== this.host ? host.daemon<HeartbeatDaemon>('heartbeat') : undefined;
			if (!hb || !hb.running || !this.config.nodes.includes(host.name)) continue;
			hb.standbyRequestFrom(this.host.name);
		}
	}

	standbyRequestFrom(node: string): void {
		if (this.stopped) return;
		this.log('info', `${node} wants to go standby [all]`);
		this.log('info', `standby: acquire [all] resources from ${node}`);
		this.log('info', 'acquire all HA resources (standby).');
		this.pendingStandby = true;
		this.event(`${node} went standby: ${this.host.name} takes its resources`, `${node} pasó a standby: ${this.host.name} se queda con sus recursos`);
	}

	/** Clean shutdown (`/etc/init.d/heartbeat stop`). */
	shutdown(): void {
		if (this.stopped) return;
		this.log('info', `Heartbeat shutdown in progress. (${this.pid})`);
		this.log('info', 'Giving up all HA resources.');
		for (const i of [...this.held].reverse()) this.release(i);
		this.log('info', 'All HA resources relinquished.');
		this.sendAll('shutdown');
		for (const c of this.children) {
			if (this.config.respawn.some((r) => r.path === c.command)) this.log('info', `killing ${c.command} process group ${c.pid} with signal 15`);
			this.host.processes.reap(c.pid);
		}
		this.log('info', 'Heartbeat shutdown complete.');
		this.event('heartbeat stopped cleanly; resources released', 'heartbeat detenido de forma ordenada; recursos liberados');
		this.halt();
		this.host.processes.reap(this.pid);
	}

	/** kill -9 of the master process: no more heartbeats, nothing released. */
	private killed(): void {
		for (const c of this.children) this.host.processes.reap(c.pid);
		this.event('heartbeat killed: it stops heartbeating but releases nothing (the VIP stays here)', 'heartbeat matado: deja de enviar latidos pero no libera nada (la VIP se queda aquí)');
		this.halt();
	}

	private halt(): void {
		for (const p of this.peers.values()) {
			p.warnTimer?.cancel();
			p.deadTimer?.cancel();
			for (const l of p.links.values()) l.timer?.cancel();
		}
		this.stopped = true;
		this.listening = false;
		this.ticker?.cancel();
		this.initdeadTimer?.cancel();
		this.host.daemons.delete(this.name);
	}

	/** Power lost: nothing is released cleanly, but addresses and kernel threads die with the machine. */
	onPowerOff(): void {
		for (const i of this.held) {
			for (const r of this.groups[i]!.resources) {
				if (r.script !== 'IPaddr2' && r.script !== 'IPaddr') continue;
				const ip = parseIp(r.args[0]?.split('/')[0] ?? '');
				this.host.addresses = this.host.addresses.filter((a) => !(a.ip === ip && a.dev !== 'lo'));
			}
		}
		this.held.clear();
		this.halt();
	}
}
