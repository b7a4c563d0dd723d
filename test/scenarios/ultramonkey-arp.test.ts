import {describe, expect, it} from 'vitest';
import {lab, sh} from '../helpers/lab';
import {advance} from '../helpers/ultramonkey';

/** Who answered the client's first request: the director (an IPVS connection) or a real server directly. */
function firstRequest(scenario: string, seed: number): 'director' | 'bypass' {
	const l = lab(scenario, seed);
	advance(l, 3);
	// The client had never talked to the VIP: it asks "who-has 192.168.0.105" now.
	sh(l, 'ssh client curl -s http://192.168.0.105/');
	const conns = l.world.host('debian1')!.ipvs!.services[0]!.dests.reduce((n, d) => n + d.activeConns + d.inactConns, 0);
	return conns > 0 ? 'director' : 'bypass';
}

describe('the LVS-DR ARP problem (reference §8)', () => {
	it('without arp_ignore/arp_announce the real servers answer ARP for the VIP and some clients bypass the director', () => {
		const seen = new Set<string>();
		for (let seed = 1; seed <= 12; seed++) seen.add(firstRequest('ultramonkey-noarp', seed));
		expect(seen).toEqual(new Set(['director', 'bypass']));
	});

	it("with the thesis' sysctl.conf only the director answers, whatever the seed", () => {
		for (let seed = 1; seed <= 12; seed++) expect(firstRequest('ultramonkey', seed)).toBe('director');
	});
});
