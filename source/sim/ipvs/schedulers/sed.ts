import type {Dest} from '../types';
import {beginTrace, sedOverhead} from './common';
import type {Scheduler} from './scheduler';
import {weightedLeast} from './wlc';

const RULE = 'least (active+1)/weight: replace least when loh*w(d) > doh*w(least); inactive ignored';

function describe(d: Dest): string {
	return `expected delay ${d.activeConns}+1 = ${sedOverhead(d)}`;
}

/** ip_vs_sed: wlc's scan with `active + 1` as the overhead. */
export function createSed(): Scheduler {
	return {
		name: 'sed',
		schedule(svc, _packet, trace) {
			if (trace) beginTrace(trace, 'sed', RULE);
			return weightedLeast(svc.dests, sedOverhead, trace, describe);
		},
	};
}
