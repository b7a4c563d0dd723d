import {setLink} from '../../../sim/net/netconfig';
import {interfacesInOrder} from '../link-facts';
import {deviceMissing, incomplete, matches, MINUS_ONE, noDevice, type IpRun} from './ip-common';
import {linkLines, statsLines} from './ip-format';

export function ipLink(r: IpRun, args: string[]): number {
	const sub = args[0];
	if (sub === undefined || matches(sub, 'show') || matches(sub, 'list') || matches(sub, 'lst')) return show(r, args.slice(1));
	if (matches(sub, 'set')) return set(r, args.slice(1));
	if (matches(sub, 'help')) {
		r.ctx.err('Usage: ip link set DEVICE { up | down | mtu MTU }\n       ip link show [ DEVICE ]\n');
		return 255;
	}
	r.ctx.err(`Command "${sub}" is unknown, try "ip link help".\n`);
	return 255;
}

function show(r: IpRun, args: string[]): number {
	let dev: string | undefined;
	let up = false;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === 'up') up = true;
		else if (args[i] === 'dev') {
			dev = args[++i];
			if (dev === undefined) return incomplete(r);
		} else dev = args[i];
	}
	if (dev !== undefined && !r.host.interfaces.has(dev)) return deviceMissing(r, dev);
	let out = '';
	for (const iface of interfacesInOrder(r.host)) {
		if (dev !== undefined && iface.name !== dev) continue;
		if (up && !iface.up) continue;
		out += linkLines(r.host, iface, {...r.opts, family: undefined}, !r.old);
		if (r.opts.stats) out += statsLines(r.host, iface, r.opts);
		out += '\n';
	}
	r.ctx.out(out);
	return 0;
}

function set(r: IpRun, args: string[]): number {
	let dev: string | undefined;
	let state: boolean | undefined;
	let mtu: number | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === 'up' || a === 'down') state = a === 'up';
		else if (a === 'mtu') {
			const v = args[++i];
			if (v === undefined) return incomplete(r);
			if (!/^\d+$/.test(v)) {
				r.ctx.err(`Error: argument "${v}" is wrong: Invalid "mtu" value\n\n`);
				return 255;
			}
			mtu = Number(v);
		} else if (a === 'arp' || a === 'multicast' || a === 'promisc' || a === 'txqueuelen' || a === 'name' || a === 'address') i++;
		else if (a === 'dev') dev = args[++i];
		else if (dev === undefined) dev = a;
		else {
			r.ctx.err(`Error: either "dev" is duplicate, or "${a}" is a garbage.\n`);
			return 255;
		}
	}
	if (dev === undefined) {
		r.ctx.err('Not enough of information: "dev" argument is required.\n');
		return r.old ? MINUS_ONE : 255;
	}
	const iface = r.host.interfaces.get(dev);
	if (!iface) return noDevice(r, dev);
	if (mtu !== undefined) {
		if (mtu < 68 || mtu > 65535) {
			r.ctx.err(r.old ? 'SIOCSIFMTU: Invalid argument\n' : `Error: mtu ${mtu < 68 ? 'less than device minimum' : 'greater than device maximum'}.\n`);
			return r.old ? MINUS_ONE : 2;
		}
		iface.mtu = mtu;
	}
	if (state !== undefined) setLink(r.host, dev, state);
	return 0;
}
