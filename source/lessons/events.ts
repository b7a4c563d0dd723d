import type {Lab} from '../lab/lab';
import {createRegistry} from '../commands';
import type {Lang} from '../i18n/lang';
import {Shell} from '../shell/shell';
import {plug, powerOff, powerOn, unplug} from '../sim/net/faults';
import {MINUTE, MSEC, seconds, type Micros} from '../sim/time';
import type {Setup, TimedEvent} from './schema';

/** `10s`, `500ms`, `2m` or a number of seconds → microseconds. */
export function parseDuration(value: number | string): Micros {
	if (typeof value === 'number') return seconds(value);
	const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(value)!;
	const n = Number(m[1]);
	return m[2] === 'ms' ? Math.round(n * MSEC) : m[2] === 'm' ? Math.round(n * MINUTE) : seconds(n);
}

/** Runs command lines quietly on a host, in a shell of their own (not the learner's history). */
export function runQuietly(lab: Lab, lines: readonly string[], hostName: string | undefined, lang: Lang): Array<{line: string; status: number; output: string}> {
	const host = lab.world.host(hostName ?? lab.config.start);
	if (!host) return lines.map((line) => ({line, status: 127, output: `no host named ${hostName}\n`}));
	const shell = new Shell(lab.world, createRegistry(), {lang, interactive: false, start: host});
	return lines.map((line) => {
		const result = shell.execute(line.endsWith('\n') ? line : line + '\n');
		return {line, status: result.status, output: result.output.map((c) => c.text).join('')};
	});
}

/** Applies a step's setup: quiet commands now, timed events scheduled from now. */
export function applySetup(lab: Lab, setup: Setup, lang: Lang): Array<{line: string; status: number; output: string}> {
	const results = runQuietly(lab, setup.commands ?? [], setup.host, lang);
	const start = lab.world.now;
	for (const event of setup.events ?? []) {
		lab.world.at(start + parseDuration(event.at), () => fire(lab, event, lang));
	}
	return results;
}

/**
 * Does what an event says, as if it had happened to the cluster. Cables and
 * power go through the same engine functions as the lab's `unplug`, `plug`,
 * `poweroff` and `boot` commands, so an event and a typed command behave alike.
 */
export function fire(lab: Lab, event: TimedEvent, lang: Lang): void {
	const world = lab.world;
	if (event.unplug !== undefined || event.plug !== undefined) {
		const [name, iface] = (event.plug ?? event.unplug)!.split(':');
		const host = world.host(name!);
		if (host) (event.plug !== undefined ? plug : unplug)(world, host, iface);
	} else if (event['power-off'] !== undefined) {
		const host = world.host(event['power-off']);
		if (host) powerOff(world, host);
	} else if (event['power-on'] !== undefined) {
		const host = world.host(event['power-on']);
		if (host) powerOn(world, host);
	} else if (event['arp-flush'] !== undefined) {
		const host = world.host(event['arp-flush']);
		if (!host) return;
		host.neighbors.clear();
		world.log('lab', {en: `ARP cache of ${host.name} emptied`, es: `caché ARP de ${host.name} vaciada`}, host.name);
	} else if (event.run !== undefined) {
		world.log('lab', {en: `ran: ${event.run}`, es: `ejecutado: ${event.run}`}, event.host ?? lab.config.start);
		runQuietly(lab, [event.run], event.host, lang);
	}
	world.revision++;
}
