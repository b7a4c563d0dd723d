import type {Localized} from '../../i18n/lang';
import type {TimerHandle} from '../event-queue';
import {initScripts} from '../features';
import type {Host, NetInterface} from '../host';
import {printk} from '../system/kernel-log';
import {userlandEra} from './userland-era';
import type {Micros} from '../time';
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
	if (changed.length) world.log('lab', {en: `cable pulled out of ${host.name} ${changed.join(', ')}`, es: `cable desconectado de ${host.name} ${changed.join(', ')}`}, host.name);
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
	if (changed.length) world.log('lab', {en: `cable plugged back into ${host.name} ${changed.join(', ')}`, es: `cable conectado de nuevo a ${host.name} ${changed.join(', ')}`}, host.name);
	if (host.powered) for (const name of changed) printk(host, world.now, oldNic(host) ? `${name}: link up, 100Mbps, full-duplex, lpa 0x45E1` : `e1000: ${name} NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX`);
	return {ok: true, changed};
}

/** How a host went down, as the timeline words it after the host's name. */
export const DOWN_HOW = {
	off: {en: 'powered off', es: 'apagado'},
	halt: {en: 'halted', es: 'detenido (halt)'},
	shutdown: {en: 'shut down and powered off', es: 'apagado de forma ordenada'},
	reboot: {en: 'shut down for reboot', es: 'apagado para reiniciar'},
} as const satisfies Record<string, Localized>;

/**
 * Cuts the power: every process, ARP cache entry, the IPVS table with its
 * connections and sync daemons, and whatever else a subsystem keeps in memory
 * is gone. Files stay. `how` words the timeline entry (a shutdown says so).
 */
export function powerOff(world: World, host: Host, how: Localized = DOWN_HOW.off): boolean {
	cancelBoot(world, host);
	if (!host.powered) return false;
	host.powered = false;
	for (const d of host.daemons.values()) d.onPowerOff?.();
	host.processes.clear();
	host.neighbors.clear();
	// The IPVS table (services, timeouts, sync daemons) goes with the ip_vs daemon's onPowerOff.
	world.log('lab', {en: `${host.name} ${how.en}`, es: `${host.name} ${how.es}`}, host.name);
	return true;
}

/**
 * Powers a host on: it boots as Debian does (see system/host-boot.ts: what was not
 * saved is gone, /etc/network/interfaces and /etc/sysctl.conf apply again) and
 * runs its boot list of init scripts. Returns what the boot printed.
 */
export function powerOn(world: World, host: Host): string | undefined {
	cancelBoot(world, host);
	if (host.powered) return undefined;
	host.powered = true;
	host.bootedAt = world.now;
	world.log('lab', {en: `${host.name} powered on and booting`, es: `${host.name} encendido, arrancando`}, host.name);
	let out = '';
	for (const d of host.daemons.values()) out += d.onBoot?.() ?? '';
	// Something the boot ran may have turned it off again.
	if (!host.powered) return out;
	const scripts = initScripts();
	for (const name of host.boot) out += scripts.get(name)?.start(world, host) ?? '';
	return out;
}

const PENDING = 'pending-boots';

function pendingBoots(world: World): Map<string, TimerHandle> {
	return world.feature(PENDING, () => new Map<string, TimerHandle>());
}

/** A reboot in progress: the host comes back after `delay`. Powering it on or off by hand cancels it. */
export function scheduleBoot(world: World, host: Host, delay: Micros): void {
	cancelBoot(world, host);
	const handle = world.after(delay, () => {
		pendingBoots(world).delete(host.name);
		powerOn(world, host);
	});
	pendingBoots(world).set(host.name, handle);
}

/** Cancels a pending boot; true when there was one. */
export function cancelBoot(world: World, host: Host): boolean {
	const pending = world.features.has(PENDING) ? pendingBoots(world) : undefined;
	const handle = pending?.get(host.name);
	if (!handle) return false;
	handle.cancel();
	pending!.delete(host.name);
	return true;
}

/** When a pending boot brings the host back, if one does. */
export function pendingBootAt(world: World, host: Host): Micros | undefined {
	return world.features.has(PENDING) ? pendingBoots(world).get(host.name)?.at : undefined;
}
