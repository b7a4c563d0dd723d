import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {run} from '../../helpers/lab';

const golden = (name: string) => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');

/**
 * Whole sessions as `cluster-lab run --scenario sandbox` prints them, with the
 * real ipvsadm reading the data plane's connection table and counters.
 */
describe('traffic transcripts', () => {
	it("the thesis' Test 1: six requests, InActConn 3 and 3, FIN_WAIT entries that are gone two minutes later", () => {
		expect(run(golden('thesis-test1.script'))).toBe(golden('thesis-test1.out'));
	});

	it('a DR real server without the VIP: SYN_RECV on the director, a timeout on the client, and why', () => {
		expect(run(golden('dr-without-vip.script'))).toBe(golden('dr-without-vip.out'));
	});

	it('LVS-NAT through the director, then broken by ip_forward = 0', () => {
		expect(run(golden('nat-one-network.script'))).toBe(golden('nat-one-network.out'));
	});

	it('persistence templates (client port 0, NONE) and ipvsadm --set shortening FIN_WAIT', () => {
		expect(run(golden('persistence-and-set.script'))).toBe(golden('persistence-and-set.out'));
	});

	it('background load: the rate estimator catching up, InActConn draining after the load stops', () => {
		expect(run(golden('load-rates.script'))).toBe(golden('load-rates.out'));
	});
});

describe('determinism', () => {
	it('the same seed and commands give the same bytes, with traffic, faults and random schedulers', () => {
		const script = [
			'ipvsadm -A -t 10.0.0.100:80 -s twos',
			'ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.11:80 -g',
			'ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.12:80 -m',
			'ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.13:80 -i',
			'load start --rate 30 --clients 4 --hold 3',
			'ab -n 300 -c 7 http://10.0.0.100/',
			'unplug rs2',
			'sleep 20',
			'load status',
			'ipvsadm -L -n -c',
			'explain',
		].join('\n');
		const a = run(script, 'sandbox', 5);
		expect(run(script, 'sandbox', 5)).toBe(a);
		expect(run(script, 'sandbox', 6)).not.toBe(a);
	});
});
