import {formatIp} from '../../sim/net/ipv4';
import {walk} from '../../sim/net/path';
import {lookupRoute} from '../../sim/net/routing';
import {SEC} from '../../sim/time';
import type {CommandSpec} from '../context';
import {resolveName} from './client';

/** Time a host's kernel takes to answer an echo request. */
const ECHO_COST = 8;
/** Without -c the lab sends this many (there is no Ctrl-C to stop it). */
const DEFAULT_COUNT = 4;

function nameOf(hostsFile: string, ip: string): string | undefined {
	for (const line of hostsFile.split('\n')) {
		const f = line.replace(/#.*/, '').trim().split(/\s+/);
		if (f[0] === ip && f[1]) return f[1];
	}
	return undefined;
}

/**
 * iputils ping from the host the shell is on: ICMP echo through the simulated
 * network, one per second of virtual time, with ping's summary.
 */
export const ping: CommandSpec = {
	name: 'ping',
	paths: ['/bin/ping'],
	group: 'network',
	summary: {en: 'send ICMP echo requests (ping -c N HOST; 4 without -c)', es: 'envía peticiones de eco ICMP (ping -c N HOST; 4 sin -c)'},
	run(ctx) {
		const args = ctx.argv.slice(1);
		let count = DEFAULT_COUNT;
		let target: string | undefined;
		for (let i = 0; i < args.length; i++) {
			const a = args[i]!;
			if (a === '-c' || a.startsWith('-c')) {
				const v = a === '-c' ? args[++i] : a.slice(2);
				if (v === undefined) {
					ctx.err("ping: option requires an argument -- 'c'\n");
					return 2;
				}
				if (!/^\d+$/.test(v) || Number(v) < 1) {
					ctx.err(`ping: invalid argument: '${v}'\n`);
					return 1;
				}
				count = Math.min(Number(v), 10000);
			} else if (a.startsWith('-') && a !== '-') {
				ctx.err(`ping: invalid option -- '${a[1]}'\n`);
				return 2;
			} else if (target === undefined) target = a;
			else {
				ctx.err('ping: usage error: Destination address required\n');
				return 1;
			}
		}
		if (target === undefined) {
			ctx.err('ping: usage error: Destination address required\n');
			return 1;
		}
		const host = ctx.host;
		const world = ctx.world;
		const dst = resolveName(host, target);
		if (dst === undefined) {
			ctx.err(`ping: ${target}: Name or service not known\n`);
			return 2;
		}
		const route = lookupRoute(host, dst);
		if (route.kind === 'unreachable') {
			ctx.err('ping: connect: Network is unreachable\n');
			return 2;
		}
		const src = route.kind === 'unicast' ? route.src : dst;
		const shown = formatIp(dst);
		const hostsFile = host.fs.tryRead('/etc/hosts') ?? '';
		const label = target === shown ? shown : `${nameOf(hostsFile, shown) ?? target} (${shown})`;
		ctx.out(`PING ${target} (${shown}) 56(84) bytes of data.\n`);
		const rng = world.feature('ping-rng', () => world.rng.fork('ping'));
		const opts = {pick: (n: number) => rng.int(n)};
		const start = world.now;
		const rtts: number[] = [];
		let errors = 0;
		let last = start;
		for (let seq = 1; seq <= count; seq++) {
			const sent = start + (seq - 1) * SEC;
			if (sent > world.now) world.runUntil(sent);
			const there = walk(world, host, {src, dst, proto: 'icmp', sport: 0, dport: 0, size: 84}, opts);
			if (there.end.kind === 'dropped') {
				if (there.end.host === host && (there.end.reason === 'arp-failed' || there.end.reason === 'no-carrier')) {
					errors++;
					ctx.out(`From ${formatIp(src)} icmp_seq=${seq} Destination Host Unreachable\n`);
				}
				last = sent;
				continue;
			}
			const peer = there.end.host;
			const back = walk(world, peer, {src: dst, dst: src, proto: 'icmp', sport: 0, dport: 0, size: 84}, opts);
			if (back.end.kind !== 'local' || back.end.host !== host) {
				last = sent;
				continue;
			}
			const rtt = there.latency + ECHO_COST + back.latency;
			rtts.push(rtt);
			last = sent + rtt;
			ctx.out(`64 bytes from ${label}: icmp_seq=${seq} ttl=64 time=${(rtt / 1000).toFixed(3)} ms\n`);
		}
		if (last > world.now) world.runUntil(last);
		const received = rtts.length;
		const loss = Math.round((100 * (count - received)) / count);
		const elapsed = Math.floor((last - start) / 1000);
		ctx.out(`\n--- ${target} ping statistics ---\n`);
		ctx.out(`${count} packets transmitted, ${received} received, ${errors ? `+${errors} errors, ` : ''}${loss}% packet loss, time ${elapsed}ms\n`);
		if (received) {
			const ms = rtts.map((r) => r / 1000);
			const min = Math.min(...ms);
			const max = Math.max(...ms);
			const avg = ms.reduce((a, b) => a + b, 0) / received;
			const mdev = Math.sqrt(ms.reduce((a, b) => a + b * b, 0) / received - avg * avg);
			ctx.out(`rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${(Number.isNaN(mdev) ? 0 : mdev).toFixed(3)} ms\n`);
		}
		return received ? 0 : 1;
	},
};
