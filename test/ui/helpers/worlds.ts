import {CommandRegistry} from '../../../source/commands/registry';
import {COMMANDS} from '../../../source/commands';
import type {CommandSpec} from '../../../source/commands/context';
import type {Lab} from '../../../source/lab/lab';
import {loadScenario} from '../../../source/scenario/load';
import {buildWorld} from '../../../source/scenario/build';
import {Shell} from '../../../source/shell/shell';
import type {ConnEntry, Dest, ForwardMethod} from '../../../source/sim/ipvs/types';
import {parseIp} from '../../../source/sim/net/ipv4';
import {SEC} from '../../../source/sim/time';
import type {World} from '../../../source/sim/world';

/**
 * Hand-built worlds for screen tests: the sandbox scenario with its IPVS table,
 * counters and connection entries filled in directly.
 */
export function sandboxWorld(seed = 1): World {
	const found = loadScenario('sandbox');
	if (!found.ok) throw new Error(found.message);
	return buildWorld(found.config, seed);
}

const ip = (text: string) => parseIp(text)!;

/**
 * Takes the web servers' request counters away, so a test's own IPVS counters
 * alone decide the requests per second (the screen prefers answered requests).
 */
export function withoutWebCounters(world: World): World {
	for (const host of world.hosts.values()) host.daemons.delete('apache2');
	return world;
}

/** Adds `TCP 10.0.0.100:80 rr` with rs1-rs4 on the sandbox's director and returns the dests by host. */
export function addWebService(world: World, fwd: ForwardMethod = 'masq'): Map<string, Dest> {
	const ipvs = world.host('lvs1')!.ipvs!;
	const key = {fwmark: 0, protocol: 'tcp' as const, addr: ip('10.0.0.100'), port: 80};
	ipvs.addService(key, {scheduler: 'rr', persistent: false, timeout: 0, netmask: 0xffffffff, onePacket: false, schedFlags: 0});
	for (const n of [1, 2, 3, 4]) {
		ipvs.addDest(key, {addr: ip(`10.0.0.1${n}`), port: 80, fwd, weight: 1, uThreshold: 0, lThreshold: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0});
	}
	const dests = new Map<string, Dest>();
	for (const d of ipvs.services[0]!.dests) dests.set(`rs${Number(d.addr & 255) - 10}`, d);
	return dests;
}

/** Installs a connection table on the director: `count` entries from the client to `rs`. */
export function setConnections(world: World, entries: ConnEntry[]): void {
	world.host('lvs1')!.ipvs!.connections = () => entries;
}

export function conn(world: World, n: number, rs: number, state = 'ESTABLISHED', secondsLeft = 900): ConnEntry {
	return {
		protocol: 'tcp',
		caddr: ip('10.0.0.200'),
		cport: 40000 + n,
		vaddr: ip('10.0.0.100'),
		vport: 80,
		daddr: ip(`10.0.0.1${rs}`),
		dport: 80,
		state,
		expires: world.now + secondsLeft * SEC,
		template: false,
	};
}

/** A lab on a hand-built world whose shell also knows `extra` commands. */
export function labOn(world: World, extra: CommandSpec[] = [], interactive = true): Lab {
	const registry = new CommandRegistry([...COMMANDS.filter((c) => !extra.some((e) => e.name === c.name)), ...extra]);
	const shell = new Shell(world, registry, {lang: 'en', interactive, start: world.host('lvs1')!});
	const found = loadScenario('sandbox');
	if (!found.ok) throw new Error(found.message);
	return {world, shell, config: found.config};
}
