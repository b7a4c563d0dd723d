import {describe, expect, it} from 'vitest';
import {kernelEra} from '../../../source/sim/ipvs/era';
import {Ipvs} from '../../../source/sim/ipvs/ipvs';
import {schedulerByName} from '../../../source/sim/ipvs/schedulers';
import type {DestConfig, ServiceConfig, ServiceKey} from '../../../source/sim/ipvs/types';
import {parseIp} from '../../../source/sim/net/ipv4';
import {lab, sh} from '../../helpers/lab';

const host = {isLocalAddress: () => false, isBroadcastAddress: () => false};
const config: ServiceConfig = {scheduler: 'wlc', persistent: false, timeout: 0, netmask: 0xffffffff, onePacket: false, schedFlags: 0};
const tcp = (addr: string, port: number): ServiceKey => ({fwmark: 0, protocol: 'tcp', addr: parseIp(addr)!, port});
const dest = (addr: string, port: number): DestConfig => ({addr: parseIp(addr)!, port, fwd: 'route', weight: 1, uThreshold: 0, lThreshold: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0});

describe('Ipvs control plane', () => {
	it('walks services in hash-bucket order, newest first within a bucket, fwmarks last', () => {
		const ipvs = new Ipvs(kernelEra('6.1.0'), host, schedulerByName);
		// bucket = (proto ^ addr ^ (port >> 8) ^ port) & 255: 6^0x64^0x50 = 0x32 for 10.0.0.100:80.
		ipvs.addService({fwmark: 2, protocol: 'tcp', addr: 0, port: 0}, config);
		ipvs.addService(tcp('10.0.0.100', 443), config);
		ipvs.addService(tcp('10.0.0.100', 80), config);
		ipvs.addService({fwmark: 258, protocol: 'tcp', addr: 0, port: 0}, config);
		ipvs.addService(tcp('10.0.1.100', 80), config);
		expect(ipvs.hashOrder().map((s) => (s.fwmark ? `f${s.fwmark}` : `${s.addr & 255}.${s.port}`))).toEqual(['100.80', '100.80', '100.443', 'f258', 'f2']);
		expect(ipvs.hashOrder()[0]!.addr).toBe(parseIp('10.0.1.100'));
	});

	it('keeps real servers newest first', () => {
		const ipvs = new Ipvs(kernelEra('6.1.0'), host, schedulerByName);
		ipvs.addService(tcp('10.0.0.100', 80), config);
		for (const last of [11, 12, 13]) expect(ipvs.addDest(tcp('10.0.0.100', 80), dest(`10.0.0.${last}`, 80))).toBeUndefined();
		expect(ipvs.services[0]!.dests.map((d) => d.addr & 255)).toEqual([13, 12, 11]);
	});

	it('refuses SCTP services with EFAULT before 2.6.34', () => {
		const old = new Ipvs(kernelEra('2.6.18-6-686'), host, schedulerByName);
		const key: ServiceKey = {fwmark: 0, protocol: 'sctp', addr: parseIp('10.0.0.1')!, port: 80};
		expect(old.addService(key, config)).toBe('EFAULT');
		expect(old.deleteService(key)).toBe('EFAULT');
		expect(new Ipvs(kernelEra('2.6.34'), host, schedulerByName).addService(key, config)).toBeUndefined();
	});

	it('reports ENOENT for persistence engines other than sip, and for sip before 2.6.37', () => {
		const modern = new Ipvs(kernelEra('6.1.0'), host, schedulerByName);
		expect(modern.addService(tcp('10.0.0.1', 80), {...config, pe: 'foo'})).toBe('ENOENT');
		expect(modern.addService(tcp('10.0.0.1', 80), {...config, pe: 'sip'})).toBeUndefined();
		expect(new Ipvs(kernelEra('2.6.32'), host, schedulerByName).addService(tcp('10.0.0.1', 80), {...config, pe: 'sip'})).toBe('ENOENT');
	});

	it('starts one thread per sync state and ends it on stop', () => {
		const threads: string[] = [];
		const ended: number[] = [];
		const ipvs = new Ipvs(kernelEra('6.1.0'), host, schedulerByName);
		ipvs.kernel = {interfaceMtu: (n) => (n === 'eth0' ? 1500 : undefined), spawnThread: (name) => threads.push(name) + 99, endThread: (pid) => ended.push(pid)};
		const request = {state: 'master' as const, mcastIfn: 'eth0', syncid: 0, maxlen: 0, port: 0, ttl: 0};
		expect(ipvs.startDaemon(request)).toBeUndefined();
		expect(ipvs.startDaemon({...request, mcastIfn: 'eth3'})).toBe('ENODEV');
		expect(ipvs.startDaemon(request)).toBe('EEXIST');
		expect(ipvs.daemons).toEqual([{state: 'master', mcastIfn: 'eth0', syncid: 0, maxlen: 1472, group: 0xe0000051, port: 8848, ttl: 1, pid: 100}]);
		expect(threads).toEqual(['ipvs-m:0:0']);
		expect(ipvs.stopDaemon('master')).toBeUndefined();
		expect(ended).toEqual([100]);
		expect(ipvs.stopDaemon('master')).toBe('ESRCH');
	});

	it('forgets everything when the host powers off', () => {
		const ipvs = new Ipvs(kernelEra('6.1.0'), host, schedulerByName);
		ipvs.addService(tcp('10.0.0.100', 80), config);
		ipvs.setTimeouts({tcp: 10, tcpfin: 0, udp: 0});
		ipvs.startDaemon({state: 'backup', mcastIfn: 'eth0', syncid: 1, maxlen: 0, port: 0, ttl: 0});
		ipvs.totals.conns = 5;
		ipvs.reset();
		expect(ipvs.services).toEqual([]);
		expect(ipvs.daemons).toEqual([]);
		expect(ipvs.timeouts).toEqual({tcp: 900, tcpfin: 120, udp: 300});
		expect(ipvs.totals.conns).toBe(0);
	});
});

