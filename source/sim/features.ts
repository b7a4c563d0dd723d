import {devices, procSys} from './base-features';
import {cpuFeature} from './cpu/feature';
import {mosixFeature} from './mosix/feature';
import type {Feature, InitScript} from './feature';
import {ultramonkey} from './heartbeat/feature';
import {ipvsKernel} from './ipvs/feature';
import {traffic} from './traffic/feature';
import {netbase} from './net/etc-services';
import {debianHost} from './system/debian-host';

/** Every feature module, in the order they set up a world. */
export const FEATURES: readonly Feature[] = [devices, procSys, netbase, debianHost, ipvsKernel, traffic, cpuFeature, mosixFeature, ultramonkey];

/** Init scripts from all features, by name. */
export function initScripts(): Map<string, InitScript> {
	const map = new Map<string, InitScript>();
	for (const f of FEATURES) for (const [name, script] of Object.entries(f.initScripts ?? {})) map.set(name, script);
	return map;
}
