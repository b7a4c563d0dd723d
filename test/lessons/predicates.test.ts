import {describe, expect, it} from 'vitest';
import {compareCount} from '../../source/lessons/predicates/compare';
import {evaluate} from '../../source/lessons/predicates/evaluate';
import {makeRecord, type CommandRecord} from '../../source/lessons/record';
import type {Goal} from '../../source/lessons/schema';
import {goalSchema} from '../../source/lessons/schema';
import type {Lab} from '../../source/lab/lab';
import {parseIp} from '../../source/sim/net/ipv4';
import {SEC} from '../../source/sim/time';
import {lab as makeLab} from '../helpers/lab';

/** Runs commands in the lab's shell and keeps them as a step's history. */
function history(l: Lab, lines: string[]): CommandRecord[] {
	return lines.map((line) => {
		const host = l.shell.session.host.name;
		return makeRecord(line, l.shell.execute(line + '\n'), host, l.world.now);
	});
}

function check(l: Lab, goal: unknown, records: CommandRecord[] = [], timelineSince = -1): boolean {
	const parsed = goalSchema.parse(goal);
	return evaluate(parsed as Goal, {lab: l, records, timelineSince});
}

const VIP = parseIp('10.0.0.100')!;
const KEY = {fwmark: 0, protocol: 'tcp' as const, addr: VIP, port: 80};
const SERVICE = 'tcp 10.0.0.100:80';

function withService(l: Lab): void {
	const ipvs = l.world.host('lvs1')!.ipvs!;
	expect(ipvs.addService(KEY, {scheduler: 'rr', persistent: false, timeout: 0, netmask: 0xffffffff, onePacket: false, schedFlags: 0})).toBeUndefined();
	for (const [ip, fwd, weight] of [['10.0.0.11', 'masq', 1], ['10.0.0.12', 'route', 3]] as const) {
		expect(ipvs.addDest(KEY, {addr: parseIp(ip)!, port: 80, fwd, weight, uThreshold: 0, lThreshold: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0})).toBeUndefined();
	}
}

