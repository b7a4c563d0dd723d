import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {addReal, counts, table, virtualService} from '../../helpers/ipvs';

describe('IPVS connections through curl', () => {
	it('six quick requests leave InActConn 3/3 with rr on two servers (the thesis Test 1), gone two minutes later', () => {
		const l = lab();
		virtualService(l, {scheduler: 'rr', rips: ['10.0.0.11', '10.0.0.12']});
		const bodies: string[] = [];
		for (let i = 0; i < 6; i++) bodies.push(sh(l, 'curl -s http://10.0.0.100/').out);
		expect(bodies).toEqual(['rs2\n', 'rs1\n', 'rs2\n', 'rs1\n', 'rs2\n', 'rs1\n']);
		expect(counts(l)).toEqual(['rs2 0/3', 'rs1 0/3']);
		// DR: the director only sees the client's half, so closed connections wait in FIN_WAIT.
		expect(new Set(table(l).map((r) => r.split(' ')[1]))).toEqual(new Set(['FIN_WAIT']));
		sh(l, 'sleep 119');
		expect(counts(l)).toEqual(['rs2 0/3', 'rs1 0/3']);
		sh(l, 'sleep 2');
		expect(counts(l)).toEqual(['rs2 0/0', 'rs1 0/0']);
		expect(table(l)).toEqual([]);
	});

	it('counts packets and bytes in only for DR, both ways for NAT', () => {
		for (const fwd of ['route', 'tunnel', 'masq'] as const) {
			const l = lab();
			const svc = virtualService(l, {fwd, rips: ['10.0.0.11']});
			expect(sh(l, 'curl -s http://10.0.0.100/').out).toBe('rs1\n');
			const s = svc.dests[0]!.stats;
			expect(s.conns).toBe(1);
			expect(s.inpkts).toBeGreaterThanOrEqual(4);
			if (fwd === 'masq') {
				expect(s.outpkts).toBeGreaterThanOrEqual(3);
				expect(s.outbytes).toBeGreaterThan(200);
			} else {
				expect(s.outpkts).toBe(0);
				expect(s.outbytes).toBe(0);
			}
			expect(svc.stats).toEqual(s);
			// NAT sees both FINs and ends in TIME_WAIT; DR and TUN only the client's, FIN_WAIT.
			expect(table(l)[0]!.split(' ')[1]).toBe(fwd === 'masq' ? 'TIME_WAIT' : 'FIN_WAIT');
		}
	});

	it('ipvsadm --set changes the FIN_WAIT timeout for new entries; old ones keep theirs until their next packet', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		const ipvs = l.world.host('lvs1')!.ipvs!;
		sh(l, 'curl -s http://10.0.0.100/');
		ipvs.setTimeouts({tcp: 0, tcpfin: 30, udp: 0});
		expect(ipvs.timeouts).toEqual({tcp: 900, tcpfin: 30, udp: 300});
		sh(l, 'curl -s http://10.0.0.100/');
		expect(table(l).map((r) => r.split(' ').pop()).sort()).toEqual(['119', '30']);
		sh(l, 'sleep 31');
		expect(counts(l)).toEqual(['rs1 0/1']);
		sh(l, 'sleep 90');
		expect(counts(l)).toEqual(['rs1 0/0']);
	});

	it('keeps a held connection ESTABLISHED and counted as ActiveConn, with the 900 s timeout', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		sh(l, 'load start --rate 1 --hold 600');
		sh(l, 'sleep 5');
		const est = table(l).filter((r) => r.includes('ESTABLISHED'));
		expect(est.length).toBeGreaterThan(0);
		expect(Number(est[0]!.split(' ').pop())).toBeGreaterThan(890);
		const [a] = counts(l);
		expect(Number(a!.split(' ')[1]!.split('/')[0])).toBe(est.length);
		sh(l, 'load stop');
	});

	it('persistence: a template (client port 0, state NONE) sends later connections to the same server', () => {
		const l = lab();
		const svc = virtualService(l, {rips: ['10.0.0.11', '10.0.0.12', '10.0.0.13'], persistent: 300});
		const bodies = new Set<string>();
		for (let i = 0; i < 5; i++) bodies.add(sh(l, 'curl -s http://10.0.0.100/').out);
		expect(bodies.size).toBe(1);
		const rows = table(l);
		const templates = rows.filter((r) => r.includes(':0 ->'));
		expect(templates).toHaveLength(1);
		expect(templates[0]).toMatch(/^TCP NONE 10\.0\.0\.200:0 -> rs\d:80 299$/);
		expect(svc.dests.reduce((n, d) => n + d.persistConns, 0)).toBe(1);
		expect(sh(l, 'explain').out).toContain('a template for 10.0.0.200 already points to');
		// The template outlives its connections by the persistence timeout, then goes.
		sh(l, 'sleep 299');
		expect(table(l).some((r) => r.includes(':0 ->'))).toBe(true);
		sh(l, 'sleep 2');
		expect(table(l)).toEqual([]);
		expect(svc.dests.reduce((n, d) => n + d.persistConns, 0)).toBe(0);
	});

	it('an overloaded real server is skipped until its connections drop under the lower threshold', () => {
		const l = lab();
		const svc = virtualService(l, {scheduler: 'rr', rips: ['10.0.0.11', '10.0.0.12']});
		const rs1 = svc.dests.find((d) => d.addr === 0x0a00000b)!;
		rs1.uThreshold = 2;
		rs1.lThreshold = 1;
		const bodies: string[] = [];
		for (let i = 0; i < 6; i++) bodies.push(sh(l, 'curl -s http://10.0.0.100/').out.trim());
		expect(rs1.overloaded).toBe(true);
		expect(bodies.filter((b) => b === 'rs1')).toHaveLength(2);
		sh(l, 'sleep 121');
		expect(rs1.overloaded).toBe(false);
	});

	it('no usable real server: ICMP port unreachable, "Connection refused", and the kernel line on the timeline', () => {
		const l = lab();
		const svc = virtualService(l, {rips: ['10.0.0.11']});
		svc.dests[0]!.weight = 0;
		expect(sh(l, 'curl http://10.0.0.100/')).toEqual({out: "curl: (7) Failed to connect to 10.0.0.100 port 80 after 0 ms: Couldn't connect to server\n", status: 7});
		expect(l.world.timeline.list().map((e) => e.text)).toContain('kernel: IPVS: rr: TCP 10.0.0.100:80 - no destination available');
		expect(sh(l, 'explain').out).toContain('No usable real server');
	});

	it('a deleted real server waits in the trash while its entries live; re-adding it brings its counters back', () => {
		const l = lab();
		const svc = virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
		const ipvs = l.world.host('lvs1')!.ipvs!;
		sh(l, 'curl -s http://10.0.0.100/');
		sh(l, 'curl -s http://10.0.0.100/');
		const rs1 = svc.dests.find((d) => d.addr === 0x0a00000b)!;
		expect(ipvs.deleteDest(svc, 0x0a00000b, 80)).toBeUndefined();
		expect(svc.trash).toEqual([rs1]);
		expect(rs1.inactConns).toBe(1);
		addReal(l, svc, '10.0.0.11');
		expect(svc.dests[0]).toBe(rs1);
		expect(rs1.stats.conns).toBe(1);
		expect(ipvs.deleteDest(svc, 0x0a00000b, 80)).toBeUndefined();
		sh(l, 'sleep 121');
		expect(svc.trash).toEqual([]);
	});

	it('packets of a deleted real server\'s entries are dropped; expire_nodest_conn also drops the entry', () => {
		for (const expire of [0, 1]) {
			const l = lab();
			const svc = virtualService(l, {rips: ['10.0.0.11']});
			const lvs1 = l.world.host('lvs1')!;
			lvs1.sysctl.set('net.ipv4.vs.expire_nodest_conn', String(expire));
			sh(l, 'load start --rate 2 --hold 20');
			sh(l, 'sleep 3');
			sh(l, 'load stop');
			const before = table(l).filter((r) => r.includes('ESTABLISHED')).length;
			expect(before).toBeGreaterThan(0);
			expect(lvs1.ipvs!.deleteDest(svc, 0x0a00000b, 80)).toBeUndefined();
			// The held connections close now: their FINs are the next packets. Dropped, they
			// leave the entries ESTABLISHED (timer not restarted) unless expire_nodest_conn removes them.
			sh(l, 'sleep 25');
			expect(table(l).filter((r) => r.includes('ESTABLISHED')).length).toBe(expire ? 0 : before);
			expect(table(l).filter((r) => r.includes('FIN_WAIT'))).toEqual([]);
		}
	});

	it('lists entries in hash-bucket order, the same for the same seed', () => {
		const run = (seed: number) => {
			const l = lab('sandbox', seed);
			virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
			for (let i = 0; i < 8; i++) sh(l, 'curl -s http://10.0.0.100/');
			return [...l.world.host('lvs1')!.ipvs!.connections()].map((c) => c.cport);
		};
		const a = run(3);
		expect(run(3)).toEqual(a);
		expect(a).toHaveLength(8);
		// Not simply creation order: the kernel walks its 4096 hash buckets.
		expect([...a].sort((x, y) => x - y)).not.toEqual(a);
	});
});

