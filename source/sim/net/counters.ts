import type {Host} from '../host';

/** Packet and byte counters of one interface, as `ip -s link` and `ifconfig` print them. */
export interface InterfaceCounters {
	rxPackets: number;
	rxBytes: number;
	txPackets: number;
	txBytes: number;
	rxErrors: number;
	txErrors: number;
	rxDropped: number;
	txDropped: number;
}

const store = new WeakMap<Host, Map<string, InterfaceCounters>>();

/**
 * The live counters of `dev` on `host` (created at zero). The traffic model adds to
 * them as frames go out and come in; the tools only read them.
 */
export function interfaceCounters(host: Host, dev: string): InterfaceCounters {
	let byDev = store.get(host);
	if (!byDev) store.set(host, (byDev = new Map()));
	let c = byDev.get(dev);
	if (!c) byDev.set(dev, (c = {rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0, rxErrors: 0, txErrors: 0, rxDropped: 0, txDropped: 0}));
	return c;
}