describe('sync daemon kernel threads on a lab host', () => {
	it('shows [ipvs-m:0:0] / [ipvs-b:0:0] threads on a modern kernel and stores their pids', () => {
		const l = lab();
		const lvs1 = l.world.host('lvs1')!;
		sh(l, 'ipvsadm --start-daemon master; ipvsadm --start-daemon backup --syncid 3');
		const [master, backup] = lvs1.ipvs!.daemons;
		expect(lvs1.processes.get(master!.pid)?.command).toBe('[ipvs-m:0:0]');
		expect(lvs1.processes.get(backup!.pid)?.command).toBe('[ipvs-b:0:0]');
		expect(lvs1.processes.get(master!.pid)?.ppid).toBe(2);
		sh(l, 'ipvsadm --stop-daemon master');
		expect(lvs1.processes.get(master!.pid)).toBeUndefined();
		expect(lvs1.processes.get(backup!.pid)?.command).toBe('[ipvs-b:0:0]');
	});

	it('names them ipvs_syncmaster / ipvs_syncbackup on 2.6', () => {
		const l = lab('test/commands/ipvsadm/thesis-2.6.yaml');
		const debian1 = l.world.host('debian1')!;
		sh(l, 'ipvsadm --start-daemon master; ipvsadm --start-daemon backup --mcast-interface eth1');
		expect(debian1.ipvs!.daemons.map((d) => debian1.processes.get(d.pid)?.command)).toEqual(['[ipvs_syncmaster]', '[ipvs_syncbackup]']);
		// A thread whose interface does not exist dies at once on 2.6.
		const before = debian1.processes.list().length;
		sh(l, 'ipvsadm --stop-daemon backup; ipvsadm --start-daemon backup --mcast-interface eth9');
		expect(debian1.processes.list().length).toBe(before - 1);
	});

	it('gives IPVS hosts their net.ipv4.vs sysctls and leaves other hosts without', () => {
		const l = lab();
		expect(l.world.host('lvs1')!.sysctl.get('net.ipv4.vs.sync_threshold')).toBe('3\t50');
		expect(l.world.host('lvs1')!.sysctl.get('net.ipv4.vs.expire_nodest_conn')).toBe('0');
		expect(l.world.host('rs1')!.sysctl.has('net.ipv4.vs.expire_nodest_conn')).toBe(false);
		const old = lab('test/commands/ipvsadm/thesis-2.6.yaml').world.host('debian1')!;
		expect(old.sysctl.has('net.ipv4.vs.conn_reuse_mode')).toBe(false);
		expect(old.sysctl.get('net.ipv4.vs.expire_quiescent_template')).toBe('0');
	});

	it('puts /etc/services on every host', () => {
		const l = lab();
		for (const host of l.world.hosts.values()) expect(host.fs.tryRead('/etc/services')).toMatch(/^http\t\t80\/tcp\twww$/m);
	});
});
