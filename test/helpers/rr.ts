import type {Lab} from '../../source/lab/lab';
import {parseIp} from '../../source/sim/net/ipv4';
import type {Dest, ForwardMethod, Service} from '../../source/sim/ipvs/types';
import type {Scheduler} from '../../source/sim/ipvs/schedulers/scheduler';

/**
 * A throwaway round robin for tests only, until the real scheduler modules are
 * merged: walks the list from the last pick, skipping weight 0 and overloaded.
 */
export const testRr: Scheduler = {
	name: 'rr',
	schedule(svc: Service) {
		const list = svc.dests;
		const state = (svc.schedState ?? {last: undefined}) as {last?: Dest};
		svc.schedState = state;
		const start = state.last ? list.indexOf(state.last) + 1 : 0;
		for (let k = 0; k < list.length; k++) {
			const d = list[(start + k) % list.length]!;
			if (d.weight > 0 && !d.overloaded) {
				state.last = d;
				return d;
			}
		}
		return null;
	},
};

/** Sets up TCP VIP:80 with the given real servers on a lab's director through the Ipvs API. */
export function virtualService(l: Lab, opts: {director?: string; vip?: string; scheduler?: string; fwd?: ForwardMethod; rips?: string[]; persistent?: number} = {}): Service {
	const ipvs = l.world.host(opts.director ?? 'lvs1')!.ipvs!;
	const real = ipvs.schedulerFor.bind(ipvs);
	ipvs.schedulerFor = (name: string) => real(name) ?? (name === 'rr' ? testRr : undefined);
	ipvs.schedulerExists = () => true;
	const key = {fwmark: 0, protocol: 'tcp' as const, addr: parseIp(opts.vip ?? '10.0.0.100')!, port: 80};
	ipvs.addService(key, {scheduler: opts.scheduler ?? 'rr', persistent: opts.persistent !== undefined, timeout: opts.persistent ?? 300, netmask: 0xffffffff, onePacket: false, schedFlags: 0});
	for (const rip of opts.rips ?? ['10.0.0.11', '10.0.0.12']) {
		ipvs.addDest(key, {addr: parseIp(rip)!, port: 80, fwd: opts.fwd ?? 'route', weight: 1, uThreshold: 0, lThreshold: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0});
	}
	return ipvs.findService(key)!;
}
