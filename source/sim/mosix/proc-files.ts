import {LOGIN_SHELL_PID, type PidFiles} from '../cpu/proc-pid';
import {cpuOf} from '../cpu/scheduler';
import type {FsErrorCode, FsProvider} from '../fs/filesystem';
import type {Host} from '../host';
import type {MosixCluster} from './cluster';
import {bringHome, expelGuests} from './config';
import type {MosixNode} from './node';
import {cantMove, mosixProcess} from './process-state';
import {requestMigration} from './requests';

const FLAGS = ['block', 'lstay', 'nomfs', 'quiet', 'stay'] as const;
const ADMIN = ['block', 'bring', 'config', 'decay-interval', 'dfsalinks', 'expel', 'fast-decay', 'gateways', 'lstay', 'mospe', 'nomfs', 'overheads', 'quiet', 'slow-decay', 'speed', 'stay', 'version'];
const NODE_FILES = ['cpus', 'load', 'mem', 'rmem', 'speed', 'status', 'tmem', 'util'];
const DECAY = ['clear', 'cpujob', 'fast', 'iojob', 'slow'];
/** Default tuning values (µs and per-page costs) before tune_kernel measures the network. [model] */
export const DEFAULT_OVERHEADS = '100 1100 200 350 200 350 480 1000 1000 400 125 200 1800 240 1400 150 180 1000 180 250 1200 140 100 1200 320\n';

/** A status bit mask: 2 means the node is up (what OpenMosix::HA tests). */
export const STATUS_UP = 2;

function flag(v: boolean): string {
	return v ? '1\n' : '0\n';
}

function parseFlag(data: string): boolean | undefined {
	const t = data.trim();
	return t === '1' ? true : t === '0' ? false : undefined;
}

/** What /proc/hpc/nodes/ID/FILE holds, as `node` sees node ID. */
export function nodeFile(cluster: MosixCluster, node: MosixNode, id: number, file: string): string {
	const info = cluster.infoOf(node, id);
	if (!info) return file === 'speed' || file === 'cpus' || file === 'tmem' ? String(lastKnown(node, id, file)) + '\n' : '0\n';
	switch (file) {
		case 'load':
			return `${Math.round(info.load * 100)}\n`;
		case 'speed':
			return `${info.speed}\n`;
		case 'status':
			return `${STATUS_UP}\n`;
		case 'mem':
			return `${info.mem}\n`;
		case 'rmem':
			return `${info.rmem}\n`;
		case 'tmem':
			return `${info.tmem}\n`;
		case 'util':
			return `${info.util}\n`;
		default:
			return `${info.cpus}\n`;
	}
}

function lastKnown(node: MosixNode, id: number, file: string): number {
	const info = node.view.get(id);
	if (!info) return 0;
	return file === 'speed' ? info.speed : file === 'cpus' ? info.cpus : info.tmem;
}

