import type {Host} from '../../sim/host';
import {POPT_TABLE} from './options';

/** Tab completion for ipvsadm: option names, schedulers, daemon states, interfaces, tunnel types. */
export function completeIpvsadm(host: Host, words: readonly string[], partial: string): string[] {
	const previous = words[words.length - 1];
	let candidates: readonly string[];
	if (previous === '-s' || previous === '--scheduler') candidates = host.ipvs?.era.schedulers ?? [];
	else if (previous === '--start-daemon' || previous === '--stop-daemon') candidates = ['master', 'backup'];
	else if (previous === '--mcast-interface') candidates = [...host.interfaces.keys()];
	else if (previous === '--tun-type') candidates = ['ipip', 'gue', 'gre'];
	else if (previous === '--pe') candidates = ['sip'];
	else if (previous === '-b' || previous === '--sched-flags') candidates = ['sh-fallback', 'sh-port', 'mh-fallback', 'mh-port', 'flag-1', 'flag-2', 'flag-3'];
	else if (partial.startsWith('-')) candidates = [...new Set(POPT_TABLE.map((o) => (o.long ? `--${o.long}` : `-${o.short}`)))];
	else candidates = [];
	return candidates.filter((c) => c.startsWith(partial)).sort();
}
