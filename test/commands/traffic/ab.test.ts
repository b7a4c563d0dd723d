import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {virtualService} from '../../helpers/ipvs';

const BANNER = 'This is ApacheBench, Version 2.3 <$Revision$>\nCopyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/\nLicensed to The Apache Software Foundation, http://www.apache.org/\n\n';

describe('ab', () => {
	it('prints ApacheBench\'s report layout, then the lab\'s per-server breakdown marked as such', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11', '10.0.0.12', '10.0.0.13', '10.0.0.14']});
		const r = sh(l, 'ab -n 400 -c 10 http://10.0.0.100/');
		expect(r.status).toBe(0);
		// A golden transcript: the run is deterministic for a seed; the layout is ab 2.3's, byte for byte.
		expect(r.out).toBe(readFileSync(new URL('./golden/ab-n400-c10.txt', import.meta.url), 'utf8'));
		// A small cluster of the period: thousands of requests per second, a few ms each.
		const rps = Number(/Requests per second: +([\d.]+)/.exec(r.out)![1]);
		expect(rps).toBeGreaterThan(2000);
		expect(rps).toBeLessThan(20000);
		// Virtual time moved by the test's duration.
		const taken = Number(/Time taken for tests: +([\d.]+)/.exec(r.out)![1]);
		expect(l.world.now / 1e6).toBeGreaterThanOrEqual(taken - 0.0005);
	});

	it('with 150 requests or fewer prints dots instead of progress lines; -k uses keep-alive', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11']});
		const r = sh(l, 'ab -n 20 -c 2 http://10.0.0.100/');
		expect(r.out).toContain('Benchmarking 10.0.0.100 (be patient).....done\n\n\n');
		const k = sh(l, 'ab -k -n 20 -c 2 http://10.0.0.100/');
		expect(k.out).toContain('Keep-Alive requests:    20\n');
		// With keep-alive the 20 requests used only two connections.
		expect(l.world.host('lvs1')!.ipvs!.services[0]!.stats.conns).toBe(20 + 2);
	});

	it('counts length mismatches as failed requests and 404s as non-2xx', () => {
		const l = lab();
		virtualService(l, {rips: ['10.0.0.11', '10.0.0.12']});
		l.world.host('rs2')!.fs.put('/var/www/index.html', 'a longer page\n');
		const r = sh(l, 'ab -n 10 http://10.0.0.100/');
		expect(r.out).toContain('Failed requests:        5\n   (Connect: 0, Receive: 0, Length: 5, Exceptions: 0)\n');
		const nf = sh(l, 'ab -n 4 http://10.0.0.100/missing');
		expect(nf.out).toContain('Non-2xx responses:      4\n');
	});

	it('aborts like ab when connections are refused or time out', () => {
		const l = lab();
		expect(sh(l, 'ab -n 5 http://10.0.0.100/')).toEqual({out: BANNER + 'Benchmarking 10.0.0.100 (be patient)...apr_socket_recv: Connection refused (111)\n', status: 111});
		virtualService(l, {rips: ['10.0.0.11']});
		sh(l, 'poweroff rs1');
		const t = sh(l, 'ab -n 5 http://10.0.0.100/');
		expect(t.out).toBe(BANNER + 'Benchmarking 10.0.0.100 (be patient)...apr_pollset_poll: The timeout specified has expired (70007)\n');
		expect(t.status).toBe(70007 & 255);
	});

	it('rejects bad usage with ab\'s messages', () => {
		const l = lab();
		expect(sh(l, 'ab').out).toMatch(/^ab: wrong number of arguments\nUsage: ab \[options\] \[http\[s\]:\/\/\]hostname\[:port\]\/path\nOptions are:\n/);
		expect(sh(l, 'ab').status).toBe(22);
		expect(sh(l, 'ab -Q http://x/').out).toMatch(/^ab: illegal option -- Q\nUsage: /);
		expect(sh(l, 'ab -n').out).toMatch(/^ab: option requires an argument -- n\nUsage: /);
		expect(sh(l, 'ab -n abc http://10.0.0.100/')).toEqual({out: 'Invalid number of requests\n\n', status: 1});
		expect(sh(l, 'ab -n 5 -c 10 http://10.0.0.100/').out).toMatch(/^ab: Cannot use concurrency level greater than total number of requests\nUsage: /);
		expect(sh(l, 'ab http://10.0.0.100').out).toMatch(/^ab: invalid URL\nUsage: /);
		expect(sh(l, 'ab -V')).toEqual({out: BANNER, status: 0});
	});
});
