import {initScripts} from '../features';
import type {Host, NetInterface} from '../host';
import {printk} from '../system/kernel-log';
import {userlandEra} from './userland-era';
import type {World} from '../world';

/** Sarge-era hosts have 8139too NICs (mii link messages), later ones e1000, as their boot log says. */
function oldNic(host: Host): boolean {
	return userlandEra(host.kernel) === 'sarge';
}

/** Result of a fault action: what changed, or why nothing did. */
export type FaultResult = {readonly ok: true; readonly changed: string[]} | {readonly ok: false; readonly error: 'no-such-interface' | 'no-cable'};

function cabled(host: Host, iface?: string): NetInterface[] | undefined {
	if (iface !== undefined) {
		const i = host.interfaces.get(iface);
		return i ? [i] : undefined;
	}
	return [...host.interfaces.values()].filter((i) => i.kind === 'ether');
}

/** Pulls the cable out of one interface (or all of them): the host no longer hears or is heard. */
export function unplug(world: World, host: Host, iface?: string): FaultResult {
	const list = cabled(host, iface);
	if (!list) return {ok: false, error: 'no-such-interface'};
	if (list.some((i) => i.kind !== 'ether')) return {ok: false, error: 'no-cable'};
	const changed: string[] = [];
	for (const i of list) {
		if (!i.plugged) continue;
		i.plugged = false;
		changed.push(i.name);
	}
	if (changed.length) world.log('lab', `cable pulled out of ${host.name} ${changed.join(', ')}`, host.name);
	if (host.powered) for (const name of changed) printk(host, world.now, oldNic(host) ? `${name}: link down` : `e1000: ${name} NIC Link is Down`);
	return {ok: true, changed};
}

/** Puts the cable back. */
export function plug(world: World, host: Host, iface?: string): FaultResult {
	const list = cabled(host, iface);
	if (!list) return {ok: false, error: 'no-such-interface'};
	if (list.some((i) => i.kind !== 'ether')) return {ok: false, error: 'no-cable'};
	const changed: string[] = [];
	for (const i of list) {
		if (i.plugged) continue;
		i.plugged = true;
		changed.push(i.name);
	}
	if (changed.length) world.log('lab', `cable plugged back into ${host.name} ${changed.join(', ')}`, host.name);
	if (host.powered) for (const name of changed) printk(host, world.now, oldNic(host) ? `${name}: link up, 100Mbps, full-duplex, lpa 0x45E1` : `e1000: ${name} NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX`);
	return {ok: true, changed};
}

/**
 * Cuts the power: every process, ARP cache entry, the IPVS table with its
 * connections and sync daemons, and whatever else a subsystem keeps in memory
 * is gone. Files stay.
 */
export function powerOff(world: World, host: Host): boolean {
	if (!host.powered) return false;
	host.powered = false;
	for (const d of host.daemons.values()) d.onPowerOff?.();
	host.processes.clear();
	host.neighbors.clear();
	// The IPVS table (services, timeouts, sync daemons) goes with the ip_vs daemon's onPowerOff.
	world.log('lab', `${host.name} powered off`, host.name);
	return true;
}

/** Powers a host on: it boots and runs its boot list of init scripts again. Returns the init scripts' output. */
export function powerOn(world: World, host: Host): string | undefined {
	if (host.powered) return undefined;
	host.powered = true;
	host.bootedAt = world.now;
	world.log('lab', `${host.name} powered on and booting`, host.name);
	for (const d of host.daemons.values()) d.onBoot?.();
	const scripts = initScripts();
	let out = '';
	for (const name of host.boot) out += scripts.get(name)?.start(world, host) ?? '';
	return out;
}
