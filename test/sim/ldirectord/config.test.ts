import {describe, expect, it} from 'vitest';
import {parseLdirectordConfig} from '../../../source/sim/ldirectord/config';
import {lab} from '../../helpers/lab';

const host = () => lab('ultramonkey').world.host('debian1')!;

const parse = (text: string) => parseLdirectordConfig(text, host());

const THESIS_INDENTED = `checktimeout=10
checkinterval=2
autoreload=no
logfile="local0"
quiescent=yes
virtual=192.168.0.105:80
        real=192.168.0.101:80 gate
        real=192.168.0.102:80 gate
        fallback=127.0.0.1:80 gate
        service=http
        request="ldirector.html"
        receive="Pagina de Prueba"
        scheduler=rr
        protocol=tcp
        checktype=negotiate
`;

describe('ldirectord.cf parsing', () => {
	it('reads the thesis configuration with ldirectord defaults filled in', () => {
		const r = parse(THESIS_INDENTED);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const c = r.config;
		expect([c.checktimeout, c.checkinterval, c.autoreload, c.logfile, c.quiescent, c.failurecount, c.cleanstop]).toEqual([10, 2, 'no', 'local0', 'yes', 1, 'yes']);
		const v = c.virtuals[0]!;
		expect([v.server, v.port, v.protocol, v.service, v.scheduler, v.request, v.receive, v.checktype]).toEqual(['192.168.0.105', 80, 'tcp', 'http', 'rr', '/ldirector.html', 'Pagina de Prueba', 'negotiate']);
		expect(v.real).toEqual([
			{server: '192.168.0.101', port: 80, forward: 'gate', weight: 1},
			{server: '192.168.0.102', port: 80, forward: 'gate', weight: 1},
		]);
		expect(v.fallback).toEqual({server: '127.0.0.1', port: 80, forward: 'gate'});
	});

	it('defaults as the code has them: quiescent no, scheduler wrr, service from the port, request /', () => {
		const r = parse('virtual=10.0.0.1:443\n\treal=10.0.0.2:443 masq 3\n');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect([r.config.quiescent, r.config.checkinterval, r.config.checktimeout, r.config.logfile]).toEqual(['no', 10, -1, '/var/log/ldirectord.log']);
		const v = r.config.virtuals[0]!;
		expect([v.scheduler, v.service, v.request, v.checktype, v.protocol]).toEqual(['wrr', 'https', '/', 'negotiate', 'tcp']);
		expect(v.real[0]).toEqual({server: '10.0.0.2', port: 443, forward: 'masq', weight: 3});
		const dns = parse('virtual=10.0.0.1:53\n    real=10.0.0.2:53 gate\n');
		expect(dns.ok && dns.config.virtuals[0]!.protocol).toBe('udp');
	});

	it('the thesis printout, which lost the indentation, stops at its first real= line', () => {
		const flat = THESIS_INDENTED.replace(/^ {8}(real|fallback)/gm, '  $1').replace(/^ {8}/gm, '');
		const r = parse(flat);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		// ldirectord interpolates the raw line (newline included) followed by a space.
		expect(r.error).toEqual({line: 7, message: 'Unknown command   real=192.168.0.101:80 gate\n '});
	});

	it.each([
		['checktimeout=0\n', 1, 'invalid check timeout value'],
		['checkinterval=abc\n', 1, 'invalid check interval value'],
		['quiescent=maybe\n', 1, "quiescent must be 'yes' or 'no'"],
		['autoreload=yes \n', 1, "autoreload must be 'yes' or 'no'"],
		['logfile=local0\n', 1, 'Unknown command logfile=local0\n '],
		['foo=bar\n', 1, 'Unknown command foo=bar\n '],
		['timeout=3\n', 1, 'timeout directive deprecated in favour of checktimeout and negotiatetimeout'],
		['connecttimeout=3\n', 1, 'connecttimeout directive deprecated in favour of negotiatetimeout'],
		['virtual=300.1.1.1:80\n    real=10.0.0.2:80 gate\n', 1, 'invalid address for virtual service'],
		['virtual=nowhere\n', 1, 'invalid address for virtual server'],
		['virtual=10.0.0.1:80\n    real=10.0.0.2:80 route\n', 2, 'forward method must be gate, masq or ipip'],
		['virtual=10.0.0.1:80\n    real=10.0.0.2:80 gate 1 extra\n', 2, 'Invalid real server line, around " extra"'],
		['virtual=10.0.0.1:80\n    real=nohost:80 gate\n', 2, 'invalid address (nohost) for real server (could not resolve host)'],
		['virtual=10.0.0.1:80\n    checktype=sometimes\n', 2, 'checktype must be "connect", "negotiate", "on", "off", "ping", "external", "external-perl" or a positive number'],
		['virtual=10.0.0.1:80\n    service=gopher\n', 2, 'service must be dns, ftp, http, https, http_proxy, imap, imaps, ldap, nntp, mysql, none, oracle, pop, pops, radius, pgsql, simpletcp, sip or smtp'],
		['virtual=10.0.0.1:80\n    protocol=icmp\n', 2, 'protocol must be tcp or udp if the virtual service is an address and port'],
		['virtual=10.0.0.1:80\n    scheduler=RR\n', 2, 'invalid scheduler, should be only lowercase letters (a-z)'],
		['virtual=10.0.0.1:80\n    quiescent=si\n', 2, "quiescent must be 'yes' or 'no'"],
		['virtual=10.0.0.1:80\n    bogus=1\n', 2, 'Unknown command "    bogus=1\n"'],
		['virtual=10.0.0.1:80\n    real=10.0.0.2:80 gate\nvirtual=10.0.0.1:80\n    real=10.0.0.3:80 gate\n', 4, 'duplicate virtual server'],
		['fallback=127.0.0.1:80 route\n', 1, 'forward method must be gate, masq or ipip'],
	])('%j → line %i: %s', (text, line, message) => {
		const r = parse(text);
		expect(r.ok ? undefined : r.error).toEqual({line, message});
	});

	it('a tab counts as four spaces; comments and resolution by /etc/hosts', () => {
		const r = parse('# comment\nvirtual=192.168.0.105:http\n\treal=apache1:www gate 2 # first\n\t# skipped\n\treal=apache2:80 gate\n');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.config.virtuals[0]!.port).toBe(80);
		expect(r.config.virtuals[0]!.real.map((x) => `${x.server}:${x.port}/${x.weight}`)).toEqual(['192.168.0.101:80/2', '192.168.0.102:80/1']);
	});

	it('warns about the deprecated checkcount and per-virtual checkinterval without fork', () => {
		const r = parse('checkcount=2\nvirtual=10.0.0.1:80\n    checkinterval=5\n');
		expect(r.warnings).toEqual([
			{line: 1, message: "checkcount option is deprecated and slated for removal.  please see 'failurecount'"},
			{line: -1, message: 'checkinterval in virtual service tcp:10.0.0.1:80 ignored when fork=no'},
		]);
	});
});