describe('persistence granularity', () => {
	it('a port-0 service with -M 255.255.255.0 keys its template on the client network and VIP:0', async () => {
		const {parseIp} = await import('../../../source/sim/net/ipv4');
		const l = lab();
		const ipvs = l.world.host('lvs1')!.ipvs!;
		const key = {fwmark: 0, protocol: 'tcp' as const, addr: parseIp('10.0.0.100')!, port: 0};
		expect(ipvs.addService(key, {scheduler: 'rr', persistent: true, timeout: 600, netmask: parseIp('255.255.255.0')!, onePacket: false, schedFlags: 0})).toBeUndefined();
		for (const rip of ['10.0.0.11', '10.0.0.12']) {
			expect(ipvs.addDest(key, {addr: parseIp(rip)!, port: 0, fwd: 'route', weight: 1, uThreshold: 0, lThreshold: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0})).toBeUndefined();
		}
		sh(l, 'load start --rate 20 --clients 3');
		sh(l, 'sleep 2');
		sh(l, 'load stop');
		sh(l, 'sleep 1');
		const rows = [...ipvs.connections()];
		const templates = rows.filter((c) => c.template);
		// One template for the whole /24 of the three client addresses, VIP:0 and RIP:0.
		expect(templates.map((c) => [c.caddr, c.vport, c.dport, c.state])).toEqual([[parseIp('10.0.0.0')!, 0, 0, 'NONE']]);
		const dests = new Set(rows.filter((c) => !c.template).map((c) => c.daddr));
		expect(dests.size).toBe(1);
		// Connections keep the port they asked for.
		expect(rows.filter((c) => !c.template).every((c) => c.vport === 80 && c.dport === 80)).toBe(true);
	});
});

