import {describe, expect, it} from 'vitest';
import type {Lab} from '../../../source/lab/lab';
import {lab, sh} from '../../helpers/lab';
import {advance, cable, logLines, startWeb, stopWeb} from '../../helpers/ultramonkey';

/** A lab whose standby director debian2 gets its own ldirectord configuration (heartbeat leaves it alone). */
function director(config: string): Lab {
	const l = lab('ultramonkey');
	l.world.host('debian2')!.fs.put('/etc/ha.d/test.cf', config);
	sh(l, 'ssh debian2');
	return l;
}

const CONFIG = (quiescent: string, extra = '') => `checktimeout=10
checkinterval=2
logfile="/var/log/ld.log"
quiescent=${quiescent}
${extra}virtual=192.168.0.105:80
        real=192.168.0.101:80 gate
        real=192.168.0.102:80 gate 2
        fallback=127.0.0.1:80 gate
        request="ldirector.html"
        receive="Pagina de Prueba"
        scheduler=rr
`;

/** The log lines without the `[date|cfg|pid] ` prefix. */
const messages = (l: Lab) => logLines(l, 'debian2', '/var/log/ld.log').map((x) => x.replace(/^\[[^\]]*\] /, ''));

const weights = (l: Lab) =>
	l.world.host('debian2')!.ipvs!.services.flatMap((s) => s.dests.map((d) => `${d.addr >>> 24}.${(d.addr >>> 16) & 255}.${(d.addr >>> 8) & 255}.${d.addr & 255}:${d.port} ${d.fwd} ${d.weight}`)).sort();

