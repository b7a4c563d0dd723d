import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {counts, virtualService} from '../../helpers/ipvs';
import {gratuitousArp} from '../../../source/sim/net/arp';
import {parseIp} from '../../../source/sim/net/ipv4';
import {lookupRoute} from '../../../source/sim/net/routing';

const ip = (s: string) => parseIp(s)!;

describe('routing', () => {
	it('prefers local addresses, then policy rules, then the longest prefix of the main table', () => {
		const l = lab();
		const rs1 = l.world.host('rs1')!;
		expect(lookupRoute(rs1, ip('10.0.0.100'))).toEqual({kind: 'local'});
		// From the VIP (DR/TUN replies): straight to the client.
		const fromVip = lookupRoute(rs1, ip('10.0.0.200'), ip('10.0.0.100'));
		expect(fromVip.kind === 'unicast' && [fromVip.nextHop, fromVip.table]).toEqual([ip('10.0.0.200'), 254]);
		// From its own address (NAT replies): table 100, through the director.
		const fromRip = lookupRoute(rs1, ip('10.0.0.200'), ip('10.0.0.11'));
		expect(fromRip.kind === 'unicast' && [fromRip.nextHop, fromRip.table]).toEqual([ip('10.0.0.1'), 100]);
		expect(lookupRoute(l.world.host('client')!, ip('192.168.7.7')).kind).toBe('unreachable');
	});
});

describe('forwarding methods and misconfigured real servers', () => {
	it('DR: a real server without the VIP drops the packet; the client times out and explain says why', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		const rs1 = l.world.host('rs1')!;
		rs1.addresses = rs1.addresses.filter((a) => a.ip !== ip('10.0.0.100'));
		expect(sh(l, 'curl -m 2 http://10.0.0.100/')).toEqual({out: 'curl: (28) Connection timed out after 2001 milliseconds\n', status: 28});
		expect(counts(l)).toEqual(['rs1 0/1']);
		const why = sh(l, 'explain').out;
		expect(why).toContain('rs1 does not have 10.0.0.100 on any interface (DR needs the VIP on a loopback alias such as lo:0)');
		expect(sh(l, 'curl http://10.0.0.100/')).toEqual({out: "curl: (28) Failed to connect to 10.0.0.100 port 80 after 127000 ms: Couldn't connect to server\n", status: 28});
	});

	it('NAT: when the real server answers the client directly, the client resets the reply from the wrong address', () => {
		const l = lab();
		virtualService(l, {fwd: 'masq', rips: ['10.0.0.11']});
		expect(sh(l, 'curl -s http://10.0.0.100/').out).toBe('rs1\n');
		// Undo the sandbox's preparation: rs1 then replies to the client on the shared subnet.
		l.world.host('rs1')!.rules = [];
		expect(sh(l, 'curl -m 3 http://10.0.0.100/').status).toBe(28);
		expect(sh(l, 'explain').out).toContain('the answer came from 10.0.0.11:80, but the client talks to 10.0.0.100:80, so the client reset it');
	});

	it('NAT needs ip_forward on the director: without it the replies die there', () => {
		const l = lab();
		virtualService(l, {fwd: 'masq', rips: ['10.0.0.11']});
		l.world.host('lvs1')!.sysctl.set('net.ipv4.ip_forward', '0');
		expect(sh(l, 'curl -s -m 1 http://10.0.0.100/').status).toBe(28);
		expect(sh(l, 'explain').out).toContain('lvs1 does not own 10.0.0.200 and does not forward (net.ipv4.ip_forward = 0)');
	});

	it('DR replies must not go back through the director: it drops its own VIP as a martian source', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		l.world.host('rs1')!.routes.unshift({dest: ip('10.0.0.200'), prefix: 32, via: ip('10.0.0.1'), dev: 'eth0', proto: 'static'});
		expect(sh(l, 'curl -s -m 1 http://10.0.0.100/').status).toBe(28);
		expect(sh(l, 'explain').out).toContain('martian source');
	});

	it('TUN: the VIP on tunl0 works with rp_filter off; strict rp_filter on tunl0 drops the unwrapped packet', () => {
		const l = lab();
		virtualService(l, {fwd: 'tunnel', rips: ['10.0.0.11']});
		expect(sh(l, 'curl -s http://10.0.0.100/').out).toBe('rs1\n');
		l.world.host('rs1')!.sysctl.set('net.ipv4.conf.tunl0.rp_filter', '1');
		expect(sh(l, 'curl -s -m 1 http://10.0.0.100/').status).toBe(28);
		expect(sh(l, 'explain').out).toContain("rs1's rp_filter (strict) drops the packet from 10.0.0.200 that came in on tunl0");
	});

	it('the ARP problem: real servers that answer ARP for the VIP take the client away from the director', () => {
		let seen = false;
		for (let seed = 1; seed < 20 && !seen; seed++) {
			const l = lab('sandbox', seed);
			virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
			for (const rs of ['rs1', 'rs2']) {
				const h = l.world.host(rs)!;
				h.sysctl.set('net.ipv4.conf.all.arp_ignore', '0');
				h.sysctl.set('net.ipv4.conf.eth0.arp_ignore', '0');
			}
			const body = sh(l, 'curl -s http://10.0.0.100/').out;
			const arp = l.world.timeline.list().find((e) => e.text.startsWith('ARP who-has 10.0.0.100'));
			expect(arp?.text).toMatch(/answered by lvs1, rs1, rs2; client now sends 10\.0\.0\.100 to (lvs1|rs1|rs2)$/);
			if (!arp!.text.endsWith('to lvs1')) {
				seen = true;
				const winner = arp!.text.slice(-3);
				expect(body).toBe(`${winner}\n`);
				expect(counts(l)).toEqual(['rs2 0/0', 'rs1 0/0']);
				expect(sh(l, 'explain').out).toContain('the LVS-DR ARP problem');
			}
		}
		expect(seen).toBe(true);
	});

	it('arp_announce 0 lets a DR real server poison the client with the VIP when it asks for the client\'s MAC', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		const rs1 = l.world.host('rs1')!;
		rs1.sysctl.set('net.ipv4.conf.all.arp_announce', '0');
		rs1.sysctl.set('net.ipv4.conf.eth0.arp_announce', '0');
		expect(sh(l, 'curl -s http://10.0.0.100/').out).toBe('rs1\n');
		const client = l.world.host('client')!;
		expect(client.neighbors.get(ip('10.0.0.100'))?.mac).toBe(rs1.interfaces.get('eth0')!.mac);
		sh(l, 'curl -s http://10.0.0.100/');
		// The second request went straight to rs1: the director saw only the first.
		expect(counts(l)).toEqual(['rs1 0/1']);
		// A gratuitous ARP from the director puts things right.
		gratuitousArp(l.world, l.world.host('lvs1')!, 'eth0', ip('10.0.0.100'));
		expect(client.neighbors.get(ip('10.0.0.100'))?.mac).toBe(l.world.host('lvs1')!.interfaces.get('eth0')!.mac);
	});

	it('arp_ignore and arp_announce as the reference prepares them keep the VIP on the director', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
		for (let i = 0; i < 4; i++) sh(l, 'curl -s http://10.0.0.100/');
		expect(counts(l)).toEqual(['rs2 0/2', 'rs1 0/2']);
		expect(l.world.timeline.list().some((e) => e.text.startsWith('ARP who-has'))).toBe(false);
	});
});

