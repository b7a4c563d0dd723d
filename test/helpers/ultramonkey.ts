import type {Lab} from '../../source/lab/lab';
import {SEC} from '../../source/sim/time';
import {sh} from './lab';

/**
 * Stands in for the apache2 init script until the traffic model provides one:
 * a host "serves HTTP" while it has an apache2 daemon (what the health checks probe).
 */
export function startWeb(l: Lab, ...hosts: string[]): void {
	for (const h of hosts) l.world.host(h)!.daemons.set('apache2', {name: 'apache2'});
}

export function stopWeb(l: Lab, ...hosts: string[]): void {
	for (const h of hosts) l.world.host(h)!.daemons.delete('apache2');
}

/** Pulls (or plugs back) the cable of a host's interface. */
export function cable(l: Lab, host: string, plugged: boolean, dev = 'eth0'): void {
	l.world.host(host)!.interfaces.get(dev)!.plugged = plugged;
}

export function advance(l: Lab, secs: number): void {
	l.world.advance(secs * SEC);
}

/** Lines of a log file on a host, with the syslog date and host prefix cut off. */
export function logLines(l: Lab, host: string, file: string, tag?: RegExp): string[] {
	const text = l.world.host(host)!.fs.tryRead(file) ?? '';
	return text
		.split('\n')
		.filter((x) => x !== '' && (!tag || tag.test(x)))
		.map((x) => x.replace(/^\w{3} [ \d]\d \d\d:\d\d:\d\d \S+ /, ''));
}

export {sh};