describe('UDP', () => {
	it('one UDP state, never active, 300 s by default and ipvsadm --set udp changes it', async () => {
		const {parseIp} = await import('../../../source/sim/net/ipv4');
		const l = lab();
		const lvs1 = l.world.host('lvs1')!;
		const ipvs = lvs1.ipvs!;
		const key = {fwmark: 0, protocol: 'udp' as const, addr: parseIp('10.0.0.100')!, port: 53};
		ipvs.addService(key, {scheduler: 'rr', persistent: false, timeout: 300, netmask: 0xffffffff, onePacket: false, schedFlags: 0});
		ipvs.addDest(key, {addr: parseIp('10.0.0.11')!, port: 53, fwd: 'route', weight: 1, uThreshold: 0, lThreshold: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0});
		const plane = lvs1.daemon<import('../../../source/sim/ipvs/data-plane').IpvsDataPlane>('ipvs-data')!;
		const svc = ipvs.services[0]!;
		const slot = plane.newConnection(svc, 'udp', parseIp('10.0.0.200')!, 33000, key.addr, 53, l.world.now, false);
		plane.udpPacket(slot, l.world.now);
		plane.countIn(slot, 1, 60);
		expect([...ipvs.connections()].map((c) => [c.protocol, c.state, (c.expires - l.world.now) / 1e6])).toEqual([['udp', 'UDP', 300]]);
		expect([svc.dests[0]!.activeConns, svc.dests[0]!.inactConns]).toEqual([0, 1]);
		ipvs.setTimeouts({tcp: 0, tcpfin: 0, udp: 20});
		plane.refresh();
		plane.udpPacket(slot, l.world.now);
		sh(l, 'sleep 21');
		expect([...ipvs.connections()]).toEqual([]);
		expect(svc.dests[0]!.inactConns).toBe(0);
	});
});
