import {describe, expect, it} from 'vitest';
import type {Lab} from '../../../source/lab/lab';
import {formatIp} from '../../../source/sim/net/ipv4';
import {lab, sh} from '../../helpers/lab';
import {advance, cable, logLines} from '../../helpers/ultramonkey';

const VIP = '192.168.0.105';

function vipOn(l: Lab, host: string): string | undefined {
	const a = l.world.host(host)!.addresses.find((x) => formatIp(x.ip) === VIP && x.dev === 'eth0');
	return a ? `${formatIp(a.ip)}/${a.prefix} ${a.label} brd ${formatIp(a.broadcast!)}` : undefined;
}

const sync = (l: Lab, host: string) => (l.world.host(host)!.ipvs!.daemons.map((d) => d.state).join(',') || 'none');

/** heartbeat's own lines (heartbeat, mach_down, ResourceManager) in a director's syslog, without the date. */
const hb = (l: Lab, host: string) => logLines(l, host, '/var/log/syslog', /(heartbeat|mach_down|ResourceManager): \[/).map((x) => x.replace(/\[\d+\]/, '[PID]'));

const eventAt = (l: Lab, host: string, re: RegExp) => l.world.timeline.list().find((e) => e.host === host && re.test(e.text))?.at;

describe('heartbeat membership and resources', () => {
	it('boots with debian1 active (VIP, ldirectord, sync master) and debian2 standby (sync backup)', () => {
		const l = lab('ultramonkey');
		advance(l, 3);
		expect(vipOn(l, 'debian1')).toBe('192.168.0.105/24 eth0 brd 192.168.0.255');
		expect(vipOn(l, 'debian2')).toBeUndefined();
		expect([sync(l, 'debian1'), sync(l, 'debian2')]).toEqual(['master', 'backup']);
		expect(l.world.host('debian1')!.daemons.has('ldirectord.ldirectord.cf')).toBe(true);
		expect(l.world.host('debian2')!.daemons.has('ldirectord.ldirectord.cf')).toBe(false);
		expect(hb(l, 'debian2')).toContain('heartbeat: [PID]: info: No local resources [/usr/lib/heartbeat/ResourceManager listkeys debian2] to acquire.');
	});

	it('unplugging the active director: debian2 declares it dead exactly deadtime after its last heartbeat and takes over', () => {
		const l = lab('ultramonkey');
		advance(l, 10.5);
		cable(l, 'debian1', false);
		advance(l, 29);
		expect(vipOn(l, 'debian2')).toBeUndefined();
		advance(l, 1);
		// debian1's last heartbeat left at 10 s and took 74 µs on the wire; dead 30 s after it arrived.
		expect(eventAt(l, 'debian2', /declared dead/)).toBe(40_000_075);
		expect(eventAt(l, 'debian2', /no heartbeat from debian1 for 15 s/)).toBe(25_000_075);
		expect(vipOn(l, 'debian2')).toBe('192.168.0.105/24 eth0 brd 192.168.0.255');
		expect(sync(l, 'debian2')).toBe('master');
		const log = hb(l, 'debian2');
		const i = log.indexOf('heartbeat: [PID]: WARN: node debian1: is dead');
		expect(log.slice(i, i + 9)).toEqual([
			'heartbeat: [PID]: WARN: node debian1: is dead',
			'heartbeat: [PID]: info: Link debian1:eth0 dead.',
			'heartbeat: [PID]: info: Resources being acquired from debian1.',
			'mach_down: [PID]: info: Taking over resource group ldirectord::ldirectord.cf',
			'ResourceManager: [PID]: info: Acquiring resource group: debian1 ldirectord::ldirectord.cf LVSSyncDaemonSwap::master IPaddr2::192.168.0.105/24/eth0/192.168.0.255',
			'ResourceManager: [PID]: info: Running /etc/ha.d/resource.d/ldirectord ldirectord.cf start',
			'ResourceManager: [PID]: info: Running /etc/ha.d/resource.d/LVSSyncDaemonSwap master start',
			'ResourceManager: [PID]: info: Running /etc/ha.d/resource.d/IPaddr2 192.168.0.105/24/eth0/192.168.0.255 start',
			'mach_down: [PID]: info: mach_down takeover complete for node debian1.',
		]);
		expect(log[i + 9]).toBe('heartbeat: [PID]: info: mach_down takeover complete.');
	});

	it('a heartbeat later than warntime but before deadtime is logged as late, and nothing moves', () => {
		const l = lab('ultramonkey');
		advance(l, 10.5);
		cable(l, 'debian1', false);
		advance(l, 20);
		cable(l, 'debian1', true);
		advance(l, 1);
		expect(hb(l, 'debian2')).toContain('heartbeat: [PID]: WARN: Late heartbeat: Node debian1: interval 21000 ms');
		expect(vipOn(l, 'debian1')).toBeDefined();
		expect(vipOn(l, 'debian2')).toBeUndefined();
	});

	it('initdead: a director started alone waits initdead (30 s) before taking the resources', () => {
		const l = lab('ultramonkey');
		advance(l, 3);
		sh(l, 'ssh debian2 /etc/init.d/heartbeat stop');
		advance(l, 1);
		expect(vipOn(l, 'debian2')).toBeUndefined();
		expect(sh(l, '/etc/init.d/heartbeat stop')).toEqual({out: 'Stopping High-Availability services: Done.\n', status: 0});
		expect(vipOn(l, 'debian1')).toBeUndefined();
		expect(sync(l, 'debian1')).toBe('backup');
		expect(sh(l, '/etc/init.d/heartbeat start')).toEqual({out: 'Starting High-Availability services: Done.\n', status: 0});
		advance(l, 29.9);
		expect(vipOn(l, 'debian1')).toBeUndefined();
		advance(l, 1.2);
		expect(vipOn(l, 'debian1')).toBeDefined();
		expect(hb(l, 'debian1')).toContain('heartbeat: [PID]: WARN: node debian2: is dead');
	});

	it.each([
		['off', 'debian2'],
		['on', 'debian1'],
	])('auto_failback %s: after debian1 leaves and comes back the VIP is on %s', (setting, owner) => {
		const l = lab('ultramonkey');
		for (const h of ['debian1', 'debian2']) {
			const fs = l.world.host(h)!.fs;
			fs.write('/etc/ha.d/ha.cf', fs.read('/etc/ha.d/ha.cf').replace('auto_failback off', `auto_failback ${setting}`));
			sh(l, `ssh ${h} /etc/init.d/heartbeat restart`);
		}
		advance(l, 3);
		expect(vipOn(l, 'debian1')).toBeDefined();
		sh(l, '/etc/init.d/heartbeat stop');
		advance(l, 1);
		expect(vipOn(l, 'debian2')).toBeDefined();
		expect(hb(l, 'debian2')).toContain("heartbeat: [PID]: info: Received shutdown notice from 'debian1'.");
		sh(l, '/etc/init.d/heartbeat start');
		advance(l, 5);
		expect(vipOn(l, owner)).toBeDefined();
		expect(vipOn(l, owner === 'debian1' ? 'debian2' : 'debian1')).toBeUndefined();
	});

	it('hb_standby hands everything to the other director', () => {
		const l = lab('ultramonkey');
		advance(l, 3);
		const r = sh(l, '/usr/lib/heartbeat/hb_standby');
		expect(r).toEqual({out: '2007/06/14_10:00:03 Going standby [all].\n', status: 0});
		advance(l, 2);
		expect(vipOn(l, 'debian1')).toBeUndefined();
		expect(vipOn(l, 'debian2')).toBeDefined();
		expect([sync(l, 'debian1'), sync(l, 'debian2')]).toEqual(['backup', 'master']);
		expect(hb(l, 'debian2')).toContain('heartbeat: [PID]: info: Standby resource acquisition done [all].');
	});

	it('hb_standby and hb_takeover live in /usr/lib/heartbeat, which is not on root\'s PATH', () => {
		const l = lab('ultramonkey');
		advance(l, 3);
		expect(sh(l, 'hb_standby')).toEqual({out: 'bash: hb_standby: command not found\n', status: 127});
		expect(sh(l, 'hb_takeover')).toEqual({out: 'bash: hb_takeover: command not found\n', status: 127});
		expect(sh(l, 'which hb_standby; echo $?').out).toBe('1\n');
		expect(sh(l, 'ls /usr/lib/heartbeat').out).toMatch(/hb_standby\s+hb_takeover/);
		expect(sh(l, '/usr/share/heartbeat/hb_standby').out).toBe('bash: /usr/share/heartbeat/hb_standby: No such file or directory\n');
		expect(sh(l, 'cd /usr/lib/heartbeat && ./hb_standby')).toEqual({out: '2007/06/14_10:00:03 Going standby [all].\n', status: 0});
	});

	it('hb_takeover on the standby pulls the resources over', () => {
		const l = lab('ultramonkey');
		advance(l, 3);
		expect(sh(l, 'ssh debian2 /usr/lib/heartbeat/hb_takeover')).toEqual({out: '', status: 0});
		advance(l, 2);
		expect(vipOn(l, 'debian1')).toBeUndefined();
		expect(vipOn(l, 'debian2')).toBeDefined();
		// A second takeover has nothing to take.
		expect(sh(l, 'ssh debian2 /usr/lib/heartbeat/hb_takeover').status).toBe(1);
	});

	it('split brain on the dedicated heartbeat link: both directors hold the VIP, then the preferred one keeps it', () => {
		const l = lab('ultramonkey-hblink');
		advance(l, 5);
		cable(l, 'debian1', false, 'eth1');
		advance(l, 35);
		expect(vipOn(l, 'debian1')).toBeDefined();
		expect(vipOn(l, 'debian2')).toBeDefined();
		expect(eventAt(l, 'debian2', /declared dead/)).toBeDefined();
		cable(l, 'debian1', true, 'eth1');
		advance(l, 2);
		expect(vipOn(l, 'debian1')).toBeDefined();
		expect(vipOn(l, 'debian2')).toBeUndefined();
		expect(hb(l, 'debian2')).toContain('heartbeat: [PID]: ERROR: Both machines own foreign resources!');
		expect(hb(l, 'debian1')).toContain('heartbeat: [PID]: ERROR: Both machines own our resources!');
		expect(sync(l, 'debian2')).toBe('backup');
	});

	it('is deterministic: the same steps give byte-identical logs', () => {
		const go = () => {
			const l = lab('ultramonkey', 7);
			advance(l, 4);
			cable(l, 'debian1', false);
			advance(l, 40);
			return l.world.host('debian2')!.fs.read('/var/log/syslog');
		};
		expect(go()).toBe(go());
	});
});

describe('heartbeat configuration errors', () => {
	const start = (l: Lab) => sh(l, '/etc/init.d/heartbeat start');
	const fresh = () => {
		const l = lab('ultramonkey');
		sh(l, '/etc/init.d/heartbeat stop');
		return l;
	};

	it.each([
		['authkeys readable by others', (l: Lab) => l.world.host('debian1')!.fs.chmod('/etc/ha.d/authkeys', 0o644), 'ERROR: Bad permissions on keyfile [/etc/ha.d//authkeys], 600 recommended.'],
		['the thesis one-line authkeys', (l: Lab) => l.world.host('debian1')!.fs.write('/etc/ha.d/authkeys', 'auth 33 md5 ultramonkey\n'), 'ERROR: Invalid auth line [auth 33 md5 ultramonkey] in /etc/ha.d//authkeys'],
		['no auth directive', (l: Lab) => l.world.host('debian1')!.fs.write('/etc/ha.d/authkeys', '3 md5 ultramonkey\n'), 'ERROR: Missing auth directive in keyfile [/etc/ha.d//authkeys]'],
		['node names that do not match uname -n', (l: Lab) => l.world.host('debian1')!.fs.write('/etc/ha.d/ha.cf', 'bcast eth0\nnode lvs1\nnode lvs2\n'), 'ERROR: Current node [debian1] not in configuration!'],
		['deadtime too small', (l: Lab) => l.world.host('debian1')!.fs.write('/etc/ha.d/ha.cf', 'keepalive 2\ndeadtime 3\nbcast eth0\nnode debian1\nnode debian2\n'), 'ERROR: Dead time [3000] is too small compared to keeplive [2000]'],
		['no media', (l: Lab) => l.world.host('debian1')!.fs.write('/etc/ha.d/ha.cf', 'node debian1\nnode debian2\n'), 'ERROR: No heartbeat media defined'],
		['a misspelt directive', (l: Lab) => l.world.host('debian1')!.fs.write('/etc/ha.d/ha.cf', 'bcast eth0\nnodes debian1\n'), 'ERROR: Illegal directive [nodes] in /etc/ha.d/ha.cf'],
		['the thesis haresources without its backslash', (l: Lab) => l.world.host('debian1')!.fs.write('/etc/ha.d/haresources', 'debian1 \\\nldirectord::ldirectord.cf \\\nLVSSyncDaemonSwap::master\nIPaddr2::192.168.0.105/24/eth0/192.168.0.255\n'), 'ERROR: Bad nodename in /etc/ha.d/haresources [IPaddr2::192.168.0.105/24/eth0/192.168.0.255]'],
	])('refuses to start with %s', (_what, breakIt, message) => {
		const l = fresh();
		breakIt(l);
		const r = start(l);
		expect(r.status).toBe(1);
		expect(r.out).toContain(message);
		expect(r.out).toMatch(/^Starting High-Availability services: heartbeat\[\d+\]: 2007\/06\/14_10:00:00 /);
		expect(r.out).toMatch(/ERROR: Configuration error, heartbeat not started\.\n Heartbeat failure \[rc=6\]\. Failed\.\n$/);
		expect(sh(l, '/etc/init.d/heartbeat status')).toEqual({out: 'heartbeat is stopped. No process\n', status: 3});
	});

	it('mismatched keys: each director hears only garbage and declares the other dead', () => {
		const l = lab('ultramonkey');
		for (const h of ['debian1', 'debian2']) sh(l, `ssh ${h} /etc/init.d/heartbeat stop`);
		l.world.host('debian2')!.fs.put('/etc/ha.d/authkeys', 'auth 3\n3 md5 otherpass\n', 0o600);
		for (const h of ['debian1', 'debian2']) sh(l, `ssh ${h} /etc/init.d/heartbeat start`);
		advance(l, 32);
		expect(hb(l, 'debian1')).toContain('heartbeat: [PID]: ERROR: Invalid authentication type [3] in message!');
		expect(vipOn(l, 'debian1')).toBeDefined();
		expect(vipOn(l, 'debian2')).toBeDefined();
	});
});

describe('heartbeat processes', () => {
	it('respawns ipfail when it is killed, and a killed heartbeat releases nothing', () => {
		const l = lab('ultramonkey');
		advance(l, 3);
		const host = l.world.host('debian1')!;
		const ipfail = host.processes.find((p) => p.command === '/usr/lib/heartbeat/ipfail')!;
		expect(ipfail.user).toBe('hacluster');
		host.processes.kill(ipfail.pid, 9);
		advance(l, 0.1);
		expect(hb(l, 'debian1').slice(-4)).toEqual([
			'heartbeat: [PID]: WARN: Managed /usr/lib/heartbeat/ipfail process ' + ipfail.pid + ' killed by signal 9 [SIGKILL - Kill, unblockable].',
			'heartbeat: [PID]: ERROR: Respawning client "/usr/lib/heartbeat/ipfail":',
			'heartbeat: [PID]: info: Starting child client "/usr/lib/heartbeat/ipfail" (106,108)',
			expect.stringMatching(/^heartbeat: \[PID\]: info: Starting "\/usr\/lib\/heartbeat\/ipfail" as uid 106 {2}gid 108 \(pid \d+\)$/),
		]);
		const master = host.daemon<{name: string; pid: number}>('heartbeat')!.pid;
		host.processes.kill(master, 9);
		advance(l, 31);
		// Both directors now hold the VIP: debian1 never let go of it.
		expect(vipOn(l, 'debian1')).toBeDefined();
		expect(vipOn(l, 'debian2')).toBeDefined();
	});
});

describe('heartbeat media and log files', () => {
	it('ucast lines naming our own address are ignored, so one ha.cf serves both nodes; logfile gets the ha-log format', () => {
		const l = lab('ultramonkey');
		for (const h of ['debian1', 'debian2']) {
			sh(l, `ssh ${h} /etc/init.d/heartbeat stop`);
			l.world.host(h)!.fs.write('/etc/ha.d/ha.cf', 'logfile /var/log/ha-log\nudpport 695\nucast eth0 192.168.0.103\nucast eth0 192.168.0.104\nnode debian1\nnode debian2\nauto_failback off\n');
		}
		advance(l, 1);
		for (const h of ['debian1', 'debian2']) sh(l, `ssh ${h} /etc/init.d/heartbeat start`);
		advance(l, 3);
		expect(vipOn(l, 'debian1')).toBeDefined();
		const log = l.world.host('debian2')!.fs.read('/var/log/ha-log').split('\n');
		expect(log).toContain('heartbeat[' + l.world.host('debian2')!.daemon<{name: string; pid: number}>('heartbeat')!.pid + ']: 2007/06/14_10:00:02 info: Link debian1:eth0 up.');
		expect(log.some((x) => /^heartbeat\[\d+\]: 2007\/06\/14_10:00:01 info: UDP heartbeat started on port 695 \(695\) interface eth0 to 192\.168\.0\.103$/.test(x))).toBe(true);
		// No logfacility: nothing of this start went to syslog.
		expect(l.world.host('debian2')!.fs.read('/var/log/syslog')).not.toContain('port 695');
	});

	it('mismatched udpport: the nodes never hear each other', () => {
		const l = lab('ultramonkey');
		for (const h of ['debian1', 'debian2']) sh(l, `ssh ${h} /etc/init.d/heartbeat stop`);
		const fs = l.world.host('debian2')!.fs;
		fs.write('/etc/ha.d/ha.cf', 'udpport 700\n' + fs.read('/etc/ha.d/ha.cf').replace(/^mcast.*\n/m, ''));
		const fs1 = l.world.host('debian1')!.fs;
		fs1.write('/etc/ha.d/ha.cf', fs1.read('/etc/ha.d/ha.cf').replace(/^mcast.*\n/m, ''));
		advance(l, 1);
		for (const h of ['debian1', 'debian2']) sh(l, `ssh ${h} /etc/init.d/heartbeat start`);
		advance(l, 32);
		expect(vipOn(l, 'debian1')).toBeDefined();
		expect(vipOn(l, 'debian2')).toBeDefined();
	});
});
