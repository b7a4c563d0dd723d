import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';
import {parseIp} from '../../../source/sim/net/ipv4';
import {lookupRoute} from '../../../source/sim/net/routing';

const SARGE = 'test/fixtures/sarge-2.6.8.yaml';
const golden = (name: string) => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');
const ip = (s: string) => parseIp(s)!;

describe('ip rule and routing tables', () => {
	it('prints what iproute2 6.1 prints for rules, tables and route get on a real server', () => {
		expect(run(golden('ip-rule-modern.script'))).toBe(golden('ip-rule-modern.out'));
	});

	it('prints what iproute 20041019 on a 2.6.8 kernel printed', () => {
		expect(run(golden('ip-rule-sarge.script'), SARGE)).toBe(golden('ip-rule-sarge.out'));
	});

	it('lets the traffic model follow the rules: NAT replies break without the policy rule and explain says why', () => {
		expect(run(golden('nat-policy-rule.script'))).toBe(golden('nat-policy-rule.out'));
	});

	it('routes by the rules the learner changes, as the kernel would', () => {
		const l = lab();
		const rs1 = l.world.host('rs1')!;
		sh(l, 'ssh rs1');
		const viaTable = () => {
			const r = lookupRoute(rs1, ip('10.0.0.200'), ip('10.0.0.11'));
			return r.kind === 'unicast' ? `${r.table} ${r.nextHop === ip('10.0.0.1') ? 'director' : 'direct'}` : r.kind;
		};
		expect(viaTable()).toBe('100 director');
		// A rule that rejects comes first.
		sh(l, 'ip rule add from 10.0.0.11 to 10.0.0.200 unreachable pref 10');
		expect(viaTable()).toBe('unreachable');
		sh(l, 'ip rule del pref 10');
		// Without the main rule only the table 100 rule is left for that source.
		sh(l, 'ip rule del pref 32766');
		expect(viaTable()).toBe('100 director');
		expect(lookupRoute(rs1, ip('10.0.0.200'), ip('10.0.0.100')).kind).toBe('unreachable');
		sh(l, 'ip rule add from all lookup main pref 32766');
		expect(lookupRoute(rs1, ip('10.0.0.200'), ip('10.0.0.100')).kind).toBe('unicast');
		// Modern kernels let the local rule go too: then not even the host's own addresses are local.
		expect(sh(l, 'ip rule del pref 0')).toEqual({out: '', status: 0});
		expect(lookupRoute(rs1, ip('10.0.0.11')).kind).not.toBe('local');
		sh(l, 'ip rule add pref 0 lookup local');
		expect(lookupRoute(rs1, ip('10.0.0.11')).kind).toBe('local');
	});

	it('gives rules without a priority the number below the second rule, and table 0 a new empty table', () => {
		const l = lab();
		sh(l, 'ssh client');
		sh(l, 'ip rule add from 10.0.0.200 table 0');
		sh(l, 'ip rule add from 10.0.0.201 table 0');
		expect(sh(l, 'ip rule').out).toBe(
			'0:\tfrom all lookup local\n32764:\tfrom 10.0.0.201 lookup 2\n32765:\tfrom 10.0.0.200 lookup 1\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n',
		);
		expect(sh(l, 'ip route show table 1')).toEqual({out: '', status: 0});
		expect(sh(l, 'ip route show table 3')).toEqual({out: 'Error: ipv4: FIB table does not exist.\nDump terminated\n', status: 2});
		sh(l, 'ip rule flush');
		expect(sh(l, 'ip rule').out).toBe('0:\tfrom all lookup local\n');
		// curl acts from the client: with no rule at all it has no route anywhere (ENETUNREACH).
		expect(sh(l, 'curl -s -m 1 http://10.0.0.11/').status).toBe(7);
	});

	it('names tables from /etc/iproute2/rt_tables when the host has one', () => {
		const l = lab();
		sh(l, 'ssh rs2');
		sh(l, 'mkdir -p /etc/iproute2; echo "100 nat" > /etc/iproute2/rt_tables');
		expect(sh(l, 'ip rule show table nat').out).toBe('32765:\tfrom 10.0.0.12 lookup nat\n');
		expect(sh(l, 'ip route show table all').out).toContain('default via 10.0.0.1 dev eth0 table nat \n');
	});

	it('marks routes through an unplugged device linkdown on modern hosts', () => {
		const l = lab();
		sh(l, 'ssh rs3');
		sh(l, 'unplug rs3');
		expect(sh(l, 'ip route').out).toBe('default via 10.0.0.1 dev eth0 linkdown \n10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.13 linkdown \n');
	});

	it('does not wipe the main table on `ip route flush cache`', () => {
		const l = lab();
		expect(sh(l, 'ip route flush cache')).toEqual({out: '', status: 0});
		expect(sh(l, 'ip route').out).toBe('10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 \n');
	});
});