describe('datagrams and broadcasts for other subsystems', () => {
	it('sendDatagram says whose stack gets a packet, or where and why it died', async () => {
		const {sendDatagram, broadcastOn} = await import('../../../source/sim/net/deliver');
		const l = lab();
		const lvs1 = l.world.host('lvs1')!;
		const ok = sendDatagram(l.world, lvs1, ip('10.0.0.12'), 694);
		expect(ok.ok && ok.to.name).toBe('rs2');
		expect(ok.ok && ok.latency).toBeGreaterThan(50);
		sh(l, 'unplug rs2');
		// lvs1 still caches rs2's MAC: the frame is lost on the wire.
		const lost = sendDatagram(l.world, lvs1, ip('10.0.0.12'), 694);
		expect(lost.ok).toBe(false);
		expect(!lost.ok && lost.reason).toBe('host-down');
		expect(!lost.ok && lost.detail.en).toContain("rs2's eth0 is unplugged");
		expect(broadcastOn(l.world, lvs1, 'eth0').map((h) => h.name)).toEqual(['rs1', 'rs3', 'rs4', 'client']);
		sh(l, 'unplug lvs1');
		expect(broadcastOn(l.world, lvs1, 'eth0')).toEqual([]);
		const none = sendDatagram(l.world, lvs1, ip('10.0.0.13'), 694);
		expect(!none.ok && none.reason).toBe('no-carrier');
	});
});
