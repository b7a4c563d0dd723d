import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/lab';
import {loadScenario} from '../../source/scenario/load';
import {sh} from '../helpers/lab';

const COMMANDS = [
	'ip', 'ifconfig', 'route', 'arp', 'sysctl', 'ifup', 'ifdown', '/etc/init.d/networking',
	'ls', 'grep', 'sed', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee', 'touch', 'mkdir', 'rmdir', 'rm', 'cp', 'mv', 'chmod', 'chown', 'stat',
	'printf', 'test', '[', 'env', 'export', 'unset', 'which', 'type',
	'modprobe', 'lsmod', 'rmmod', 'apt-get', 'update-rc.d', 'uptime', 'free', 'df', 'dmesg',
];

/** Words each tool is likely to meet: its own options, devices, addresses, files, and junk. */
const WORDS = [
	'-a', '-n', '-p', '-w', '-q', '-e', '-l', '-r', '-f', '-s', '-o', '-4', '-6', '-0', '-i', '-v', '-c', '-d', '-h', '-E', '-F', '-1', '-t', '-N', '--', '-', '--all', '--help', '-x', '-zz',
	'addr', 'a', 'sh', 'show', 'add', 'del', 'flush', 'link', 'set', 'up', 'down', 'route', 'r', 'neigh', 'get', 'dev', 'label', 'brd', 'broadcast', 'scope', 'host', 'global', 'via', 'src', 'mtu', 'lladdr', 'nud', 'netmask', 'gw', '-net', '-host', 'default', 'install', 'remove', 'start', 'stop', 'restart', 'defaults', '.', 'update',
	'eth0', 'lo', 'lo:0', 'eth0:1', 'tunl0', 'nosuch', '10.0.0.1', '10.0.0.1/24', '10.0.0.100/32', '300.1.2.3', '0.0.0.0/0', '255.255.255.255', '1.2.3.4/33', '/', '10.0.0',
	'net.ipv4.ip_forward', 'net.ipv4.ip_forward=1', 'net/ipv4/conf', 'kernel', '=', 'a=', '=b',
	'/etc/hosts', '/etc/sysctl.conf', '/etc/network/interfaces', '/tmp', '/tmp/x', '/proc/sys', '/dev/null', '/nonexistent', '.', '..', '~', '*',
	'ip_vs', 'ip_vs_rr', 'ip_vs_lbc', 'heartbeat', 'apache2', 'iproute',
	'600', '755', 'u+x,go-w', 'a=', '+t', 'root:root', 'www-data',
	's/a/b/g', 's/x', '1d', '$p', '/re/,/x/p', '2!d', 'y/ab/cd/', '{', '}', 'q', 'a text',
	'%s', '%d', '%5.2f', '%', '%q', '\\n', '%b',
	'!', '(', ')', '=', '!=', '-eq', '-lt', '-z', '-f', ']', 'x', '',
];

const config = (() => {
	const found = loadScenario('sandbox');
	if (!found.ok) throw new Error(found.message);
	return found.config;
})();

const word = fc.oneof({weight: 5, arbitrary: fc.constantFrom(...WORDS)}, {weight: 1, arbitrary: fc.string({maxLength: 12})});

function quote(w: string): string {
	return "'" + w.replace(/'/g, "'\\''") + "'";
}

describe('robustness of the unix tools', () => {
	it('never crash or print an internal error, whatever the arguments', () => {
		fc.assert(
			fc.property(fc.constantFrom(...COMMANDS), fc.array(word, {maxLength: 7}), fc.constantFrom('lvs1', 'rs1'), (cmd, args, hostName) => {
				const l = createLab(config, {seed: 1, lang: 'en', interactive: false});
				if (hostName !== 'lvs1') sh(l, `ssh ${hostName}`);
				const line = [cmd, ...args.map(quote)].join(' ');
				const r = sh(l, line + ' < /etc/hosts');
				expect(r.out).not.toContain('internal error');
				expect(r.status).toBeGreaterThanOrEqual(0);
				expect(r.status).toBeLessThanOrEqual(255);
			}),
			{numRuns: 800, seed: 20070614},
		);
	});

	it('keep the host state consistent after random network commands', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.constantFrom('ip', 'ifconfig', 'route', 'ifup', 'ifdown', 'sysctl'), fc.array(word, {maxLength: 6})), {maxLength: 6}), (lines) => {
				const l = createLab(config, {seed: 1, lang: 'en', interactive: false});
				for (const [cmd, args] of lines) expect(sh(l, [cmd, ...args.map(quote)].join(' ')).out).not.toContain('internal error');
				const host = l.world.host('lvs1')!;
				for (const a of host.addresses) expect(host.interfaces.has(a.dev)).toBe(true);
				for (const r of host.routes) expect(host.interfaces.has(r.dev)).toBe(true);
				for (const [, v] of host.sysctl) expect(typeof v).toBe('string');
				// The tools still print something sensible afterwards.
				expect(sh(l, 'ip addr').out).toMatch(/^1: lo: /);
			}),
			{numRuns: 300, seed: 31},
		);
	});
});