/** /proc/hpc on a node: admin flags, what it knows of every node, decay hints. */
export function procHpcProvider(cluster: MosixCluster, node: MosixNode): FsProvider {
	const dirs = () => {
		const set = new Set(['/proc/hpc', '/proc/hpc/admin', '/proc/hpc/nodes', '/proc/hpc/decay']);
		for (const id of node.ids()) set.add(`/proc/hpc/nodes/${id}`);
		return set;
	};
	return {
		isDir: (path) => dirs().has(path),
		list(path) {
			if (path === '/proc/hpc') return ['admin', 'decay', 'nodes'];
			if (path === '/proc/hpc/admin') return ADMIN;
			if (path === '/proc/hpc/decay') return DECAY;
			if (path === '/proc/hpc/nodes') return node.ids().map(String);
			if (dirs().has(path)) return NODE_FILES;
			return undefined;
		},
		read(path) {
			const admin = /^\/proc\/hpc\/admin\/([^/]+)$/.exec(path)?.[1];
			if (admin !== undefined) {
				if ((FLAGS as readonly string[]).includes(admin)) return flag(node[admin as (typeof FLAGS)[number]]);
				switch (admin) {
					case 'bring':
					case 'expel':
						return '0\n';
					case 'config':
						return '';
					case 'decay-interval':
						return `${node.decayInterval}\n`;
					case 'slow-decay':
						return `${node.slowDecay}\n`;
					case 'fast-decay':
						return `${node.fastDecay}\n`;
					case 'dfsalinks':
						return '';
					case 'gateways':
						return `${node.gateways}\n`;
					case 'mospe':
						return `${node.myId}\n`;
					case 'overheads':
						return DEFAULT_OVERHEADS;
					case 'speed':
						return `${node.speed}\n`;
					case 'version':
						return `openMosix ${node.host.kernel} (DFSA ${node.nomfs ? 'disabled' : 'enabled'})\n`;
				}
				return undefined;
			}
			const m = /^\/proc\/hpc\/nodes\/(\d+)\/([a-z]+)$/.exec(path);
			if (m && node.table?.nodes.has(Number(m[1])) && NODE_FILES.includes(m[2]!)) return nodeFile(cluster, node, Number(m[1]), m[2]!);
			const d = /^\/proc\/hpc\/decay\/([a-z]+)$/.exec(path)?.[1];
			if (d && DECAY.includes(d)) return '0\n';
			return undefined;
		},
		write(path, data): FsErrorCode | undefined {
			// A shell redirection opens with O_TRUNC first (an empty write): nothing to do yet.
			if (data === '') return this.read(path) === undefined ? 'ENOENT' : undefined;
			const admin = /^\/proc\/hpc\/admin\/([^/]+)$/.exec(path)?.[1];
			if (admin !== undefined) {
				if ((FLAGS as readonly string[]).includes(admin)) {
					const v = parseFlag(data);
					if (v === undefined) return 'EINVAL';
					node[admin as (typeof FLAGS)[number]] = v;
					return undefined;
				}
				const n = Number(data.trim());
				switch (admin) {
					case 'expel':
						if (parseFlag(data) === undefined) return 'EINVAL';
						if (parseFlag(data)) {
							node.block = true;
							expelGuests(cluster, node);
						}
						return undefined;
					case 'bring':
						if (parseFlag(data) === undefined) return 'EINVAL';
						if (parseFlag(data)) {
							node.lstay = true;
							bringHome(cluster, node);
						}
						return undefined;
					case 'speed':
						if (!/^\d+$/.test(data.trim()) || n < 1 || n > 1_000_000) return 'EINVAL';
						node.speed = n;
						return undefined;
					case 'decay-interval':
					case 'slow-decay':
					case 'fast-decay':
						if (!/^\d+$/.test(data.trim()) || (admin !== 'decay-interval' && n > 1000) || n < 1) return 'EINVAL';
						if (admin === 'decay-interval') node.decayInterval = n;
						else if (admin === 'slow-decay') node.slowDecay = n;
						else node.fastDecay = n;
						return undefined;
					case 'gateways':
						if (!/^[012]$/.test(data.trim())) return 'EINVAL';
						node.gateways = n;
						return undefined;
					case 'overheads':
						return undefined;
				}
				return 'EACCES';
			}
			const d = /^\/proc\/hpc\/decay\/([a-z]+)$/.exec(path)?.[1];
			if (d && DECAY.includes(d)) return parseFlag(data) === undefined ? 'EINVAL' : undefined;
			return this.read(path) === undefined ? 'ENOENT' : 'EACCES';
		},
	};
}

/** Node number where a process of `home` runs: 0 at home (as openMosix tools show it), else the node's number. */
export function whereOf(cluster: MosixCluster, home: MosixNode, pid: number): number {
	const task = cpuOf(cluster.world, home.host).homed.get(pid);
	if (!task || !task.node || task.node === home.host) return 0;
	return cluster.idOf(home, task.node) ?? 0;
}

/** openMosix's per-process files: where, lock, nmigs, goto (and its old name migrate), cantmove. */
export function mosixPidFiles(cluster: MosixCluster): PidFiles {
	const names = ['cantmove', 'goto', 'lock', 'migrate', 'nmigs', 'where'];
	return {
		names: (host) => (cluster.node(host) ? names : []),
		read(host, pid, name) {
			const node = cluster.node(host)!;
			const task = cpuOf(cluster.world, host).homed.get(pid);
			switch (name) {
				case 'where':
					return `${whereOf(cluster, node, pid)}\n`;
				case 'lock':
					if (pid === LOGIN_SHELL_PID) return `${node.shellLock}\n`;
					return task ? flag(mosixProcess(task).lock) : '1\n';
				case 'nmigs':
					return `${task ? mosixProcess(task).nmigs : 0}\n`;
				case 'cantmove':
					if (task) {
						const why = cantMove(task, cluster.settings.migshm);
						return why ? `${why}\n` : '';
					}
					if (pid === 1) return 'init\n';
					if (pid === LOGIN_SHELL_PID) return '';
					return 'daemon\n';
				default:
					return '';
			}
		},
		write(host, pid, name, data) {
			if (data === '') return undefined;
			const node = cluster.node(host)!;
			const task = cpuOf(cluster.world, host).homed.get(pid);
			if (name === 'lock') {
				const v = parseFlag(data);
				if (v === undefined) return 'EINVAL';
				if (pid === LOGIN_SHELL_PID) node.shellLock = v ? 1 : 0;
				else if (task) mosixProcess(task).lock = v;
				else return 'EACCES';
				return undefined;
			}
			if (name === 'goto' || name === 'migrate') {
				const t = data.trim();
				if (!task) return 'EACCES';
				if (!/^\d+$/.test(t)) return 'EINVAL';
				const err = requestMigration(cluster, node, task, Number(t));
				return err ? (err.errno === 'EINVAL' ? 'EINVAL' : 'EACCES') : undefined;
			}
			return 'EACCES';
		},
	};
}

/** Makes /proc/hpc appear on a host whose kernel has openMosix. */
export function mountProcHpc(cluster: MosixCluster, node: MosixNode, host: Host): void {
	host.fs.mount('/proc/hpc', procHpcProvider(cluster, node));
}
