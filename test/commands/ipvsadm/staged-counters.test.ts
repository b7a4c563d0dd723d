import {describe, expect, it} from 'vitest';
import type {Ipvs} from '../../../source/sim/ipvs/ipvs';
import type {ConnEntry, Protocol} from '../../../source/sim/ipvs/types';
import {parseIp} from '../../../source/sim/net/ipv4';
import {SEC} from '../../../source/sim/time';
import {lab, sh} from '../../helpers/lab';
import {visible} from './golden';

// Counters, rates and connection entries come from the data plane, which is not part of
// ipvsadm. These tests set them on the kernel objects and check what ipvsadm prints:
// the reference's [run] samples of §2.3-§2.5, byte for byte.

type Lab = ReturnType<typeof lab>;

function director(l: Lab): Ipvs {
	return l.world.host('lvs1')!.ipvs!;
}

function service(l: Lab, protocol: Protocol, addr: string, port: number) {
	const svc = director(l).findService({fwmark: 0, protocol, addr: parseIp(addr)!, port});
	if (!svc) throw new Error(`no service ${addr}:${port}`);
	return svc;
}

function run(l: Lab, line: string): string {
	const r = sh(l, line);
	expect(r.status, line).toBe(0);
	return r.out;
}

function ip(text: string): number {
	return parseIp(text)!;
}

describe('ipvsadm --stats, --rate and --exact', () => {
	function statsLab(): Lab {
		const l = lab();
		run(l, 'ipvsadm -A -t 192.168.6.240:80; ipvsadm -a -t 192.168.6.240:80 -r 192.168.6.2; ipvsadm -A -u 192.168.6.240:53');
		const web = service(l, 'tcp', '192.168.6.240', 80);
		web.stats = {conns: 1234, inpkts: 56789, outpkts: 0, inbytes: 4567890, outbytes: 0};
		web.dests[0]!.stats = {conns: 634, inpkts: 26789, outpkts: 0, inbytes: 2567890, outbytes: 0};
		service(l, 'udp', '192.168.6.240', 53).stats = {conns: 150_000_000, inpkts: 1_234_000_000, outpkts: 0, inbytes: 123_000_000_000, outbytes: 0};
		return l;
	}

	it('scales large numbers to K, M, G (reference §2.3 sample)', () => {
		expect(visible(run(statsLab(), 'ipvsadm -L -n --stats'))).toBe(
			visible(
				'IP Virtual Server version 1.2.1 (size=4096)\n' +
					'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n' +
					'  -> RemoteAddress:Port\n' +
					'TCP  192.168.6.240:80                 1234    56789        0  4567890        0\n' +
					'  -> 192.168.6.2:80                    634    26789        0  2567890        0\n' +
					'UDP  192.168.6.240:53              150000K    1234M        0     123G        0\n',
			),
		);
	});

	it('prints whole numbers with --exact, one column wider than the number', () => {
		expect(visible(run(statsLab(), 'ipvsadm -Ln --stats --exact -u 192.168.6.240:53'))).toBe(
			visible(
				'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n' +
					'  -> RemoteAddress:Port\n' +
					'UDP  192.168.6.240:53             150000000 1234000000        0 123000000000        0\n',
			),
		);
	});

	it('switches units at 10^8, 10^9, 10^11 and 10^14', () => {
		const l = lab();
		run(l, 'ipvsadm -A -t 10.0.0.100:80');
		service(l, 'tcp', '10.0.0.100', 80).stats = {conns: 99_999_999, inpkts: 100_000_000, outpkts: 99_999_999_999, inbytes: 100_000_000_000_000, outbytes: 2 ** 53};
		expect(run(l, 'ipvsadm -Ln --stats').split('\n')[3]).toBe('TCP  10.0.0.100:80                99999999  100000K   99999M     100T    9007T');
	});

	it('prints rates; a real server shows CPS and packet rates raw, only byte rates scaled', () => {
		const l = lab();
		run(l, 'ipvsadm -A -t 10.0.0.100:80; ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.11');
		const svc = service(l, 'tcp', '10.0.0.100', 80);
		svc.rates = {cps: 12, inpps: 345, outpps: 0, inbps: 123_456_789, outbps: 0};
		svc.dests[0]!.rates = {cps: 123_456_789, inpps: 345, outpps: 0, inbps: 123_456_789, outbps: 0};
		expect(visible(run(l, 'ipvsadm -L -n --rate'))).toBe(
			visible(
				'IP Virtual Server version 1.2.1 (size=4096)\n' +
					'Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n' +
					'  -> RemoteAddress:Port\n' +
					'TCP  10.0.0.100:80                      12      345        0  123456K        0\n' +
					'  -> 10.0.0.11:80                 123456789      345        0  123456K        0\n',
			),
		);
	});

	it('leaves the connection counts alone when -Z zeroes the statistics', () => {
		const l = statsLab();
		const web = service(l, 'tcp', '192.168.6.240', 80);
		web.dests[0]!.activeConns = 5;
		run(l, 'ipvsadm -Z -t 192.168.6.240:80');
		expect(web.stats.conns).toBe(0);
		expect(web.dests[0]!.stats.inbytes).toBe(0);
		expect(web.dests[0]!.activeConns).toBe(5);
		expect(service(l, 'udp', '192.168.6.240', 53).stats.conns).toBe(150_000_000);
		run(l, 'ipvsadm -Z');
		expect(service(l, 'udp', '192.168.6.240', 53).stats.conns).toBe(0);
	});

	it('keeps 64-bit service counters but only 32 bits of real-server ones (libipvs parses those as 32-bit)', () => {
		const l = lab();
		run(l, 'ipvsadm -A -t 10.0.0.100:80; ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.11');
		const svc = service(l, 'tcp', '10.0.0.100', 80);
		svc.stats = {conns: 2 ** 32 + 5, inpkts: 7, outpkts: 0, inbytes: 2 ** 33, outbytes: 0};
		svc.dests[0]!.stats = {conns: 2 ** 32 + 5, inpkts: 7, outpkts: 0, inbytes: 2 ** 33, outbytes: 0};
		const lines = run(l, 'ipvsadm -Ln --stats --exact').split('\n');
		expect(lines[3]).toBe('TCP  10.0.0.100:80                4294967301        7        0 8589934592        0');
		expect(lines[4]).toBe('  -> 10.0.0.11:80                        5        7        0 8589934592        0');
	});

	it('carries only 32 bits of packet counters through the 2.6 socket interface', () => {
		const l = lab('test/commands/ipvsadm/thesis-2.6.yaml');
		run(l, 'ipvsadm -A -t 192.168.0.105:80');
		const svc = l.world.host('debian1')!.ipvs!.services[0]!;
		svc.stats = {conns: 2 ** 32 + 5, inpkts: 7, outpkts: 0, inbytes: 2 ** 33, outbytes: 0};
		expect(run(l, 'ipvsadm -Ln --stats --exact').split('\n')[3]).toBe('TCP  192.168.0.105:80                    5        7        0 8589934592        0');
	});
});

