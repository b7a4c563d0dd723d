import type {Lab} from '../../source/lab/lab';
import {httpServer} from '../../source/sim/http/server';
import {SEC} from '../../source/sim/time';
import {sh} from './lab';

/** Starts Apache on real servers (the scenario boots it; tests that stop it start it again). */
export function startWeb(l: Lab, ...hosts: string[]): void {
	for (const h of hosts) httpServer(l.world, l.world.host(h)!, () => l.world.rng.fork('test-http')).start();
}

/** `/etc/init.d/apache2 stop` on real servers: connections to port 80 are refused. */
export function stopWeb(l: Lab, ...hosts: string[]): void {
	for (const h of hosts) httpServer(l.world, l.world.host(h)!, () => l.world.rng.fork('test-http')).stop();
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
