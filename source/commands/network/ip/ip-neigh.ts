import type {Neighbor} from '../../../sim/host';
import {formatIp, parseIp} from '../../../sim/net/ipv4';
import {MINUS_ONE, incomplete, matches, type IpRun} from './ip-common';

const STATES: Record<string, Neighbor['state']> = {permanent: 'PERMANENT', reachable: 'REACHABLE', stale: 'STALE', delay: 'DELAY', probe: 'PROBE', failed: 'FAILED', incomplete: 'INCOMPLETE', noarp: 'PERMANENT'};

export function ipNeigh(r: IpRun, args: string[]): number {
	const sub = args[0];
	if (sub === undefined || matches(sub, 'show') || matches(sub, 'list')) return show(r, args.slice(1));
	if (matches(sub, 'add') || sub === 'replace' || sub === 'change') return modify(r, sub === 'replace' || sub === 'change' ? 'replace' : 'add', args.slice(1));
	if (matches(sub, 'delete')) return modify(r, 'del', args.slice(1));
	if (matches(sub, 'flush')) return flush(r, args.slice(1));
	r.ctx.err(`Command "${sub}" is unknown, try "ip neigh help".\n`);
	return 255;
}

function show(r: IpRun, args: string[]): number {
	let dev: string | undefined;
	for (let i = 0; i < args.length; i++) if (args[i] === 'dev') dev = args[++i];
	if (dev !== undefined && !r.host.interfaces.has(dev)) {
		r.ctx.err(`Cannot find device "${dev}"\n`);
		return r.old ? MINUS_ONE : 1;
	}
	// The kernel's hash walk shows recent entries first.
	const entries = [...r.host.neighbors].reverse();
	let out = '';
	for (const [ip, n] of entries) {
		if (dev !== undefined && n.dev !== dev) continue;
		const hasMac = n.state !== 'FAILED' && n.state !== 'INCOMPLETE';
		if (r.old) out += `${formatIp(ip)} ${dev === undefined ? `dev ${n.dev} ` : ''}${hasMac ? `lladdr ${n.mac}` : ''} ${n.state}\n`;
		else out += `${formatIp(ip)} ${dev === undefined ? `dev ${n.dev} ` : ''}${hasMac ? `lladdr ${n.mac} ` : ''}${n.state} \n`;
	}
	r.ctx.out(out);
	return 0;
}

function modify(r: IpRun, cmd: 'add' | 'del' | 'replace', args: string[]): number {
	let ip: number | undefined;
	let dev: string | undefined;
	let mac: string | undefined;
	let state: Neighbor['state'] = 'PERMANENT';
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === 'dev' || a === 'lladdr' || a === 'nud') {
			const v = args[++i];
			if (v === undefined) return incomplete(r);
			if (a === 'dev') dev = v;
			else if (a === 'lladdr') mac = v.toLowerCase();
			else {
				const s = STATES[v];
				if (!s) {
					r.ctx.err(`Error: argument "${v}" is wrong: nud state is bad\n`);
					return 255;
				}
				state = s;
			}
		} else {
			ip = parseIp(a === 'to' ? (args[++i] ?? '') : a);
			if (ip === undefined) {
				r.ctx.err(`Error: inet address is expected rather than "${a}".\n`);
				return 1;
			}
		}
	}
	if (ip === undefined || dev === undefined) {
		r.ctx.err('Device and destination are required arguments.\n');
		return r.old ? MINUS_ONE : 255;
	}
	if (!r.host.interfaces.has(dev)) {
		r.ctx.err(`Cannot find device "${dev}"\n`);
		return r.old ? MINUS_ONE : 1;
	}
	if (cmd === 'del') {
		if (!r.host.neighbors.delete(ip)) {
			r.ctx.err('RTNETLINK answers: No such file or directory\n');
			return 2;
		}
		return 0;
	}
	if (cmd === 'add' && r.host.neighbors.has(ip)) {
		r.ctx.err('RTNETLINK answers: File exists\n');
		return 2;
	}
	if (mac !== undefined && !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac)) {
		r.ctx.err(`"${mac}" is invalid lladdr.\n`);
		return r.old ? MINUS_ONE : 1;
	}
	r.host.neighbors.delete(ip);
	r.host.neighbors.set(ip, {mac: mac ?? '00:00:00:00:00:00', dev, state: mac === undefined && state === 'PERMANENT' ? 'FAILED' : state, updated: r.ctx.world.now});
	return 0;
}

function flush(r: IpRun, args: string[]): number {
	let dev: string | undefined;
	let all = false;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === 'dev') dev = args[++i];
		else if (args[i] === 'all') all = true;
	}
	if (dev === undefined && !all) {
		r.ctx.err('Flush requires arguments.\n');
		return r.old ? MINUS_ONE : 255;
	}
	if (dev !== undefined && !r.host.interfaces.has(dev)) {
		r.ctx.err(`Cannot find device "${dev}"\n`);
		return r.old ? MINUS_ONE : 1;
	}
	for (const [ip, n] of [...r.host.neighbors]) if ((dev === undefined || n.dev === dev) && n.state !== 'PERMANENT') r.host.neighbors.delete(ip);
	return 0;
}
