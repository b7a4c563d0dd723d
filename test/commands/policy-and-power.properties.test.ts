import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createLab, type Lab} from '../../source/lab/lab';
import {loadScenario} from '../../source/scenario/load';
import type {Host} from '../../source/sim/host';
import {lookupRoute} from '../../source/sim/net/routing';
import {sh} from '../helpers/lab';

const scenario = (name: string) => {
	const found = loadScenario(name);
	if (!found.ok) throw new Error(found.message);
	return found.config;
};
const SANDBOX = scenario('sandbox');
const SARGE = scenario('test/fixtures/sarge-2.6.8.yaml');

const lab = (sarge: boolean): Lab => createLab(sarge ? SARGE : SANDBOX, {seed: 1, lang: 'en', interactive: false});

/** Words `ip rule` and `ip route … table` meet: their keywords, table names and numbers, prefixes, and junk. */
const IP_WORDS = [
	'list', 'show', 'lst', 'add', 'del', 'delete', 'flush', 'save', 'restore', 'help', 'get', 'replace', 'change', 'append',
	'from', 'to', 'table', 'lookup', 'pref', 'priority', 'order', 'prio', 'type', 'dev', 'oif', 'via', 'src', 'proto', 'protocol', 'scope', 'root', 'match', 'exact', 'cache', 'cloned', 'onlink', 'metric',
	'all', 'default', 'any', 'main', 'local', 'unspec', 'kernel', 'boot', 'static', 'link', 'host', 'global',
	'0', '1', '100', '253', '254', '255', '256', '32765', '32766', '4294967295', '4294967296', '-1', '0x10', '010', '+5',
	'blackhole', 'unreachable', 'prohibit', 'unicast', 'broadcast', 'nat', 'not', 'fwmark', 'iif', 'goto', 'nop', 'tos', 'realms',
	'eth0', 'lo', 'tunl0', 'nosuch',
	'10.0.0.11', '10.0.0.1', '10.0.0.200', '192.168.0.103', '10/8', '10.0.0.0/24', '10.0.0.5/24', '0/0', '1.2.3.4/33', '300.1.2.3', '10.0.0.0/255.255.255.0', '1.2.3', '::1',
	'-4', '-6', '', 'x',
];