describe('ldirectord check loop and IPVS changes', () => {
	it('starts as the real tool does (quiescent=yes): every real added then quiesced, fallback in between, then the first check round', () => {
		const l = director(CONFIG('yes'));
		startWeb(l, 'apache1', 'apache2');
		expect(sh(l, 'ldirectord test.cf start')).toEqual({out: '', status: 0});
		advance(l, 1);
		expect(messages(l)).toEqual([
			'Invoking ldirectord invoked as: /usr/sbin/ldirectord test.cf start ',
			'Starting Linux Director v1.186-ha as daemon',
			'Added virtual server: 192.168.0.105:80',
			'Added fallback server: 127.0.0.1:80 (192.168.0.105:80) (Weight set to 1)',
			'Added real server: 192.168.0.101:80 (192.168.0.105:80) (Weight set to 1)',
			'Deleted fallback server: 127.0.0.1:80 (192.168.0.105:80)',
			'Quiescent real server: 192.168.0.101:80 (192.168.0.105:80) (Weight set to 0)',
			'Added fallback server: 127.0.0.1:80 (192.168.0.105:80) (Weight set to 1)',
			'Added real server: 192.168.0.102:80 (192.168.0.105:80) (Weight set to 2)',
			'Deleted fallback server: 127.0.0.1:80 (192.168.0.105:80)',
			'Quiescent real server: 192.168.0.102:80 (192.168.0.105:80) (Weight set to 0)',
			'Added fallback server: 127.0.0.1:80 (192.168.0.105:80) (Weight set to 1)',
			'Resetting soft failure count: 192.168.0.101:80 (tcp:192.168.0.105:80)',
			'Restored real server: 192.168.0.101:80 (192.168.0.105:80) (Weight set to 1)',
			'Deleted fallback server: 127.0.0.1:80 (192.168.0.105:80)',
			'Resetting soft failure count: 192.168.0.102:80 (tcp:192.168.0.105:80)',
			'Restored real server: 192.168.0.102:80 (192.168.0.105:80) (Weight set to 2)',
		]);
		expect(weights(l)).toEqual(['192.168.0.101:80 route 1', '192.168.0.102:80 route 2']);
		const file = l.world.host('debian2')!.fs.read('/var/log/ld.log');
		expect(file.split('\n')[0]).toMatch(/^\[Thu Jun 14 10:00:00 2007\|test\.cf\|\d+\] Invoking ldirectord/);
	});

	it('with no web server up, the thesis listing appears: both reals at weight 0 and the fallback as Local', () => {
		const l = director(CONFIG('yes'));
		stopWeb(l, 'apache1', 'apache2');
		sh(l, 'ldirectord test.cf start');
		advance(l, 5);
		// 127.0.0.1 is local to the director: the 2.6 kernel shows it as Local.
		expect(weights(l)).toEqual(['127.0.0.1:80 local 1', '192.168.0.101:80 route 0', '192.168.0.102:80 route 0']);
	});

	it('quiescent=yes: a failing real server goes to weight 0; the fallback comes in only when none is left', () => {
		const l = director(CONFIG('yes'));
		startWeb(l, 'apache1', 'apache2');
		sh(l, 'ldirectord test.cf start');
		advance(l, 1);
		const before = messages(l).length;
		stopWeb(l, 'apache1');
		advance(l, 2);
		expect(messages(l).slice(before)).toEqual(['Quiescent real server: 192.168.0.101:80 (192.168.0.105:80) (Weight set to 0)']);
		stopWeb(l, 'apache2');
		advance(l, 2);
		expect(messages(l).slice(before + 1)).toEqual([
			'Quiescent real server: 192.168.0.102:80 (192.168.0.105:80) (Weight set to 0)',
			'Added fallback server: 127.0.0.1:80 (192.168.0.105:80) (Weight set to 1)',
		]);
		expect(weights(l)).toEqual(['127.0.0.1:80 local 1', '192.168.0.101:80 route 0', '192.168.0.102:80 route 0']);
		startWeb(l, 'apache2');
		advance(l, 2);
		expect(messages(l).slice(before + 3)).toEqual([
			'Resetting soft failure count: 192.168.0.102:80 (tcp:192.168.0.105:80)',
			'Restored real server: 192.168.0.102:80 (192.168.0.105:80) (Weight set to 2)',
			'Deleted fallback server: 127.0.0.1:80 (192.168.0.105:80)',
		]);
	});

	it('quiescent=no: a failing real server is deleted and added back', () => {
		const l = director(CONFIG('no'));
		startWeb(l, 'apache1', 'apache2');
		sh(l, 'ldirectord test.cf start');
		advance(l, 1);
		const start = messages(l);
		expect(start.slice(2, 12)).toEqual([
			'Added virtual server: 192.168.0.105:80',
			'Added fallback server: 127.0.0.1:80 (192.168.0.105:80) (Weight set to 1)',
			'Added real server: 192.168.0.101:80 (192.168.0.105:80) (Weight set to 1)',
			'Deleted fallback server: 127.0.0.1:80 (192.168.0.105:80)',
			'Deleted real server: 192.168.0.101:80 (192.168.0.105:80)',
			'Added fallback server: 127.0.0.1:80 (192.168.0.105:80) (Weight set to 1)',
			'Added real server: 192.168.0.102:80 (192.168.0.105:80) (Weight set to 2)',
			'Deleted fallback server: 127.0.0.1:80 (192.168.0.105:80)',
			'Deleted real server: 192.168.0.102:80 (192.168.0.105:80)',
			'Added fallback server: 127.0.0.1:80 (192.168.0.105:80) (Weight set to 1)',
		]);
		expect(start.slice(12)).toEqual([
			'Resetting soft failure count: 192.168.0.101:80 (tcp:192.168.0.105:80)',
			'Added real server: 192.168.0.101:80 (192.168.0.105:80) (Weight set to 1)',
			'Deleted fallback server: 127.0.0.1:80 (192.168.0.105:80)',
			'Resetting soft failure count: 192.168.0.102:80 (tcp:192.168.0.105:80)',
			'Added real server: 192.168.0.102:80 (192.168.0.105:80) (Weight set to 2)',
		]);
		stopWeb(l, 'apache1');
		advance(l, 2);
		expect(messages(l).slice(start.length)).toEqual(['Deleted real server: 192.168.0.101:80 (192.168.0.105:80)']);
		expect(weights(l)).toEqual(['192.168.0.102:80 route 2']);
		startWeb(l, 'apache1');
		advance(l, 2);
		expect(messages(l).slice(start.length + 1)).toEqual([
			'Resetting soft failure count: 192.168.0.101:80 (tcp:192.168.0.105:80)',
			'Added real server: 192.168.0.101:80 (192.168.0.105:80) (Weight set to 1)',
		]);
	});

	it('failurecount counts soft failures before taking a server out', () => {
		const l = director(CONFIG('yes', 'failurecount=3\n'));
		startWeb(l, 'apache1', 'apache2');
		sh(l, 'ldirectord test.cf start');
		advance(l, 1);
		const before = messages(l).length;
		stopWeb(l, 'apache2');
		advance(l, 6);
		expect(messages(l).slice(before)).toEqual([
			'Soft failure real server: 192.168.0.102:80 (tcp:192.168.0.105:80) failure 1/3',
			'Soft failure real server: 192.168.0.102:80 (tcp:192.168.0.105:80) failure 2/3',
			'Quiescent real server: 192.168.0.102:80 (192.168.0.105:80) (Weight set to 0)',
		]);
	});

	it('an unplugged real server costs a whole checktimeout before it is quiesced', () => {
		const l = director(CONFIG('yes'));
		startWeb(l, 'apache1', 'apache2');
		sh(l, 'ldirectord test.cf start');
		advance(l, 1.5);
		// Rounds start at 0 and 2.002 s (two checks of about 1 ms each, then 2 s of sleep); the round at 2.002 s waits 10 s for apache1.
		cable(l, 'apache1', false);
		advance(l, 10.4);
		expect(weights(l)).toContain('192.168.0.101:80 route 1');
		advance(l, 0.2);
		expect(weights(l)).toContain('192.168.0.101:80 route 0');
		const t = l.world.timeline.list().find((e) => e.text.startsWith('check of 192.168.0.101:80 failed'));
		expect(t?.at).toBe(12_002_129);
	});

	it('a wrong receive string fails the check, as a missing page does', () => {
		const l = director(CONFIG('yes').replace('Pagina de Prueba', 'Hola'));
		startWeb(l, 'apache1', 'apache2');
		sh(l, 'ldirectord test.cf start');
		advance(l, 3);
		expect(weights(l)).toEqual(['127.0.0.1:80 local 1', '192.168.0.101:80 route 0', '192.168.0.102:80 route 0']);
	});

	it('stop purges what it manages; reload re-reads the file', () => {
		const l = director(CONFIG('yes'));
		startWeb(l, 'apache1', 'apache2');
		sh(l, 'ldirectord test.cf start');
		advance(l, 1);
		l.world.host('debian2')!.fs.write('/etc/ha.d/test.cf', CONFIG('yes').replace('scheduler=rr', 'scheduler=wlc').replace(/ {8}real=192.168.0.102:80 gate 2\n/, ''));
		const before = messages(l).length;
		expect(sh(l, 'ldirectord test.cf reload')).toEqual({out: '', status: 0});
		expect(messages(l).slice(before)).toEqual([
			expect.stringMatching(/^Invoking ldirectord invoked as: \/usr\/sbin\/ldirectord test\.cf reload $/),
			'Reloading Linux Director Daemon config on signal',
			'Changed virtual server: 192.168.0.105:80',
			'Purged real server (start): 192.168.0.102:80 (192.168.0.105:80)',
		]);
		expect(l.world.host('debian2')!.ipvs!.services[0]!.scheduler).toBe('wlc');
		const mid = messages(l).length;
		expect(sh(l, 'ldirectord test.cf stop')).toEqual({out: '', status: 0});
		expect(messages(l).slice(mid + 1)).toEqual([
			'Purged real server (stop): 192.168.0.101:80 (192.168.0.105:80)',
			'Purged virtual server (stop): 192.168.0.105:80',
			'Linux Director Daemon terminated on signal: TERM',
		]);
		expect(l.world.host('debian2')!.ipvs!.services).toEqual([]);
		expect(l.world.host('debian2')!.fs.exists('/var/run/ldirectord.test.cf.pid')).toBe(false);
	});

	it('autoreload=yes notices an edited file on its own', () => {
		const l = director(CONFIG('yes', 'autoreload=yes\n'));
		startWeb(l, 'apache1', 'apache2');
		sh(l, 'ldirectord test.cf start');
		advance(l, 1);
		l.world.host('debian2')!.fs.write('/etc/ha.d/test.cf', CONFIG('yes', 'autoreload=yes\n').replace('scheduler=rr', 'scheduler=lc'));
		advance(l, 3);
		expect(messages(l)).toContain("Configuration file '/etc/ha.d/test.cf' has changed on disk");
		expect(messages(l)).toContain(' - reread new configuration');
		expect(l.world.host('debian2')!.ipvs!.services[0]!.scheduler).toBe('lc');
	});
});
