import {formatIp, parseIp} from '../../sim/net/ipv4';
import type {CommandSpec} from '../context';
import {hostNames} from './route';

/** net-tools arp: the ARP cache (-n numeric, -a BSD style, HOST filter). */
export const arp: CommandSpec = {
	name: 'arp',
	paths: ['/usr/sbin/arp'],
	group: 'network',
	summary: {en: 'the ARP cache: arp -n', es: 'la caché ARP: arp -n'},
	run(ctx) {
		const host = ctx.host;
		let numeric = false;
		let bsd = false;
		let filter: string | undefined;
		for (const a of ctx.argv.slice(1)) {
			if (/^-[naev]+$/.test(a)) {
				numeric ||= a.includes('n');
				bsd ||= a.includes('a');
			} else if (a.startsWith('-')) {
				ctx.err(`arp: invalid option -- '${a.replace(/^-+/, '').slice(0, 1)}'\nUsage:\n  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache\n`);
				return 255;
			} else filter = a;
		}
		const names = numeric ? new Map<number, string>() : hostNames(host);
		const want = filter === undefined ? undefined : parseIp(filter) ?? [...names].find(([, n]) => n === filter)?.[0];
		if (filter !== undefined && want === undefined) {
			ctx.err(`${filter}: Unknown host\n`);
			return 255;
		}
		const entries = [...host.neighbors].reverse().filter(([ip]) => want === undefined || ip === want);
		if (want !== undefined && entries.length === 0) {
			ctx.out(`${filter} (${formatIp(want)}) -- no entry\n`);
			return 0;
		}
		let out = '';
		if (bsd) {
			for (const [ip, n] of entries) {
				const name = names.get(ip) ?? '?';
				const complete = n.state !== 'INCOMPLETE' && n.state !== 'FAILED';
				out += `${name} (${formatIp(ip)}) at ${complete ? `${n.mac} [ether]${n.state === 'PERMANENT' ? ' PERM' : ''}` : '<incomplete>'} on ${n.dev}\n`;
			}
		} else if (entries.length > 0) {
			out += 'Address                  HWtype  HWaddress           Flags Mask            Iface\n';
			for (const [ip, n] of entries) {
				const complete = n.state !== 'INCOMPLETE' && n.state !== 'FAILED';
				const flags = complete ? (n.state === 'PERMANENT' ? 'CM' : 'C') : '';
				out += `${(names.get(ip) ?? formatIp(ip)).slice(0, 23).padEnd(23)}  ${(complete ? 'ether' : '').padEnd(8)}${(complete ? n.mac : '(incomplete)').padEnd(20)}${flags.padEnd(6)}${''.padEnd(15)} ${n.dev}\n`;
			}
		}
		ctx.out(out);
		return 0;
	},
};
