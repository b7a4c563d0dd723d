import {formatIp} from '../../../sim/net/ipv4';
import {isLocalAddress, lookupRoute, MAIN_TABLE} from '../../../sim/net/routing';
import {badPrefix, incomplete, matches, parsePrefix, tableName, type IpRun} from './ip-common';

/**
 * `ip route get ADDR [from ADDR] [oif DEV]`: the kernel's answer for one packet,
 * through the policy rules, as a cache entry (`cache` line, no proto or scope).
 */
export function routeGet(r: IpRun, args: string[]): number {
	let dst: number | undefined;
	let from: number | undefined;
	let family: 'any' | 'inet' = 'any';
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const next = () => args[++i];
		if (a === 'from' || a === 'iif' || a === 'oif' || a === 'dev' || a === 'mark' || a === 'uid' || a === 'vrf' || a === 'tos' || matches(a, 'dsfield') || a === 'sport' || a === 'dport' || a === 'ipproto') {
			const v = next();
			if (v === undefined) return incomplete(r);
			if (a !== 'from') continue;
			const p = parsePrefix(v);
			if (!p) return badPrefix(r, v, family);
			from = p.ip;
			family = 'inet';
			continue;
		}
		if (a === 'fibmatch' || a === 'connected') continue;
		const word = a === 'to' ? next() : a;
		if (word === undefined) return incomplete(r);
		const p = parsePrefix(word);
		if (!p) return badPrefix(r, word, family);
		if (p.prefix !== 32 && !r.old) r.ctx.err(`Warning: /${p.prefix} as prefix is invalid, only /32 (or none) is supported.\n`);
		dst = p.ip;
		family = 'inet';
	}
	if (dst === undefined) {
		r.ctx.err('need at least a destination address\n');
		return 1;
	}
	if (from !== undefined && from !== 0 && !isLocalAddress(r.host, from)) {
		r.ctx.err('RTNETLINK answers: Network is unreachable\n');
		return 2;
	}
	const src = from || undefined;
	const res = lookupRoute(r.host, dst, src);
	const fromText = src === undefined ? '' : `from ${formatIp(src)} `;
	if (res.kind === 'local') {
		const prefsrc = src === undefined ? formatIp(r.host.addresses.find((a) => a.ip === dst)?.ip ?? 0x7f000001) : undefined;
		if (r.old) r.ctx.out(`local ${formatIp(dst)} ${fromText}dev lo ${prefsrc ? ` src ${prefsrc} ` : ''}\n    cache <local>  mtu 16436 advmss 16396 metric 10 64\n`);
		else r.ctx.out(`local ${formatIp(dst)} ${fromText}dev lo table local ${prefsrc ? `src ${prefsrc} ` : ''}uid 0 \n    cache <local> \n`);
		return 0;
	}
	if (res.kind === 'unreachable') {
		r.ctx.err('RTNETLINK answers: Network is unreachable\n');
		return 2;
	}
	let line = `${formatIp(dst)} ${fromText}${res.route.via !== undefined ? `via ${formatIp(res.route.via)} ` : ''}dev ${res.dev} `;
	// The source is printed only when the kernel chose it (no `from`).
	if (r.old) line += `${src === undefined ? ` src ${formatIp(res.src)} ` : ''}\n    cache  mtu 1500 advmss 1460 metric 10 64\n`;
	else line += `${res.table !== MAIN_TABLE ? `table ${tableName(r, res.table)} ` : ''}${src === undefined ? `src ${formatIp(res.src)} ` : ''}uid 0 \n    cache \n`;
	r.ctx.out(line);
	return 0;
}