describe('ipvsadm --thresholds and --persistent-conn', () => {
	it('prints thresholds with the connection counts (reference §2.4 sample)', () => {
		const l = lab();
		run(l, 'ipvsadm -A -t 192.168.6.240:80 -p 300; ipvsadm -a -t 192.168.6.240:80 -r 192.168.6.3 -x 100 -y 50');
		const dest = service(l, 'tcp', '192.168.6.240', 80).dests[0]!;
		dest.activeConns = 12;
		dest.inactConns = 34;
		expect(visible(run(l, 'ipvsadm -L -n --thresholds -t 192.168.6.240:80'))).toBe(
			visible(
				'Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn \n' +
					'  -> RemoteAddress:Port\n' +
					'TCP  192.168.6.240:80 wlc persistent 300\n' +
					'  -> 192.168.6.3:80               100        50         12         34        \n',
			),
		);
	});

	it('prints persistence templates per real server (reference §2.4 sample)', () => {
		const l = lab();
		run(l, 'ipvsadm -A -t 192.168.6.240:80 -p; ipvsadm -a -t 192.168.6.240:80 -r 192.168.6.2');
		const dest = service(l, 'tcp', '192.168.6.240', 80).dests[0]!;
		Object.assign(dest, {persistConns: 4, activeConns: 7, inactConns: 103});
		expect(visible(run(l, 'ipvsadm -L -n --persistent-conn'))).toBe(
			visible(
				'IP Virtual Server version 1.2.1 (size=4096)\n' +
					'Prot LocalAddress:Port            Weight    PersistConn ActiveConn InActConn \n' +
					'  -> RemoteAddress:Port\n' +
					'TCP  192.168.6.240:80 wlc persistent 360\n' +
					'  -> 192.168.6.2:80               1         4           7          103       \n',
			),
		);
		expect(run(l, 'ipvsadm -L -n').split('\n')[4]).toBe('  -> 192.168.6.2:80               Route   1      7          103       ');
	});
});

