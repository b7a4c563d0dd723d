import type {Dest} from '../types';
import {beginTrace, sedOverhead} from './common';
import type {Scheduler} from './scheduler';
import {say} from './trace-text';
import {weightedLeast} from './wlc';

function describe(d: Dest) {
	return say.expectedDelay(d, sedOverhead(d));
}

/** ip_vs_sed: wlc's scan with `active + 1` as the overhead. */
export function createSed(): Scheduler {
	return {
		name: 'sed',
		schedule(svc, _packet, trace) {
			if (trace) beginTrace(trace, 'sed', say.sed.rule);
			return weightedLeast(svc.dests, sedOverhead, trace, describe);
		},
	};
}
