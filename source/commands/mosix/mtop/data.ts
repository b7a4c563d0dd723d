import {clockTime} from '../../../sim/calendar';
import {cpuOf} from '../../../sim/cpu/scheduler';
import {mosixCluster} from '../../../sim/mosix/cluster';
import {SEC} from '../../../sim/time';
import type {Host} from '../../../sim/host';
import type {World} from '../../../sim/world';
import type {Session} from '../../../shell/session';
import {processRows} from '../../process/process-list';
import {cpuMinSec, pmem} from '../../process/ps-format';
import {nodeColumn} from '../mps';
import type {MtopData} from './frame';

/** Gathers what mtop shows on a host (the live screen calls it on every refresh). */
export function mtopData(world: World, host: Host, session: Session | undefined, selfPid: number): MtopData {
	const node = mosixCluster(world)?.node(host);
	const rows = processRows(world, host, session, {pid: selfPid, args: 'mtop'});
	const totalKb = host.hardware.memoryMb * 1024;
	const cpu = cpuOf(world, host);
	const busy = Math.min(1, cpu.demand() / cpu.cpus);
	const memory = node?.memory();
	const usedKb = memory ? (memory.tmem - memory.rmem) / 1024 : totalKb * 0.3;
	const list = rows
		.map((r) => ({
			pid: r.pid,
			user: r.user,
			pri: r.stat.startsWith('R') ? 25 : 15,
			ni: r.stat.includes('N') ? 19 : 0,
			sizeKb: r.vszKb,
			rssKb: r.rssKb,
			shareKb: Math.round(r.rssKb * (r.task?.shm ? 0.7 : 0.4)),
			stat: r.stat.replace(/[s+l<]/g, '').slice(0, 4),
			cpu: r.task ? Math.min(99.9, r.task.cpuShare * 100) : 0,
			mem: pmem(r, totalKb),
			time: cpuMinSec(r.cpuUs),
			node: nodeColumn(world, host, r),
			command: r.comm,
		}))
		.sort((a, b) => b.cpu - a.cpu || a.pid - b.pid);
	return {
		clock: clockTime(world.scenario.epoch, world.now),
		uptimeSeconds: Math.floor((world.now - host.bootedAt) / SEC),
		users: 1,
		loadavg: cpu.loadavg(),
		processes: {
			total: rows.length,
			sleeping: rows.filter((r) => r.stat.startsWith('S') || r.stat.startsWith('I')).length,
			running: rows.filter((r) => r.stat.startsWith('R')).length,
			zombie: rows.filter((r) => r.stat.startsWith('Z')).length,
			stopped: rows.filter((r) => r.stat.startsWith('T')).length,
		},
		cpu: {user: busy * 99.6, system: busy * 0.4, nice: 0, idle: (1 - busy) * 100},
		mem: {total: totalKb, used: usedKb, free: totalKb - usedKb, buffers: Math.round(totalKb * 0.03), cached: Math.round(totalKb * 0.12)},
		swapKb: 522104,
		rows: list,
	};
}
