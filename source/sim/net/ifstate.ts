import type {Host} from '../host';
import {userlandEra} from './userland-era';

/** Where ifupdown keeps the list of configured interfaces (`iface=logical` lines). */
export function ifstatePath(host: Host): string {
	return userlandEra(host.kernel) === 'sarge' ? '/etc/network/run/ifstate' : '/run/network/ifstate';
}

export function readIfstate(host: Host): Map<string, string> {
	const map = new Map<string, string>();
	for (const line of (host.fs.tryRead(ifstatePath(host)) ?? '').split('\n')) {
		const t = line.trim();
		if (!t) continue;
		const eq = t.indexOf('=');
		map.set(eq < 0 ? t : t.slice(0, eq), eq < 0 ? t : t.slice(eq + 1));
	}
	return map;
}

export function writeIfstate(host: Host, state: Map<string, string>): void {
	let text = '';
	for (const [iface, logical] of state) text += `${iface}=${logical}\n`;
	host.fs.put(ifstatePath(host), text);
}
