import type {Feature} from '../feature';
import {procPidProvider} from './proc-pid';
import {cpuOf} from './scheduler';

/** Gives every host its CPU scheduler (processes that compute run on it) and /proc/PID. */
export const cpuFeature: Feature = {
	name: 'cpu',
	setupHost(world, host) {
		cpuOf(world, host);
		host.fs.mount('/proc', procPidProvider(world, host));
	},
};