describe('goal predicates', () => {
	it('compares counts exactly or with an operator', () => {
		expect(compareCount(3, 3)).toBe(true);
		expect(compareCount(3, 2)).toBe(false);
		expect(compareCount(3, '>= 3')).toBe(true);
		expect(compareCount(2, '>=3')).toBe(false);
		expect(compareCount(0, '> 0')).toBe(false);
		expect(compareCount(1, '!= 0')).toBe(true);
		expect(compareCount(4, '< 4')).toBe(false);
		expect(compareCount(4, '<= 4')).toBe(true);
		expect(compareCount(4, '== 4')).toBe(true);
	});

	it('reads the IPVS table: services, schedulers, real servers, weights, methods, counters', () => {
		const l = makeLab();
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: SERVICE}})).toBe(false);
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: SERVICE, exists: false}})).toBe(true);
		withService(l);
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: SERVICE, scheduler: 'rr'}})).toBe(true);
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: SERVICE, scheduler: 'wlc'}})).toBe(false);
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: 'udp 10.0.0.100:80'}})).toBe(false);
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: SERVICE, dests: ['10.0.0.12:80', '10.0.0.11:80']}})).toBe(true);
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: SERVICE, dests: ['10.0.0.11:80']}})).toBe(false);
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: SERVICE, weights: {'10.0.0.12:80': 3}}})).toBe(true);
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: SERVICE, weights: {'10.0.0.12:80': 2}}})).toBe(false);
		expect(check(l, {'ipvs-service': {host: 'lvs1', service: SERVICE, persistent: false}})).toBe(true);
		expect(check(l, {'ipvs-service': {host: 'rs1', service: SERVICE}})).toBe(false);

		expect(check(l, {'ipvs-dest': {host: 'lvs1', service: SERVICE, dest: '10.0.0.11:80', forward: 'nat'}})).toBe(true);
		expect(check(l, {'ipvs-dest': {host: 'lvs1', service: SERVICE, dest: '10.0.0.11:80', forward: 'masq', weight: 1}})).toBe(true);
		expect(check(l, {'ipvs-dest': {host: 'lvs1', service: SERVICE, dest: '10.0.0.11:80', forward: 'dr'}})).toBe(false);
		expect(check(l, {'ipvs-dest': {host: 'lvs1', service: SERVICE, dest: '10.0.0.12:80', forward: 'route', weight: '> 2'}})).toBe(true);
		expect(check(l, {'ipvs-dest': {host: 'lvs1', service: SERVICE, dest: '10.0.0.13:80'}})).toBe(false);
		expect(check(l, {'ipvs-dest': {host: 'lvs1', service: SERVICE, dest: '10.0.0.13:80', exists: false}})).toBe(true);

		const dest = l.world.host('lvs1')!.ipvs!.findService(KEY)!.dests.find((d) => d.addr === parseIp('10.0.0.11'))!;
		dest.inactConns = 3;
		dest.stats.outpkts = 12;
		expect(check(l, {'ipvs-dest': {host: 'lvs1', service: SERVICE, dest: '10.0.0.11:80', active: 0, inactive: '>= 3'}})).toBe(true);
		expect(check(l, {'ipvs-dest': {host: 'lvs1', service: SERVICE, dest: '10.0.0.11:80', inactive: 4}})).toBe(false);
		expect(check(l, {'ipvs-stats': {host: 'lvs1', service: SERVICE, dest: '10.0.0.11:80', outpkts: '> 0'}})).toBe(true);
		expect(check(l, {'ipvs-stats': {host: 'lvs1', service: SERVICE, dest: '10.0.0.12:80', outpkts: '> 0'}})).toBe(false);
		expect(check(l, {'ipvs-stats': {host: 'lvs1', service: SERVICE, conns: 0}})).toBe(true);
	});

	it('counts connection-table entries by service, real server, client and state', () => {
		const l = makeLab();
		withService(l);
		const now = l.world.now;
		const entry = (daddr: string, state: string, template = false) => ({
			protocol: 'tcp' as const,
			caddr: parseIp('10.0.0.200')!,
			cport: template ? 0 : 40000,
			vaddr: VIP,
			vport: 80,
			daddr: parseIp(daddr)!,
			dport: 80,
			state,
			expires: now + 60 * SEC,
			template,
		});
		l.world.host('lvs1')!.ipvs!.connections = () => [entry('10.0.0.11', 'FIN_WAIT'), entry('10.0.0.11', 'ESTABLISHED'), entry('10.0.0.12', 'FIN_WAIT'), entry('10.0.0.12', 'NONE', true)];
		expect(check(l, {connections: {host: 'lvs1', count: 3}})).toBe(true);
		expect(check(l, {connections: {host: 'lvs1', service: SERVICE, dest: '10.0.0.11:80', count: 2}})).toBe(true);
		expect(check(l, {connections: {host: 'lvs1', state: 'FIN_WAIT', count: 2}})).toBe(true);
		expect(check(l, {connections: {host: 'lvs1', client: '10.0.0.200', state: 'ESTABLISHED', count: 1}})).toBe(true);
		expect(check(l, {connections: {host: 'lvs1', template: true, count: 1}})).toBe(true);
		expect(check(l, {connections: {host: 'lvs1', service: 'tcp 10.0.0.100:443', count: '> 0'}})).toBe(false);
		l.world.advance(61 * SEC);
		expect(check(l, {connections: {host: 'lvs1', count: 0}})).toBe(true);
	});

	it('reads files, sysctls, addresses, routes, the ARP cache, power and cables', () => {
		const l = makeLab();
		expect(check(l, {'file-contains': {host: 'rs1', path: '/var/www/index.html', text: 'rs1'}})).toBe(true);
		expect(check(l, {'file-contains': {host: 'rs2', path: '/var/www/index.html', match: '^rs1$'}})).toBe(false);
		expect(check(l, {'file-contains': {host: 'rs2', path: '/nope', text: 'x'}})).toBe(false);
		expect(check(l, {'file-exists': {host: 'rs2', path: '/var/www/index.html'}})).toBe(true);
		expect(check(l, {sysctl: {host: 'lvs1', key: 'net.ipv4.ip_forward', value: 1}})).toBe(true);
		expect(check(l, {sysctl: {host: 'rs1', key: 'net.ipv4.ip_forward', value: '1'}})).toBe(false);
		l.shell.execute('ssh rs1 "echo 0 > /proc/sys/net/ipv4/conf/all/arp_ignore"\n');
		expect(check(l, {sysctl: {host: 'rs1', key: 'net.ipv4.conf.all.arp_ignore', value: 0}})).toBe(true);
		expect(check(l, {'address-on': {host: 'lvs1', address: '10.0.0.100', label: 'eth0:0'}})).toBe(true);
		expect(check(l, {'address-on': {host: 'rs1', address: '10.0.0.100/32', dev: 'lo', label: 'lo:0'}})).toBe(true);
		expect(check(l, {'address-on': {host: 'rs1', address: '10.0.0.100/24', dev: 'lo'}})).toBe(false);
		expect(check(l, {'address-on': {host: 'client', address: '10.0.0.100'}})).toBe(false);
		expect(check(l, {route: {host: 'rs1', to: 'default', via: '10.0.0.1'}})).toBe(true);
		expect(check(l, {route: {host: 'rs1', to: '10.0.0.0/24', dev: 'eth0'}})).toBe(true);
		expect(check(l, {route: {host: 'client', to: 'default'}})).toBe(false);

		const client = l.world.host('client')!;
		const rs1Mac = l.world.host('rs1')!.interfaces.get('eth0')!.mac;
		expect(check(l, {neighbor: {host: 'client', ip: '10.0.0.100'}})).toBe(false);
		client.neighbors.set(VIP, {mac: rs1Mac, dev: 'eth0', state: 'REACHABLE', updated: 0});
		expect(check(l, {neighbor: {host: 'client', ip: '10.0.0.100', owner: 'rs1'}})).toBe(true);
		expect(check(l, {neighbor: {host: 'client', ip: '10.0.0.100', owner: 'lvs1'}})).toBe(false);
		expect(check(l, {neighbor: {host: 'client', ip: '10.0.0.100', mac: rs1Mac}})).toBe(true);
		client.neighbors.set(VIP, {mac: rs1Mac, dev: 'eth0', state: 'FAILED', updated: 0});
		expect(check(l, {neighbor: {host: 'client', ip: '10.0.0.100'}})).toBe(false);

		expect(check(l, {'host-state': {host: 'rs2', powered: true, plugged: true}})).toBe(true);
		l.world.host('rs2')!.interfaces.get('eth0')!.plugged = false;
		expect(check(l, {'host-state': {host: 'rs2', plugged: false}})).toBe(true);
		expect(check(l, {'host-state': {host: 'rs2', plugged: true, iface: 'eth0'}})).toBe(false);
		expect(check(l, {'host-state': {host: 'nowhere', powered: true}})).toBe(false);
		expect(check(l, {'process-running': {host: 'lvs1', match: 'heartbeat'}})).toBe(false);
		l.world.host('lvs1')!.processes.spawn({user: 'root', command: 'heartbeat: master control process', started: 0});
		expect(check(l, {'process-running': {host: 'lvs1', match: '^heartbeat'}})).toBe(true);
	});

	it('looks at where the shell is and what was typed, with hosts, success and counts', () => {
		const l = makeLab();
		expect(check(l, {'shell-on': 'lvs1'})).toBe(true);
		const records = history(l, ['cat   /etc/hosts', 'ssh rs2 hostname', 'nope', 'ssh client', 'hostname', 'hostname']);
		expect(check(l, {'shell-on': 'client'})).toBe(true);
		expect(check(l, {'command-ran': '^cat /etc/hosts$'}, records)).toBe(true);
		expect(check(l, {'command-ran': {match: '^hostname$', host: 'rs2', success: true}}, records)).toBe(true);
		expect(check(l, {'command-ran': {match: '^hostname$', host: 'lvs1'}}, records)).toBe(false);
		expect(check(l, {'command-ran': {match: '^hostname$', host: 'client', count: 2}}, records)).toBe(true);
		expect(check(l, {'command-ran': {match: '^hostname$', count: '>= 4'}}, records)).toBe(false);
		expect(check(l, {'command-ran': {match: '^nope$', success: true}}, records)).toBe(false);
		expect(check(l, {'command-ran': {match: '^nope$', success: false}}, records)).toBe(true);
		expect(check(l, {'command-ran': 'anything'}, [])).toBe(false);

		// Each command of a line counts on its own, on the host it ran on.
		const more = history(l, ['hostname; hostname && uname -r | cat', 'ssh rs3 "hostname"']);
		expect(check(l, {'command-ran': {match: '^hostname$', host: 'client', count: 2}}, more)).toBe(true);
		expect(check(l, {'command-ran': {match: '^uname -r$', host: 'client'}}, more)).toBe(true);
		expect(check(l, {'command-ran': {match: '^cat$'}}, more)).toBe(true);
		expect(check(l, {'command-ran': {match: '^hostname$', host: 'rs3'}}, more)).toBe(true);
		// Commands inside a loop or an `if` count too.
		const loop = history(l, ['for i in 1 2; do uname -n; done', 'if true; then uptime; fi']);
		expect(check(l, {'command-ran': {match: '^uname -n$', host: 'client'}}, loop)).toBe(true);
		expect(check(l, {'command-ran': '^uptime$'}, loop)).toBe(true);

		expect(check(l, {'output-matched': '^client$'}, records)).toBe(true);
		expect(check(l, {'output-matched': {match: 'command not found', command: '^nope'}}, records)).toBe(true);
		expect(check(l, {'output-matched': {match: 'command not found', command: '^nope', stream: 'out'}}, records)).toBe(false);
		expect(check(l, {'output-matched': {match: '^rs2$', command: 'hostname'}}, records)).toBe(false);
		expect(check(l, {'output-matched': {match: '^rs2$', command: '^ssh rs2'}}, records)).toBe(true);
	});

	it('counts processes by their home and by the node they execute on (openMosix)', () => {
		const l = makeLab('openmosix');
		const fib = (goal: Record<string, unknown>) => check(l, {'process-running': {host: 'mosix1', match: '^fib', ...goal}});
		expect(fib({})).toBe(false);
		expect(fib({count: 0})).toBe(true);
		history(l, ['fib & fib & fib & fib &']);
		// Just started: all four run at home, none has moved yet.
		expect(fib({count: 4})).toBe(true);
		expect(fib({on: 'mosix1', count: 4})).toBe(true);
		expect(fib({on: 'mosix2'})).toBe(false);
		history(l, ['sleep 10']);
		// Balanced: two still listed on mosix1 (their home) execute on mosix2.
		expect(fib({count: 4})).toBe(true);
		expect(fib({on: 'mosix2', count: 2})).toBe(true);
		expect(fib({on: 'mosix1', count: '== 2'})).toBe(true);
		expect(check(l, {'process-running': {host: 'mosix2', match: '^fib'}})).toBe(false);
		// Processes outside the CPU model (daemons) run at home.
		expect(check(l, {'process-running': {host: 'mosix1', match: 'httpd', on: 'mosix1', count: '>= 2'}})).toBe(true);
		expect(check(l, {'process-running': {host: 'mosix1', match: 'httpd', on: 'mosix2'}})).toBe(false);
	});

	it('sees timeline events of this step only', () => {
		const l = makeLab();
		l.world.log('lab', 'before the step', 'rs1');
		const since = l.world.timeline.lastSeq;
		expect(check(l, {'timeline-event': 'before'}, [], since)).toBe(false);
		l.world.log('heartbeat', 'node lvs2 is dead', 'lvs1');
		expect(check(l, {'timeline-event': {match: 'is dead', source: 'heartbeat', host: 'lvs1'}}, [], since)).toBe(true);
		expect(check(l, {'timeline-event': {match: 'is dead', source: 'ldirectord'}}, [], since)).toBe(false);
	});

	it('combines goals with all, any and not', () => {
		const l = makeLab();
		const yes = {'shell-on': 'lvs1'};
		const no = {'shell-on': 'rs1'};
		expect(check(l, {all: [yes, yes]})).toBe(true);
		expect(check(l, {all: [yes, no]})).toBe(false);
		expect(check(l, {any: [no, yes]})).toBe(true);
		expect(check(l, {any: [no, no]})).toBe(false);
		expect(check(l, {not: no})).toBe(true);
		expect(check(l, {not: {all: [yes, {not: no}]}})).toBe(false);
	});
});