const ipWord = fc.oneof({weight: 6, arbitrary: fc.constantFrom(...IP_WORDS)}, {weight: 1, arbitrary: fc.string({maxLength: 8})});
const quote = (w: string) => "'" + w.replace(/'/g, "'\\''") + "'";

/** An `ip rule …` or `ip route …` line, often with a table. */
const ipLine = fc.tuple(fc.constantFrom('ip rule', 'ip route', 'ip -4 route', 'ip -6 rule', 'ip route show table', 'ip rule add', 'ip rule del', 'ip route add', 'ip route flush table'), fc.array(ipWord, {maxLength: 7})).map(([head, args]) => [head, ...args.map(quote)].join(' '));

/** The state a boot decides: addresses, routes, tables, rules, sysctls, links. */
function network(host: Host): string {
	return JSON.stringify({
		addresses: host.addresses,
		routes: host.routes,
		tables: [...host.tables],
		rules: host.rules,
		kernel: host.kernelRules,
		sysctl: [...host.sysctl],
		links: [...host.interfaces.values()].map((i) => [i.name, i.up, i.mtu]),
		neighbors: host.neighbors.size,
	});
}

describe('ip rule and ip route tables with random arguments', () => {
	it('never crash, never print an internal error, and keep the rules in priority order', () => {
		fc.assert(
			fc.property(fc.boolean(), fc.array(ipLine, {minLength: 1, maxLength: 6}), fc.integer({min: 0, max: 0xffffffff}), fc.integer({min: 0, max: 0xffffffff}), (sarge, lines, dst, src) => {
				const l = lab(sarge);
				if (!sarge) sh(l, 'ssh rs1');
				const host = l.shell.session.host;
				for (const line of lines) {
					const r = sh(l, line);
					expect(r.out).not.toContain('internal error');
					expect(r.status).toBeGreaterThanOrEqual(0);
					expect(r.status).toBeLessThanOrEqual(255);
				}
				for (let i = 1; i < host.rules.length; i++) expect(host.rules[i]!.priority).toBeGreaterThanOrEqual(host.rules[i - 1]!.priority);
				for (const routes of host.tables.values()) for (const r of routes) expect(host.interfaces.has(r.dev)).toBe(true);
				// Whatever the rules became, a routing decision is still made.
				expect(['local', 'unicast', 'unreachable']).toContain(lookupRoute(host, dst >>> 0, src >>> 0).kind);
				expect(sh(l, 'ip rule; ip route show table all').out).not.toContain('internal error');
			}),
			{numRuns: 400, seed: 20261126},
		);
	});
});

/** Words reboot, halt, poweroff and shutdown meet. */
const POWER_WORDS = ['-r', '-h', '-H', '-P', '-c', '-k', '-f', '-w', '-n', '-d', '-p', '-i', '-t', '-a', '-x', '--help', '--halt', '--reboot', '--poweroff', '--no-wall', '--show', '--force', '--bogus', 'now', '+0', '+1', '+3', '2', '0', '10:01', '23:59', '25:00', 'soon', 'kernel', 'update', ''];
const powerLine = fc.tuple(fc.constantFrom('reboot', 'halt', 'poweroff', 'shutdown', '/sbin/shutdown', '/sbin/reboot'), fc.array(fc.constantFrom(...POWER_WORDS), {maxLength: 4})).map(([cmd, args]) => [cmd, ...args.map(quote)].join(' '));

describe('reboot, halt, poweroff and shutdown with random arguments', () => {
	it('never crash or print an internal error, at the console or over ssh, and every host can be booted again', () => {
		fc.assert(
			fc.property(fc.boolean(), fc.constantFrom('console', 'ssh', 'remote'), fc.array(powerLine, {minLength: 1, maxLength: 3}), (sarge, where, lines) => {
				const l = lab(sarge);
				const target = sarge ? 'apache1' : 'rs2';
				if (where === 'ssh') sh(l, `ssh ${target}`);
				for (const line of lines) {
					const r = sh(l, where === 'remote' ? `ssh ${target} ${line}` : line);
					expect(r.out).not.toContain('internal error');
					expect(r.status).toBeGreaterThanOrEqual(0);
					expect(r.status).toBeLessThanOrEqual(255);
				}
				// Enough virtual time for any scheduled shutdown and any reboot to happen.
				expect(sh(l, 'sleep 400').out).not.toContain('internal error');
				for (const host of l.world.hosts.values()) {
					sh(l, `boot ${host.name}`);
					expect(host.powered).toBe(true);
				}
				expect(sh(l, `ssh ${target} ip rule`).out).toMatch(/^0:\tfrom all lookup local/);
			}),
			{numRuns: 150, seed: 4242},
		);
	});

	it('a reboot undoes any runtime change of addresses, routes, rules, tables and sysctls', () => {
		const reference = (sarge: boolean) => {
			const l = lab(sarge);
			const name = sarge ? 'apache1' : 'rs1';
			sh(l, `poweroff ${name}`);
			sh(l, `boot ${name}`);
			return network(l.world.host(name)!);
		};
		const expected = {modern: reference(false), sarge: reference(true)};
		const change = fc.oneof(ipLine, fc.constantFrom('ip addr add 10.9.9.9/32 dev lo label lo:7', 'ip addr del 10.0.0.11/24 dev eth0', 'ip link set eth0 mtu 1400', 'ip link set tunl0 down', 'sysctl -w net.ipv4.ip_forward=1', 'sysctl -w net.ipv4.conf.all.arp_ignore=0', 'ip neigh add 10.0.0.77 lladdr 00:11:22:33:44:55 dev eth0', 'ip rule flush'));
		fc.assert(
			fc.property(fc.boolean(), fc.array(change, {maxLength: 6}), fc.boolean(), (sarge, lines, orderly) => {
				const l = lab(sarge);
				const name = sarge ? 'apache1' : 'rs1';
				sh(l, `ssh ${name}`);
				for (const line of lines) sh(l, line);
				if (orderly) {
					sh(l, 'reboot');
					sh(l, 'sleep 60');
				} else {
					sh(l, `poweroff ${name}`);
					sh(l, `boot ${name}`);
				}
				expect(network(l.world.host(name)!)).toBe(expected[sarge ? 'sarge' : 'modern']);
			}),
			{numRuns: 150, seed: 7},
		);
	});
});
