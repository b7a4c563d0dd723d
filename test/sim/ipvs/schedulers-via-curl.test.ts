import {describe, expect, it} from 'vitest';
import {lab, sh} from '../../helpers/lab';
import {virtualService} from '../../helpers/ipvs';

/**
 * Sequential curl requests through the data plane: each connection is closed
 * (FIN_WAIT, counted in InActConn) before the next SYN arrives, so the kernel
 * algorithms of the reference give these exact choices. Real servers rs1, rs2,
 * rs3 are added in that order, so the kernel's list is rs3, rs2, rs1.
 */
function picks(scheduler: string, weights: [number, number, number], n: number, seed = 1): string[] {
	const l = lab('sandbox', seed);
	virtualService(l, {scheduler, rips: [`10.0.0.11:${weights[0]}`, `10.0.0.12:${weights[1]}`, `10.0.0.13:${weights[2]}`]});
	const out: string[] = [];
	for (let i = 0; i < n; i++) {
		const r = sh(l, 'curl -s http://10.0.0.100/');
		out.push(r.status === 0 ? r.out.trim() : `exit ${r.status}`);
	}
	return out;
}

describe('scheduler choices seen by sequential curl requests', () => {
	it('rr walks the list from the newest real server', () => {
		expect(picks('rr', [1, 1, 1], 6)).toEqual(['rs3', 'rs2', 'rs1', 'rs3', 'rs2', 'rs1']);
	});

	it('wrr with weights 4, 3, 2 added one by one: cw starts at 1 (the first add set it), then A B A C B A', () => {
		// ip_vs_wrr_dest_changed after the first add leaves cw = 1 (gcd 4, max 4); later adds keep it.
		// The first pass at cw = 1 takes every server, then the usual 4, 3, 2 pattern follows.
		expect(picks('wrr', [4, 3, 2], 12)).toEqual(['rs3', 'rs2', 'rs1', 'rs1', 'rs2', 'rs1', 'rs3', 'rs2', 'rs1', 'rs3', 'rs2', 'rs1']);
	});

	it('lc takes the lowest overhead, ties to the newest', () => {
		expect(picks('lc', [1, 1, 1], 6)).toEqual(['rs3', 'rs2', 'rs1', 'rs3', 'rs2', 'rs1']);
	});

	it('wlc compares (active*256+inactive)/weight by cross-multiplication, strict >', () => {
		// Weights rs1=1, rs2=2, rs3=3; worked out step by step from the reference's pseudo-code.
		expect(picks('wlc', [1, 2, 3], 8)).toEqual(['rs3', 'rs2', 'rs1', 'rs3', 'rs2', 'rs3', 'rs3', 'rs2']);
	});

	it('sed and nq ignore inactive connections: with nothing active the first usable server wins', () => {
		expect(picks('sed', [1, 1, 1], 4)).toEqual(['rs3', 'rs3', 'rs3', 'rs3']);
		expect(picks('nq', [1, 1, 1], 4)).toEqual(['rs3', 'rs3', 'rs3', 'rs3']);
	});

	it('fo and ovf send everything to the heaviest server', () => {
		expect(picks('fo', [1, 5, 2], 3)).toEqual(['rs2', 'rs2', 'rs2']);
		expect(picks('ovf', [1, 5, 2], 3)).toEqual(['rs2', 'rs2', 'rs2']);
	});

	it('sh, dh, mh, lblc and lblcr keep one client (and one VIP) on one server', () => {
		for (const s of ['sh', 'dh', 'mh', 'lblc', 'lblcr']) {
			const got = picks(s, [1, 1, 1], 4);
			expect(new Set(got).size, s).toBe(1);
			expect(got[0], s).toMatch(/^rs[123]$/);
		}
	});

	it('twos draws from the seeded world: the same seed gives the same choices', () => {
		const a = picks('twos', [1, 1, 1], 6, 7);
		expect(picks('twos', [1, 1, 1], 6, 7)).toEqual(a);
		for (const x of a) expect(x).toMatch(/^rs[123]$/);
	});

	it('weight 0 is never chosen by a new connection', () => {
		for (const s of ['rr', 'wrr', 'lc', 'wlc', 'sed', 'nq', 'fo']) expect(picks(s, [1, 0, 1], 4), s).not.toContain('rs2');
	});
});