describe('ipvsadm -c', () => {
	function entry(protocol: ConnEntry['protocol'], c: string, cport: number, v: string, vport: number, d: string, dport: number, state: string, seconds: number, extra: Partial<ConnEntry> = {}): ConnEntry {
		return {protocol, caddr: ip(c), cport, vaddr: ip(v), vport, daddr: ip(d), dport, state, expires: seconds * SEC, template: cport === 0, ...extra};
	}

	function connLab(at = 0): Lab {
		const l = lab();
		l.world.advance(at * SEC);
		const now = l.world.now;
		const entries = [
			entry('tcp', '192.168.1.50', 51234, '192.168.6.240', 80, '192.168.6.2', 80, 'ESTABLISHED', 897.9),
			entry('tcp', '192.168.1.50', 51236, '192.168.6.240', 80, '192.168.6.3', 80, 'FIN_WAIT', 95),
			entry('tcp', '192.168.1.51', 40000, '192.168.6.240', 80, '192.168.6.2', 80, 'SYN_RECV', 59.5),
			entry('tcp', '192.168.1.50', 0, '192.168.6.240', 80, '192.168.6.2', 80, 'NONE', 299),
			entry('udp', '192.168.1.52', 33000, '192.168.6.240', 53, '192.168.6.2', 53, 'UDP', 287),
			entry('ip', '192.168.1.53', 0, '0.0.0.1', 0, '192.168.6.3', 0, 'NONE', 3599),
		].map((e) => ({...e, expires: e.expires + now}));
		director(l).connections = () => entries;
		return l;
	}

	it('lists the kernel connection table (reference §2.5 sample)', () => {
		expect(visible(run(connLab(), 'ipvsadm -L -n -c'))).toBe(
			visible(
				'IPVS connection entries\n' +
					'pro expire state       source             virtual            destination\n' +
					'TCP 14:57  ESTABLISHED 192.168.1.50:51234 192.168.6.240:80   192.168.6.2:80\n' +
					'TCP 01:35  FIN_WAIT    192.168.1.50:51236 192.168.6.240:80   192.168.6.3:80\n' +
					'TCP 00:59  SYN_RECV    192.168.1.51:40000 192.168.6.240:80   192.168.6.2:80\n' +
					'TCP 04:59  NONE        192.168.1.50:0     192.168.6.240:80   192.168.6.2:80\n' +
					'UDP 04:47  UDP         192.168.1.52:33000 192.168.6.240:53   192.168.6.2:53\n' +
					'IP  59:59  NONE        192.168.1.53:0     0.0.0.1:0          192.168.6.3:0\n',
			),
		);
	});

	it('counts the time left from the virtual clock', () => {
		const l = connLab(100);
		l.world.advance(90 * SEC);
		expect(run(l, 'ipvsadm -Lnc').split('\n')[3]).toBe('TCP 00:05  FIN_WAIT    192.168.1.50:51236 192.168.6.240:80   192.168.6.3:80');
		l.world.advance(10 * SEC);
		expect(run(l, 'ipvsadm -Lnc').split('\n')[3]).toBe('TCP 00:00  FIN_WAIT    192.168.1.50:51236 192.168.6.240:80   192.168.6.3:80');
	});

	it('reads /proc/net/ip_vs_conn, whose lines are in hex', () => {
		const lines = run(connLab(), 'cat /proc/net/ip_vs_conn').split('\n');
		expect(lines[0]).toBe('Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData');
		expect(lines[1]).toBe('TCP C0A80132 C822 C0A806F0 0050 C0A80602 0050 ESTABLISHED     897');
		expect(lines[6]).toBe('IP  C0A80135 0000 00000001 0000 C0A80603 0000 NONE           3599');
	});

	it('names hosts and ports without -n; columns grow instead of cutting', () => {
		const l = lab();
		const entries = [
			entry('tcp', '10.0.0.200', 40001, '10.0.0.100', 80, '10.0.0.11', 80, 'ESTABLISHED', 60),
			entry('udp', '10.0.0.200', 40002, '10.0.0.100', 53, '10.0.0.12', 53, 'UDP', 61),
			entry('ip', '10.0.0.200', 0, '0.0.0.7', 0, '10.0.0.13', 80, 'NONE', 62),
		];
		director(l).connections = () => entries;
		expect(visible(run(l, 'ipvsadm -L -c'))).toBe(
			visible(
				'IPVS connection entries\n' +
					'pro expire state       source             virtual            destination\n' +
					'TCP 01:00  ESTABLISHED client:40001       10.0.0.100:http    rs1:http\n' +
					'UDP 01:01  UDP         client:40002       10.0.0.100:domain  rs2:domain\n' +
					'IP  01:02  NONE        client:0           0.0.0.7:0          rs3:80\n',
			),
		);
	});

	it('adds the persistence-engine columns with --persistent-conn', () => {
		const l = lab();
		const entries = [
			entry('udp', '10.0.0.200', 5060, '10.0.0.100', 5060, '10.0.0.11', 5060, 'UDP', 120, {peName: 'sip', peData: 'a84b4c76e66710'}),
			entry('tcp', '10.0.0.200', 40001, '10.0.0.100', 80, '10.0.0.11', 80, 'ESTABLISHED', 60),
		];
		director(l).connections = () => entries;
		expect(run(l, 'cat /proc/net/ip_vs_conn').split('\n')[1]).toBe('UDP 0A0000C8 13C4 0A000064 13C4 0A00000B 13C4 UDP             120 sip a84b4c76e66710');
		expect(visible(run(l, 'ipvsadm -Lnc --persistent-conn'))).toBe(
			visible(
				'IPVS connection entries\n' +
					'pro expire state       source             virtual            destination        pe name          pe_data\n' +
					'UDP 02:00  UDP         10.0.0.200:5060    10.0.0.100:5060    10.0.0.11:5060   sip                a84b4c76e66710\n' +
					'TCP 01:00  ESTABLISHED 10.0.0.200:40001   10.0.0.100:80      10.0.0.11:80\n',
			),
		);
	});

	it('shows no PEName/PEData columns on a 2.6 kernel', () => {
		const l = lab('test/commands/ipvsadm/thesis-2.6.yaml');
		const entries = [entry('tcp', '192.168.0.50', 1025, '192.168.0.105', 80, '192.168.0.101', 80, 'FIN_WAIT', 119)];
		l.world.host('debian1')!.ipvs!.connections = () => entries;
		expect(run(l, 'cat /proc/net/ip_vs_conn')).toBe(
			'Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires\nTCP C0A80032 0401 C0A80069 0050 C0A80065 0050 FIN_WAIT        119\n',
		);
		expect(run(l, 'ipvsadm -Lc').split('\n')[2]).toBe('TCP 01:59  FIN_WAIT    client:1025        192.168.0.105:http apache1:http');
	});
});

describe('/proc/net/ip_vs_stats', () => {
	it('prints the totals and rates in hex', () => {
		const l = lab();
		const ipvs = director(l);
		ipvs.totals = {conns: 10, inpkts: 20, outpkts: 30, inbytes: 0x1234567890, outbytes: 200};
		ipvs.totalRates = {cps: 1, inpps: 2, outpps: 3, inbps: 0xabc, outbps: 5};
		expect(visible(run(l, 'cat /proc/net/ip_vs_stats'))).toBe(
			visible(
				'   Total Incoming Outgoing         Incoming         Outgoing\n' +
					'   Conns  Packets  Packets            Bytes            Bytes\n' +
					'       A       14       1E       1234567890               C8\n' +
					'\n' +
					' Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s\n' +
					'       1        2        3              ABC                5\n',
			),
		);
		run(l, 'ipvsadm -A -t 10.0.0.100:80; ipvsadm -Z -t 10.0.0.100:80');
		expect(ipvs.totals.conns).toBe(10);
		run(l, 'ipvsadm -Z');
		expect(ipvs.totals.conns).toBe(0);
	});
});
