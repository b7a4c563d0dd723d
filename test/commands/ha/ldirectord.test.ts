import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {advance, logLines} from '../../helpers/ultramonkey';

const run = (l: ReturnType<typeof lab>, line: string) => {
	const r = l.shell.execute(line + '\n');
	return {
		out: r.output.filter((c) => c.stream === 'out').map((c) => c.text).join(''),
		err: r.output.filter((c) => c.stream === 'err').map((c) => c.text).join(''),
		status: r.status,
	};
};

describe('ldirectord command', () => {
	it('status of the heartbeat-started daemon on the active director, and on the standby (thesis 3.1.7)', () => {
		const l = lab('ultramonkey');
		advance(l, 2);
		const pid = l.world.host('debian1')!.fs.read('/var/run/ldirectord.ldirectord.cf.pid').trim();
		expect(run(l, '/usr/sbin/ldirectord ldirectord.cf status')).toEqual({out: '', err: `ldirectord for /etc/ha.d/ldirectord.cf is running with pid: ${pid}\n`, status: 0});
		expect(run(l, 'ssh debian2 /usr/sbin/ldirectord ldirectord.cf status')).toEqual({out: 'ldirectord is stopped for /etc/ha.d/ldirectord.cf\n', err: '', status: 3});
		// Without a configuration argument ldirectord names its pid file after "ldirectord", not "ldirectord.cf".
		expect(run(l, 'ldirectord status')).toEqual({out: 'ldirectord is stopped for /etc/ha.d/ldirectord.cf\n', err: '', status: 3});
		const syslog = logLines(l, 'debian1', '/var/log/syslog', /ldirectord\[/);
		expect(syslog.slice(-2)).toEqual([expect.stringMatching(/^ldirectord\[\d+\]: Invoking ldirectord invoked as: \/usr\/sbin\/ldirectord status $/), expect.stringMatching(/^ldirectord\[\d+\]: Exiting with exit_status 3: Exiting from ldirectord status$/)]);
	});

	it('start, start again, stop, stop again: silent, exit 0; a stale pid file makes status exit 1', () => {
		const l = lab('ultramonkey');
		sh(l, 'ssh debian2');
		l.world.host('debian2')!.fs.put('/etc/ha.d/t.cf', 'virtual=192.168.0.105:80\n\treal=192.168.0.101:80 gate\n');
		expect(run(l, 'ldirectord t.cf start')).toEqual({out: '', err: '', status: 0});
		expect(run(l, 'ldirectord t.cf start')).toEqual({out: '', err: '', status: 0});
		expect(run(l, 'ldirectord t.cf stop')).toEqual({out: '', err: '', status: 0});
		expect(run(l, 'ldirectord t.cf stop')).toEqual({out: '', err: '', status: 0});
		expect(run(l, 'ldirectord t.cf reload')).toEqual({out: '', err: '', status: 1});
		l.world.host('debian2')!.fs.put('/var/run/ldirectord.t.cf.pid', '4242\n');
		expect(run(l, 'ldirectord t.cf status')).toEqual({
			out: 'ldirectord is stopped for /etc/ha.d/t.cf\n',
			err: 'ldirectord stale pid file /var/run/ldirectord.t.cf.pid for /etc/ha.d/t.cf\n',
			status: 1,
		});
	});

	it('a missing file, a config error, a bad command line, -v', () => {
		const l = lab('ultramonkey');
		expect(run(l, 'ldirectord nosuch.cf start')).toEqual({out: '', err: 'Config file /etc/ha.d/nosuch.cf not found\n', status: 1});
		const bad = run(l, 'ldirectord ldirectord.cf.thesis start');
		expect(bad.status).toBe(2);
		expect(bad.err).toMatch(/^Error \[\d+\] reading file \/etc\/ha\.d\/ldirectord\.cf\.thesis at line 7: Unknown command {3}real=192\.168\.0\.101:80 gate\n \n$/);
		expect(run(l, 'ldirectord ldirectord.cf bounce').status).toBe(255);
		expect(run(l, 'ldirectord').out).toBe('Usage:\n    ldirectord [-d|--debug] [--] [*configfile*] start | stop | restart |\n    try-restart | reload | force-reload | status\n\n    ldirectord [-h|-?|--help|-v|--version]\n\n');
		expect(run(l, 'ldirectord -v').out.split('\n')[0]).toBe('Linux Director v1.186-ha');
		expect(run(l, 'ssh apache1 ldirectord status')).toEqual({out: '', err: 'bash: ldirectord: command not found\n', status: 127});
	});

	it('/etc/init.d/ldirectord stop, as the thesis runs it before starting heartbeat', () => {
		const l = lab('ultramonkey');
		expect(run(l, 'ssh debian2 /etc/init.d/ldirectord stop')).toEqual({out: 'Stopping ldirectord\n', err: '', status: 0});
	});
});
