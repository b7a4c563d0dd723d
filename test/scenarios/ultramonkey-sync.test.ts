import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {expectGolden} from '../helpers/golden';
import {run} from '../helpers/lab';

const script = readFileSync(new URL('../../fixtures/scripts/ultramonkey-sync-failover.txt', import.meta.url), 'utf8');
/** The same story with the standby's backup daemon stopped before the load starts. */
const withoutSync = script.replace('\n# ssh debian2 ipvsadm --stop-daemon backup\n', '\nssh debian2 ipvsadm --stop-daemon backup\n');

/** The output of the nth `command` in a transcript (up to the next prompt). */
function after(transcript: string, command: string, nth = 0): string {
	const marker = `# ${command}\n`;
	let at = -1;
	for (let i = 0; i <= nth; i++) at = transcript.indexOf(marker, at + 1);
	if (at < 0) throw new Error(`no "${command}" in transcript`);
	const start = at + marker.length;
	const next = transcript.indexOf('root@', start);
	return transcript.slice(start, next < 0 ? undefined : next);
}

/** `pro expire state source virtual destination` rows of an `ipvsadm -L -n -c` listing. */
function rows(listing: string): {expire: number; state: string; tuple: string}[] {
	return listing
		.split('\n')
		.filter((l) => /^TCP /.test(l))
		.map((l) => {
			const [, mm, ss, state, source, virtual, dest] = /^TCP (\d\d):(\d\d)  (\S+) +(\S+) +(\S+) +(\S+)$/.exec(l)!;
			return {expire: Number(mm) * 60 + Number(ss), state: state!, tuple: `${source} ${virtual} ${dest}`};
		});
}

/** The numbers of the `held connections:` line of `load status`. */
function held(status: string): {open: number; closed: number; reset: number} {
	const [, open, closed, reset] = /held connections: open (\d+) {2}closed (\d+) {2}reset (\d+)/.exec(status)!;
	return {open: Number(open), closed: Number(closed), reset: Number(reset)};
}

describe('held connections through a director failover (fixtures/scripts/ultramonkey-sync-failover.txt)', () => {
	const synced = run(script, 'ultramonkey');
	const unsynced = run(withoutSync, 'ultramonkey');

	it('reproduces the golden transcript with the sync daemon', () => {
		expectGolden('test/scenarios/golden/ultramonkey-sync-failover.txt', synced);
	});

	it("the standby lists the active director's established connections, unbound and with the 2.6 sync timeout of 3 minutes", () => {
		const l = run(script.replace(/ \| head -5/g, ''), 'ultramonkey');
		const master = rows(after(l, 'ipvsadm -L -n -c'));
		const backup = rows(after(l, 'ssh debian2 ipvsadm -L -n -c'));
		expect(master.length).toBe(219);
		expect(master.every((r) => r.state === 'ESTABLISHED' && r.expire > 14 * 60 + 30)).toBe(true);
		// Each connection reached debian2 once (at its third packet): 3 minutes from then.
		expect(backup.map((r) => r.tuple).sort()).toEqual(master.map((r) => r.tuple).sort());
		expect(backup.every((r) => r.state === 'ESTABLISHED' && r.expire > 155 && r.expire <= 180)).toBe(true);
		// No virtual service there, and the synced entries count on no real server.
		expect(after(l, 'ssh debian2 ipvsadm -L -n')).toBe('IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n');
	});

	it('with the sync daemon the held connections outlive the failover and close normally', () => {
		expect(after(synced, 'ssh debian2 ipvsadm -L --daemon')).toBe('backup sync daemon (mcast=eth0, syncid=0)\n');
		const before = held(after(synced, 'load status', 0));
		expect(before).toEqual({open: 447, closed: 0, reset: 0});
		const later = after(synced, 'load status', 1);
		expect(later).toContain('  sent 1471  served 1471  failed 0  reset 0  in flight 0\n');
		// The 219 connections debian1 held when its cable came out closed through debian2.
		expect(held(later)).toEqual({open: 1252, closed: 219, reset: 0});
		expect(rows(after(synced, 'ipvsadm -L -n -c | grep FIN_WAIT | head -3')).map((r) => r.state)).toEqual(['FIN_WAIT', 'FIN_WAIT', 'FIN_WAIT']);
	});

	it('without the backup daemon debian2 knows nothing of them and resets each one when it closes', () => {
		expect(after(unsynced, 'ssh debian2 ipvsadm -L --daemon')).toBe('');
		expect(rows(after(unsynced, 'ssh debian2 ipvsadm -L -n -c | head -5'))).toEqual([]);
		const later = after(unsynced, 'load status', 1);
		// Every request was served; the connections opened through debian1 were reset afterwards.
		expect(later).toContain('  sent 1471  served 1471  failed 0  reset 0  in flight 0\n');
		expect(held(later)).toEqual({open: 1252, closed: 0, reset: 219});
		expect(after(unsynced, 'ipvsadm -L -n -c | grep FIN_WAIT | head -3')).toBe('');
		expect(after(unsynced, 'events --source traffic')).toContain('a connection held open was reset after its response: Connection reset by peer\n');
	});
});
