import {describe, expect, it} from 'vitest';
import {lab, sh} from '../helpers/lab';
import {advance} from '../helpers/ultramonkey';

/**
 * The standby director runs the backup sync daemon (LVSSyncDaemonSwap swaps it for the
 * master when heartbeat moves the resources), so connections the active director
 * schedules are copied to it. Here the standby also has the virtual service, as the
 * data plane binds synced entries to a local real server.
 */
function withHeldLoad(stopBackup: boolean) {
	const l = lab('ultramonkey');
	for (const line of ['ipvsadm -A -t 192.168.0.105:80 -s rr', 'ipvsadm -a -t 192.168.0.105:80 -r 192.168.0.101 -g -w 0', 'ipvsadm -a -t 192.168.0.105:80 -r 192.168.0.102 -g -w 0']) sh(l, `ssh debian2 ${line}`);
	if (stopBackup) sh(l, 'ssh debian2 ipvsadm --stop-daemon backup');
	advance(l, 3);
	sh(l, 'load start --rate 4 --hold 100 --clients 4 http://192.168.0.105/');
	advance(l, 10);
	return l;
}

const active = (l: ReturnType<typeof lab>, host: string) => l.world.host(host)!.ipvs!.services[0]?.dests.reduce((n, d) => n + d.activeConns, 0) ?? 0;

describe('connection synchronisation between the directors', () => {
	it('the backup daemon on the standby receives the established connections of the active director', () => {
		const l = withHeldLoad(false);
		expect(active(l, 'debian1')).toBe(44);
		expect(active(l, 'debian2')).toBe(44);
		expect(sh(l, 'ssh debian2 ipvsadm -L --daemon').out).toBe('backup sync daemon (mcast=eth0, syncid=0)\n');
		// After the failover the new active director still knows them and keeps serving.
		sh(l, 'unplug debian1');
		advance(l, 40);
		expect(l.world.host('debian2')!.ipvs!.daemons.map((d) => d.state)).toEqual(['master']);
		expect(active(l, 'debian2')).toBeGreaterThanOrEqual(44);
		expect(sh(l, 'load status').out).toMatch(/failed 0 {2}reset 0 /);
	});

	it('without the backup daemon the standby knows nothing of them', () => {
		const l = withHeldLoad(true);
		expect(active(l, 'debian1')).toBe(44);
		expect(active(l, 'debian2')).toBe(0);
	});
});
