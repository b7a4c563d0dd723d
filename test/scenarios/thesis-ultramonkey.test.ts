import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {run} from '../helpers/lab';

const script = readFileSync(new URL('../../fixtures/scripts/thesis-ultramonkey.txt', import.meta.url), 'utf8');
const golden = readFileSync(new URL('./golden/thesis-ultramonkey.txt', import.meta.url), 'utf8');

/** The output of the command that follows `prompt$ command` in a transcript (up to the next prompt). */
function after(transcript: string, command: string, nth = 0): string {
	const marker = `# ${command}\n`;
	let at = -1;
	for (let i = 0; i <= nth; i++) at = transcript.indexOf(marker, at + 1);
	if (at < 0) throw new Error(`no "${command}" in transcript`);
	const start = at + marker.length;
	const next = transcript.indexOf('root@', start);
	return transcript.slice(start, next < 0 ? undefined : next);
}

describe("the thesis' UltraMonkey tests (fixtures/scripts/thesis-ultramonkey.txt)", () => {
	const transcript = run(script, 'ultramonkey');

	it('reproduces the golden transcript byte for byte', () => {
		expect(transcript).toBe(golden);
	});

	it('3.1.7: VIP as a secondary address on the master, ldirectord status on both, the quiesced table and the sync daemons', () => {
		expect(after(transcript, 'ip addr sh eth0')).toContain('inet 192.168.0.105/24 brd 192.168.0.255 scope global secondary eth0\n');
		expect(after(transcript, '/usr/sbin/ldirectord ldirectord.cf status')).toMatch(/^ldirectord for \/etc\/ha\.d\/ldirectord\.cf is running with pid: \d+\n$/);
		expect(after(transcript, 'ssh debian2 /usr/sbin/ldirectord ldirectord.cf status')).toBe('ldirectord is stopped for /etc/ha.d/ldirectord.cf\n');
		expect(after(transcript, '/sbin/ipvsadm -L -n')).toContain('  -> 127.0.0.1:80                 Local   1      0          0         \n  -> 192.168.0.101:80             Route   0      0          0         \n');
		expect(after(transcript, '/etc/ha.d/resource.d/LVSSyncDaemonSwap master status')).toMatch(/^master running\n\(ipvs_syncmaster pid: \d+\)\n$/);
		expect(after(transcript, 'ssh debian2 /etc/ha.d/resource.d/LVSSyncDaemonSwap master status')).toMatch(/^master stopped\n\(ipvs_syncbackup pid: \d+\)\n$/);
	});

	it('test 1: six requests leave 3 inactive connections on each real server', () => {
		const table = after(transcript, '/sbin/ipvsadm -L -n', 2);
		expect(table).toContain('  -> 192.168.0.101:80             Route   1      0          3         \n');
		expect(table).toContain('  -> 192.168.0.102:80             Route   1      0          3         \n');
	});

	it('test 2: debian2 is stopped before debian1 is unplugged, running after deadtime, with the VIP, and serves', () => {
		expect(after(transcript, '/etc/ha.d/resource.d/LVSSyncDaemonSwap master status', 1)).toMatch(/^master stopped\n/);
		expect(after(transcript, '/etc/ha.d/resource.d/LVSSyncDaemonSwap master status', 2)).toMatch(/^master running\n/);
		expect(transcript).toContain('root@debian2:~# ip addr sh eth0\n2: eth0: <BROADCAST,MULTICAST,UP> mtu 1500 qdisc pfifo_fast qlen 1000\n    link/ether 00:16:3e:50:e3:3a brd ff:ff:ff:ff:ff:ff\n    inet 192.168.0.104/24 brd 192.168.0.255 scope global eth0\n    inet 192.168.0.105/24 brd 192.168.0.255 scope global secondary eth0\n');
		expect(transcript).toContain('root@debian2:~# ssh client curl -s http://192.168.0.105/\nservidor apache ');
		expect(transcript).toMatch(/debian2 {2}heartbeat {2}debian1 declared dead: no heartbeat for 30\.0 s \(deadtime 30 s\)\n/);
	});

	it('test 3: with apache1 unplugged it is quiesced (weight 0, quiescent=yes) and only apache 2 answers', () => {
		const table = after(transcript, '/sbin/ipvsadm -L -n', 3);
		expect(table).toMatch(/ {2}-> 192\.168\.0\.101:80 {13}Route {3}0 /);
		expect(table).toMatch(/ {2}-> 192\.168\.0\.102:80 {13}Route {3}1 /);
		const last = transcript.slice(transcript.lastIndexOf('unplug apache1'));
		const answers = [...last.matchAll(/index\.html\n(servidor apache \d)\n/g)].map((m) => m[1]);
		expect(answers).toEqual(['servidor apache 2', 'servidor apache 2', 'servidor apache 2']);
	});
});
